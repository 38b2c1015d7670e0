import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import type { ClaimDate, Precision } from '../types.js';

const PRECISION_RANK: Record<Precision, number> = { year: 0, quarter: 1, month: 2, day: 3 };

const VALUE_PATTERNS: Array<[Precision, RegExp]> = [
  ['year', /^(\d{4})$/],
  ['quarter', /^(\d{4})-Q(\d)$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['day', /^(\d{4})-(\d{2})-(\d{2})$/],
];

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/**
 * EDTF qualifiers: `~` approximate ("around March"), `?` uncertain ("2024?"), `%` both.
 * Claimline writes them before the date (`~2024-03`); the EDTF suffix form (`2024-03~`) is read too.
 */
export type Qualifier = '~' | '?' | '%';

/**
 * "early", "mid" and "late" in a year, as the months they cover. Thirds of a year, so every month
 * belongs to exactly one part and "late 2024" does not swallow the autumn into "mid".
 */
export const PARTS_OF_YEAR = { early: [1, 4], mid: [5, 8], late: [9, 12] } as const;
export type PartOfYear = keyof typeof PARTS_OF_YEAR;

export class DateValueError extends Error {
  override name = 'DateValueError';
}

/** Local-time date built from parts; `null` when the parts name no real day (2024-02-30). */
function realDay(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day);
  if (!isValid(date) || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return date;
}

/**
 * The local-time day an ISO day string names, or `null` when it names none (`2024-02-30`, `11/02/2025`).
 * @example dayFromIso('2025-02-11') //=> new Date(2025, 1, 11)
 */
export function dayFromIso(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The ISO day of a local-time date.
 * @example isoDay(new Date(2025, 1, 11)) //=> '2025-02-11'
 */
export const isoDay = (date: Date): string => format(date, 'yyyy-MM-dd');

/**
 * The label a reader expects for a date at a precision.
 * @example labelFor(new Date(2024, 3, 1), 'quarter') //=> 'Q2 2024'
 */
export function labelFor(date: Date, precision: Precision): string {
  switch (precision) {
    case 'year':
      return format(date, 'yyyy');
    case 'quarter':
      return format(date, "'Q'Q yyyy");
    case 'month':
      return format(date, 'MMMM yyyy');
    case 'day':
      return format(date, 'd MMMM yyyy');
  }
}

/**
 * First and last day covered by a date starting at `start` with `precision`.
 * @example spanOf(new Date(2024, 3, 1), 'quarter') //=> { start: '2024-04-01', end: '2024-06-30' }
 */
export function spanOf(start: Date, precision: Precision): { start: string; end: string } {
  const last =
    precision === 'year'
      ? endOfYear(start)
      : precision === 'quarter'
        ? endOfQuarter(start)
        : precision === 'month'
          ? endOfMonth(start)
          : start;
  return { start: isoDay(start), end: isoDay(last) };
}

/**
 * Claimline notation for a date: `2024`, `2024-Q2`, `2024-06`, `2024-06-15`.
 * @example valueFor(new Date(2024, 3, 1), 'quarter') //=> '2024-Q2'
 */
export function valueFor(date: Date, precision: Precision): string {
  switch (precision) {
    case 'year':
      return format(date, 'yyyy');
    case 'quarter':
      return format(date, "yyyy-'Q'Q");
    case 'month':
      return format(date, 'yyyy-MM');
    case 'day':
      return format(date, 'yyyy-MM-dd');
  }
}

/**
 * A whole ClaimDate for the period of `precision` that starts on `start`.
 * @example claimDateAt(new Date(2024, 5, 1), 'month') //=> { value: '2024-06', precision: 'month', start: '2024-06-01', end: '2024-06-30', label: 'June 2024' }
 */
export function claimDateAt(start: Date, precision: Precision): ClaimDate {
  return { value: valueFor(start, precision), precision, ...spanOf(start, precision), label: labelFor(start, precision) };
}

/**
 * A label with its qualifier said the way a reader says it: "c. March 2024", "2024?", "c. 2024?".
 * @example qualifyLabel('March 2024', '~') //=> 'c. March 2024'
 */
export function qualifyLabel(label: string, qualifier: Qualifier | undefined): string {
  if (qualifier === '~') return `c. ${label}`;
  if (qualifier === '?') return `${label}?`;
  if (qualifier === '%') return `c. ${label}?`;
  return label;
}

/** The flags a qualifier sets; empty when there is none, so unqualified dates carry no `false` noise. */
function qualifierFlags(qualifier: Qualifier | undefined): Pick<ClaimDate, 'approximate' | 'uncertain'> {
  return {
    ...(qualifier === '~' || qualifier === '%' ? { approximate: true } : {}),
    ...(qualifier === '?' || qualifier === '%' ? { uncertain: true } : {}),
  };
}

/** One end of a date as written: the bare date and the qualifier it carried. */
interface Point {
  date: ClaimDate;
  qualifier?: Qualifier;
}

/**
 * Reads a date in Claimline notation: one of the four precisions, optionally qualified (`~2024-03`, `2024?`,
 * `%2024`), or an EDTF interval of two of them (`2024-10/2024-12`, `~2024-01/~2024-04`), open at its end
 * (`2024/..`, "since 2024") or at its start (`../2025-02-11`, "by 11 February 2025").
 * @throws DateValueError naming what is wrong, for impossible dates, backwards ranges and unknown forms.
 * @example dateFromValue('2024/2025-02-11').label //=> '2024 – 11 February 2025'
 * @example dateFromValue('2024-10/2024-12').label //=> 'October – December 2024'
 * @example dateFromValue('~2024-03') //=> { value: '~2024-03', precision: 'month', start: '2024-03-01', end: '2024-03-31', label: 'c. March 2024', approximate: true }
 */
export function dateFromValue(value: string): ClaimDate {
  const text = value.trim();
  if (!text.includes('/')) return pointDate(pointFromValue(text));
  const [first = '', last = '', ...rest] = text.split('/');
  if (rest.length > 0) throw new DateValueError(`“${text}” has more than one “/”; a range is START/END`);
  if (first === '..' && last === '..') throw new DateValueError('a range needs at least one end');
  if (last === '..') {
    const from = pointDate(pointFromValue(first));
    return { ...from, value: `${from.value}/..`, label: `${from.label} onwards`, openEnd: true };
  }
  if (first === '..') {
    const to = pointDate(pointFromValue(last));
    return { ...to, value: `../${to.value}`, label: `by ${to.label}`, openStart: true };
  }
  const from = pointFromValue(first);
  const to = pointFromValue(last);
  if (to.date.end < from.date.start) {
    throw new DateValueError(`the range ends (${to.date.label}) before it starts (${from.date.label})`);
  }
  const fromPrecision = from.date.precision;
  const toPrecision = to.date.precision;
  return {
    value: `${pointDate(from).value}/${pointDate(to).value}`,
    precision: PRECISION_RANK[fromPrecision] <= PRECISION_RANK[toPrecision] ? fromPrecision : toPrecision,
    start: from.date.start,
    end: to.date.end,
    label: rangeLabel(from, to),
    ...qualifierFlags(from.qualifier),
    ...qualifierFlags(to.qualifier),
  };
}

/** A point's ClaimDate with its qualifier applied to value, label and flags. */
function pointDate({ date, qualifier }: Point): ClaimDate {
  if (!qualifier) return date;
  return { ...date, value: `${qualifier}${date.value}`, label: qualifyLabel(date.label, qualifier), ...qualifierFlags(qualifier) };
}

/**
 * "October – December 2024" rather than "October 2024 – December 2024": the year is said once when both
 * ends share it, and an approximate span that is exactly a third of a year reads as "early 2024".
 */
function rangeLabel(from: Point, to: Point): string {
  const year = from.date.start.slice(0, 4);
  const sameYear = year === to.date.end.slice(0, 4) && from.date.precision !== 'year' && to.date.precision !== 'year';
  const approximate = from.qualifier === '~' || from.qualifier === '%';
  if (sameYear && approximate && from.qualifier === to.qualifier && from.date.precision === 'month' && to.date.precision === 'month') {
    const months = [Number(from.date.start.slice(5, 7)), Number(to.date.end.slice(5, 7))];
    const part = (Object.keys(PARTS_OF_YEAR) as PartOfYear[]).find(
      (name) => PARTS_OF_YEAR[name][0] === months[0] && PARTS_OF_YEAR[name][1] === months[1],
    );
    // The part already says "about", so only the uncertainty is left to mark.
    const said = part === 'mid' ? `mid-${year}` : `${part} ${year}`;
    if (part) return from.qualifier === '%' ? `${said}?` : said;
  }
  let fromLabel = from.date.label;
  if (sameYear) fromLabel = fromLabel.replace(new RegExp(` ${year}$`), '');
  if (sameYear && from.date.precision === 'day' && to.date.precision === 'day' && from.date.start.slice(5, 7) === to.date.start.slice(5, 7)) {
    fromLabel = String(Number(from.date.start.slice(8, 10)));
  }
  if (from.qualifier && from.qualifier === to.qualifier) {
    return qualifyLabel(`${fromLabel} – ${to.date.label}`, from.qualifier);
  }
  return `${qualifyLabel(fromLabel, from.qualifier)} – ${qualifyLabel(to.date.label, to.qualifier)}`;
}

/**
 * Reads a single date in Claimline notation at one of the four precisions, with its qualifier if any.
 * @throws DateValueError naming what is wrong, for impossible dates (`2024-13-45`, `2024-Q5`) and unknown forms.
 */
function pointFromValue(text: string): Point {
  const [, prefix, core = '', suffix] = /^([~?%])?(.*?)([~?%])?$/.exec(text) ?? [];
  if (prefix && suffix) throw new DateValueError(`“${text}” has two qualifiers; use one of ~ (about), ? (uncertain), % (both)`);
  const qualifier = (prefix ?? suffix) as Qualifier | undefined;
  const date = bareFromValue(core, text);
  return qualifier ? { date, qualifier } : { date };
}

function bareFromValue(core: string, text: string): ClaimDate {
  for (const [precision, pattern] of VALUE_PATTERNS) {
    const match = pattern.exec(core);
    if (!match) continue;
    const [year, second, third] = match.slice(1).map(Number) as [number, number?, number?];
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new DateValueError(`year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
    }
    let start: Date | null;
    if (precision === 'quarter') {
      if (!second || second > 4) throw new DateValueError(`there is no quarter Q${second} (quarters are Q1–Q4)`);
      start = realDay(year, (second - 1) * 3 + 1, 1);
    } else if (precision === 'month') {
      start = realDay(year, second ?? 0, 1);
      if (!start) throw new DateValueError(`there is no month ${String(second).padStart(2, '0')} (months are 01–12)`);
    } else if (precision === 'day') {
      if (!realDay(year, second ?? 0, 1)) {
        throw new DateValueError(`there is no month ${String(second).padStart(2, '0')} (months are 01–12)`);
      }
      start = realDay(year, second ?? 0, third ?? 0);
      if (!start) throw new DateValueError(`${core} is not a day in the calendar`);
    } else {
      start = realDay(year, 1, 1);
    }
    if (!start) throw new DateValueError(`${core} is not a date`);
    return claimDateAt(start, precision);
  }
  throw new DateValueError(`“${text}” is not a date in a known form (2024, 2024-Q2, 2024-06, 2024-06-15)`);
}

/**
 * Timeline order: by first day, then coarser before finer, so a year sorts before the quarters inside it.
 * Ties keep a stable order through the `value`.
 * @example [dateFromValue('2024-Q1'), dateFromValue('2024')].sort(compareClaimDates).map((d) => d.value) //=> ['2024', '2024-Q1']
 */
export function compareClaimDates(a: ClaimDate, b: ClaimDate): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  const rank = PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
  if (rank !== 0) return rank;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/**
 * True when the date's span shares at least one day with [from, to] (either side may be open).
 * Open-ended dates use their stored `start`/`end`: the days the text vouches for.
 * @example overlaps(dateFromValue('2024'), '2024-06-01', '2024-06-30') //=> true
 */
export function overlaps(date: Pick<ClaimDate, 'start' | 'end'>, from?: string, to?: string): boolean {
  if (from && date.end < from) return false;
  if (to && date.start > to) return false;
  return true;
}
