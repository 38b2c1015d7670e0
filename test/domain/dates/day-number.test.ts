import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDayNumber } from '../../../src/domain/dates/day-number.js';

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2024-01-01', 19_723],
    ['2024-02-29', 19_782],
    ['2024-03-01', 19_783],
    ['2025-02-11', 20_130],
  ])('%s is day %i, and back', (iso, day) => {
    expect(dayNumber(iso)).toBe(day);
    expect(isoFromDayNumber(day)).toBe(iso);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-01', 'tomorrow', ''])('refuses “%s”, which is not an ISO day', (text) => {
    expect(() => dayNumber(text)).toThrow(RangeError);
  });
});
