import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Database } from '../src/domain/types.js';
import { captureResponse, type Captures } from './bench/captures.js';
import { medianDateParseMs } from './bench/date-parse.js';
import { call, keepAlive } from './bench/http-client.js';
import { measureQuoteMatch } from './bench/hostile-quotes.js';
import { measureGet, type LoadOptions } from './bench/load.js';
import {
  freePort,
  installCleanup,
  peakRssMb,
  startChild,
  stopAll,
  stopChild,
  waitUntilServing,
  type Child,
} from './bench/processes.js';
import { benchExtraction } from './bench/extract.js';
import { judged, table, type Figure } from './bench/report.js';
import {
  apiPost,
  apiRelate,
  benchClaim,
  concurrentApiPosts,
  countStored,
  formPoster,
  jsonServerPost,
  relationPairs,
  sequentially,
  type WriteBudget,
} from './bench/writes.js';
import { createRandom } from './bench/prng.js';
import { syntheticDatabase, writeDatabaseFile } from './seed-synthetic.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const JSON_SERVER_BIN = join(ROOT, 'node_modules/json-server/lib/bin.js');
const CONNECTIONS = 10;
const CONCURRENT_POSTS = 50;
const START_TIMEOUT_MS = 180_000;

interface Settings {
  sizes: number[];
  load: LoadOptions;
  writes: WriteBudget;
  formWrites: WriteBudget;
  seed: number;
  /** Run the compiled server (`npm run build` first) rather than the TypeScript source through tsx. */
  built: boolean;
  /** Only the article-reading figures, which need no server. */
  extractOnly: boolean;
  /** Only the in-process figures (date parsing), no server. */
  datesOnly: boolean;
  /** Claims per hostile document shape behind the quote-match figure. */
  quoteRounds: number;
}

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string', default: '1' },
      built: { type: 'boolean', default: false },
      'extract-only': { type: 'boolean', default: false },
      dates: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench -- [--quick] [--sizes 1000,10000,100000] [--seconds S] [--seed S] [--built] [--dates] [--extract-only]');
    console.log('  --dates  only the date-parse figure, measured in this process without a server');
    console.log('  --extract-only  only the article-reading figures (and the date-parse figure), no server');
    process.exit(0);
  }
  const quick = values.quick;
  const sizes = (values.sizes ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map((s) => Number(s.trim()));
  const seconds = Number(values.seconds ?? (quick ? 2 : 5));
  const seed = Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(seconds > 0) || !Number.isInteger(seed)) {
    console.error('bench: --sizes takes whole numbers ≥ 1 separated by commas, --seconds a positive number, --seed a whole number');
    process.exit(2);
  }
  if (values.built && !existsSync(join(ROOT, 'dist/server.js'))) {
    console.error('bench: --built runs dist/server.js; build it first with `npm run build`');
    process.exit(2);
  }
  return {
    sizes,
    seed,
    built: values.built,
    extractOnly: values['extract-only'],
    datesOnly: values.dates,
    quoteRounds: quick ? 3 : 7,
    load: { seconds, connections: CONNECTIONS, warmupSeconds: quick ? 0.5 : 1 },
    writes: quick ? { count: 100, maxSeconds: 6, minimum: 20 } : { count: 200, maxSeconds: 30, minimum: 20 },
    formWrites: quick ? { count: 30, maxSeconds: 4, minimum: 10 } : { count: 100, maxSeconds: 20, minimum: 20 },
  };
}

