import { z } from 'zod';
import type { ClockContext, Transition } from './add-claim.js';
import { LIMITS, optionalText, text } from './claim-form.js';
import { reviseClaim } from './revisions.js';
import { slugify } from './slug.js';
import type { Claim, Database, Story } from './types.js';
import { fieldErrors, type FieldError, type Validated } from './validation.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_LIMIT = 60;

/** One schema for the “New story” form and `POST /api/stories`. */
export const storyFormSchema = z.strictObject({
  title: text('The title', 200).min(1, 'Give the story a title'),
  summary: optionalText('The summary', 300),
  slug: optionalText('The address', SLUG_LIMIT).refine(
    (slug) => slug === undefined || SLUG.test(slug),
    'The address is lower-case letters and digits joined by hyphens, e.g. apple-alibaba',
  ),
});

export const STORY_FORM_FIELDS = ['title', 'summary', 'slug'] as const;

export interface StoryInput {
  title: string;
  summary: string;
  slug: string;
}

/** A slug made from a title, at most SLUG_LIMIT characters, cut at a hyphen. */
export function slugFromTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= SLUG_LIMIT) return slug || 'story';
  const cut = slug.slice(0, SLUG_LIMIT);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : SLUG_LIMIT) || 'story';
}

/**
 * Checks a new story: its title, and an address (given, or made from the title) no other story has.
 * @example validateNewStory({ title: 'Apple and Alibaba' }, []).ok //=> true, with slug 'apple-and-alibaba'
 */
export function validateNewStory(body: unknown, stories: readonly Story[]): Validated<StoryInput> {
  const parsed = storyFormSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const slug = parsed.data.slug ?? slugFromTitle(parsed.data.title);
  const taken = stories.find((story) => story.slug === slug || story.id === slug);
  if (taken) {
    const field = parsed.data.slug ? 'slug' : 'title';
    return { ok: false, errors: [{ field, message: `The address /stories/${slug} is taken by “${taken.title}”; choose another` }] };
  }
  return { ok: true, value: { title: parsed.data.title, summary: parsed.data.summary ?? '', slug } };
}

/** Starts a story; the address is checked again here, so two stories made at once cannot share it. */
export function createStory(db: Database, input: StoryInput, context: ClockContext): Transition<Story | null> {
  if (db.stories.some((story) => story.slug === input.slug || story.id === input.slug)) return { data: db, result: null };
  const story: Story = { id: input.slug, slug: input.slug, title: input.title, summary: input.summary, createdAt: context.now };
  return { data: { ...db, stories: [...db.stories, story] }, result: story };
}

/** Archives a story (hidden from the list, read-only) or takes it out of the archive. */
export function archiveStory(db: Database, id: string, archived: boolean, context: ClockContext): Transition<Story | null> {
  const current = db.stories.find((story) => story.id === id);
  if (!current) return { data: db, result: null };
  const { archivedAt: _was, ...open } = current;
  const next: Story = archived ? { ...open, archivedAt: current.archivedAt ?? context.now } : open;
  return { data: { ...db, stories: db.stories.map((story) => (story === current ? next : story)) }, result: next };
}

export type MoveOutcome = { kind: 'moved'; claims: Claim[] } | { kind: 'refused'; errors: FieldError[] } | { kind: 'missing' };

/**
 * Moves claims to another story, as an edit of each with a revision. A relation goes with them only when both
 * its claims move: a claim related to one that stays is refused, naming it, since relations stay inside a story.
 */
export function moveClaims(
  db: Database,
  ids: readonly string[],
  to: string,
  meta: { editor: string; reason?: string },
  context: ClockContext,
): Transition<MoveOutcome> {
  const refuse = (field: string, message: string): Transition<MoveOutcome> => ({ data: db, result: { kind: 'refused', errors: [{ field, message }] } });
  const moving = ids.map((id) => db.claims.find((claim) => claim.id === id));
  if (moving.length === 0 || moving.some((claim) => claim === undefined)) return { data: db, result: { kind: 'missing' } };
  const target = db.stories.find((story) => story.id === to || story.slug === to);
  if (!target) return refuse('story', `There is no story “${to}”`);
  if (target.archivedAt) return refuse('story', `“${target.title}” is archived, so it takes nothing new`);
  const claims = moving as Claim[];
  const archived = claims.map((claim) => db.stories.find((story) => story.id === claim.storyId)).find((story) => story?.archivedAt);
  if (archived) return refuse('story', `“${archived.title}” is archived, so its claims stay where they are`);
  const moved = new Set(ids);
  const left = db.relations.filter((r) => moved.has(r.from) !== moved.has(r.to));
  if (left.length > 0) {
    const behind = [...new Set(left.map((r) => (moved.has(r.from) ? r.to : r.from)))].map((id) => db.claims.find((claim) => claim.id === id));
    const names = behind.map((claim) => `“${claim?.shortName ?? claim?.statement ?? ''}”`).join(', ');
    return refuse('withRelated', `Related claims would be left behind: ${names}. Move them too, or remove those relations first.`);
  }
  const revised = claims.flatMap((claim) => {
    if (claim.storyId === target.id) return [];
    const change = reviseClaim(claim, { ...claim, storyId: target.id }, { id: context.newId(), at: context.now, editor: meta.editor, reason: meta.reason ?? `Moved to “${target.title}”` }, ['storyId']);
    return change ? [change] : [];
  });
  const byId = new Map(revised.map((r) => [r.claim.id, r.claim]));
  return {
    data: { ...db, claims: db.claims.map((claim) => byId.get(claim.id) ?? claim), revisions: db.revisions.concat(revised.map((r) => r.revision)) },
    result: { kind: 'moved', claims: claims.map((claim) => byId.get(claim.id) ?? claim) },
  };
}

/** The move form and `POST /api/claims/:id/move`: the story to move to, whether its related claims go too, who moves it. */
export const moveFormSchema = z.strictObject({
  story: text('The story', LIMITS.id).min(1, 'Choose the story to move the claim to'),
  withRelated: z
    .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
    .optional()
    .transform((value) => value === true || value === 'on' || value === 'true'),
  editor: text('Your name', LIMITS.name).min(1, 'Say who is moving this claim'),
  reason: optionalText('The reason', LIMITS.reason),
});
