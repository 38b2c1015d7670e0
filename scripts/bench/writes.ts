import type { Database } from '../../src/domain/types.js';
import { call, postJson, type Reply } from './http-client.js';
import type { Random } from './prng.js';

export interface Latencies {
  /** Requests made; fewer than asked when the time budget ran out first. */
  count: number;
  medianMs: number;
  p99Ms: number;
}

export interface WriteBudget {
  /** Requests to make, one at a time. */
  count: number;
  /** Stop early past this, so a slow write path cannot stall the run; at least `minimum` requests are made. */
  maxSeconds: number;
  minimum: number;
}

/** The value at a percentile, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** The body of one benchmark claim; `marker` makes the bench's claims findable with `?q=`. */
export function benchClaim(marker: string, i: number, source: string) {
  return { statement: `${marker} ${i}: Helios Grid will open an office in Porto Vale`, date: '2025-06', source };
}

function expectStatus(reply: Reply, wanted: number[], what: string): void {
  if (!wanted.includes(reply.status)) {
    throw new Error(`${what} answered ${reply.status}: ${reply.body.toString().slice(0, 300)}`);
  }
}

/**
 * Sends writes one at a time and times each, within a budget.
 * @example await sequentially({ count: 200, maxSeconds: 30, minimum: 20 }, (i) => postJson(port, '/api/claims', body(i)))
 */
export async function sequentially(budget: WriteBudget, send: (i: number) => Promise<number>): Promise<Latencies> {
  const started = performance.now();
  const times: number[] = [];
  for (let i = 0; i < budget.count; i++) {
    if (i >= budget.minimum && performance.now() - started > budget.maxSeconds * 1000) break;
    times.push(await send(i));
  }
  return { count: times.length, medianMs: percentile(times, 50), p99Ms: percentile(times, 99) };
}

/** How many claims `GET /api/claims?q=<marker>` finds. */
export async function countStored(port: number, marker: string): Promise<number> {
  const reply = await call(port, `/api/claims?q=${encodeURIComponent(marker)}&limit=200`);
  expectStatus(reply, [200], 'GET /api/claims?q=');
  const page = JSON.parse(reply.body.toString()) as { total?: number; claims?: unknown[] };
  return page.total ?? page.claims?.length ?? 0;
}

/** One Claimline API write; resolves to its latency. */
export async function apiPost(port: number, body: object): Promise<number> {
  const reply = await postJson(port, '/api/claims', body);
  expectStatus(reply, [201], 'POST /api/claims');
  return reply.ms;
}

/**
 * Pairs of claims a relation can be added between without a conflict: the later claim's date starts after the
 * earlier one's ends, and the two are not related yet. The synthetic sequences all follow date order, so
 * “later after earlier” always agrees with them.
 */
export function relationPairs(db: Database, count: number, random: Random): Array<[string, string]> {
  const related = new Set(db.relations.flatMap((r) => [`${r.from}\u0000${r.to}`, `${r.to}\u0000${r.from}`]));
  const pairs: Array<[string, string]> = [];
  for (let tries = 0; pairs.length < count && tries < count * 50; tries += 1) {
    const earlier = random.pick(db.claims);
    const later = random.pick(db.claims);
    if (earlier.date.end >= later.date.start || later.date.openStart || related.has(`${later.id}\u0000${earlier.id}`)) continue;
    related.add(`${later.id}\u0000${earlier.id}`).add(`${earlier.id}\u0000${later.id}`);
    pairs.push([later.id, earlier.id]);
  }
  return pairs;
}

/** One relation added through the API; resolves to its latency. */
export async function apiRelate(port: number, [later, earlier]: [string, string]): Promise<number> {
  const reply = await postJson(port, `/api/claims/${encodeURIComponent(later)}/relations`, { relation: 'after', claim: earlier, editor: 'bench' });
  expectStatus(reply, [201], 'POST /api/claims/:id/relations');
  return reply.ms;
}

/** One json-server write; resolves to its latency. */
export async function jsonServerPost(port: number, body: object): Promise<number> {
  const reply = await postJson(port, '/claims', body);
  expectStatus(reply, [201], 'json-server POST /claims');
  return reply.ms;
}

export interface Burst {
  wallMs: number;
  stored: number;
}

/** `count` API writes sent at once; the wall time runs until the last answer, then the stored claims are counted. */
export async function concurrentApiPosts(port: number, count: number, marker: string, source: string): Promise<Burst> {
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => apiPost(port, benchClaim(marker, i, source))));
  const wallMs = performance.now() - started;
  return { wallMs, stored: await countStored(port, marker) };
}

/**
 * What a browser sends with the add-claim form: the page's cookies and hidden fields (a CSRF token, if the app
 * has one by then) and the same-origin headers an origin check looks for.
 */
interface FormSession {
  headers: Record<string, string>;
  hidden: Record<string, string>;
}

const decodeEntities = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? undefined : decodeEntities(value);
}

async function openFormSession(port: number): Promise<FormSession> {
  const page = await call(port, '/claims/new');
  expectStatus(page, [200], 'GET /claims/new');
  const setCookie = page.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0]).join('; ');
  const html = page.body.toString();
  const form = /<form\b[^>]*action\s*=\s*["']?\/claims["'\s>][\s\S]*?<\/form>/i.exec(html)?.[0] ?? html;
  const hidden: Record<string, string> = {};
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(tag, 'name');
    if (name && attribute(tag, 'type')?.toLowerCase() === 'hidden') hidden[name] = attribute(tag, 'value') ?? '';
  }
  return {
    hidden,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: `http://127.0.0.1:${port}`,
      'sec-fetch-site': 'same-origin',
      ...(cookies && { cookie: cookies }),
    },
  };
}

/**
 * Form writes (`POST /claims`, urlencoded) as a browser makes them: each post first reads the form page, outside
 * the timed part, for a fresh one-time token and cookies, since a token posted twice is answered with the first
 * post's redirect without storing anything — so a reused token would time nothing.
 */
export function formPoster(port: number) {
  return async (body: Record<string, string>): Promise<number> => {
    const session = await openFormSession(port);
    const form = new URLSearchParams({ ...session.hidden, ...body }).toString();
    const reply = await call(port, '/claims', { method: 'POST', headers: session.headers, body: form });
    expectStatus(reply, [302, 303], 'form POST /claims');
    return reply.ms;
  };
}
