import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PageTooLargeError, ReadTimeoutError, createArticleReader, type ArticleReader } from '../../src/reading/article-reader.js';

const TODAY = '2026-01-01';
const PAGE = readFileSync(new URL('../fixtures/pages/voltaris-battery.html', import.meta.url));

let reader: ArticleReader | null = null;

afterEach(async () => {
  await reader?.close();
  reader = null;
});

describe('createArticleReader', () => {
  it('when a page is read on the worker, then the article comes back and its claims can be proposed there too', async () => {
    reader = createArticleReader({ timeoutMs: 30_000 });

    const article = await reader.readPage(PAGE, 'utf-8', { today: TODAY });
    const outcome = await reader.proposeClaims(
      { text: article.text, publishedAt: article.publishedAt, publisher: article.publisher, credit: article.credit, title: article.title },
      { today: TODAY },
    );

    expect(article.publisher).toBe('Gulf Markets Daily');
    expect(outcome.ok && outcome.proposals[0]?.origin).toBe('people familiar with the matter');
  });

  it('when pasted text is read on the worker, then its headline, dateline wire and story text come back', async () => {
    reader = createArticleReader({ timeoutMs: 30_000 });

    const article = await reader.readText('Share\n\nHanul Bids for Veridian\n\nSEOUL, March 4 (Reuters) - Hanul Motors said on Tuesday it would buy Veridian.', { today: TODAY });

    expect(article).toMatchObject({ title: 'Hanul Bids for Veridian', credit: 'Reuters', text: 'SEOUL, March 4 (Reuters) - Hanul Motors said on Tuesday it would buy Veridian.' });
  });

  it('when pasted text is longer than the reader takes, then it is refused before any work', async () => {
    reader = createArticleReader({ maxBytes: 10 });

    await expect(reader.readText('Hanul Motors said on Tuesday it would buy Veridian.', { today: TODAY })).rejects.toThrow(PageTooLargeError);
  });

  it('when reading outruns the time allowed, then it is refused, and the reader goes on taking work on a fresh worker', async () => {
    reader = createArticleReader({ timeoutMs: 1 });
    const large = new Uint8Array(Buffer.from(PAGE.toString().repeat(20)));

    await expect(reader.readPage(large, 'utf-8', { today: TODAY })).rejects.toThrow(ReadTimeoutError);
    await expect(reader.readPage(large, 'utf-8', { today: TODAY })).rejects.toThrow(ReadTimeoutError);
  });

  it('when the upload is larger than the reader takes, then it is refused before any work', async () => {
    reader = createArticleReader({ maxBytes: 1024 });

    await expect(reader.readPage(PAGE, 'utf-8', { today: TODAY })).rejects.toThrow(PageTooLargeError);
  });

  it('when the reader is closed, then it takes no more work', async () => {
    reader = createArticleReader();
    await reader.close();

    await expect(reader.readPage(PAGE, 'utf-8', { today: TODAY })).rejects.toThrow(/closed/);
  });
});
