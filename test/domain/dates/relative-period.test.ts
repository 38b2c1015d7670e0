import { describe, expect, it } from 'vitest';
import { addDays, addMonths, mondayOf, nearestWeekday, nearestYear, weekdayBefore } from '../../../src/domain/dates/relative-period.js';

const march = (year: number) => ({ start: `${year}-03-01`, end: `${year}-03-31` });
const leapDay = (year: number) => (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? { start: `${year}-02-29`, end: `${year}-02-29` } : null);

describe('nearestYear', () => {
  it.each([
    ['back', '2025-02-11', march, 2024],
    ['forward', '2025-02-11', march, 2025],
    ['back', '2025-03-01', march, 2025],
    ['forward', '2025-03-31', march, 2025],
    ['forward', '2025-04-01', march, 2026],
    ['back', '2027-06-01', leapDay, 2024],
    ['forward', '2025-01-01', leapDay, 2028],
  ] as const)('when looking %s from %s, then the occurrence is in %s', (direction, reference, occurrence, year) => {
    expect(nearestYear(occurrence, reference, direction)).toBe(year);
  });
});

describe('weekdays', () => {
  it.each([
    [5, '2025-02-11', 'back', '2025-02-07'],
    [2, '2025-02-11', 'back', '2025-02-11'],
    [3, '2025-02-11', 'forward', '2025-02-12'],
    [2, '2025-02-11', 'forward', '2025-02-11'],
    [1, '2025-02-11', 'forward', '2025-02-17'],
    [7, '2025-06-02', 'back', '2025-06-01'],
  ] as const)('when weekday %d is named on %s looking %s, then it is %s', (weekday, reference, direction, day) => {
    expect(nearestWeekday(weekday, reference, direction)).toBe(day);
  });

  it('when “last Tuesday” is read on a Tuesday, then it is a week earlier', () => {
    expect(weekdayBefore(2, '2025-02-11')).toBe('2025-02-04');
  });

  it.each([
    ['2025-02-11', 0, '2025-02-10'],
    ['2025-02-16', 0, '2025-02-10'],
    ['2025-02-11', -1, '2025-02-03'],
    ['2025-01-01', 1, '2025-01-06'],
  ] as const)('when the week of %s is moved by %d, then it starts on Monday %s', (day, offset, monday) => {
    expect(mondayOf(day, offset)).toBe(monday);
  });
});

describe('moving days and months', () => {
  it.each([
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
  ] as const)('when %s moves by %d days, then it is %s', (day, by, moved) => {
    expect(addDays(day, by)).toBe(moved);
  });

  it.each([
    ['2025-05-31', -3, '2025-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2025-02-11', -120, '2015-02-11'],
    ['2024-11-30', 3, '2025-02-28'],
  ] as const)('when %s moves by %d months, then it is %s', (day, by, moved) => {
    expect(addMonths(day, by)).toBe(moved);
  });
});
