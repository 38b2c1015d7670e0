import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { inStoryOrder, sequenceOf, updateSequence } from '../../../src/domain/sequence/sequence.js';
import { solveNetwork } from '../../../src/domain/sequence/temporal-network.js';
import type { Claim, Relation, RelationKind } from '../../../src/domain/types.js';
import { makeClaim } from '../../store/database-fixtures.js';

const createdAt = '2025-03-01T00:00:00.000Z';
const dated = (id: string, value: string, quoteAt?: number): Claim =>
  makeClaim(id, {
    date: dateFromValue(value),
    claimedAt: dateFromValue('2025-02-11'),
    attributions: [
      {
        sourceId: 'reuters',
        role: 'origin',
        verb: 'reported',
        documentId: 'doc',
        ...(quoteAt !== undefined && { anchor: { exact: id, prefix: '', suffix: '', start: quoteAt, end: quoteAt + 1 } }),
      },
    ],
  });
const rel = (from: string, relation: RelationKind, to: string): Relation => ({ id: `${from}-${relation}-${to}`, from, relation, to, createdAt });
const order = (claims: Claim[], relations: Relation[] = []) => inStoryOrder(claims, relations).map((claim) => claim.id);

describe('story order', () => {
  it.each<[string, Claim[], Relation[], string[]]>([
    ['without relations, claims go by date, a year before the quarters inside it', [dated('q3', '2024-Q3'), dated('year', '2024'), dated('q1', '2024-Q1')], [], ['year', 'q1', 'q3']],
    ['without relations or dates to tell them apart, claims go by where their quotes stand', [dated('third', '2024', 300), dated('first', '2024', 10), dated('second', '2024', 120)], [], ['first', 'second', 'third']],
    [
      '“after” keeps a claim behind the one it follows even when its date would put it first',
      [dated('chose-alibaba', '2024/2025-02-11', 900), dated('picked-baidu', '2024', 100)],
      [rel('chose-alibaba', 'after', 'picked-baidu')],
      ['picked-baidu', 'chose-alibaba'],
    ],
    [
      'a chain of vague dates reads in the order its words give, whatever the quotes’ places',
      [dated('d', '2024/2025-02-11', 1), dated('b', '2024/2025-02-11', 3), dated('c', '2024/2025-02-11', 2), dated('a', '2024/2025-02-11', 4)],
      [rel('b', 'after', 'a'), rel('c', 'after', 'b'), rel('d', 'after', 'c')],
      ['a', 'b', 'c', 'd'],
    ],
    [
      'a claim with no start that comes before a vague one pulls it along, past what lies between',
      [dated('vague', '2024/2025-02-11'), dated('by-february', '../2025-02-11'), dated('june', '2024-06')],
      [rel('by-february', 'before', 'vague')],
      ['june', 'by-february', 'vague'],
    ],
    ['“during” puts the span first when both start on the same day', [dated('picked', '2024', 1), dated('search', '2024/..', 2)], [rel('picked', 'during', 'search')], ['search', 'picked']],
    ['“before” a quarter keeps its order with the quarter', [dated('fell', '2024-Q2', 5), dated('recovered', '2024-Q3', 1)], [rel('fell', 'before', 'recovered')], ['fell', 'recovered']],
  ])('%s', (_name, claims, relations, expected) => {
    expect(order(claims, relations)).toEqual(expected);
  });

  it('agrees with every date and every relation, on many random stories', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const values = ['2023', '2024', '2024-Q1', '2024-Q2', '2024-06', '2024-06-15', '2024/2025-02-11', '../2025-02-11', '2024/..', '2025-Q1', '2024-Q3/2025-Q1'];
    const kinds: RelationKind[] = ['before', 'after', 'during', 'includes', 'same-time'];
    for (let story = 0; story < 60; story += 1) {
      const claims = Array.from({ length: 12 }, (_, i) => dated(`c${i}`, values[Math.floor(random() * values.length)]!, Math.floor(random() * 1000)));
      const relations: Relation[] = [];
      for (let tries = 0; tries < 15; tries += 1) {
        const from = claims[Math.floor(random() * claims.length)]!.id;
        const to = claims[Math.floor(random() * claims.length)]!.id;
        if (from === to || relations.some((r) => (r.from === from && r.to === to) || (r.from === to && r.to === from))) continue;
        const candidate = rel(from, kinds[Math.floor(random() * kinds.length)]!, to);
        if (solveNetwork(claims, [...relations, candidate]).ok) relations.push(candidate);
      }
      const ordered = order(claims, relations);
      const at = (id: string) => ordered.indexOf(id);
      for (const r of relations) {
        if (r.relation === 'before') expect(at(r.from)).toBeLessThan(at(r.to));
        if (r.relation === 'after') expect(at(r.from)).toBeGreaterThan(at(r.to));
      }
      const bounds = sequenceOf(claims, relations).bounds;
      const earliest = (c: Claim) => bounds.get(c.id)?.start ?? (c.date.openStart ? null : c.date.start);
      const latest = (c: Claim) => bounds.get(c.id)?.end ?? (c.date.openEnd ? null : c.date.end);
      for (const a of claims) {
        for (const b of claims) {
          const end = latest(a);
          const start = earliest(b);
          if (end !== null && start !== null && end < start) expect(at(a.id)).toBeLessThan(at(b.id));
        }
      }
    }
  });
});

describe('keeping the sequence up to date', () => {
  it('gives the same bounds and places after relations come and go as working them out afresh', () => {
    const claims = ['2024', '2024-Q2', '2024/2025-02-11', '../2025-02-11', '2024-Q3', '2024/..'].map((value, i) => dated(`c${i}`, value, i));
    const byId = new Map(claims.map((claim) => [claim.id, claim]));
    const steps: Array<{ add?: Relation; remove?: string }> = [
      { add: rel('c2', 'after', 'c0') },
      { add: rel('c3', 'after', 'c2') },
      { add: rel('c1', 'before', 'c4') },
      { remove: 'c2-after-c0' },
      { add: rel('c0', 'during', 'c5') },
      { remove: 'c3-after-c2' },
    ];
    let relations: Relation[] = [];
    let sequence = sequenceOf(claims, relations);
    for (const step of steps) {
      const gone = relations.filter((r) => r.id === step.remove);
      relations = [...relations.filter((r) => r.id !== step.remove), ...(step.add ? [step.add] : [])];
      sequence = updateSequence(sequence, relations, (id) => byId.get(id), { claims: [], relations: [...gone, ...(step.add ? [step.add] : [])] }).sequence;
      const fresh = sequenceOf(claims, relations);
      expect(sequence.bounds).toEqual(fresh.bounds);
      expect(sequence.places).toEqual(fresh.places);
    }
  });
});
