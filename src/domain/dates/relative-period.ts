import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addQuarters } from 'date-fns/addQuarters';
import { addYears } from 'date-fns/addYears';
import { getYear } from 'date-fns/getYear';
import { isAfter } from 'date-fns/isAfter';
import { lastDayOfQuarter } from 'date-fns/lastDayOfQuarter';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfYear } from 'date-fns/startOfYear';
import { subYears } from 'date-fns/subYears';

/** The calendar units a writer counts back and forward in ("last month", "next quarter", "yesterday"). */
export type PeriodUnit = 'day' | 'month' | 'quarter' | 'year';

/**
 * First day of the period `offset` units away from the one the reference falls in:
 * 0 is "this", -1 "last", 1 "next".
 * @example shiftedPeriod('quarter', -1, new Date(2025, 1, 11)) //=> new Date(2024, 9, 1), Q4 2024
 */
export function shiftedPeriod(unit: PeriodUnit, offset: number, reference: Date): Date {
  switch (unit) {
    case 'day':
      return addDays(reference, offset);
    case 'month':
      return startOfMonth(addMonths(reference, offset));
    case 'quarter':
      return startOfQuarter(addQuarters(reference, offset));
    case 'year':
      return startOfYear(addYears(reference, offset));
  }
}

/**
 * First day of the most recent period that had begun by the reference day, for a period named
 * without its year ("March", "the third quarter", "15 June"). `startInYear` says where the period begins
 * in a given year, or `null` when it does not exist that year (29 February).
 * Writers name a period without its year when it is the latest one their readers have seen begin,
 * so from 11 February 2025 "March" is March 2024 and "the first quarter" is Q1 2025.
 * @example mostRecentStart((year) => new Date(year, 6, 1), new Date(2025, 1, 11)) //=> new Date(2024, 6, 1)
 */
export function mostRecentStart(startInYear: (year: number) => Date | null, reference: Date): Date | null {
  const year = getYear(reference);
  // Eight years always reach a leap year, the only period that can be missing from a year.
  for (let candidateYear = year; candidateYear >= year - 8; candidateYear--) {
    const start = startInYear(candidateYear);
    if (start && !isAfter(start, reference)) return start;
  }
  return null;
}

/**
 * First day of the most recent quarter `quarter` (1–4) that had ended by the reference day.
 * "The holiday quarter" in a February report is the October–December just gone; in a November one it is
 * still the previous year's, because the current one has not yet happened.
 * @example mostRecentEndedQuarter(4, new Date(2025, 1, 11)) //=> new Date(2024, 9, 1), Q4 2024
 * @example mostRecentEndedQuarter(4, new Date(2024, 10, 20)) //=> new Date(2023, 9, 1), Q4 2023
 */
export function mostRecentEndedQuarter(quarter: number, reference: Date): Date {
  const year = getYear(reference);
  const start = new Date(year, (quarter - 1) * 3, 1);
  return isAfter(lastDayOfQuarter(start), reference) ? subYears(start, 1) : start;
}
