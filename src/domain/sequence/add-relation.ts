import type { ClockContext, Transition } from '../add-claim.js';
import { RELATIONS_FIELD } from '../revisions.js';
import { ensureSource } from '../sources.js';
import type { Claim, Database, FieldChange, Relation, Revision } from '../types.js';
import type { FieldError } from '../validation.js';
import { groupConflict } from './check-sequence.js';
import type { SequenceConflict } from './conflict.js';
import type { RelationInput } from './relation-form.js';
import { converseOf, relationSentence } from './relation-kind.js';

export type RelationOutcome =
  | { kind: 'added'; relation: Relation }
  | { kind: 'removed'; relation: Relation }
  | { kind: 'refused'; errors: FieldError[]; conflict?: SequenceConflict }
  | { kind: 'missing' };

/** A relation as one of its claims sees it: “after” stored on B reads “before” from A. */
export interface RelationView {
  id: string;
  relation: Relation['relation'];
  claim: string;
  quote?: string;
}

/**
 * @example relationFrom('a', { id: 'r', from: 'b', relation: 'after', to: 'a', createdAt }) //=> { id: 'r', relation: 'before', claim: 'b' }
 */
export function relationFrom(claimId: string, relation: Relation): RelationView {
  const outgoing = relation.from === claimId;
  return {
    id: relation.id,
    relation: outgoing ? relation.relation : converseOf(relation.relation),
    claim: outgoing ? relation.to : relation.from,
    ...(relation.quote && { quote: relation.quote }),
  };
}

const named = (claim: Claim) => `“${claim.shortName ?? claim.statement}”`;

/** Both claims' revisions for a relation coming or going, each recording the relation as it sees it. */
function revisionsFor(
  relation: Relation,
  claims: [Claim, Claim],
  change: 'added' | 'removed',
  meta: { editor: string; reason?: string },
  context: ClockContext,
): { claims: Claim[]; revisions: Revision[] } {
  const [from, to] = claims;
  const reason = meta.reason ?? `${change === 'added' ? 'Relation added' : 'Relation removed'}: ${relationSentence(named(from), relation.relation, named(to))}`;
  const revised = claims.map((claim) => {
    const view = relationFrom(claim.id, relation);
    const fieldChange: FieldChange = change === 'added' ? { field: RELATIONS_FIELD, from: undefined, to: view } : { field: RELATIONS_FIELD, from: view, to: undefined };
    const number = claim.revision + 1;
    return {
      claim: { ...claim, revision: number, updatedAt: context.now },
      revision: { id: context.newId(), claimId: claim.id, revision: number, at: context.now, editor: meta.editor, reason, changes: [fieldChange] },
    };
  });
  return { claims: revised.map((r) => r.claim), revisions: revised.map((r) => r.revision) };
}

function withClaims(db: Database, changed: readonly Claim[]): Claim[] {
  const byId = new Map(changed.map((claim) => [claim.id, claim]));
  return db.claims.map((claim) => byId.get(claim.id) ?? claim);
}

/**
 * Stores a relation between two claims, recorded in both claims' revisions, unless the pair is already related
 * or the relation disagrees with the dates and relations already stored (then nothing is stored and the
 * outcome says which claims, dates and relations conflict). Checked here, inside the write, so two relations
 * stored at once cannot together close a loop.
 */
/** Whether one more relation agrees with the dates and relations of a database; a store may answer from what it keeps. */
export type RelationCheck = (db: Database, relation: Relation) => SequenceConflict | null;

export function addRelation(db: Database, input: RelationInput, context: ClockContext, check: RelationCheck = groupConflict): Transition<RelationOutcome> {
  const refuse = (errors: FieldError[], conflict?: SequenceConflict): Transition<RelationOutcome> => ({
    data: db,
    result: { kind: 'refused', errors, ...(conflict && { conflict }) },
  });
  const from = db.claims.find((claim) => claim.id === input.from);
  if (!from) return { data: db, result: { kind: 'missing' } };
  const to = db.claims.find((claim) => claim.id === input.to);
  if (!to) return refuse([{ field: 'claim', message: `There is no claim with id “${input.to}”` }]);
  if (to.id === from.id) return refuse([{ field: 'claim', message: 'A claim cannot be related to itself; choose another claim' }]);
  if (to.storyId !== from.storyId) return refuse([{ field: 'claim', message: 'That claim belongs to another story: relations stay inside a story' }]);
  const existing = db.relations.find((r) => (r.from === from.id && r.to === to.id) || (r.from === to.id && r.to === from.id));
  if (existing) {
    const view = relationFrom(from.id, existing);
    return refuse([
      {
        field: 'claim',
        message: `These claims are already related: ${relationSentence(named(from), view.relation, named(to))}. Remove that relation to state another.`,
      },
    ]);
  }
  const sourced = input.source ? ensureSource(db.sources, 'sourceId' in input.source ? input.source.sourceId : input.source.name) : undefined;
  const relation: Relation = {
    id: context.newId(),
    from: from.id,
    relation: input.relation,
    to: to.id,
    ...(input.quote && { quote: input.quote }),
    ...(input.documentId && { documentId: input.documentId }),
    ...(sourced && { sourceId: sourced.source.id }),
    createdAt: context.now,
  };
  const conflict = check(db, relation);
  if (conflict) return refuse([{ field: 'claim', message: `Refused: ${conflict.message}` }], conflict);
  const relations = db.relations.concat(relation);
  const recorded = revisionsFor(relation, [from, to], 'added', input, context);
  return {
    data: {
      ...db,
      sources: sourced?.sources ?? db.sources,
      relations,
      claims: withClaims(db, recorded.claims),
      revisions: db.revisions.concat(recorded.revisions),
    },
    result: { kind: 'added', relation },
  };
}

/**
 * Removes a relation of a claim, recorded in both claims' revisions. Removing one can never make the rest
 * disagree, so nothing is checked but that the relation is the claim's.
 */
export function removeRelation(
  db: Database,
  claimId: string,
  relationId: string,
  meta: { editor: string; reason?: string },
  context: ClockContext,
): Transition<RelationOutcome> {
  const relation = db.relations.find((r) => r.id === relationId && (r.from === claimId || r.to === claimId));
  const from = relation && db.claims.find((claim) => claim.id === relation.from);
  const to = relation && db.claims.find((claim) => claim.id === relation.to);
  if (!relation || !from || !to) return { data: db, result: { kind: 'missing' } };
  const recorded = revisionsFor(relation, [from, to], 'removed', meta, context);
  return {
    data: {
      ...db,
      relations: db.relations.filter((r) => r !== relation),
      claims: withClaims(db, recorded.claims),
      revisions: db.revisions.concat(recorded.revisions),
    },
    result: { kind: 'removed', relation },
  };
}
