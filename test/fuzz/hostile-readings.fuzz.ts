import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorQuote } from '../../src/domain/anchor.js';
import { createArticleReader } from '../../src/reading/article-reader.js';
import { issueFormToken } from '../../src/http/security/form-token.js';
import { TEST_NOW } from '../helpers/app.js';
import { securityApp, TEST_SECRET } from '../security/form-helpers.js';
import { formText, jsonText, random, randomString, randomValue } from './generate.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20250301);
const BODIES = Number(process.env.FUZZ_READING_BODIES ?? 300);
const PARALLEL = 4;
const CORVANE = readFileSync(new URL('../fixtures/readings/corvane-cargo.txt', import.meta.url), 'utf8');
const PROPOSAL_FIELDS = ['statement', 'quote', 'origin', 'verb', 'citing', 'relays', 'publisher', 'date', 'claimedAt', 'actors', 'topics', 'ownVoice', 'alreadyTracked'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'settings', 'outputFunctionName', ''];

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);

/** A real proposal with some fields replaced by hostile values, some removed and hostile keys added. */
function mutated(rng: Rng, proposal: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...proposal };
  for (let i = int(rng, 4); i > 0; i--) {
    const key = rng() < 0.8 ? PROPOSAL_FIELDS[int(rng, PROPOSAL_FIELDS.length)]! : HOSTILE_KEYS[int(rng, HOSTILE_KEYS.length)]!;
    if (rng() < 0.2) delete next[key];
    else next[key] = rng() < 0.6 ? randomString(rng) : randomValue(rng);
  }
  return next;
}

function prototypeShapes() {
  return [Object.prototype, Array.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort().join(','));
}

describe(`hostile readings (seed ${SEED}; rerun with FUZZ_SEED=${SEED})`, () => {
  const reader = createArticleReader({ timeoutMs: 30_000, proposeTimeoutMs: 30_000 });
  let base = '';
  let close = () => Promise.resolve();
  let app: Awaited<ReturnType<typeof securityApp>>;
  let documentId = '';
  let offered: Array<Record<string, unknown>> = [];
  const prototypesBefore = prototypeShapes();

  beforeAll(async () => {
    app = await securityApp({ writeLimitPerMinute: 0, reader });
    const server = app.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((res) => res.json());
    const read = await post('/api/extract', { text: CORVANE, publishedAt: '2025-02-20' });
    const saved = await post('/api/documents', { title: read.document.title, publisher: 'Reuters', url: 'https://www.reuters.com/business/corvane-fuzz/', publishedAt: '2025-02-20', text: read.document.text });
    documentId = saved.id;
    offered = (await post(`/api/documents/${documentId}/proposals`, {})).proposals;
  });
  afterAll(async () => {
    await close();
    await reader.close();
  });

  it(`when ${BODIES} bodies each go to POST /api/extract, to the accept API and to the accept form, then nothing breaks, every stored quote is in the document and no prototype changes`, async () => {
    const rng = random(SEED);
    const jobs: Array<() => Promise<{ route: string; status: number; text: string }>> = [];
    const send = async (route: string, path: string, type: string, text: string) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body: text, redirect: 'manual' });
      await res.arrayBuffer();
      return { route, status: res.status, text };
    };
    for (let i = 0; i < BODIES; i++) {
      const extract: Array<[string, unknown]> = [
        [rng() < 0.5 ? 'text' : 'html', rng() < 0.3 ? CORVANE.slice(int(rng, CORVANE.length)) : randomString(rng, 400)],
        ['publishedAt', rng() < 0.6 ? '2025-02-20' : randomString(rng)],
        ...(rng() < 0.3 ? [[HOSTILE_KEYS[int(rng, HOSTILE_KEYS.length)]!, randomValue(rng)] as [string, unknown]] : []),
      ];
      jobs.push(() => send('extract', '/api/extract', 'application/json', jsonText(rng, extract)));
      const proposals = Array.from({ length: int(rng, 4) }, () => mutated(rng, offered[int(rng, offered.length)]!));
      const accept: Array<[string, unknown]> = [
        ['proposals', rng() < 0.9 ? proposals : randomValue(rng)],
        ['relations', rng() < 0.5 ? [{ from: int(rng, 4), relation: rng() < 0.5 ? 'after' : randomString(rng), to: int(rng, 4) }] : randomValue(rng)],
        ['editor', rng() < 0.8 ? 'Fuzz' : randomValue(rng)],
      ];
      jobs.push(() => send('accept api', `/api/documents/${documentId}/proposals/accept`, 'application/json', jsonText(rng, accept)));
      const form: Array<[string, unknown]> = [['count', String(proposals.length)], ['editor', 'Fuzz']];
      proposals.forEach((proposal, row) => {
        form.push([`p${row}.keep`, 'on']);
        for (const [key, value] of Object.entries(proposal)) form.push([`p${row}.${key}`, Array.isArray(value) ? value.join(', ') : value]);
      });
      if (rng() < 0.3) form.push([HOSTILE_KEYS[int(rng, HOSTILE_KEYS.length)]!, randomString(rng)]);
      const token = encodeURIComponent(issueFormToken(TEST_SECRET, undefined, TEST_NOW));
      jobs.push(() => send('accept form', `/documents/${documentId}/proposals/accept`, 'application/x-www-form-urlencoded', `${formText(rng, form)}&_token=${token}`));
    }
    const sent: Array<{ route: string; status: number; text: string }> = [];
    for (let next = 0; next < jobs.length; next += PARALLEL) sent.push(...(await Promise.all(jobs.slice(next, next + PARALLEL).map((job) => job()))));

    expect(sent.filter((s) => s.status >= 500).map((s) => `${s.route} → ${s.status}: ${s.text.slice(0, 200)}`)).toEqual([]);
    expect(sent.filter((s) => ![200, 201, 303, 400, 403, 413, 422].includes(s.status)).map((s) => `${s.route} → ${s.status}`)).toEqual([]);
    const counts: Record<string, number> = {};
    for (const s of sent) counts[`${s.route} ${s.status}`] = (counts[`${s.route} ${s.status}`] ?? 0) + 1;
    console.log(`fuzz answers by route and status: ${JSON.stringify(counts)}`);
    expect(sent.filter((s) => s.route !== 'extract' && (s.status === 201 || s.status === 303)).length).toBeGreaterThan(0);

    const db = await app.store.dump();
    const text = db.documents.find((doc) => doc.id === documentId)?.text ?? '';
    for (const claim of db.claims.filter((c) => c.attributions.some((a) => a.documentId === documentId))) {
      const origin = claim.attributions.find((a) => a.role === 'origin')!;
      expect(anchorQuote(text, origin.quote ?? '').found, `stored quote “${origin.quote}” is not in the document`).toBe(true);
      expect(origin.anchor && text.slice(origin.anchor.start, origin.anchor.end)).toBe(origin.anchor?.exact);
    }
    expect(prototypeShapes()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${base}/stories/apple-alibaba`)).status).toBe(200);
  });
});