/** The names a reader of the timeline would click: the most mentioned actor, a mid-list claim, a typical source. */
function pickTargets(db: Database) {
  const actorCounts = new Map<string, number>();
  for (const claim of db.claims) for (const actor of claim.actors) actorCounts.set(actor, (actorCounts.get(actor) ?? 0) + 1);
  const actor = [...actorCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const middle = db.claims.slice(Math.floor(db.claims.length / 2));
  const claim = middle.find((c) => c.attributions.length >= 3) ?? db.claims[0];
  const sourceCounts = new Map<string, number>();
  for (const c of db.claims) for (const a of c.attributions) sourceCounts.set(a.sourceId, (sourceCounts.get(a.sourceId) ?? 0) + 1);
  // The median source, not the busiest: the busiest one's page measures one outlier, not a typical visit.
  const bySize = [...sourceCounts].sort((a, b) => a[1] - b[1]);
  const source = bySize[Math.floor(bySize.length / 2)]?.[0] ?? db.sources[0]?.id ?? '';
  const knownSource = db.sources.find((s) => s.kind === 'publication')?.name ?? 'The Bench Wire';
  return { actor, actorClaims: actorCounts.get(actor) ?? 0, claimId: claim?.id ?? '', sourceId: source, knownSource };
}

function serverCommand(built: boolean): string[] {
  return built ? ['dist/server.js'] : ['--import', 'tsx', 'src/server.ts'];
}

async function startClaimline(dbFile: string, built: boolean) {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CLAIMLINE_DB: dbFile,
    CLAIMLINE_WRITE_LIMIT: '0',
    NODE_ENV: 'production',
  };
  const spawnedAt = performance.now();
  const child = startChild('claimline', process.execPath, serverCommand(built), env, ROOT);
  const ready = await waitUntilServing(child, port, '/', spawnedAt, START_TIMEOUT_MS);
  return { child, port, ready };
}

async function startHelper(name: string, args: string[], readyPath: string): Promise<{ child: Child; port: number }> {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production' };
  const child = startChild(name, process.execPath, [...args, String(port)], env, ROOT);
  await waitUntilServing(child, port, readyPath, performance.now(), START_TIMEOUT_MS);
  return { child, port };
}

/** "all 100 stored", or how many of them the API finds, so a write answered but not kept shows up. */
async function storedNote(port: number, marker: string, sent: number): Promise<string> {
  const stored = await countStored(port, marker);
  return stored === sent ? `all ${sent} stored` : `ONLY ${stored} OF ${sent} STORED`;
}

/** Temp folders of sizes still running, removed on exit even when the run is interrupted. */
const tempDirs = new Set<string>();

/** Write-then-read rounds behind the “first render after a write” figure. */
const RENDER_AFTER_WRITE_ROUNDS = 9;

const log = (text: string) => console.log(`  ${text}`);

