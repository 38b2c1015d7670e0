import type { Story } from './types.js';
import type { FieldError } from './validation.js';

/**
 * The story a new claim or document goes in: the one the form names (by slug or id), else the one it is added
 * from, else the only open story there is. An archived story takes nothing new.
 * @example storyFor('apple-alibaba', undefined, db.stories, 'claim') //=> { id: 'apple-alibaba' }
 * @example storyFor(undefined, undefined, twoStories, 'claim') //=> { field: 'story', message: 'Choose the story this claim belongs to' }
 */
export function storyFor(named: string | undefined, fallback: string | undefined, stories: readonly Story[], what: 'claim' | 'document'): { id: string } | FieldError {
  const open = stories.filter((story) => !story.archivedAt);
  const story = named
    ? stories.find((candidate) => candidate.slug === named || candidate.id === named)
    : fallback
      ? stories.find((candidate) => candidate.id === fallback)
      : open.length === 1
        ? open[0]
        : undefined;
  if (!story) {
    if (named) return { field: 'story', message: `There is no story “${named}”` };
    return { field: 'story', message: open.length === 0 ? `Start a story first: a ${what} belongs to one` : `Choose the story this ${what} belongs to` };
  }
  if (story.archivedAt) return { field: 'story', message: `“${story.title}” is archived, so it takes nothing new` };
  return { id: story.id };
}
