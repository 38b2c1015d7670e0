import { describe, expect, it } from 'vitest';
import { applyPatches, CollectionIds, diffDatabase } from '../../src/store/database-diff.js';
import type { Database } from '../../src/domain/types.js';
import { emptyDatabase, makeClaim } from './database-fixtures.js';

function withClaims(ids: string[]): Database {
  return { ...emptyDatabase(), claims: ids.map((id) => makeClaim(id)) };
}

/** Diffs, then replays the diff onto `before`, as a restart after a crash would. */
function roundTrip(before: Database, after: Database) {
  const patches = diffDatabase(before, after, new CollectionIds(before));
  return { patches, replayed: applyPatches(before, [patches]) };
}

describe('diffDatabase and applyPatches', () => {
  it('when a claim is appended, then only that claim is written', () => {
    const before = withClaims(['a', 'b']);
    const claim = makeClaim('c');
    const after = { ...before, claims: [...before.claims, claim] };
    const { patches, replayed } = roundTrip(before, after);
    expect(patches).toEqual([{ k: 'claims', u: [claim], d: [] }]);
    expect(replayed).toEqual(after);
  });

  it('when a claim is edited in place and another removed from the middle, then the replay gives the same list in the same order', () => {
    const before = withClaims(['a', 'b', 'c', 'd']);
    const after = {
      ...before,
      claims: before.claims.filter((claim) => claim.id !== 'b').map((claim) => (claim.id === 'c' ? { ...claim, statement: 'new' } : claim)),
    };
    const { patches, replayed } = roundTrip(before, after);
    expect(patches).toEqual([{ k: 'claims', u: [after.claims[1]], d: ['b'] }]);
    expect(replayed).toEqual(after);
  });

  it('when the list is reordered, then the whole list is written and the order survives', () => {
    const before = withClaims(['a', 'b', 'c']);
    const after = { ...before, claims: [...before.claims].reverse() };
    const { patches, replayed } = roundTrip(before, after);
    expect(patches).toEqual([{ k: 'claims', a: after.claims }]);
    expect(replayed.claims.map((claim) => claim.id)).toEqual(['c', 'b', 'a']);
  });

  it('when nothing changed, then there is nothing to write', () => {
    const before = withClaims(['a']);
    expect(diffDatabase(before, { ...before }, new CollectionIds(before))).toEqual([]);
  });

  it('when random edits, inserts, removals and moves are made, then every replay matches', () => {
    let seed = 42;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    let data = withClaims(['a', 'b', 'c']);
    const groups = [];
    const start = data;
    let next = 0;
    for (let step = 0; step < 300; step += 1) {
      const claims = [...data.claims];
      const at = random(claims.length + 1);
      const operation = random(5);
      if (operation === 0 || claims.length === 0) claims.splice(at, 0, makeClaim(`n${next++}`));
      else if (operation === 1) claims.splice(at % claims.length, 1);
      else if (operation === 2) claims.push(makeClaim(`n${next++}`));
      else if (operation === 3) claims[at % claims.length] = { ...claims[at % claims.length]!, statement: `s${step}` };
      else claims.unshift(...claims.splice(at % claims.length, 1));
      const after = { ...data, claims };
      groups.push(diffDatabase(data, after, new CollectionIds(data)));
      data = after;
    }
    expect(applyPatches(start, groups)).toEqual(data);
  });
});
