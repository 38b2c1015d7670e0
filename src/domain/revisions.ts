import type { Claim, FieldChange, Revision } from './types.js';

/** The claim fields the edit form may change. Identity and bookkeeping (id, revision, dates kept) never are. */
export const EDITABLE_FIELDS = [
  'statement',
  'shortName',
  'date',
  'claimedAt',
  'actors',
  'topics',
  'attributions',
  'status',
  'supersedes',
] as const satisfies ReadonlyArray<keyof Claim>;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** What a revision may record: the edit form's fields, the status history the status form appends to, and the story a move changes. */
export const REVISED_FIELDS = [...EDITABLE_FIELDS, 'statusHistory', 'storyId'] as const satisfies ReadonlyArray<keyof Claim>;
export type RevisedField = (typeof REVISED_FIELDS)[number];

/** A revision does not fit the claim it is applied to: the history is incomplete or belongs elsewhere. */
export class RevisionConflictError extends Error {
  override name = 'RevisionConflictError';
}

/**
 * What a claim's revisions also record that is kept beside the claim rather than in it: its relations to other
 * claims. Replaying a revision onto a claim passes over these changes.
 */
export const RELATIONS_FIELD = 'relations';

const isRevisedField = (field: string): field is RevisedField => (REVISED_FIELDS as readonly string[]).includes(field);

/**
 * Structural equality for stored JSON: key order does not matter and a key holding `undefined` counts as absent,
 * because that is what survives a round trip through the database file.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameJson(left[key], right[key]));
}

/**
 * One change per field that differs between two versions of a claim, with the whole old and new values, so a
 * revision can be replayed forwards or undone without the versions around it.
 *
 * @example
 * diffClaim(claim, { ...claim, status: 'confirmed' })
 * //=> [{ field: 'status', from: 'reported', to: 'confirmed' }]
 */
export function diffClaim(
  before: Claim,
  after: Claim,
  fields: readonly RevisedField[] = EDITABLE_FIELDS,
): FieldChange[] {
  return fields
    .filter((field) => !sameJson(before[field], after[field]))
    .map((field) => ({ field, from: structuredClone(before[field]), to: structuredClone(after[field]) }));
}

/**
 * A claim with changes applied forwards (to their new values) or backwards (to their old ones). Leaves
 * `revision` and `updatedAt` alone. Throws RevisionConflictError when a change names a field a revision may not
 * touch, or when the claim does not hold the value the change starts from.
 *
 * @example
 * applyChanges(reportedClaim, [{ field: 'status', from: 'reported', to: 'confirmed' }], 'forward').status
 * //=> 'confirmed'
 */
export function applyChanges(claim: Claim, changes: FieldChange[], direction: 'forward' | 'backward'): Claim {
  const next: Record<string, unknown> = { ...claim };
  const ordered = direction === 'forward' ? changes : [...changes].reverse();
  for (const change of ordered) {
    if (change.field === RELATIONS_FIELD) continue;
    if (!isRevisedField(change.field)) {
      throw new RevisionConflictError(`revisions: "${change.field}" is not a field a revision may change`);
    }
    const [expected, value] = direction === 'forward' ? [change.from, change.to] : [change.to, change.from];
    if (!sameJson(next[change.field], expected)) {
      throw new RevisionConflictError(
        `revisions: claim ${claim.id} does not hold the "${change.field}" this change starts from`,
      );
    }
    if (value === undefined) {
      delete next[change.field];
    } else {
      next[change.field] = structuredClone(value);
    }
  }
  return next as unknown as Claim;
}

/**
 * Rebuilds a claim by applying its revisions, in revision-number order, to an earlier version of it. Revisions
 * the earlier version already includes are skipped; `revision` and `updatedAt` come from the revision records.
 *
 * @example
 * replay(firstVersion, revisionsOfTheClaim) //=> the current claim
 */
export function replay(initial: Claim, revisions: Revision[]): Claim {
  return [...revisions]
    .filter((revision) => revision.revision > initial.revision)
    .sort((a, b) => a.revision - b.revision)
    .reduce((claim, revision) => {
      if (revision.claimId !== claim.id) {
        throw new RevisionConflictError(
          `revisions: revision ${revision.id} belongs to ${revision.claimId}, not ${claim.id}`,
        );
      }
      return { ...applyChanges(claim, revision.changes, 'forward'), revision: revision.revision, updatedAt: revision.at };
    }, initial);
}

/**
 * The claim after an edit and the revision that records it, or `null` when the edit changes nothing. Only
 * `fields` are taken from `edited`; the revision number goes up by one and `updatedAt` becomes `at`.
 *
 * @example
 * reviseClaim(claim, { ...claim, status: 'confirmed' }, { id: 'r8Xq', at: '2025-02-12T09:00:00.000Z', editor: 'ana', reason: 'Apple confirmed' })
 * //=> { claim: { ...claim, status: 'confirmed', revision: 2, updatedAt: '2025-02-12T09:00:00.000Z' },
 * //     revision: { id: 'r8Xq', claimId: claim.id, revision: 2, at: '2025-02-12T09:00:00.000Z', editor: 'ana', reason: 'Apple confirmed',
 * //                 changes: [{ field: 'status', from: 'reported', to: 'confirmed' }] } }
 */
export function reviseClaim(
  current: Claim,
  edited: Claim,
  meta: { id: string; at: string; editor: string; reason: string },
  fields: readonly RevisedField[] = EDITABLE_FIELDS,
): { claim: Claim; revision: Revision } | null {
  const changes = diffClaim(current, edited, fields);
  if (changes.length === 0) return null;
  const number = current.revision + 1;
  return {
    claim: { ...applyChanges(current, changes, 'forward'), revision: number, updatedAt: meta.at },
    revision: {
      id: meta.id,
      claimId: current.id,
      revision: number,
      at: meta.at,
      editor: meta.editor,
      reason: meta.reason,
      changes,
    },
  };
}

/**
 * Whether a form was opened on an older version of the claim than the one stored now, so saving it would
 * overwrite changes its editor never saw.
 *
 * @example
 * isStale({ ...claim, revision: 4 }, 3) //=> true
 */
export function isStale(current: Claim, formRevision: number): boolean {
  return current.revision !== formRevision;
}
