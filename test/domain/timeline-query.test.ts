import { describe, expect, it } from 'vitest';
import { parseTimelineQuery, selectClaims, timelineFacets, type TimelineQuery } from '../../src/domain/timeline-query.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';

const db = loadSeedDatabase('2025-03-01T00:00:00.000Z');
const TODAY = '2025-03-01';

function query(params: Record<string, string>): TimelineQuery {
  const parsed = parseTimelineQuery(params, TODAY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('selecting claims for the timeline', () => {
  it('orders claims oldest first by the start of their span, a year before the quarters inside it', () => {
    const { claims } = selectClaims(db, query({}));
    const starts = claims.map((c) => c.date.start);
    expect(starts).toEqual([...starts].sort());
    const firstOf2024 = claims.filter((c) => c.date.start === '2024-01-01');
    expect(firstOf2024[0]?.date.precision).toBe('year');
  });

  it('reverses to newest first on request', () => {
    const asc = selectClaims(db, query({})).claims.map((c) => c.id);
    const desc = selectClaims(db, query({ order: 'desc' })).claims.map((c) => c.id);
    expect(desc).toEqual([...asc].reverse());
  });

  it('filters by source id or name, actor and topic, whatever their case', () => {
    expect(selectClaims(db, query({ source: 'apple' })).claims.map((c) => c.id)).toEqual(['apple-forecast-growth']);
    expect(selectClaims(db, query({ actor: 'deepseek' })).total).toBe(2);
    expect(selectClaims(db, query({ actor: 'DeepSeek' })).total).toBe(2);
    expect(selectClaims(db, query({ topic: 'regulation' })).claims.map((c) => c.id)).toEqual(['ai-features-submitted-to-regulator']);
  });

  it('keeps a claim whose span overlaps the date range', () => {
    const ids = selectClaims(db, query({ from: '2024-07', to: '2024-09' })).claims.map((c) => c.id);
    expect(ids).toContain('apple-back-in-top-five');
    expect(ids).toContain('apple-selected-baidu');
    expect(ids).not.toContain('apple-fell-out-of-top-five');
    expect(ids).not.toContain('apple-forecast-growth');
  });

  it('reads range bounds written as phrases against today', () => {
    const ids = selectClaims(db, query({ from: 'Q3 2024', to: 'September 2024' })).claims.map((c) => c.id);
    expect(ids).toContain('apple-back-in-top-five');
    expect(selectClaims(db, query({ from: 'last year', to: 'last year' })).claims.map((c) => c.id)).not.toContain('apple-forecast-growth');
  });

  it('orders by when each claim was made on the claimed axis', () => {
    const claimed = selectClaims(db, query({ axis: 'claimed' })).claims;
    expect(claimed.every((c) => c.claimedAt.start === '2025-02-11')).toBe(true);
    expect(selectClaims(db, query({ axis: 'claimed', from: '2025-02', to: '2025-02' })).total).toBe(db.claims.length);
    expect(selectClaims(db, query({ axis: 'event', from: '2025-02', to: '2025-02' })).total).toBeLessThan(db.claims.length);
  });

  it('keeps only claims resting on a single independent origin when asked', () => {
    const single = selectClaims(db, query({ corroboration: 'single' }));
    expect(single.total).toBe(db.claims.length);
    expect(selectClaims(db, query({ corroboration: 'multiple' })).total).toBe(0);
  });

  it('searches statements and quotes', () => {
    expect(selectClaims(db, query({ q: 'manpower' })).claims.map((c) => c.id)).toEqual(['apple-passed-on-deepseek']);
  });

  it('pages through the results', () => {
    const page = selectClaims(db, query({ limit: '5', page: '3' }));
    expect(page).toMatchObject({ page: 3, pages: 3, total: db.claims.length });
    expect(page.claims.length).toBe(db.claims.length - 10);
  });

  it('refuses an impossible date, a backwards range and a bad page number, naming the field', () => {
    const bad = parseTimelineQuery({ from: '2024-Q5', to: '2024-13', page: '0' }, TODAY);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(['page']);
    const dates = parseTimelineQuery({ from: '2024-Q5', to: '2024-13' }, TODAY);
    if (!dates.ok) expect(dates.errors.map((e) => e.field)).toEqual(['from', 'to']);
    const backwards = parseTimelineQuery({ from: '2025', to: '2024' }, TODAY);
    if (!backwards.ok) expect(backwards.errors[0]?.field).toBe('to');
    expect(backwards.ok).toBe(false);
  });

  it('lists actors, topics and sources with how many claims each has', () => {
    const facets = timelineFacets(db);
    expect(facets.actors[0]).toMatchObject({ key: 'apple', label: 'Apple' });
    expect(facets.sources.find((s) => s.key === 'the-information')).toMatchObject({ label: 'The Information', count: 8 });
  });
});
