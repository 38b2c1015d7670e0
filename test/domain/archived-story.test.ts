import { describe, expect, it } from 'vitest';
import { archivedRefusal } from '../../src/domain/archived-story.js';
import type { Claim, Story } from '../../src/domain/types.js';

const stories: Story[] = [
  { id: 'open', slug: 'open', title: 'Open', summary: '', createdAt: '2025-01-01T00:00:00.000Z' },
  { id: 'old', slug: 'old', title: 'Old news', summary: '', createdAt: '2025-01-01T00:00:00.000Z', archivedAt: '2025-02-01T00:00:00.000Z' },
];
const claims = [
  { id: 'a', storyId: 'open' },
  { id: 'b', storyId: 'old' },
] as Claim[];

describe('archivedRefusal', () => {
  it.each([
    ['a claim of an open story', 'a', null],
    ['a claim of an archived story', 'b', { field: 'story', message: '“Old news” is archived: its claims are read-only' }],
    ['a claim that does not exist', 'c', null],
  ])('answers %s with %j', (_what, id, expected) => {
    expect(archivedRefusal({ claims, stories }, id)).toEqual(expected);
  });
});
