import { describe, expect, it } from 'vitest';
import { addClaim, validateNewClaim, type ClockContext } from '../../src/domain/add-claim.js';
import { loadSeedDatabase } from '../../src/seed-files.js';

const db = loadSeedDatabase('2025-03-01T00:00:00.000Z');
const context: ClockContext = { now: '2025-03-01T12:00:00.000Z', today: '2025-03-01', newId: () => 'new-claim' };

function valid(body: Record<string, unknown>) {
  const checked = validateNewClaim(body);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
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
  });

  it('reports every bad field at once, each with a message naming it', () => {
    const checked = validateNewClaim({ statement: '', date: '2024-13-45', source: '', url: 'javascript:alert(1)' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((e) => e.field).sort()).toEqual(['date', 'source', 'statement', 'url']);
  });

  it('accepts lists as arrays from the API and as comma-separated text from the form', () => {
    expect(valid({ statement: 's', date: '2024', source: 'x', actors: ['Apple', ' Alibaba '] }).actors).toEqual(['Apple', 'Alibaba']);
    expect(valid({ statement: 's', date: '2024', source: 'x', actors: 'Apple, Alibaba, apple' }).actors).toEqual(['Apple', 'Alibaba']);
  });
});
