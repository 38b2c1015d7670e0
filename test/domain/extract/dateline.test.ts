import { describe, expect, it } from 'vitest';
import { findDateline } from '../../../src/domain/extract/dateline.js';

describe('findDateline', () => {
  it.each([
    ['SEOUL, March 4 (Reuters) - South Korea’s Hanul', { wire: 'Reuters', place: 'SEOUL', datePhrase: 'March 4', story: 'South Korea’s Hanul' }],
    ['Jan 4 (Reuters) - Apple is partnering', { wire: 'Reuters', place: null, datePhrase: 'Jan 4', story: 'Apple is partnering' }],
    ['NEW YORK (AP) — Pilots voted', { wire: 'The Associated Press', place: 'NEW YORK', datePhrase: null, story: 'Pilots voted' }],
    ['(Bloomberg) -- Voltaris Motors Inc. is considering', { wire: 'Bloomberg', place: null, datePhrase: null, story: 'Voltaris Motors Inc. is considering' }],
    ['SAN FRANCISCO, Calif., Jan. 4, 2025 (Reuters) - Shares fell', { wire: 'Reuters', place: 'SAN FRANCISCO, Calif.', datePhrase: 'Jan. 4, 2025', story: 'Shares fell' }],
    ['BEIJING, 4 January (AFP) - China said', { wire: 'AFP', place: 'BEIJING', datePhrase: '4 January', story: 'China said' }],
    ['LONDON — Shares fell on Monday', { wire: null, place: 'LONDON', datePhrase: null, story: 'Shares fell on Monday' }],
  ])('when a paragraph opens “%s”, then the dateline is read and the story starts after it', (paragraph, expected) => {
    const found = findDateline(paragraph);

    expect(found && { wire: found.wire, place: found.place, datePhrase: found.datePhrase, story: paragraph.slice(found.end) }).toEqual(expected);
  });

  it.each([
    ['Apple (AAPL) - shares rose'],
    ['The deal - first reported in May - was signed'],
    ['Apple said it would (probably) - in time - agree'],
  ])('when a paragraph only looks like one, “%s”, then there is no dateline', (paragraph) => {
    expect(findDateline(paragraph)).toBeNull();
  });
});
