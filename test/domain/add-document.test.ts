import { describe, expect, it } from 'vitest';
import { publicationDay } from '../../src/domain/add-document.js';

describe('publicationDay', () => {
  it.each([
    ['2025-02-11', { ok: true, day: '2025-02-11' }],
    ['11 February 2025', { ok: true, day: '2025-02-11' }],
    ['2025', { ok: false, message: 'The publication date must be one day (you gave 2025)' }],
    ['2025-02', { ok: false, message: 'The publication date must be one day (you gave February 2025)' }],
    ['2025-03-02', { ok: false, message: 'The publication date cannot be in the future' }],
  ])('when the day is typed as “%s”, then it reads as %j', (written, expected) => {
    expect(publicationDay(written, '2025-03-01')).toEqual(expected);
  });

  it('when the day cannot be read, then the message says what was not understood', () => {
    expect(publicationDay('the day before yesterday-ish', '2025-03-01')).toMatchObject({ ok: false, message: expect.stringMatching(/^The publication date: /) });
  });
});
