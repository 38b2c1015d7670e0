import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { IncrementalNetwork } from '../../../src/domain/sequence/incremental-network.js';
import { solveNetwork, type TimedRelation } from '../../../src/domain/sequence/temporal-network.js';
import type { RelationKind } from '../../../src/domain/types.js';

const claim = (id: string, value: string) => ({ id, date: dateFromValue(value) });
const VALUES = ['2023', '2024', '2024-Q1', '2024-Q2', '2024-06', '2024-06-15', '2024/2025-02-11', '../2025-02-11', '2024/..', '2025-Q1', '2024-Q3/2025-Q1'];
const KINDS: RelationKind[] = ['before', 'after', 'during', 'includes', 'same-time'];

const days = (bounds: Map<string, { start: string | null; end: string | null }>) => Object.fromEntries([...bounds].map(([id, b]) => [id, [b.start, b.end]]));

describe('the temporal network kept between writes', () => {
  it('refuses exactly the relations a network solved from scratch refuses, and gives the same bounds', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let story = 0; story < 80; story += 1) {
      const claims = Array.from({ length: 10 }, (_, i) => claim(`c${i}`, VALUES[Math.floor(random() * VALUES.length)]!));
      const built = IncrementalNetwork.of(claims, []);
      if (!('network' in built)) throw new Error('claims alone cannot conflict');
      const network = built.network;
      const relations: TimedRelation[] = [];
      for (let step = 0; step < 14; step += 1) {
        const from = claims[Math.floor(random() * claims.length)]!.id;
        const to = claims[Math.floor(random() * claims.length)]!.id;
        if (from === to) continue;
        const candidate: TimedRelation = { id: `r${step}`, from, relation: KINDS[Math.floor(random() * KINDS.length)]!, to };
        const fresh = solveNetwork(claims, [...relations, candidate]);
        expect(network.check(candidate) === null).toBe(fresh.ok);
        const cycle = network.add(candidate);
        expect(cycle === null).toBe(fresh.ok);
        if (cycle) {
          expect(cycle).toContainEqual({ kind: 'relation', relation: candidate.id });
          continue;
        }
        relations.push(candidate);
        if (!fresh.ok) continue;
        const kept = new Map(claims.map((c) => [c.id, network.bounds(c.id)!]));
        expect(days(kept)).toEqual(days(fresh.bounds));
      }
    }
  });

  it('says which claims a relation changed the bounds of', () => {
    const built = IncrementalNetwork.of([claim('a', '2024-Q3'), claim('b', '2024'), claim('c', '2023')], []);
    if (!('network' in built)) throw new Error('claims alone cannot conflict');
    built.network.takeChanged();
    expect(built.network.add({ id: 'r', from: 'b', relation: 'after', to: 'a' })).toBeNull();
    expect([...built.network.takeChanged()]).toEqual(['b']);
    expect(built.network.bounds('b')).toMatchObject({ start: '2024-07-01', end: '2024-12-31' });
  });

  it('names the relations and dates of a conflict', () => {
    const built = IncrementalNetwork.of([claim('a', '2023'), claim('b', '2024')], []);
    if (!('network' in built)) throw new Error('claims alone cannot conflict');
    const cycle = built.network.add({ id: 'r', from: 'a', relation: 'after', to: 'b' });
    expect(cycle).toEqual(expect.arrayContaining([{ kind: 'relation', relation: 'r' }, { kind: 'starts', claim: 'b' }, { kind: 'ends', claim: 'a' }]));
    expect(built.network.bounds('a')).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
  });
});
