import { Worker } from 'node:worker_threads';
import type { ArticleInput, ProposalOutcome, ProposeOptions } from '../domain/extract/types.js';
import type { ArticleJob, ArticleReply, ArticleTask } from './article-worker.js';
import type { ReadArticle, ReadOptions } from './read-article.js';

export interface ArticleReaderOptions {
  /** A page not read in this time is abandoned and its worker replaced (default 2000 ms). */
  timeoutMs?: number;
  /** The same for proposing claims, which a long article takes longer over (default 5000 ms). */
  proposeTimeoutMs?: number;
  /** Uploads larger than this are refused before any work (default 2 MiB). */
  maxBytes?: number;
}

/** Reading took longer than the reader allows: the page is too large or too tangled to read in time. */
export class ReadTimeoutError extends Error {
  override name = 'ReadTimeoutError';
}

/** The upload is larger than the reader takes. */
export class PageTooLargeError extends Error {
  override name = 'PageTooLargeError';
}

/** Reads pages and proposes claims on a worker thread, so a large upload never holds up other requests. */
export interface ArticleReader {
  /** An uploaded page (bytes and the charset the upload declared) as an article. */
  readPage(bytes: Uint8Array, charset: string | null, options: ReadOptions): Promise<ReadArticle>;
  /** Pasted text as an article (`readPastedText`), run on the worker. */
  readText(text: string, options: ReadOptions): Promise<ReadArticle>;
  /** `proposeClaims` for an article, run on the worker. */
  proposeClaims(article: ArticleInput, options: ProposeOptions): Promise<ProposalOutcome>;
  /** Stops the worker; jobs still waiting are refused. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_PROPOSE_TIMEOUT_MS = 5000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** The worker's entry: the compiled file in production, the TypeScript source through tsx in tests and `npm run dev`. */
function startWorker(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './article-worker.ts' : './article-worker.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * A reader with one worker thread, started on first use and kept for the next job; jobs run one at a time in
 * order. A job that outruns its time (`timeoutMs`, `proposeTimeoutMs`) is refused with ReadTimeoutError and the worker is terminated (the only
 * way to stop a synchronous parse), so the next job gets a fresh one. The worker does not keep the process alive.
 * @example const reader = createArticleReader(); const article = await reader.readPage(bytes, 'utf-8', { today }); await reader.close();
 */
export function createArticleReader(options: ArticleReaderOptions = {}): ArticleReader {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const proposeTimeoutMs = options.proposeTimeoutMs ?? DEFAULT_PROPOSE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let worker: Worker | null = null;
  let ready = false;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();
  const queue: ArticleJob[] = [];
  let running: number | null = null;

  const failAll = (error: Error) => {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      job.reject(error);
      pending.delete(id);
    }
    queue.length = 0;
    running = null;
  };

  const dropWorker = () => {
    const old = worker;
    worker = null;
    ready = false;
    if (old) void old.terminate();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = startWorker();
    started.unref();
    started.on('message', (reply: ArticleReply) => {
      if ('ready' in reply) {
        ready = true;
        pump();
        return;
      }
      const job = pending.get(reply.id);
      if (!job) return;
      clearTimeout(job.timer);
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new Error(reply.message));
      running = null;
      pump();
    });
    started.on('error', (error) => {
      if (worker === started) {
        worker = null;
        ready = false;
        failAll(error);
      }
    });
    worker = started;
    return started;
  };

  const pump = () => {
    if (running !== null || closed || queue.length === 0) return;
    const current = ensureWorker();
    if (!ready) return;
    const job = queue.shift();
    if (!job) return;
    const entry = pending.get(job.id);
    if (!entry) {
      pump();
      return;
    }
    running = job.id;
    const limit = job.kind === 'propose' ? proposeTimeoutMs : timeoutMs;
    entry.timer = setTimeout(() => {
      pending.delete(job.id);
      running = null;
      dropWorker();
      entry.reject(new ReadTimeoutError(`${job.kind === 'propose' ? 'Proposing claims' : 'Reading the page'} took longer than ${limit} ms and was stopped`));
      pump();
    }, limit);
    current.postMessage(job);
  };

  const submit = <T>(task: ArticleTask): Promise<T> => {
    if (closed) return Promise.reject(new Error('The article reader is closed'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      queue.push({ ...task, id });
      pump();
    });
  };

  return {
    readPage(bytes, charset, readOptions) {
      if (bytes.byteLength > maxBytes) {
        return Promise.reject(new PageTooLargeError(`The page is ${bytes.byteLength} bytes; at most ${maxBytes} are read`));
      }
      return submit<ReadArticle>({ kind: 'read', bytes, charset, options: readOptions });
    },
    readText(text, readOptions) {
      if (text.length > maxBytes) {
        return Promise.reject(new PageTooLargeError(`The text is ${text.length} characters; at most ${maxBytes} are read`));
      }
      return submit<ReadArticle>({ kind: 'paste', text, options: readOptions });
    },
    proposeClaims(article, proposeOptions) {
      return submit<ProposalOutcome>({ kind: 'propose', article, options: proposeOptions });
    },
    async close() {
      closed = true;
      failAll(new Error('The article reader is closed'));
      const old = worker;
      worker = null;
      if (old) await old.terminate();
    },
  };
}
