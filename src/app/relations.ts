import type { ClockContext } from '../domain/add-claim.js';
import { addRelation, removeRelation, type RelationOutcome } from '../domain/sequence/add-relation.js';
import { validateRelation, validateRelationRemoval } from '../domain/sequence/relation-form.js';
import { lookupsFor } from '../domain/lookups.js';
import type { Store } from '../store/store.js';
import { archivedRefusal } from '../domain/archived-story.js';

const otherClaim = (body: unknown) => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).claim : undefined;
  return typeof value === 'string' ? value.trim() : '';
};
const documentOf = (body: unknown) => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).document : undefined;
  return typeof value === 'string' && value.trim() ? [value.trim()] : [];
};

/**
 * Relates a claim to another, from the relation form or `POST /api/claims/:id/relations`: the body is checked,
 * then the relation against the dates and relations of both claims' groups, inside the write.
 */
export async function addRelationCommand(store: Store, claimId: string, body: unknown, context: ClockContext): Promise<RelationOutcome> {
  const scope = { claims: [claimId, otherClaim(body)].filter(Boolean), relationGroups: true, documents: documentOf(body) };
  const records = await store.load(scope);
  if (!records.claims.some((claim) => claim.id === claimId)) return { kind: 'missing' };
  const archived = archivedRefusal(records, claimId);
  if (archived) return { kind: 'refused', errors: [archived] };
  const checked = validateRelation(body, claimId, lookupsFor(records));
  if (!checked.ok) return { kind: 'refused', errors: checked.errors };
  return store.update(scope, (db) => addRelation(db, checked.value, context, store.checkRelation));
}

/** Removes one of a claim's relations, recorded in both claims' revisions. */
export async function removeRelationCommand(store: Store, claimId: string, relationId: string, body: unknown, context: ClockContext): Promise<RelationOutcome> {
  const checked = validateRelationRemoval(body);
  if (!checked.ok) return { kind: 'refused', errors: checked.errors };
  const scope = { claims: [claimId], relations: [relationId] };
  const archived = archivedRefusal(await store.load(scope), claimId);
  if (archived) return { kind: 'refused', errors: [archived] };
  return store.update(scope, (db) => removeRelation(db, claimId, relationId, checked.value, context));
}
