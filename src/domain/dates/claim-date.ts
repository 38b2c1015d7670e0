import type { ClaimDate, Precision } from '../types.js';
import { daysInMonth, isRealDay, isoOf } from './calendar-day.js';
import { dayLabel, monthLabel } from './day-label.js';
import { monthName } from './month-names.js';

const PRECISION_RANK: Record<Precision, number> = { year: 0, quarter: 1, month: 2, day: 3 };

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

/** "early", "mid" and "late" in a month, as its days: 1–10, 11–20, 21 to the end. */
export const PARTS_OF_MONTH = { early: [1, 10], mid: [11, 20], late: [21, 31] } as const;

/** "early", "mid" and "late" in a decade, as years into it. */
export const PARTS_OF_DECADE = { early: [0, 3], mid: [4, 6], late: [7, 9] } as const;

export class DateValueError extends Error {
  override name = 'DateValueError';
}

function checkYear(year: number): void {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new DateValueError(`year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
}

/**
 * A calendar year as a ClaimDate.
 * @throws DateValueError for a year outside 1900–2100
 * @example yearDate(2024) //=> { value: '2024', precision: 'year', start: '2024-01-01', end: '2024-12-31', label: '2024' }
 */
export function yearDate(year: number): ClaimDate {
  checkYear(year);
  return { value: String(year), precision: 'year', start: isoOf(year, 1, 1), end: isoOf(year, 12, 31), label: String(year) };
}

/**
 * A calendar quarter (1–4) as a ClaimDate.
 * @throws DateValueError for a quarter outside 1–4 or a year outside 1900–2100
 * @example quarterDate(2024, 2).label //=> 'Q2 2024'
 */
export function quarterDate(year: number, quarter: number): ClaimDate {
  if (!(quarter >= 1 && quarter <= 4)) throw new DateValueError(`there is no quarter Q${quarter} (quarters are Q1–Q4)`);
  checkYear(year);
  const last = quarter * 3;
  return {
    value: `${year}-Q${quarter}`,
    precision: 'quarter',
    start: isoOf(year, last - 2, 1),
    end: isoOf(year, last, daysInMonth(year, last)),
    label: `Q${quarter} ${year}`,
  };
}

/**
 * A month as a ClaimDate.
 * @throws DateValueError for a month outside 1–12 or a year outside 1900–2100
 * @example monthDate(2024, 6).end //=> '2024-06-30'
 */
export function monthDate(year: number, month: number): ClaimDate {
  if (!(month >= 1 && month <= 12)) throw new DateValueError(`there is no month ${String(month).padStart(2, '0')} (months are 01–12)`);
  checkYear(year);
  const start = isoOf(year, month, 1);
  return { value: start.slice(0, 7), precision: 'month', start, end: isoOf(year, month, daysInMonth(year, month)), label: monthLabel(year, month) };
}

/**
 * One day as a ClaimDate.
 * @throws DateValueError for a day the calendar does not have, or a year outside 1900–2100
 * @example dayDate(2024, 6, 15).label //=> '15 June 2024'
 */
export function dayDate(year: number, month: number, day: number): ClaimDate {
  checkYear(year);
  if (!isRealDay(year, month, day)) throw new DateValueError(`there is no ${day} ${monthName(month)} ${year}`);
  const iso = isoOf(year, month, day);
  return { value: iso, precision: 'day', start: iso, end: iso, label: dayLabel(iso) };
}

/**
 * The local-time day an ISO day string names, or `null` when it names none (`2024-02-30`, `11/02/2025`).
 * @example dayFromIso('2025-02-11') //=> new Date(2025, 1, 11)
 */
export function dayFromIso(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDay(year, month, day) ? new Date(year, month - 1, day) : null;
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

/** One end of a date as written: a bare date of one precision and the qualifier it carried. */
export interface Point {
  date: ClaimDate;
  qualifier?: Qualifier;
}

/**
 * A point's ClaimDate with its qualifier applied to value, label and flags.
 * @example pointDate({ date: monthDate(2024, 3), qualifier: '~' }).label //=> 'c. March 2024'
 */
export function pointDate({ date, qualifier }: Point): ClaimDate {
  if (!qualifier) return date;
  return { ...date, value: `${qualifier}${date.value}`, label: qualifyLabel(date.label, qualifier), ...qualifierFlags(qualifier) };
}

/**
 * The span from the start of one point to the end of another.
 * @throws DateValueError when the range ends before it starts
 * @example rangeOf({ date: monthDate(2024, 10) }, { date: monthDate(2024, 12) }).label //=> 'October – December 2024'
 */
export function rangeOf(from: Point, to: Point): ClaimDate {
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

/**
 * From a point on, with no end ("since 2024").
 * @example openEndOf({ date: yearDate(2024) }).value //=> '2024/..'
 */
export function openEndOf(from: Point): ClaimDate {
  const date = pointDate(from);
  return { ...date, value: `${date.value}/..`, label: `${date.label} onwards`, openEnd: true };
}

/**
 * Up to a point, with no known start ("by 2025").
 * @example openStartOf({ date: yearDate(2025) }).label //=> 'by 2025'
 */
export function openStartOf(to: Point): ClaimDate {
  const date = pointDate(to);
  return { ...date, value: `../${date.value}`, label: `by ${date.label}`, openStart: true };
}

type Parts = Record<'early' | 'mid' | 'late', readonly [number, number]>;

/** Which named part ("early", "mid", "late") runs exactly from `first` to `last`, if one does. */
const partNamed = (parts: Parts, first: number, last: number) =>
  (Object.keys(parts) as Array<keyof Parts>).find((name) => parts[name][0] === first && parts[name][1] === last);

const said = (part: 'early' | 'mid' | 'late', what: string): string => (part === 'mid' ? `mid-${what}` : `${part} ${what}`);

/**
 * A named part of a year, month or decade ("late 2024", "mid-March 2025", "the 2010s") when the range is
 * exactly one. The part already says "about", so only an uncertainty is left to mark.
 */
function partLabel(from: Point, to: Point): string | undefined {
  const a = from.date;
  const b = to.date;
  if (from.qualifier !== to.qualifier || from.qualifier === '?') return undefined;
  const year = Number(a.start.slice(0, 4));
  const mark = (label: string) => (from.qualifier === '%' ? `${label}?` : label);
  if (a.precision === 'year' && b.precision === 'year') {
    const decade = year - (year % 10);
    const [first, last] = [year - decade, Number(b.start.slice(0, 4)) - decade];
    if (!from.qualifier) return first === 0 && last === 9 ? `${decade}s` : undefined;
    const part = partNamed(PARTS_OF_DECADE, first, last);
    return part ? mark(said(part, `${decade}s`)) : undefined;
  }
  if (!from.qualifier || a.start.slice(0, 4) !== b.end.slice(0, 4)) return undefined;
  if (a.precision === 'month' && b.precision === 'month') {
    const part = partNamed(PARTS_OF_YEAR, Number(a.start.slice(5, 7)), Number(b.end.slice(5, 7)));
    return part ? mark(said(part, String(year))) : undefined;
  }
  if (a.precision === 'day' && b.precision === 'day' && a.start.slice(5, 7) === b.end.slice(5, 7)) {
    const month = Number(a.start.slice(5, 7));
    const lastDay = Number(b.end.slice(8, 10));
    const last = lastDay === daysInMonth(year, month) ? 31 : lastDay;
    const part = partNamed(PARTS_OF_MONTH, Number(a.start.slice(8, 10)), last);
    return part ? mark(said(part, monthLabel(year, month))) : undefined;
  }
  return undefined;
}

/**
 * "October – December 2024" rather than "October 2024 – December 2024": the year is said once when both
 * ends share it, and a span that is exactly a named part reads as that part ("early 2024", "the 2010s").
 */
function rangeLabel(from: Point, to: Point): string {
  const part = partLabel(from, to);
  if (part) return part;
  const year = from.date.start.slice(0, 4);
  const sameYear = year === to.date.end.slice(0, 4) && from.date.precision !== 'year' && to.date.precision !== 'year';
  let fromLabel = from.date.label;
  if (sameYear) fromLabel = fromLabel.slice(0, -5);
  if (sameYear && from.date.precision === 'day' && to.date.precision === 'day' && from.date.start.slice(5, 7) === to.date.start.slice(5, 7)) {
    fromLabel = String(Number(from.date.start.slice(8, 10)));
  }
  if (from.qualifier && from.qualifier === to.qualifier) {
    return qualifyLabel(`${fromLabel} – ${to.date.label}`, from.qualifier);
  }
  return `${qualifyLabel(fromLabel, from.qualifier)} – ${qualifyLabel(to.date.label, to.qualifier)}`;
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
  if (last === '..') return openEndOf(pointFromValue(first));
  if (first === '..') return openStartOf(pointFromValue(last));
  return rangeOf(pointFromValue(first), pointFromValue(last));
}

/**
 * Reads a single date in Claimline notation at one of the four precisions, with its qualifier if any.
 * @throws DateValueError naming what is wrong, for impossible dates (`2024-13-45`, `2024-Q5`) and unknown forms.
 * @example pointFromValue('~2024-03') //=> { date: monthDate(2024, 3), qualifier: '~' }
 */
export function pointFromValue(text: string): Point {
  const [, prefix, core = '', suffix] = /^([~?%])?(.*?)([~?%])?$/.exec(text) ?? [];
  if (prefix && suffix) throw new DateValueError(`“${text}” has two qualifiers; use one of ~ (about), ? (uncertain), % (both)`);
  const qualifier = (prefix ?? suffix) as Qualifier | undefined;
  const date = bareFromValue(core, text);
  return qualifier ? { date, qualifier } : { date };
}

function bareFromValue(core: string, text: string): ClaimDate {
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(core))) return yearDate(Number(match[1]));
  if ((match = /^(\d{4})-Q(\d)$/.exec(core))) return quarterDate(Number(match[1]), Number(match[2]));
  if ((match = /^(\d{4})-(\d{2})$/.exec(core))) return monthDate(Number(match[1]), Number(match[2]));
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(core))) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    checkYear(year);
    monthDate(year, month);
    if (!isRealDay(year, month, day)) throw new DateValueError(`${core} is not a day in the calendar`);
    return dayDate(year, month, day);
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
