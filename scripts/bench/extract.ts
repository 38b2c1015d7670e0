import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MAX_ARTICLE_LENGTH } from '../../src/domain/extract/article-problem.js';
import { proposeClaims } from '../../src/domain/extract/propose-claims.js';
import type { ArticleInput } from '../../src/domain/extract/types.js';
import type { ArticleReader, ArticleReaderOptions } from '../../src/reading/article-reader.js';
import { readPage, readPastedText, type ReadArticle } from '../../src/reading/read-article.js';
import { scoreProposals, type GoldClaim, type GoldRelation } from './extract-score.js';
import { largePage, longStoryPage } from './large-page.js';
import { judged, type Figure } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = join(ROOT, 'test/fixtures/articles');
const PAGES = join(ROOT, 'test/fixtures/pages');
const TODAY = '2026-01-01';
const SPEED_ROUNDS = 15;
const LARGE_PAGE_BYTES = 500 * 1024;
const LONG_ARTICLE_WORDS = 2000;

interface GoldFile {
  text: string;
  publisher: string;
  publishedAt: string;
  claims: GoldClaim[];
  relations: GoldRelation[];
}

type Add = (figure: Omit<Figure, 'pass' | 'target'>) => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What a person would type for a pasted article: the gold file's publisher and day; the rest is read. */
function inputFor(article: ReadArticle, gold: GoldFile): ArticleInput {
  return { text: article.text, publishedAt: gold.publishedAt, publisher: gold.publisher, credit: article.credit, title: article.title };
}

function scoreArticle(name: string, article: ReadArticle, gold: GoldFile, add: Add): void {
  const outcome = proposeClaims(inputFor(article, gold), { today: TODAY });
  if (!outcome.ok) {
    add({ figure: `${name}: right chain`, n: gold.claims.length, value: null, unit: 'claims', note: outcome.message });
    return;
  }
  const score = scoreProposals(article.text, gold.claims, outcome.proposals, outcome.relations, gold.relations);
  const misses = score.misses.length > 0 ? `; misses: ${score.misses.join(' | ')}` : '';
  add({
    figure: `${name}: right chain`,
    n: score.gold,
    value: score.rightChain,
    unit: 'claims',
    note: `${score.proposals} proposals, ${score.found} of ${score.gold} claims found, relations ${score.relationsFound} of ${score.goldRelations}${misses}`,
  });
  add({ figure: `${name}: right date`, n: score.gold, value: score.rightDate, unit: 'claims' });
  add({
    figure: `${name}: kept share`,
    n: score.gold,
    value: score.proposals === 0 ? 0 : (100 * score.kept) / score.proposals,
    unit: '%',
    note: `${score.kept} of ${score.proposals} proposals are claims a person would keep`,
  });
}

function goldFiles(): Array<{ name: string; gold: GoldFile; text: string }> {
  return readdirSync(ARTICLES)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => {
      const gold = JSON.parse(readFileSync(join(ARTICLES, file), 'utf8')) as GoldFile;
      return { name: file.replace('.gold.json', ''), gold, text: readFileSync(join(ARTICLES, gold.text), 'utf8') };
    });
}

/** One article of at least 2,000 words, cut at a paragraph: the test articles one after another. */
function longArticle(texts: readonly string[]): string {
  const paragraphs: string[] = [];
  while (words(paragraphs.join(' ')) < LONG_ARTICLE_WORDS) paragraphs.push(...texts.flatMap((t) => t.split('\n\n')));
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    kept.push(paragraph);
    if (words(kept.join(' ')) >= LONG_ARTICLE_WORDS) break;
  }
  return kept.join('\n\n');
}

async function loadReader(built: boolean): Promise<(options?: ArticleReaderOptions) => ArticleReader> {
  const module = built
    ? ((await import(join(ROOT, 'dist/reading/article-reader.js'))) as typeof import('../../src/reading/article-reader.js'))
    : await import('../../src/reading/article-reader.js');
  return module.createArticleReader;
}

/** Runs `work` while sampling the event loop every millisecond; the longest stall is what other requests wait. */
async function withStallWatch<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  histogram.disable();
  return { result, ms, stallMs: histogram.max / 1e6 };
}

/**
 * Quality and speed of reading articles, with no server: on each test article the claims of its gold file that
 * the proposals include with the right chain and the right date, and the share of proposals a person would keep;
 * the time to propose claims for a 2,000-word article; and a 500 kB upload read on the worker, with the longest
 * stall of the main thread meanwhile.
 */