/** Every figure for one database size; children started here are stopped here, whatever happens. */
async function benchSize(n: number, settings: Settings): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (figure: Omit<Figure, 'pass' | 'target' | 'n'>) => {
    const done = judged({
      ...figure,
      n,
      value: figure.value === null ? null : Math.round(figure.value * 100) / 100,
      ...(figure.ratio !== undefined && { ratio: Number(figure.ratio.toPrecision(3)) }),
    });
    figures.push(done);
    log(`${done.figure}: ${done.value === null ? 'n/a' : `${Math.round(done.value * 10) / 10} ${done.unit}`}` +
      `${done.ratio === undefined ? '' : ` (${done.ratio.toFixed(2)}× ${done.ratioTo ?? ''})`}${done.note ? ` — ${done.note}` : ''}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'claimline-bench-'));
  tempDirs.add(dir);
  const children: Child[] = [];
  try {
    console.log(`\nN = ${n.toLocaleString('en-GB')} claims`);
    const db = syntheticDatabase({ claims: n, seed: settings.seed });
    const dbFile = join(dir, 'claimline.db.json');
    writeDatabaseFile(dbFile, db);
    const peerFile = join(dir, 'json-server.json');
    writeFileSync(peerFile, JSON.stringify({ claims: db.claims }));
    const targets = pickTargets(db);
    log(`database written (${db.documents.length} documents, ${db.relations.length} relations); filtered page: actor "${targets.actor}" (${targets.actorClaims} claims)`);

    // The first start meets a file Claimline did not write and checks every record; a restart on its own
    // database (the everyday case, and the one the target is about) trusts what its checksums vouch for.
    const firstOpen = await startClaimline(dbFile, settings.built);
    children.push(firstOpen.child);
    add({ figure: 'first open of a new file', value: firstOpen.ready.coldStartMs, unit: 'ms', note: 'spawn to the first 200 on GET /, every record checked' });
    await stopChild(firstOpen.child);
    const claimline = await startClaimline(dbFile, settings.built);
    children.push(claimline.child);
    add({ figure: 'cold start', value: claimline.ready.coldStartMs, unit: 'ms', note: 'restart on its own database: spawn to the first 200 on GET /' });
    add({ figure: 'first render after start', value: claimline.ready.firstResponseMs, unit: 'ms' });

    const pages: Array<{ figure: string; path: string }> = [
      { figure: 'timeline page 1', path: '/' },
      { figure: 'filtered timeline page', path: `/?actor=${encodeURIComponent(targets.actor)}` },
      { figure: 'claim page', path: `/claims/${encodeURIComponent(targets.claimId)}` },
      { figure: 'source page', path: `/sources/${encodeURIComponent(targets.sourceId)}` },
      { figure: 'GET /api/claims?page=1', path: '/api/claims?page=1' },
    ];
    const captures: Captures = {};
    for (const page of pages) {
      const reply = await call(claimline.port, page.path);
      if (reply.status !== 200) throw new Error(`GET ${page.path} answered ${reply.status}: ${reply.body.toString().slice(0, 300)}`);
      captures[page.path] = captureResponse(reply);
    }
    const capturesFile = join(dir, 'captures.json');
    writeFileSync(capturesFile, JSON.stringify(captures));
    const bare = await startHelper('bare node:http', ['--import', 'tsx', 'scripts/bench/bare-server.ts', capturesFile], '/');
    children.push(bare.child);

    let apiListRate = 0;
    for (const page of pages) {
      const app = await measureGet(claimline.port, page.path, settings.load);
      const limit = await measureGet(bare.port, page.path, settings.load);
      const bytes = Buffer.from(captures[page.path]?.body ?? '', 'base64').length;
      const failures = app.failures > 0 ? `${app.failures} failed requests; ` : '';
      const slow = app.aloneMs === undefined ? '' : `only ${app.requests} answers in ${settings.load.seconds} s; one request alone took ${Math.round(app.aloneMs)} ms; `;
      add({
        figure: page.figure,
        value: app.reqPerSec,
        unit: 'req/s',
        ratio: app.reqPerSec / limit.reqPerSec,
        ratioTo: 'bare',
        note: `${failures}${slow}${Math.round(bytes / 1024)} KB; bare ${Math.round(limit.reqPerSec)} req/s; p99 ${app.p99Ms} ms`,
      });
      if (page.path === '/') {
        add({
          figure: 'timeline page 1 p99',
          value: app.aloneMs === undefined ? app.p99Ms : null,
          unit: 'ms',
          note: app.aloneMs === undefined ? `at ${CONNECTIONS} connections` : 'too few answers for a p99',
        });
      }
      if (page.path.startsWith('/api/claims')) apiListRate = app.reqPerSec;
    }
    await stopChild(bare.child);

    const peer = await startHelper(
      'json-server',
      ['--import', 'tsx', '--import', './scripts/bench/loopback-listen.ts', JSON_SERVER_BIN, peerFile, '--host', '127.0.0.1', '--port'],
      '/claims?_page=1&_per_page=50',
    );
    children.push(peer.child);
    const peerList = await measureGet(peer.port, '/claims?_page=1&_per_page=50', settings.load);
    add({ figure: 'json-server paged list', value: peerList.reqPerSec, unit: 'req/s', note: 'GET /claims?_page=1&_per_page=50' });
    add({
      figure: 'API list vs json-server',
      value: apiListRate,
      unit: 'req/s',
      ratio: apiListRate / peerList.reqPerSec,
      ratioTo: 'json-server',
    });

    const marker = (phase: string) => `bench-${phase}-${randomBytes(4).toString('hex')}`;
    // One sample is at the mercy of a garbage collection; the median of several write-then-read rounds is not.
    const afterWrites: number[] = [];
    for (let round = 0; round < RENDER_AFTER_WRITE_ROUNDS; round += 1) {
      await apiPost(claimline.port, benchClaim(marker(`first-${round}`), round, targets.knownSource));
      afterWrites.push((await call(claimline.port, '/')).ms);
    }
    afterWrites.sort((a, b) => a - b);
    add({
      figure: 'first render after a write',
      value: afterWrites[Math.floor(afterWrites.length / 2)] ?? null,
      unit: 'ms',
      note: `GET / right after an API POST: median of ${RENDER_AFTER_WRITE_ROUNDS} rounds, slowest ${Math.round(afterWrites.at(-1) ?? 0)} ms`,
    });

    const pairs = relationPairs(db, settings.writes.count, createRandom(settings.seed));
    const relating = await sequentially({ ...settings.writes, count: pairs.length }, (i) => apiRelate(claimline.port, pairs[i] as [string, string]));
    add({
      figure: 'add a relation (API) median',
      value: relating.medianMs,
      unit: 'ms',
      note: `${relating.count} relations added one at a time among ${db.relations.length} stored, each checked against the dates and relations of its group; p99 ${relating.p99Ms.toFixed(1)} ms`,
    });
    const afterRelation = await (async () => {
      const [pair] = relationPairs(db, 1, createRandom(settings.seed + 1));
      if (pair) await apiRelate(claimline.port, pair);
      return (await call(claimline.port, '/')).ms;
    })();
    add({ figure: 'first render after a relation', value: afterRelation, unit: 'ms', note: 'GET / right after adding a relation, which can move claims in story order' });

    const sequentialMarker = marker('seq');
    const sequential = await sequentially(settings.writes, (i) =>
      apiPost(claimline.port, benchClaim(sequentialMarker, i, targets.knownSource)),
    );
    const peerWrites = await sequentially(settings.writes, (i) =>
      jsonServerPost(peer.port, benchClaim(marker('peer'), i, targets.knownSource)),
    );
    add({
      figure: 'API POST sequential median',
      value: sequential.medianMs,
      unit: 'ms',
      ratio: sequential.medianMs / peerWrites.medianMs,
      ratioTo: 'json-server',
      note: `${sequential.count} POSTs, one at a time, ${await storedNote(claimline.port, sequentialMarker, sequential.count)}; json-server: ${peerWrites.count} POSTs, median ${peerWrites.medianMs.toFixed(1)} ms`,
    });
    add({ figure: 'API POST sequential p99', value: sequential.p99Ms, unit: 'ms' });
    add({ figure: 'json-server POST sequential median', value: peerWrites.medianMs, unit: 'ms' });

    const burstMarker = marker('burst');
    const burst = await concurrentApiPosts(claimline.port, CONCURRENT_POSTS, burstMarker, targets.knownSource);
    add({
      figure: '50 concurrent API POSTs',
      value: burst.wallMs,
      unit: 'ms',
      ratio: burst.wallMs / sequential.medianMs,
      ratioTo: 'one POST',
      ...(burst.stored !== CONCURRENT_POSTS && { note: `only ${burst.stored} of ${CONCURRENT_POSTS} found by ?q=` }),
    });

    const post = formPoster(claimline.port);
    const formMarker = marker('form');
    const form = await sequentially(settings.formWrites, (i) => post(benchClaim(formMarker, i, targets.knownSource)));
    add({
      figure: 'form POST sequential median',
      value: form.medianMs,
      unit: 'ms',
      note: `${form.count} POSTs to /claims, ${await storedNote(claimline.port, formMarker, form.count)}`,
    });

    const quotes = await measureQuoteMatch(claimline.port, settings.quoteRounds);
    add({
      figure: 'refused quote, hostile document',
      value: quotes.worstMs,
      unit: 'ms',
      note: `POST /api/claims → 422 with the closest passage, 200,000-character document; slowest shape: ${quotes.worstShape} (median of ${settings.quoteRounds})`,
    });
    add({ figure: 'stylesheet during a quote match', value: quotes.stylesheetMs, unit: 'ms', note: 'GET /assets/style.css sent with the slowest hostile quote' });

    add({ figure: 'peak RSS', value: peakRssMb(claimline.child.pid), unit: 'MB', note: 'VmHWM of the Claimline process' });
    add({ figure: 'json-server peak RSS', value: peakRssMb(peer.child.pid), unit: 'MB' });
  } catch (error) {
    const message = (error as Error).message;
    console.error(`  bench at N = ${n} stopped: ${message}`);
    figures.push({ figure: 'run', n, value: null, unit: 'ms', pass: false, note: message.split('\n')[0] ?? message });
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
  return figures;
}

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  installCleanup(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  const startedAt = new Date();
  const plan = settings.datesOnly
    ? 'the date-parse figure only (--dates), no server'
    : settings.extractOnly
    ? 'the reading figures only (--extract-only), no server'
    : `sizes ${settings.sizes.join(', ')}; ${settings.load.seconds} s per figure at ${CONNECTIONS} connections`;
  console.log(`Claimline bench: ${plan}; ${cpus().length} CPUs, Node ${process.version}; server: ${serverCommand(settings.built).join(' ')}`);
  console.log('The write rate limit is off for the bench (CLAIMLINE_WRITE_LIMIT=0); everything runs on 127.0.0.1.');
  const [load1] = loadavg();
  if ((load1 ?? 0) > 0.5) {
    console.log(`Warning: the machine is busy (load average ${load1?.toFixed(2)}); figures will be lower and noisier than on an idle machine.`);
  }
  const figures: Figure[] = [];
  const dates = medianDateParseMs();
  const round = (ms: number) => Math.round(ms * 10_000) / 10_000;
  figures.push(
    judged({ figure: 'date parse median', n: dates.phrases, value: round(dates.medianMs), unit: 'ms', note: `over the dates table's phrases (N); slowest “${dates.slowest}”, ${round(dates.slowestMs)} ms` }),
  );
  log(`date parse median over ${dates.phrases} phrases: ${round(dates.medianMs)} ms (slowest “${dates.slowest}”, ${round(dates.slowestMs)} ms)`);
  try {
    if (!settings.datesOnly) {
      console.log('\nReading articles (no server)');
      figures.push(...(await benchExtraction({ built: settings.built, log })));
    }
    const serverSizes = settings.datesOnly || settings.extractOnly ? [] : settings.sizes;
    for (const n of serverSizes) figures.push(...(await benchSize(n, settings)));
  } finally {
    keepAlive.destroy();
    await stopAll();
  }
  console.log(`\n${table(figures)}`);
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.figure} (N=${f.n}): ${f.note}`);
  if (notes.length > 0) console.log(`\nNotes:\n${notes.join('\n')}`);

  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { loadAverageAtStart: loadavg(), cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryMb: Math.round(totalmem() / 1048576), node: process.version },
    settings: { ...settings, connections: CONNECTIONS, writeLimit: 'off (CLAIMLINE_WRITE_LIMIT=0)', command: process.argv.slice(2) },
    figures,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults: ${file}`);
  const failed = figures.filter((f) => f.pass === false).length;
  console.log(failed === 0 ? 'Every target met.' : `${failed} figure(s) miss their target.`);
  if (figures.some((f) => f.figure === 'run')) process.exitCode = 1;
}

await main();
