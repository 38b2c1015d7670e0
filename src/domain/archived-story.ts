import type { Database } from './types.js';
import type { FieldError } from './validation.js';

/**
 * The refusal for a change to a claim of an archived story, which is read-only; null where the story is open.
 * @example archivedRefusal(db, 'apple-chose-alibaba') //=> null
 */
export function archivedRefusal(db: Pick<Database, 'claims' | 'stories'>, claimId: string): FieldError | null {
  const claim = db.claims.find((candidate) => candidate.id === claimId);
  const story = claim && db.stories.find((candidate) => candidate.id === claim.storyId);
  return story?.archivedAt ? { field: 'story', message: `“${story.title}” is archived: its claims are read-only` } : null;
}
