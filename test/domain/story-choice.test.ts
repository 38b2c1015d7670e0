import { describe, expect, it } from 'vitest';
import { storyFor } from '../../src/domain/story-choice.js';
import type { Story } from '../../src/domain/types.js';

const story = (slug: string, archived = false): Story => ({ id: `id-${slug}`, slug, title: `The ${slug} story`, summary: '', createdAt: '2025-01-01T00:00:00.000Z', ...(archived && { archivedAt: '2025-02-01T00:00:00.000Z' }) });
const one = [story('apple')];
const two = [story('apple'), story('huawei')];
const withArchived = [story('apple'), story('old', true)];

describe('storyFor', () => {
  it.each([
    ['the story named by slug', 'huawei', undefined, two, { id: 'id-huawei' }],
    ['the story named by id', 'id-huawei', undefined, two, { id: 'id-huawei' }],
    ['the story it is added from', undefined, 'id-huawei', two, { id: 'id-huawei' }],
    ['the only story', undefined, undefined, one, { id: 'id-apple' }],
    ['the only open story beside an archived one', undefined, undefined, withArchived, { id: 'id-apple' }],
    ['a question when there are two', undefined, undefined, two, { field: 'story', message: 'Choose the story this claim belongs to' }],
    ['a refusal of an unknown story', 'nope', undefined, two, { field: 'story', message: 'There is no story “nope”' }],
    ['a refusal of an archived story', 'old', undefined, withArchived, { field: 'story', message: '“The old story” is archived, so it takes nothing new' }],
    ['a request to start one first', undefined, undefined, [], { field: 'story', message: 'Start a story first: a claim belongs to one' }],
  ])('gives %s', (_what, named, fallback, stories, expected) => {
    expect(storyFor(named, fallback, stories, 'claim')).toEqual(expected);
  });
});
