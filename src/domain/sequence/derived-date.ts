import { boundLabel } from '../dates/bound-label.js';
import type { Claim, Relation } from '../types.js';
import { relationFrom } from './add-relation.js';
import { RELATION_WORDS } from './relation-kind.js';
import type { ConstraintCause, NetworkBounds } from './temporal-network.js';

/** The date relations imply for a claim: shown beside its own, never in its place. */
export interface DerivedDate {
  /** ISO days; null where nothing bounds the event. */
  start: string | null;
  end: string | null;
  /** “2024 – 11 February 2025 · after “Baidu falls short”, so not before 2024”. */
  description: string;
}

interface Edge {
  /** The relation next to the claim on the way to the date that gives the bound. */
  next: Relation;
  /** The claim whose date gives the bound. */
  from: Claim;
}

function edgeOf(causes: readonly ConstraintCause[], relationOf: (id: string) => Relation | undefined, claimOf: (id: string) => Claim | undefined): Edge | null {
  const first = causes.find((cause) => cause.kind === 'relation');
  const last = causes.at(-1);
  const next = first?.kind === 'relation' ? relationOf(first.relation) : undefined;
  const from = last && last.kind !== 'relation' ? claimOf(last.claim) : undefined;
  return next && from ? { next, from } : null;
}

const named = (claim: Claim | undefined, id: string) => `“${claim?.shortName ?? claim?.statement ?? id}”`;

/**
 * What the relations of a claim say of its date, where they narrow it; null where they do not.
 * @example derivedDate(submitted, bounds, relationOf, claimOf)?.description
 * //=> 'by 11 February 2025 · after “Apple chooses Alibaba”, so not before 2024'
 */
export function derivedDate(
  claim: Claim,
  bounds: NetworkBounds | undefined,
  relationOf: (id: string) => Relation | undefined,
  claimOf: (id: string) => Claim | undefined,
): DerivedDate | null {
  if (!bounds) return null;
  // The strict part of “after” can make a path through a relation shorter by an infinitesimal only: a bound counts where it moves a day.
  const narrowsStart = bounds.start !== null && (claim.date.openStart === true || bounds.start > claim.date.start);
  const narrowsEnd = bounds.end !== null && (claim.date.openEnd === true || bounds.end < claim.date.end);
  const startEdge = narrowsStart ? edgeOf(bounds.startBy, relationOf, claimOf) : null;
  const endEdge = narrowsEnd ? edgeOf(bounds.endBy, relationOf, claimOf) : null;
  if (!startEdge && !endEdge) return null;
  const reasons = [...new Set([startEdge, endEdge].flatMap((edge) => {
    if (!edge) return [];
    const view = relationFrom(claim.id, edge.next);
    return [`${view.relation === 'includes' ? 'around' : RELATION_WORDS[view.relation]} ${named(claimOf(view.claim), view.claim)}`];
  }))];
  const from = startEdge && bounds.start !== null ? boundLabel(bounds.start, 'start', startEdge.from.date.precision) : null;
  const until = endEdge && bounds.end !== null ? boundLabel(bounds.end, 'end', endEdge.from.date.precision) : null;
  const range = from && until ? `between ${from} and ${until}` : from ? `not before ${from}` : `not after ${until}`;
  return {
    start: bounds.start,
    end: bounds.end,
    description: `${claim.date.label} · ${reasons.join(' and ')}, so ${range}`,
  };
}