export async function benchExtraction(options: { built: boolean; log: (text: string) => void }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add: Add = (figure) => {
    const done = judged({ ...figure, value: figure.value === null ? null : Math.round(figure.value * 10) / 10 });
    figures.push(done);
    options.log(`${done.figure}: ${done.value ?? 'n/a'} ${done.unit}${done.target ? ` (target ${done.target}: ${done.pass ? 'met' : 'MISSED'})` : ''}`);
  };

  const articles = goldFiles();
  const read = articles.map(({ name, gold, text }) => ({ name, gold, article: readPastedText(text, { today: TODAY }) }));
  for (const { name, gold, article } of read) scoreArticle(name, article, gold, add);
  for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort()) {
    const name = file.replace('.html', '');
    const entry = articles.find((a) => a.name === name);
    if (!entry) continue;
    scoreArticle(`${name} (HTML page)`, readPage(readFileSync(join(PAGES, file)), null, { today: TODAY }), entry.gold, add);
  }

  const long = longArticle(read.map((r) => r.article.text));
  const input: ArticleInput = { text: long, publishedAt: '2025-09-18', publisher: 'Bench Daily', credit: null, title: null };
  const times: number[] = [];
  for (let round = 0; round < SPEED_ROUNDS; round++) {
    const started = performance.now();
    proposeClaims(input, { today: TODAY });
    times.push(performance.now() - started);
  }
  add({
    figure: 'propose claims, 2,000-word article',
    n: words(long),
    value: median(times),
    unit: 'ms',
    note: `median of ${SPEED_ROUNDS}; first run ${Math.round(times[0] ?? 0)} ms (compromise warming up), slowest ${Math.round(Math.max(...times))} ms`,
  });

  const base = readFileSync(join(PAGES, 'voltaris-battery.html'), 'utf8');
  const bytes = new TextEncoder().encode(largePage(base, LARGE_PAGE_BYTES, 1));
  const storyBytes = new TextEncoder().encode(longStoryPage(base, LARGE_PAGE_BYTES));
  const createArticleReader = await loadReader(options.built);
  const reader = createArticleReader({ timeoutMs: 10_000 });
  try {
    const idle = await withStallWatch(() => new Promise<void>((resolve) => setTimeout(resolve, 1000)));
    const cold = await withStallWatch(() => reader.readPage(bytes, 'utf-8', { today: TODAY }));
    const warm: Array<{ ms: number; stallMs: number }> = [];
    for (let round = 0; round < 5; round++) warm.push(await withStallWatch(() => reader.readPage(bytes, 'utf-8', { today: TODAY })));
    const story: Array<{ ms: number; stallMs: number; words: number }> = [];
    for (let round = 0; round < 3; round++) {
      const read = await withStallWatch(() => reader.readPage(storyBytes, 'utf-8', { today: TODAY }));
      story.push({ ms: read.ms, stallMs: read.stallMs, words: words(read.result.text) });
    }
    add({
      figure: 'read a 500 kB upload of story text on the worker',
      n: storyBytes.byteLength,
      value: median(story.map((s) => s.ms)),
      unit: 'ms',
      note: `median of ${story.length}; ${story[0]?.words ?? 0} words read (proposing claims refuses texts over ${MAX_ARTICLE_LENGTH.toLocaleString('en-GB')} characters)`,
    });
    const warmWorst = Math.max(...warm.map((w) => w.stallMs), ...story.map((s) => s.stallMs));
    add({
      figure: 'read a 500 kB upload on the worker',
      n: bytes.byteLength,
      value: median(warm.map((w) => w.ms)),
      unit: 'ms',
      note: `median of ${warm.length} on a started worker; the first, which starts the worker, took ${Math.round(cold.ms)} ms; ${words(cold.result.text)} words read`,
    });
    add({
      figure: 'longest main-thread stall while reading 500 kB',
      n: bytes.byteLength,
      value: Math.max(warmWorst, cold.stallMs),
      unit: 'ms',
      note:
        `event-loop delay sampled every 1 ms: ${Math.round(warmWorst)} ms at most over the reads on a started worker, ` +
        `${Math.round(cold.stallMs)} ms over the first (worker start included); the idle loop itself stalls ${Math.round(idle.stallMs)} ms on this machine now`,
    });
    const started = performance.now();
    readPage(bytes, 'utf-8', { today: TODAY });
    add({
      figure: 'same 500 kB read on the main thread',
      n: bytes.byteLength,
      value: performance.now() - started,
      unit: 'ms',
      note: 'for comparison: how long one request would block all others without the worker',
    });
  } finally {
    await reader.close();
  }
  return figures;
}
