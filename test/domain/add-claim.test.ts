import { describe, expect, it } from 'vitest';
import { addClaim, type ClockContext } from '../../src/domain/add-claim.js';
import { validateNewClaim } from '../../src/domain/claim-draft.js';
import { findSource } from '../../src/domain/sources.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';

const db = loadSeedDatabase('2025-03-01T00:00:00.000Z');
const TODAY = '2025-03-01';
const context: ClockContext = { now: '2025-03-01T12:00:00.000Z', today: TODAY, newId: () => 'new-claim' };
const DOC = 'af-apple-taps-alibaba';

function valid(body: Record<string, unknown>) {
  const checked = validateNewClaim(body, db, TODAY);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value.draft;
}

function errorsOf(body: Record<string, unknown>) {
  const checked = validateNewClaim(body, db, TODAY);
  return checked.ok ? [] : checked.errors;
}

describe('adding a claim', () => {
  it('matches an existing source by name or id in any case and creates new names as sources', () => {
    const { data, result } = addClaim(
      db,
      valid({ statement: 'Apple will launch in May.', date: '2025-05', source: 'the information', relayedBy: 'REUTERS, Bloomberg News' }),
      context,
    );
    expect(result.attributions.map((a) => [a.sourceId, a.role])).toEqual([
      ['the-information', 'origin'],
      ['reuters', 'relay'],
      ['bloomberg-news', 'relay'],
    ]);
    expect(data.sources.find((s) => s.id === 'bloomberg-news')?.name).toBe('Bloomberg News');
    expect(data.sources.length).toBe(db.sources.length + 1);
    expect(db.claims.some((c) => c.id === 'new-claim')).toBe(false);
  });

  it('stores the date at the precision given, with its span and label', () => {
    const { result } = addClaim(db, valid({ statement: 's', date: '2024-Q2', source: 'Reuters' }), context);
    expect(result.date).toEqual({ value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024' });
    expect(result.status).toBe('reported');
    expect(result.claimedAt.value).toBe(TODAY);
  });

  it('reads a phrase against the cited document’s publication date and anchors the quote in its text', () => {
    const { result } = addClaim(
      db,
      valid({ statement: 's', date: 'the second quarter last year', source: 'Reuters', document: DOC, quote: 'briefly fall out of China’s top five' }),
      context,
    );
    expect(result.date).toMatchObject({ value: '2024-Q2', phrase: 'the second quarter last year', reference: '2025-02-11' });
    expect(result.claimedAt.value).toBe('2025-02-11');
    expect(result.attributions[0]?.anchor).toMatchObject({ exact: 'briefly fall out of China’s top five' });
    expect(result.attributions.at(-1)).toMatchObject({ sourceId: 'asia-financial', role: 'publisher' });
  });

  it('forgives straight quotes and spacing in a quote, storing the document’s own words', () => {
    const draft = valid({ statement: 's', date: '2024', source: 'Reuters', document: DOC, quote: 'the  Chinese company\'s progress' });
    expect(draft.quote).toBe('the Chinese company’s progress');
  });

  it('refuses a quote that is not in the document, showing the closest passage', () => {
    const [error] = errorsOf({ statement: 's', date: '2024', source: 'Reuters', document: DOC, quote: 'Apple decided to go with Tencent partly due to data' });
    expect(error?.field).toBe('quote');
    expect(error?.message).toMatch(/not in “Apple Taps Alibaba/);
    expect(error?.message).toMatch(/closest passage is: “.*Apple decided to go with Alibaba/);
  });

  it('refuses a source id that names no source, while a new name is welcome', () => {
    expect(errorsOf({ statement: 's', date: '2024', sourceId: 'nobody' }).map((e) => e.field)).toEqual(['sourceId']);
    expect(errorsOf({ statement: 's', date: '2024', source: 'Nobody Yet' })).toEqual([]);
  });

  it('asks for a reference date when a relative phrase has none', () => {
    const [error] = errorsOf({ statement: 's', date: 'last year', source: 'Reuters', dateReference: '2099-01-01' });
    expect(error?.field).toBe('date');
  });

  it('reports every bad field at once, each with a message naming it', () => {
    const errors = errorsOf({ statement: '', date: '2024-13-45', source: '', url: 'javascript:alert(1)' });
    expect(errors.map((e) => e.field).sort()).toEqual(['date', 'source', 'statement', 'url']);
  });

  it('accepts lists as arrays from the API and as comma-separated text from the form', () => {
    expect(valid({ statement: 's', date: '2024', source: 'x', actors: ['Apple', ' Alibaba '] }).actors).toEqual(['Apple', 'Alibaba']);
    expect(valid({ statement: 's', date: '2024', source: 'x', actors: 'Apple, Alibaba, apple' }).actors).toEqual(['Apple', 'Alibaba']);
  });
});

describe('finding a source', () => {
  it('matches by id or by name in any case, an id winning over another source’s name', () => {
    const sources = [
      { id: 'ap', name: 'Associated Press', kind: 'wire-service' as const },
      { id: 'reuters-2', name: 'Reuters', kind: 'wire-service' as const },
      { id: 'reuters', name: 'Thomson Reuters', kind: 'company' as const },
    ];
    expect(findSource(sources, '  associated PRESS ')?.id).toBe('ap');
    expect(findSource(sources, 'AP')?.id).toBe('ap');
    expect(findSource(sources, 'Reuters')?.id).toBe('reuters');
    expect(findSource(sources, 'nobody')).toBeUndefined();
  });
});
