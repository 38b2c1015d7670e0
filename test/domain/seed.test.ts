import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatabase } from '../../src/domain/database-check.js';
import { loadSeedDatabase, SEED_DIR } from '../../src/app/seed-files.js';

const article = readFileSync(`${SEED_DIR}apple-alibaba-article.txt`, 'utf8');
const db = loadSeedDatabase('2025-03-01T00:00:00.000Z');

describe('the shipped Apple–Alibaba story', () => {
  it('is the article exactly as captured in shared/seed, when that folder is beside the checkout', () => {
    const shared = new URL('../../../shared/seed/apple-alibaba-article.txt', import.meta.url);
    if (existsSync(shared)) expect(article).toBe(readFileSync(shared, 'utf8'));
  });

  it('holds at least twelve dated claims and is a valid database', () => {
    expect(db.claims.length).toBeGreaterThanOrEqual(12);
    expect(validateDatabase(db)).toBeNull();
  });

  it('quotes every claim verbatim from the article', () => {
    for (const claim of db.claims) {
      const quotes = claim.attributions.flatMap((a) => (a.quote ? [a.quote] : []));
      expect(quotes.length, claim.id).toBeGreaterThan(0);
      for (const quote of quotes) expect(article, `${claim.id}: ${quote}`).toContain(quote);
    }
  });

  it('gives every claim an origin, and Asia Financial as the publisher of each', () => {
    for (const claim of db.claims) {
      expect(claim.attributions.some((a) => a.role === 'origin'), claim.id).toBe(true);
      expect(claim.attributions.some((a) => a.role === 'publisher' && a.sourceId === 'asia-financial'), claim.id).toBe(true);
    }
  });

  it('keeps what The Information reported apart from what Reuters says in its own voice', () => {
    const originOf = (id: string) => db.claims.find((c) => c.id === id)?.attributions.find((a) => a.role === 'origin')?.sourceId;
    expect(originOf('apple-selected-baidu')).toBe('the-information');
    expect(originOf('apple-chose-alibaba')).toBe('the-information');
    expect(originOf('iphone-sales-dipped-holiday-quarter')).toBe('reuters');
    expect(originOf('apple-fell-out-of-top-five')).toBe('reuters');
    expect(originOf('apple-forecast-growth')).toBe('apple');
  });

  it('reads relative dates against the publication date, 11 February 2025', () => {
    const dateOf = (id: string) => db.claims.find((c) => c.id === id)?.date;
    expect(dateOf('apple-fell-out-of-top-five')).toMatchObject({ value: '2024-Q2', label: 'Q2 2024', phrase: 'the second quarter last year', reference: '2025-02-11' });
    expect(dateOf('apple-back-in-top-five')).toMatchObject({ value: '2024-Q3', start: '2024-07-01', end: '2024-09-30' });
    expect(dateOf('iphone-sales-dipped-holiday-quarter')).toMatchObject({ value: '2024-Q4', phrase: 'the holiday quarter' });
    expect(dateOf('apple-forecast-growth')).toMatchObject({ value: '2025-Q1', phrase: 'the current quarter' });
    expect(dateOf('apple-searching-for-local-partner')).toMatchObject({ start: '2024-01-01', openEnd: true, phrase: 'since last year' });
  });

  it('splits the sentence holding two events into two claims', () => {
    const ids = db.claims.map((c) => c.id);
    expect(ids).toContain('apple-fell-out-of-top-five');
    expect(ids).toContain('apple-back-in-top-five');
  });

  it('records that choosing Alibaba superseded selecting Baidu', () => {
    expect(db.claims.find((c) => c.id === 'apple-chose-alibaba')?.supersedes).toEqual(['apple-selected-baidu']);
    expect(db.claims.find((c) => c.id === 'apple-selected-baidu')?.status).toBe('superseded');
  });
});
