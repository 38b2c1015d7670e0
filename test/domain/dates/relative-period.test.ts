import { describe, expect, it } from 'vitest';
import { mostRecentEndedQuarter, mostRecentStart, shiftedPeriod } from '../../../src/domain/dates/relative-period.js';

describe('shiftedPeriod', () => {
  it.each([
    ['year', -1, new Date(2024, 0, 1)],
    ['quarter', -1, new Date(2024, 9, 1)],
    ['quarter', 0, new Date(2025, 0, 1)],
    ['month', -1, new Date(2025, 0, 1)],
    ['day', -1, new Date(2025, 1, 10)],
  ] as const)('when counting %s by %d from 11 Feb 2025, then the period starts on %s', (unit, offset, start) => {
    expect(shiftedPeriod(unit, offset, new Date(2025, 1, 11))).toEqual(start);
  });
});

describe('mostRecentStart', () => {
  it('when the period has not begun yet this year, then last year’s is taken', () => {
    expect(mostRecentStart((year) => new Date(year, 6, 1), new Date(2025, 1, 11))).toEqual(new Date(2024, 6, 1));
  });

  it('when the period begins on the reference day, then this year’s is taken', () => {
    expect(mostRecentStart((year) => new Date(year, 6, 1), new Date(2024, 6, 1))).toEqual(new Date(2024, 6, 1));
  });

  it('when the period is 29 February, then the latest leap year’s is taken', () => {
    const leapDay = (year: number) => (new Date(year, 1, 29).getMonth() === 1 ? new Date(year, 1, 29) : null);

    expect(mostRecentStart(leapDay, new Date(2027, 5, 1))).toEqual(new Date(2024, 1, 29));
  });
});

describe('mostRecentEndedQuarter', () => {
  it('when the reference is in February, then the holiday quarter just gone is taken', () => {
    expect(mostRecentEndedQuarter(4, new Date(2025, 1, 11))).toEqual(new Date(2024, 9, 1));
  });

  it('when the reference is inside the fourth quarter, then the previous year’s is taken', () => {
    expect(mostRecentEndedQuarter(4, new Date(2024, 10, 20))).toEqual(new Date(2023, 9, 1));
  });

  it('when the reference is the quarter’s last day, then that quarter counts as ended', () => {
    expect(mostRecentEndedQuarter(4, new Date(2024, 11, 31))).toEqual(new Date(2024, 9, 1));
  });
});
