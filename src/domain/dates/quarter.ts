import { daysInMonth, isoOf, partsOf } from './calendar-day.js';

/**
 * The calendar quarter (1–4) an ISO day falls in.
 * @example quarterOf('2024-05-17') //=> 2
 */
export function quarterOf(iso: string): number {
  return Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
}

/**
 * First day of the quarter an ISO day falls in.
 * @example quarterStart('2024-05-17') //=> '2024-04-01'
 */
export function quarterStart(iso: string): string {
  return isoOf(Number(iso.slice(0, 4)), (quarterOf(iso) - 1) * 3 + 1, 1);
}

/**
 * Last day of the quarter an ISO day falls in.
 * @example quarterEnd('2024-05-17') //=> '2024-06-30'
 */
export function quarterEnd(iso: string): string {
  const { year } = partsOf(iso);
  const lastMonth = quarterOf(iso) * 3;
  return isoOf(year, lastMonth, daysInMonth(year, lastMonth));
}

/**
 * How a reader names the quarter an ISO day falls in.
 * @example quarterLabel('2024-05-17') //=> 'Q2 2024'
 */
export function quarterLabel(iso: string): string {
  return `Q${quarterOf(iso)} ${iso.slice(0, 4)}`;
}
