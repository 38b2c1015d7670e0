import { isoOf } from './calendar-day.js';
import { dayNumberOf, isoFromDayNumber, weekdayOf } from './day-number.js';

/** Easter Sunday in a year (the Gregorian computus, Meeus/Jones/Butcher). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

/** US Thanksgiving: the fourth Thursday of November. */
function thanksgiving(year: number): number {
  const first = dayNumberOf(year, 11, 1);
  return first + ((4 - weekdayOf(first) + 7) % 7) + 21;
}

const fixed = (month: number, day: number) => (year: number) => isoOf(year, month, day);
const shifted = (base: (year: number) => number, days: number) => (year: number) => isoFromDayNumber(base(year) + days);
const fromEaster = (days: number) => shifted(easter, days);

/**
 * Named days wire copy uses, by their words once normalised (lower case, no apostrophes), each as the ISO day
 * it falls on in a year. Only days with one date everywhere they are kept; Thanksgiving is the US one.
 * @example NAMED_DAYS['new years eve']?.(2024) //=> '2024-12-31'
 */
export const NAMED_DAYS: Record<string, (year: number) => string> = {
  christmas: fixed(12, 25),
  'christmas day': fixed(12, 25),
  'christmas eve': fixed(12, 24),
  'boxing day': fixed(12, 26),
  'new years eve': fixed(12, 31),
  'new years day': fixed(1, 1),
  'valentines day': fixed(2, 14),
  halloween: fixed(10, 31),
  'singles day': fixed(11, 11),
  thanksgiving: shifted(thanksgiving, 0),
  'thanksgiving day': shifted(thanksgiving, 0),
  'black friday': shifted(thanksgiving, 1),
  'cyber monday': shifted(thanksgiving, 4),
  easter: fromEaster(0),
  'easter sunday': fromEaster(0),
  'good friday': fromEaster(-2),
  'easter monday': fromEaster(1),
};
