import type { ClockContext } from '../domain/add-claim.js';
import { groupOf, indexRelations } from '../domain/sequence/sequence.js';
import { archiveStory, createStory, moveClaims, moveFormSchema, validateNewStory, type MoveOutcome } from '../domain/stories.js';
import type { Story } from '../domain/types.js';
import { fieldErrors, type FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';

export type CreateStoryOutcome = { kind: 'created'; story: Story } | { kind: 'invalid'; errors: FieldError[] };

/** Starts a story from the “New story” form or `POST /api/stories`. */
export async function createStoryCommand(store: Store, body: unknown, context: ClockContext): Promise<CreateStoryOutcome> {
  const checked = validateNewStory(body, (await store.load({})).stories);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const story = await store.update({}, (db) => createStory(db, checked.value, context));
  if (!story) return { kind: 'invalid', errors: [{ field: 'slug', message: `The address /stories/${checked.value.slug} was taken a moment ago; choose another` }] };
  return { kind: 'created', story };
}

/** Archives a story, or brings it back from the archive. */
export async function archiveStoryCommand(store: Store, storyId: string, archived: boolean, context: ClockContext): Promise<Story | null> {
  return store.update({}, (db) => archiveStory(db, storyId, archived, context));
}

/**
 * Moves a claim to another story, from its move form or `POST /api/claims/:id/move`; with `withRelated`, the
 * claims tied to it by relations go too, so its relations can go with it.
 */
export async function moveClaimCommand(store: Store, claimId: string, body: unknown, context: ClockContext): Promise<MoveOutcome> {
  const parsed = moveFormSchema.safeParse(body ?? {});
  if (!parsed.success) return { kind: 'refused', errors: fieldErrors(parsed.error) };
  const scope = { claims: [claimId], relationGroups: true };
  const records = await store.load(scope);
  if (!records.claims.some((claim) => claim.id === claimId)) return { kind: 'missing' };
  const ids = parsed.data.withRelated ? [...groupOf(claimId, indexRelations(records.relations))] : [claimId];
  const meta = { editor: parsed.data.editor, ...(parsed.data.reason && { reason: parsed.data.reason }) };
  return store.update(scope, (db) => moveClaims(db, ids, parsed.data.story, meta, context));
}
