import { dayLabel } from '../dates/day-label.js';
import type { Claim, Relation } from '../types.js';
import { relationSentence } from './relation-kind.js';
import type { ConstraintCause } from './temporal-network.js';

/** Relations, dates and claims that cannot all be true, in words and as records. */
export interface SequenceConflict {
  message: string;
  claims: Array<{ id: string; statement: string; date: string }>;
  /** The relations on the loop, the new one included. */
  relations: Array<{ id: string; from: string; relation: Relation['relation']; to: string; quote?: string }>;
}

const quoted = (claim: Claim | undefined, id: string) => `“${claim?.shortName ?? claim?.statement ?? id}”`;

/**
 * Says why a set of constraints (a negative cycle of the temporal network) cannot all hold: each relation on it
 * as a sentence and each date that bounds it, naming every claim with its date.
 * @example describeConflict(cycle, claimOf, relationOf).message
 * //=> '“Apple chose Alibaba” (2023) cannot be after “Baidu fell short” (2024): “Baidu fell short” starts on 1 January 2024, but “Apple chose Alibaba” ends by 31 December 2023.'
 */
export function describeConflict(
  cycle: readonly ConstraintCause[],
  claimOf: (id: string) => Claim | undefined,
  relationOf: (id: string) => Relation | undefined,
): SequenceConflict {
  const relations = cycle.flatMap((cause) => (cause.kind === 'relation' ? (relationOf(cause.relation) ?? []) : []));
  const ids = new Set<string>();
  for (const relation of relations) ids.add(relation.from).add(relation.to);
  for (const cause of cycle) if (cause.kind !== 'relation') ids.add(cause.claim);
  const claims = [...ids].flatMap((id) => {
    const claim = claimOf(id);
    return claim ? [{ id, statement: claim.statement, date: claim.date.label }] : [];
  });
  const named = (id: string) => `${quoted(claimOf(id), id)} (${claimOf(id)?.date.label ?? 'undated'})`;
  const chain = relations.map((relation) => relationSentence(named(relation.from), relation.relation, named(relation.to)).replace(' happened ', ' cannot be '));
  const dates = cycle.flatMap((cause) => {
    if (cause.kind === 'relation') return [];
    const claim = claimOf(cause.claim);
    if (!claim) return [];
    return cause.kind === 'starts'
      ? [`${quoted(claim, claim.id)} starts on ${dayLabel(claim.date.start)}`]
      : [`${quoted(claim, claim.id)} ${claim.date.openEnd ? 'starts by' : 'ends by'} ${dayLabel(claim.date.end)}`];
  });
  const message =
    dates.length === 0
      ? `These relations go round in a loop, so they cannot all be true: ${relations.map((r) => relationSentence(named(r.from), r.relation, named(r.to))).join('; ')}.`
      : relations.length === 1
        ? `${chain[0]}: ${dates.join(', but ')}.`
        : `These relations and dates cannot all be true: ${relations.map((r) => relationSentence(named(r.from), r.relation, named(r.to))).join('; ')}; ${dates.join('; ')}.`;
  return {
    message,
    claims,
    relations: relations.map((r) => ({ id: r.id, from: r.from, relation: r.relation, to: r.to, ...(r.quote && { quote: r.quote }) })),
  };
}
