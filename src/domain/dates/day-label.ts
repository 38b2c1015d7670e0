import { partsOf } from './calendar-day.js';
import { monthName } from './month-names.js';

/**
 * A day as readers write it, from an ISO day or date-time (the day it names in UTC, as the app's `today` is).
 * @example dayLabel('2025-02-11') //=> '11 February 2025'
 */
export function dayLabel(iso: string): string {
  const { year, month, day } = partsOf(iso);
  return `${day} ${monthName(month)} ${year}`;
}

/**
 * A day with its month shortened, for a reading's explanation.
 * @example shortDayLabel('2025-02-11') //=> '11 Feb 2025'
 */
export function shortDayLabel(iso: string): string {
  const { year, month, day } = partsOf(iso);
  return `${day} ${monthName(month).slice(0, 3)} ${year}`;
}

/**
 * A month as readers write it.
 * @example monthLabel(2024, 6) //=> 'June 2024'
 */
export function monthLabel(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}
