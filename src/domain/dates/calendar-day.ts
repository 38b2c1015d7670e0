import { dayNumberOf, isoFromDayNumber } from './day-number.js';

/** A day as the calendar names it. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The ISO day for calendar parts, without checking that the day exists.
 * @example isoOf(2024, 6, 5) //=> '2024-06-05'
 */
export const isoOf = (year: number, month: number, day: number): string => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/**
 * The parts of an ISO day or date-time, read from its first ten characters.
 * @example partsOf('2025-02-11') //=> { year: 2025, month: 2, day: 11 }
 */
export function partsOf(iso: string): CalendarDay {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/**
 * How many days a month has.
 * @example daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  return Number(isoFromDayNumber(dayNumberOf(year, month + 1, 0)).slice(8, 10));
}

/**
 * True when the parts name a day the calendar has.
 * @example isRealDay(2023, 2, 29) //=> false
 */
export function isRealDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
