import { describe, expect, it } from 'vitest';
import type { ClockContext } from '../../src/domain/add-claim.js';
import { archiveStory, createStory, moveClaims, slugFromTitle, validateNewStory } from '../../src/domain/stories.js';
import type { Database, Story } from '../../src/domain/types.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';

const context: ClockContext = { now: '2025-03-01T12:00:00.000Z', today: '2025-03-01', newId: () => 'rev-1' };
const story = (slug: string, extra: Partial<Story> = {}): Story => ({ id: slug, slug, title: slug, summary: '', createdAt: context.now, ...extra });

describe('slugFromTitle', () => {
  it.each([
    ['Apple taps Alibaba to bring AI to Chinese iPhones', 'apple-taps-alibaba-to-bring-ai-to-chinese-iphones'],
    ['  Huawei: phone sales, Q4!  ', 'huawei-phone-sales-q4'],
    ['Zürich café rules', 'zurich-cafe-rules'],
    ['!!!', 'story'],
    ['A very long headline about chip export rules that keeps going well past any sensible address length', 'a-very-long-headline-about-chip-export-rules-that-keeps'],
  ])('makes %j into %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(slugFromTitle(title).length).toBeLessThanOrEqual(60);
  });
});

describe('validateNewStory', () => {
  it.each<[Record<string, string>, string]>([
    [{ title: 'Apple and Alibaba' }, 'slug apple-and-alibaba'],
    [{ title: 'Apple and Alibaba', slug: 'apple-china' }, 'slug apple-china'],
    [{ title: '' }, 'refused: title'],
    [{ title: 'Fine', slug: 'Not a slug' }, 'refused: slug'],
    [{ title: 'Taken', slug: 'apple-alibaba' }, 'refused: slug'],
    [{ title: 'Apple Alibaba' }, 'refused: title'],
    [{ title: 'Fine', colour: 'red' }, 'refused: colour'],
  ])('checks %j: %s', (body, expected) => {
    const checked = validateNewStory(body, [story('apple-alibaba')]);
    expect(checked.ok ? `slug ${checked.value.slug}` : `refused: ${checked.errors.map((error) => error.field).join(', ')}`).toBe(expected);
  });
});

describe('createStory and archiveStory', () => {
  const empty = (): Database => ({ version: 3, stories: [story('one')], sources: [], documents: [], claims: [], revisions: [], relations: [] });

  it('starts a story once, and a second with the same address is refused', () => {
    const { data, result } = createStory(empty(), { title: 'Two', summary: 'S', slug: 'two' }, context);
    expect(result).toMatchObject({ id: 'two', slug: 'two', title: 'Two', summary: 'S', createdAt: context.now });
    expect(createStory(data, { title: 'Two again', summary: '', slug: 'two' }, context).result).toBeNull();
  });

  it('archives a story keeping the day it was first archived, and brings it back', () => {
    const archived = archiveStory(empty(), 'one', true, context);
    expect(archived.result?.archivedAt).toBe(context.now);
    const again = archiveStory(archived.data, 'one', true, { ...context, now: '2026-01-01T00:00:00.000Z' });
    expect(again.result?.archivedAt).toBe(context.now);
    expect(archiveStory(again.data, 'one', false, context).result).not.toHaveProperty('archivedAt');
    expect(archiveStory(empty(), 'nope', true, context).result).toBeNull();
  });
});

describe('moveClaims', () => {
  const withTwoStories = (): Database => {
    const db = loadSeedDatabase(context.now);
    return { ...db, stories: [...db.stories, story('other'), story('old', { archivedAt: context.now })] };
  };
  const meta = { editor: 'Ana' };

  it.each([
    [['iphone-sales-dipped-holiday-quarter'], 'other', 'moved'],
    [['apple-fell-out-of-top-five', 'apple-back-in-top-five'], 'other', 'moved'],
    [['apple-fell-out-of-top-five'], 'other', 'refused: withRelated'],
    [['iphone-sales-dipped-holiday-quarter'], 'old', 'refused: story'],
    [['iphone-sales-dipped-holiday-quarter'], 'nowhere', 'refused: story'],
    [['no-such-claim'], 'other', 'missing'],
  ])('moves %j to %j: %s', (ids, to, expected) => {
    const { data, result } = moveClaims(withTwoStories(), ids, to, meta, context);
    const got = result.kind === 'refused' ? `refused: ${result.errors[0]?.field}` : result.kind;
    expect(got).toBe(expected);
    if (result.kind === 'moved') {
      for (const id of ids) expect(data.claims.find((claim) => claim.id === id)?.storyId).toBe('other');
      expect(data.revisions.slice(-ids.length).every((revision) => revision.changes.some((change) => change.field === 'storyId'))).toBe(true);
    } else {
      expect(data).toEqual(withTwoStories());
    }
  });

  it('names the related claims a move would leave behind', () => {
    const { result } = moveClaims(withTwoStories(), ['apple-fell-out-of-top-five'], 'other', meta, context);
    expect(result.kind === 'refused' && result.errors[0]?.message).toMatch(/^Related claims would be left behind: “[^”]+”\. Move them too/);
  });
});
