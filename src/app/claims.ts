import { addClaim, type ClockContext } from '../domain/add-claim.js';
import { claimEditSchema } from '../domain/claim-form.js';
import { validateClaim, validateNewClaim } from '../domain/claim-draft.js';
import { changeStatus, editClaim, supersedesErrors } from '../domain/edit-claim.js';
import type { SequenceConflict } from '../domain/sequence/conflict.js';
import { validateStatusChange } from '../domain/status-form.js';
import type { Claim, ClaimDate } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { archivedRefusal } from '../domain/archived-story.js';

/** The names a submitted body gives as text: a document, claims it supersedes or is replaced by. */
function textField(body: unknown, field: string): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function listField(body: unknown, field: string): string[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
}

export type AddClaimOutcome = { kind: 'added'; claim: Claim } | { kind: 'invalid'; errors: FieldError[]; date?: ClaimDate };

/**
 * Adds a claim from the add form or `POST /api/claims`: checked against the stories, sources and the document
 * it names, then stored in one write. `storyId` is the story it is added from, when the body names none.
 */
export async function addClaimCommand(store: Store, body: unknown, context: ClockContext, options: { storyId?: string } = {}): Promise<AddClaimOutcome> {
  const document = textField(body, 'document');
  const scope = { documents: document ? [document] : [] };
  const checked = validateNewClaim(body, await store.load(scope), context.today, options);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors, ...(checked.date && { date: checked.date }) };
  const claim = await store.update(scope, (db) => addClaim(db, checked.value.draft, context));
  return { kind: 'added', claim };
}

export type EditClaimOutcome =
  | { kind: 'saved' | 'unchanged'; claim: Claim }
  | { kind: 'missing' }
  | { kind: 'invalid'; errors: FieldError[]; date?: ClaimDate }
  /** Someone saved the claim after the form was opened: nothing was saved. */
  | { kind: 'stale'; current: Claim; revision: number; date: ClaimDate }
  /** The new date disagrees with the claim's relations: nothing was saved. */
  | { kind: 'conflict'; conflict: SequenceConflict; date: ClaimDate };

/**
 * Edits a claim from the edit form or `POST /api/claims/:id`, as a new revision; the revision check and the
 * check of its date against its relations are made inside the write, so two editors can never lose an edit.
 */
export async function editClaimCommand(store: Store, id: string, body: unknown, context: ClockContext): Promise<EditClaimOutcome> {
  const document = textField(body, 'document');
  const supersedes = listField(body, 'supersedes');
  const scope = { claims: [id, ...supersedes], relationGroups: true, documents: document ? [document] : [] };
  const records = await store.load(scope);
  const current = records.claims.find((claim) => claim.id === id);
  if (!current) return { kind: 'missing' };
  const archived = archivedRefusal(records, id);
  if (archived) return { kind: 'invalid', errors: [archived] };
  const checked = validateClaim(claimEditSchema, body, records, context.today, { storyId: current.storyId });
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors, ...(checked.date && { date: checked.date }) };
  const { form, draft } = checked.value;
  const supersedesError = supersedesErrors(records, id, form.supersedes);
  if (supersedesError) return { kind: 'invalid', errors: [{ field: 'supersedes', message: supersedesError }], date: draft.date };
  const outcome = await store.update(scope, (db) =>
    editClaim(db, id, { draft, supersedes: form.supersedes }, { editor: form.editor, reason: form.reason ?? '', revision: form.revision }, context),
  );
  if (outcome.kind === 'stale') return { kind: 'stale', current: outcome.current, revision: form.revision, date: draft.date };
  if (outcome.kind === 'conflict') return { kind: 'conflict', conflict: outcome.conflict, date: draft.date };
  return outcome;
}

export type StatusOutcome = { kind: 'changed'; claim: Claim } | { kind: 'missing' } | { kind: 'invalid'; errors: FieldError[] };

/** Records a change of a claim's status, from the status form or `POST /api/claims/:id/status`. */
export async function changeStatusCommand(store: Store, id: string, body: unknown, context: ClockContext): Promise<StatusOutcome> {
  const replacement = textField(body, 'supersededBy');
  const scope = { claims: replacement ? [id, replacement] : [id] };
  const records = await store.load(scope);
  if (!records.claims.some((claim) => claim.id === id)) return { kind: 'missing' };
  const archived = archivedRefusal(records, id);
  if (archived) return { kind: 'invalid', errors: [archived] };
  const checked = validateStatusChange(body, records, id, context.today);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const claim = await store.update(scope, (db) => changeStatus(db, id, checked.value, context));
  return claim ? { kind: 'changed', claim } : { kind: 'missing' };
}
