import { daysInMonth, isoOf, partsOf } from './calendar-day.js';
import { dayNumber, isoFromDayNumber, weekdayOf } from './day-number.js';
import type { Direction } from './sentence-direction.js';

/** First and last ISO day of a period. */
export interface Span {
  start: string;
  end: string;
}

/** How far from the reference a period named without its year is looked for, either way. */
const YEARS_AROUND = 9;

/**
 * The year of the occurrence of a yearly period nearest to the reference in the sentence's direction:
 * back, the latest one that had started by the reference day; forward, the next one that had not ended.
 * `occurrence` gives the period's span in a year, or `null` when the year has none (29 February).
 * Nine years either way always reach a leap year, the only period that can be missing from a year.
 * @example nearestYear((year) => ({ start: `${year}-03-01`, end: `${year}-03-31` }), '2025-02-11', 'back') //=> 2024
 * @example nearestYear((year) => ({ start: `${year}-03-01`, end: `${year}-03-31` }), '2025-02-11', 'forward') //=> 2025
 */
export function nearestYear(occurrence: (year: number) => Span | null, reference: string, direction: Direction): number | null {
  const year = Number(reference.slice(0, 4));
  if (direction === 'back') {
    for (let candidate = year + 1; candidate >= year - YEARS_AROUND; candidate--) {
      const span = occurrence(candidate);
      if (span && span.start <= reference) return candidate;
    }
  } else {
    for (let candidate = year - 1; candidate <= year + YEARS_AROUND; candidate++) {
      const span = occurrence(candidate);
      if (span && span.end >= reference) return candidate;
    }
  }
  return null;
}

/**
 * A weekday (1 Monday … 7 Sunday) named without a date: back, the latest one on or before the reference
 * (the reference itself when it is that day); forward, the next one not over yet.
 * @example nearestWeekday(5, '2025-02-11', 'back') //=> '2025-02-07'
 * @example nearestWeekday(3, '2025-02-11', 'forward') //=> '2025-02-12'
 */
export function nearestWeekday(weekday: number, reference: string, direction: Direction): string {
  const day = dayNumber(reference);
  const today = weekdayOf(day);
  return isoFromDayNumber(direction === 'back' ? day - ((today - weekday + 7) % 7) : day + ((weekday - today + 7) % 7));
}

/**
 * "Last Friday": the latest such weekday strictly before the reference.
 * @example weekdayBefore(2, '2025-02-11') //=> '2025-02-04'
 */
export function weekdayBefore(weekday: number, reference: string): string {
  const day = dayNumber(reference);
  return isoFromDayNumber(day - ((weekdayOf(day) - weekday + 7) % 7 || 7));
}

/**
 * The Monday of the Monday–Sunday week an ISO day falls in, `offset` weeks away.
 * @example mondayOf('2025-02-11', -1) //=> '2025-02-03'
 */
export function mondayOf(iso: string, offset = 0): string {
  const day = dayNumber(iso);
  return isoFromDayNumber(day - (weekdayOf(day) - 1) + 7 * offset);
}

/**
 * An ISO day moved by whole days.
 * @example addDays('2025-03-01', -1) //=> '2025-02-28'
 */
export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/**
 * The same day some months away, or the month's last day when it is shorter.
 * @example addMonths('2025-05-31', -3) //=> '2025-02-28'
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = partsOf(iso);
  const index = year * 12 + month - 1 + months;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  return isoOf(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}
