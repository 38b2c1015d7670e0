import { parentPort } from 'node:worker_threads';
import { proposeClaims } from '../domain/extract/propose-claims.js';
import type { ArticleInput, ProposeOptions } from '../domain/extract/types.js';
import { readPage, readPastedText, type ReadOptions } from './read-article.js';

/** Work for the article worker; see `article-reader.ts`, the only sender. */
export type ArticleTask =
  | { kind: 'read'; bytes: Uint8Array; charset: string | null; options: ReadOptions }
  | { kind: 'paste'; text: string; options: ReadOptions }
  | { kind: 'propose'; article: ArticleInput; options: ProposeOptions };

export type ArticleJob = ArticleTask & { id: number };

export type ArticleReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  | { ready: true };

// Reading a page and proposing claims are seconds of CPU for a large upload: here they run off the main thread.
parentPort?.on('message', (job: ArticleJob) => {
  try {
    const result =
      job.kind === 'read'
        ? readPage(job.bytes, job.charset, job.options)
        : job.kind === 'paste'
          ? readPastedText(job.text, job.options)
          : proposeClaims(job.article, job.options);
    parentPort?.postMessage({ id: job.id, ok: true, result } satisfies ArticleReply);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, ok: false, message: (error as Error).message } satisfies ArticleReply);
  }
});
// Loading the parsers takes a while on a cold start; jobs are timed from here, not from the thread's birth.
parentPort?.postMessage({ ready: true } satisfies ArticleReply);
