import { dayNumber } from '../dates/day-number.js';
import type { Sequence } from '../sequence/sequence.js';
import type { Claim, ClaimDate, Relation } from '../types.js';

/** Where the drawing puts a claim that is part of a sequence: a point in time inside the span it may take. */
export interface SequencePosition {
  /** Day number, with a fraction: where the dot stands. */
  at: number;
  /** First day of the span its date (narrowed by its relations) allows. */
  from: number;
  /** The day after the span's last day. */
  until: number;
}

/** The claim that comes first by a relation, and the one after it; null for relations that say nothing of order. */
function firstThen(relation: Relation): [string, string] | null {
  switch (relation.relation) {
    case 'before':
      return [relation.from, relation.to];
    case 'after':
      return [relation.to, relation.from];
    case 'during':
      return [relation.to, relation.from];
    case 'includes':
      return [relation.from, relation.to];
    case 'same-time':
      return null;
  }
}

/**
 * Where to draw the claims of a sequence so that it reads in order inside the span the claims share: each claim
 * stands at the same share of its own span as its step in the longest chain through it (the third of five steps
 * at the middle), never outside its span, and always right of what comes before it. Claims in no sequence
 * are not placed.
 * @param claims the claims in view, in story order
 * @param minGapDays the least distance between a claim and the one it follows, so dots do not sit on each other
 * @example sequencePositions([picked, fellShort], sequence, 2).get('baidu-fell-short') //=> { at: 20001.4, from: 19723, until: 20131 }
 */
export function sequencePositions(
  claims: readonly Claim[],
  sequence: Sequence,
  minGapDays: number,
  dateOf: (claim: Claim) => ClaimDate = (claim) => claim.date,
): Map<string, SequencePosition> {
  const inView = new Map(claims.map((claim, index) => [claim.id, index]));
  const after = new Map<string, string[]>();
  const before = new Map<string, string[]>();
  for (const claim of claims) {
    for (const relation of sequence.relationsOf.get(claim.id) ?? []) {
      const order = firstThen(relation);
      if (!order || order[0] !== claim.id || !inView.has(order[1])) continue;
      after.set(order[0], [...(after.get(order[0]) ?? []), order[1]]);
      before.set(order[1], [...(before.get(order[1]) ?? []), order[0]]);
    }
  }
  const members = claims.filter((claim) => after.has(claim.id) || before.has(claim.id));
  // Story order agrees with every relation, so walking it forwards meets each claim after all that precede it.
  const level = new Map<string, number>();
  for (const claim of members) level.set(claim.id, Math.max(-1, ...(before.get(claim.id) ?? []).map((id) => level.get(id) ?? -1)) + 1);
  const height = new Map<string, number>();
  for (const claim of [...members].reverse()) height.set(claim.id, Math.max(-1, ...(after.get(claim.id) ?? []).map((id) => height.get(id) ?? -1)) + 1);
  const positions = new Map<string, SequencePosition>();
  for (const claim of members) {
    const date = dateOf(claim);
    const bounds = sequence.bounds.get(claim.id);
    const from = dayNumber(bounds?.start ?? date.start);
    const until = dayNumber(bounds?.end ?? date.end) + 1;
    const step = level.get(claim.id) ?? 0;
    const share = (step + 0.5) / (step + (height.get(claim.id) ?? 0) + 1);
    let at = from + share * (until - from);
    for (const id of before.get(claim.id) ?? []) {
      const earlier = positions.get(id);
      if (earlier && at < earlier.at + minGapDays) at = earlier.at + minGapDays;
    }
    positions.set(claim.id, { at: Math.min(at, until - Math.min(minGapDays, (until - from) / 2)), from, until });
  }
  return positions;
}
