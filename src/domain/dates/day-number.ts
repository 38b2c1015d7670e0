const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for an ISO day, counted in UTC so daylight saving never makes a day 23 or 25 hours long.
 * @throws RangeError when the text is not a real ISO day (`2024-02-30` is refused).
 * @example dayNumber('1970-01-02') //=> 1
 */
export function dayNumber(iso: string): number {
  const match = ISO_DAY.exec(iso);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(time) || isoFromDayNumber(time / MS_PER_DAY) !== iso) {
    throw new RangeError(`“${iso}” is not an ISO day (YYYY-MM-DD)`);
  }
  return time / MS_PER_DAY;
}

/**
 * The ISO day a day number stands for.
 * @example isoFromDayNumber(19_723) //=> '2024-01-01'
 */
export function isoFromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
