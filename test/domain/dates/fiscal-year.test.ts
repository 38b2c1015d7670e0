import { describe, expect, it } from 'vitest';
import { fiscalPartMonths, fiscalYearMonths, fiscalYearOf } from '../../../src/domain/dates/fiscal-year.js';

const month = (year: number, m: number) => year * 12 + m - 1;

describe('fiscal years', () => {
  it.each([
    [2025, 9, month(2024, 10), month(2025, 9)],
    [2025, 6, month(2024, 7), month(2025, 6)],
    [2024, 3, month(2023, 4), month(2024, 3)],
    [2024, 12, month(2024, 1), month(2024, 12)],
    [2025, 1, month(2024, 2), month(2025, 1)],
  ] as const)('when fiscal %d ends in month %d, then it runs over those twelve months', (year, end, first, last) => {
    expect(fiscalYearMonths(year, end)).toEqual([first, last]);
  });

  it.each([
    ['2025-02-11', 9, 2025],
    ['2024-09-30', 9, 2024],
    ['2024-10-01', 9, 2025],
    ['2025-02-11', 12, 2025],
    ['2025-02-11', 1, 2026],
  ] as const)('when %s is placed with a year ending in month %d, then it is in fiscal %d', (iso, end, year) => {
    expect(fiscalYearOf(iso, end)).toBe(year);
  });

  it.each([
    [2025, 9, 1, 3, month(2024, 10), month(2024, 12)],
    [2025, 9, 4, 3, month(2025, 7), month(2025, 9)],
    [2025, 6, 2, 3, month(2024, 10), month(2024, 12)],
    [2025, 9, 2, 6, month(2025, 4), month(2025, 9)],
  ] as const)('when part %d of fiscal %d (ending in month %d) is asked, then it covers its months', (year, end, part, size, first, last) => {
    expect(fiscalPartMonths(year, end, part, size)).toEqual([first, last]);
  });
});
