const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a calendar day given by its parts. Parts past their range carry over the way
 * the calendar does (day 0 is the last day of the month before), which makes month-end arithmetic one call.
 * Counted in UTC, so daylight saving never makes a day 23 or 25 hours long.
 * @example dayNumberOf(1970, 1, 2) //=> 1
 * @example dayNumberOf(2024, 3, 0) === dayNumberOf(2024, 2, 29) //=> true
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Days since 1970-01-01 of an ISO day.
 * @throws RangeError when the text names no day (`2024-02-30`, `11/02/2025`)
 * @example dayNumber('2025-02-11') //=> 20130
 */
export function dayNumber(iso: string): number {
  const match = ISO_DAY.exec(iso);
  const day = match ? dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!match || Number.isNaN(day) || isoFromDayNumber(day) !== iso) throw new RangeError(`“${iso}” is not an ISO day (YYYY-MM-DD)`);
  return day;
}

/**
 * The ISO day a day number stands for.
 * @example isoFromDayNumber(20130) //=> '2025-02-11'
 */
export function isoFromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The ISO weekday of a day number: 1 is Monday, 7 is Sunday.
 * @example weekdayOf(dayNumber('2025-02-11')) //=> 2, a Tuesday
 */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
