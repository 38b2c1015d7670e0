import { describe, expect, it } from 'vitest';
import { daysInMonth, isRealDay, isoOf, partsOf } from '../../../src/domain/dates/calendar-day.js';

describe('calendar days', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ] as const)('when %d-%d is measured, then it has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 13, 1, false],
    [2024, 0, 10, false],
    [2024, 6, 0, false],
  ] as const)('when %d-%d-%d is checked, then it is a real day: %s', (year, month, day, real) => {
    expect(isRealDay(year, month, day)).toBe(real);
  });

  it('when parts are written as an ISO day and read back, then they are the same parts', () => {
    expect(isoOf(2024, 6, 5)).toBe('2024-06-05');
    expect(partsOf('2024-06-05')).toEqual({ year: 2024, month: 6, day: 5 });
    expect(partsOf('2024-06-05T23:00:00.000Z')).toEqual({ year: 2024, month: 6, day: 5 });
  });
});
