import { describe, expect, it } from 'vitest';
import { dayNumber, dayNumberOf, isoFromDayNumber, weekdayOf } from '../../../src/domain/dates/day-number.js';

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2025-02-11', 20130],
    ['1900-01-01', -25567],
  ] as const)('when %s is counted, then it is day %d and back again', (iso, day) => {
    expect(dayNumber(iso)).toBe(day);
    expect(isoFromDayNumber(day)).toBe(iso);
  });

  it.each(['2024-02-30', '2023-02-29', '11/02/2025', '2025-2-11', '2025-13-01', ''])('when “%s” is counted, then it is refused as no day', (text) => {
    expect(() => dayNumber(text)).toThrow(RangeError);
  });

  it('when parts run past their month, then they carry over as the calendar does', () => {
    expect(dayNumberOf(2024, 3, 0)).toBe(dayNumber('2024-02-29'));
    expect(dayNumberOf(2024, 13, 1)).toBe(dayNumber('2025-01-01'));
  });

  it.each([
    ['1970-01-01', 4],
    ['2025-02-10', 1],
    ['2025-02-11', 2],
    ['2024-12-29', 7],
    ['1969-12-28', 7],
  ] as const)('when the weekday of %s is asked, then it is %d (1 is Monday)', (iso, weekday) => {
    expect(weekdayOf(dayNumber(iso))).toBe(weekday);
  });
});
