import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { solveNetwork, type TimedRelation } from '../../../src/domain/sequence/temporal-network.js';
import type { RelationKind } from '../../../src/domain/types.js';

const claim = (id: string, value: string) => ({ id, date: dateFromValue(value) });
const rel = (from: string, relation: RelationKind, to: string, id = `${from}-${relation}-${to}`): TimedRelation => ({ id, from, relation, to });

function boundsOf(claims: Array<[string, string]>, relations: TimedRelation[]) {
  const solved = solveNetwork(
    claims.map(([id, value]) => claim(id, value)),
    relations,
  );
  if (!solved.ok) throw new Error(`expected a solution, got a conflict: ${JSON.stringify(solved.cycle)}`);
  return Object.fromEntries([...solved.bounds].map(([id, b]) => [id, [b.start, b.end]]));
}

describe('derived bounds', () => {
  it.each<[string, Array<[string, string]>, TimedRelation[], Record<string, [string | null, string | null]>]>([
    ['without relations, each claim keeps its own date', [['a', '2024'], ['b', '2024-Q2']], [], {
      a: ['2024-01-01', '2024-12-31'],
      b: ['2024-04-01', '2024-06-30'],
    }],
    ['“a after b” moves a’s start to b’s', [['a', '2024'], ['b', '2024-Q2']], [rel('a', 'after', 'b')], {
      a: ['2024-04-01', '2024-12-31'],
      b: ['2024-04-01', '2024-06-30'],
    }],
    ['“a after b” also ends b by the end of a', [['a', '2024-Q3'], ['b', '2024']], [rel('a', 'after', 'b')], {
      a: ['2024-07-01', '2024-09-30'],
      b: ['2024-01-01', '2024-09-30'],
    }],
    ['“a before b” ends a by b’s end', [['a', '2024'], ['b', '2024-Q2']], [rel('a', 'before', 'b')], {
      a: ['2024-01-01', '2024-06-30'],
      b: ['2024-04-01', '2024-06-30'],
    }],
    ['a chain passes bounds along', [['a', '2024/2025-02-11'], ['b', '2024/2025-02-11'], ['c', '2024-Q3']], [rel('a', 'after', 'b'), rel('b', 'after', 'c')], {
      a: ['2024-07-01', '2025-02-11'],
      b: ['2024-07-01', '2025-02-11'],
      c: ['2024-07-01', '2024-09-30'],
    }],
    ['“during” keeps a claim inside the other’s span', [['a', '2024'], ['b', '2024-Q2/2024-Q3']], [rel('a', 'during', 'b')], {
      a: ['2024-04-01', '2024-09-30'],
      b: ['2024-04-01', '2024-09-30'],
    }],
    ['“includes” is “during” seen from the other side', [['b', '2024-Q2/2024-Q3'], ['a', '2024']], [rel('b', 'includes', 'a')], {
      a: ['2024-04-01', '2024-09-30'],
      b: ['2024-04-01', '2024-09-30'],
    }],
    ['“same-time” gives both the narrower of the two spans', [['a', '2024'], ['b', '2024-06']], [rel('a', 'same-time', 'b')], {
      a: ['2024-06-01', '2024-06-30'],
      b: ['2024-06-01', '2024-06-30'],
    }],
    ['an open start (“by February 2025”) gets a start from what it follows', [['a', '../2025-02-11'], ['b', '2024']], [rel('a', 'after', 'b')], {
      a: ['2024-01-01', '2025-02-11'],
      b: ['2024-01-01', '2024-12-31'],
    }],
    ['an open start with nothing before it has no start', [['a', '../2025-02-11']], [], { a: [null, '2025-02-11'] }],
    ['an open end (“since 2024”) has no end until something after it gives one', [['a', '2024/..'], ['b', '2025-Q1']], [rel('a', 'before', 'b')], {
      a: ['2024-01-01', '2025-03-31'],
      b: ['2025-01-01', '2025-03-31'],
    }],
    ['one thing after another on the same day is possible', [['a', '2025-02-11'], ['b', '2025-02-11']], [rel('b', 'after', 'a')], {
      a: ['2025-02-11', '2025-02-11'],
      b: ['2025-02-11', '2025-02-11'],
    }],
    ['relations to claims not given are ignored', [['a', '2024']], [rel('a', 'after', 'missing')], { a: ['2024-01-01', '2024-12-31'] }],
  ])('%s', (_name, claims, relations, expected) => {
    expect(boundsOf(claims, relations)).toEqual(expected);
  });

  it('names the relation and the date a narrowed start comes from', () => {
    const solved = solveNetwork([claim('a', '2024/2025-02-11'), claim('b', '2024/2025-02-11'), claim('c', '2024-Q3')], [rel('a', 'after', 'b', 'r1'), rel('b', 'after', 'c', 'r2')]);
    expect(solved.ok && solved.bounds.get('a')?.startBy).toEqual([
      { kind: 'relation', relation: 'r1' },
      { kind: 'relation', relation: 'r2' },
      { kind: 'starts', claim: 'c' },
    ]);
    expect(solved.ok && solved.bounds.get('a')?.endBy).toEqual([]);
  });
});

describe('conflicts', () => {
  it('refuses “a after b” when a ends before b starts, naming the relation and both dates', () => {
    const solved = solveNetwork([claim('a', '2023'), claim('b', '2024')], [rel('a', 'after', 'b', 'r')]);
    expect(solved.ok).toBe(false);
    if (solved.ok) return;
    expect(solved.cycle).toEqual(expect.arrayContaining([{ kind: 'relation', relation: 'r' }, { kind: 'starts', claim: 'b' }, { kind: 'ends', claim: 'a' }]));
    expect(solved.cycle).toHaveLength(3);
  });

  it('refuses a loop of “after” even when every date allows it', () => {
    const loose = '2024/2025-02-11';
    const solved = solveNetwork([claim('a', loose), claim('b', loose), claim('c', loose)], [rel('a', 'after', 'b', 'r1'), rel('b', 'after', 'c', 'r2'), rel('c', 'after', 'a', 'r3')]);
    expect(solved.ok).toBe(false);
    if (solved.ok) return;
    expect(solved.cycle.map((cause) => (cause.kind === 'relation' ? cause.relation : cause.kind)).sort()).toEqual(['r1', 'r2', 'r3']);
  });

  it('refuses a chain that squeezes a claim out of its own date', () => {
    const solved = solveNetwork([claim('a', '2024-Q1'), claim('b', '2024'), claim('c', '2024-Q3')], [rel('b', 'after', 'c', 'r1'), rel('a', 'after', 'b', 'r2')]);
    expect(solved.ok).toBe(false);
    if (solved.ok) return;
    expect(solved.cycle).toEqual(expect.arrayContaining([{ kind: 'relation', relation: 'r1' }, { kind: 'relation', relation: 'r2' }]));
  });

  it('refuses “during” a span the claim’s own date lies outside', () => {
    const solved = solveNetwork([claim('a', '2023'), claim('b', '2024')], [rel('a', 'during', 'b', 'r')]);
    expect(solved.ok).toBe(false);
  });

  it('accepts a long consistent chain', () => {
    const claims = Array.from({ length: 500 }, (_, i) => claim(`c${i}`, '2020/2025'));
    const relations = claims.slice(1).map((c, i) => rel(c.id, 'after', `c${i}`));
    const solved = solveNetwork(claims, relations);
    expect(solved.ok).toBe(true);
  });
});
