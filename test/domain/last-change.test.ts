import { describe, expect, it } from 'vitest';
import { lastChange } from '../../src/domain/last-change.js';
import { makeDatabase } from './formats/fixture.js';

describe('lastChange', () => {
  it('when claims, documents and revisions changed at different times, then the newest of them is the last change', () => {
    const db = makeDatabase();
    const revision = { id: 'r9', claimId: db.claims[0]?.id ?? '', revision: 9, at: '2026-01-05T08:00:00.000Z', editor: 'ana', reason: '', changes: [] };
    expect(lastChange(db)).toBe([...db.claims.map((claim) => claim.updatedAt), ...db.documents.map((document) => document.createdAt)].sort().at(-1));
    expect(lastChange({ ...db, revisions: [revision] })).toBe('2026-01-05T08:00:00.000Z');
  });

  it('when the database holds nothing, then there is no last change', () => {
    expect(lastChange({ claims: [], documents: [], revisions: [] })).toBeUndefined();
  });
});
