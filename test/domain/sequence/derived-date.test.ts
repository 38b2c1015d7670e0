import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { derivedDate } from '../../../src/domain/sequence/derived-date.js';
import { sequenceOf } from '../../../src/domain/sequence/sequence.js';
import type { Claim, Relation, RelationKind } from '../../../src/domain/types.js';
import { makeClaim } from '../../store/database-fixtures.js';

const createdAt = '2025-03-01T00:00:00.000Z';

function describeAll(claims: Array<[string, string, string]>, relations: Array<[string, RelationKind, string]>) {
  const records: Claim[] = claims.map(([id, value, shortName]) => makeClaim(id, { date: dateFromValue(value), shortName }));
  const links: Relation[] = relations.map(([from, relation, to]) => ({ id: `${from}-${to}`, from, relation, to, createdAt }));
  const sequence = sequenceOf(records, links);
  const claimOf = (id: string) => records.find((c) => c.id === id);
  const relationOf = (id: string) => links.find((r) => r.id === id);
  return Object.fromEntries(records.map((claim) => [claim.id, derivedDate(claim, sequence.bounds.get(claim.id), relationOf, claimOf)?.description ?? null]));
}

describe('derivedDate', () => {
  it.each<[string, Array<[string, string, string]>, Array<[string, RelationKind, string]>, Record<string, string | null>]>([
    [
      'a claim with no start gets one from what it follows, in the words of the date that gives it',
      [['submitted', '../2025-02-11', 'Features go to the regulator'], ['chose', '2024/2025-02-11', 'Apple chooses Alibaba']],
      [['submitted', 'after', 'chose']],
      { submitted: 'by 11 February 2025 · after “Apple chooses Alibaba”, so not before 2024', chose: null },
    ],
    [
      'a quarter bounds a year claim on both sides',
      [['talks', '2024', 'Talks'], ['opened', '2024-Q2', 'Talks open'], ['closed', '2024-Q3', 'Talks close']],
      [['talks', 'after', 'opened'], ['talks', 'before', 'closed']],
      { talks: '2024 · after “Talks open” and before “Talks close”, so between Q2 2024 and Q3 2024', opened: null, closed: null },
    ],
    [
      'a bound that only repeats the claim’s own date is not shown',
      [['a', '2024-Q3', 'A'], ['b', '2024-Q1', 'B']],
      [['a', 'after', 'b']],
      { a: null, b: null },
    ],
    [
      'through a chain, the neighbour is named and the date at the far end gives the bound',
      [['c', '2024/2025-02-11', 'C'], ['b', '2024/2025-02-11', 'B'], ['a', '2024-Q3', 'A']],
      [['c', 'after', 'b'], ['b', 'after', 'a']],
      { c: '2024 – 11 February 2025 · after “B”, so not before Q3 2024', b: '2024 – 11 February 2025 · after “A”, so not before Q3 2024', a: null },
    ],
  ])('%s', (_name, claims, relations, expected) => {
    expect(describeAll(claims, relations)).toEqual(expected);
  });
});
