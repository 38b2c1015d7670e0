/**
 * A company's fiscal year, by the month it ends in (1–12): fiscal year Y is the twelve months that end in
 * that month of calendar year Y, the way Apple (September), Microsoft (June) and most companies name theirs.
 * Months are counted as indexes (`year * 12 + month - 1`) so spans cross calendar years without care.
 */

/**
 * The first and last month index of fiscal year `year`.
 * @example fiscalYearMonths(2025, 9) //=> [2024 * 12 + 9, 2025 * 12 + 8], October 2024 – September 2025
 */
export function fiscalYearMonths(year: number, endMonth: number): [number, number] {
  const last = year * 12 + endMonth - 1;
  return [last - 11, last];
}

/**
 * The fiscal year an ISO day falls in.
 * @example fiscalYearOf('2025-02-11', 9) //=> 2025
 */
export function fiscalYearOf(iso: string, endMonth: number): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) <= endMonth ? year : year + 1;
}

/**
 * The first and last month index of a part of a fiscal year: quarter 1–4 (`size` 3) or half 1–2 (`size` 6).
 * @example fiscalPartMonths(2025, 9, 1, 3) //=> [2024 * 12 + 9, 2024 * 12 + 11], October – December 2024
 */
export function fiscalPartMonths(year: number, endMonth: number, part: number, size: 3 | 6): [number, number] {
  const first = fiscalYearMonths(year, endMonth)[0] + size * (part - 1);
  return [first, first + size - 1];
}
