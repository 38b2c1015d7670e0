import type { ClaimDate } from '../types.js';
import { daysInMonth, isRealDay, isoOf, partsOf } from './calendar-day.js';
import {
  DateValueError,
  PARTS_OF_DECADE,
  PARTS_OF_MONTH,
  PARTS_OF_YEAR,
  type Point,
  type Qualifier,
  dayDate,
  monthDate,
  openEndOf,
  openStartOf,
  pointDate,
  pointFromValue,
  qualifyLabel,
  quarterDate,
  rangeOf,
  yearDate,
} from './claim-date.js';
import { dayNumber, weekdayOf } from './day-number.js';
import { fiscalPartMonths, fiscalYearMonths, fiscalYearOf } from './fiscal-year.js';
import { MONTH_NAMES, monthName } from './month-names.js';
import { NAMED_DAYS } from './named-days.js';
import { type Span, addDays, addMonths, mondayOf, nearestWeekday, nearestYear, weekdayBefore } from './relative-period.js';
import { type Direction, type DirectionReading, sentenceDirection } from './sentence-direction.js';

/** The phrase holds words the resolver does not know, or known words in an order it cannot read. */
export class UnreadPhraseError extends DateValueError {
  override name = 'UnreadPhraseError';
  constructor(readonly unparsed: string, parts: string[] = [unparsed]) {
    super(`did not understand ${parts.map((part) => `“${part}”`).join(', ')}`);
  }
}

/** The phrase is relative ("last year") and no day was given to read it against. */
export class MissingReferenceError extends DateValueError {
  override name = 'MissingReferenceError';
}

/**
 * The phrase was understood and is deliberately not read: it names no time ("soon"), hangs on another event
 * ("after the merger closes"), means different days to different readers ("next Friday"), or needs a fiscal
 * calendar nobody recorded ("fiscal 2024").
 */
export class RefusedPhraseError extends DateValueError {
  override name = 'RefusedPhraseError';
  constructor(message: string, readonly unparsed: string) {
    super(message);
  }
}

/** What besides the words a phrase is read with. */
export interface PhraseContext {
  /** ISO day relative phrases are read against, already checked by the caller. */
  reference?: string;
  /** The sentence the phrase stands in: decides which way a date named without its year points. */
  sentence?: string;
  /** The month (1–12) the company's fiscal year ends in, when one is recorded. */
  fiscalYearEnd?: number;
}

interface Reference {
  iso: string;
  year: number;
  month: number;
  /** `year * 12 + month - 1`, so months can be counted across years. */
  monthIndex: number;
}

interface Context {
  reference?: Reference;
  /** Set as soon as any part of the phrase is read against the reference. */
  relative: boolean;
  /** The phrase as written, for messages and for finding it in the sentence. */
  phrase: string;
  sentence?: string;
  fiscalYearEnd?: number;
  /** A direction the phrase's own words fix ("since March" looks back), whatever the sentence says. */
  forced?: DirectionReading;
  /** Set once a date named without its year has been read, with the way it was read. */
  read?: DirectionReading;
}

/** What a part of a phrase reads as: one period, or a span between two, and the writer's wording where it matters. */
interface Reading {
  from: Point;
  to?: Point;
  /** Set where the periods' own label would lose the writer's wording ("first half of 2024"). */
  label?: string;
}

/** A whole phrase: a reading, possibly open at one side ("since …", "by …"). */
interface Shape {
  reading: Reading;
  open?: 'start' | 'end';
  label?: string;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** A year: written out, counted from the reference's ("last year"), or "the year" the reference is in. */
const YEAR = '(\\d{4}|(?:last|this|next|previous|prior|current) year|year)';
const ORDINAL = '(first|second|third|fourth|1st|2nd|3rd|4th)';
const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const NUMBER = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3})';
const UNIT = '(days?|weeks?|months?|quarters?|years?|decades?)';
const PART = '(early|mid|middle|late)';
const OFFSET = '(last|this|next|previous|prior|current)';

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const OFFSETS: Record<string, number> = { last: -1, previous: -1, prior: -1, this: 0, current: 0, next: 1 };
const NUMBER_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NAMED_DAY_WORDS = Object.keys(NAMED_DAYS).sort((a, b) => b.length - a.length);

const KNOWN_WORDS = new Set(
  (
    'in during on at sometime some time over for as since starting from onwards onward by until till up to no later than end ' +
    'close start beginning between and through around about approximately approx roughly circa ca c early mid middle late ' +
    'first second third fourth 1st 2nd 3rd 4th quarter quarters half h1 h2 1h 2h holiday current this last next previous past ' +
    'year years month months week weeks day days decade decades weekend yesterday today tomorrow tonight morning afternoon ' +
    'evening ago earlier later so far date calendar full fiscal fy financial ended ending ends that period after before ' +
    'following ahead prior an ' +
    `${NUMBER_WORDS.join(' ')} ${WEEKDAYS.join(' ')} ${NAMED_DAY_WORDS.join(' ')}`
  ).split(' '),
);
const KNOWN_TOKEN = new RegExp(
  `^(?:${MONTH}|q\\d|[1-4]q(?:\\d{2})?|fy\\d{2}(?:\\d{2})?|\\d{1,3}(?:st|nd|rd|th)?|\\d{3}0s|[~?%]?\\d{4}(?:-\\d{1,2}){0,2}[~?%]?|\\?)$`,
);

/** Words that say a phrase names no time, refused rather than guessed at. */
const VAGUE_WORDS = new Set(
  'soon sooner recently recent lately shortly eventually imminently imminent upcoming coming near foreseeable future point stage while few several couple many within later earlier long ages someday'.split(
    ' ',
  ),
);
const VAGUE_PHRASE = /^(?:for |in )?(?:days|weeks|months|years|decades)(?: ago)?$/;
/** Words that hang a date on another event. */
const TIED_WORDS = new Set('after before once when whenever upon following pending until till ahead prior amid'.split(' '));

const monthNumber = (word: string): number => MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word.slice(0, 3))) + 1;
const numberOf = (word: string): number => (word === 'an' ? 1 : NUMBER_WORDS.includes(word) ? Math.max(1, NUMBER_WORDS.indexOf(word)) : Number(word));
/** Two-digit years the POSIX way: 69–99 are the 1900s, 00–68 the 2000s. */
const fullYear = (digits: string): number => (digits.length === 4 ? Number(digits) : Number(digits) < 69 ? 2000 + Number(digits) : 1900 + Number(digits));
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function needReference(context: Context): Reference {
  if (!context.reference) throw new MissingReferenceError('the phrase is relative and no reference date was given');
  context.relative = true;
  return context.reference;
}

/** Which way this phrase's date named without a year points: its own words first, then its sentence, else back. */
function direction(context: Context): Direction {
  context.read ??= context.forced ?? (context.sentence ? sentenceDirection(context.sentence, context.phrase) : { direction: 'back' });
  return context.read.direction;
}

/** The year of the occurrence of a yearly period nearest the reference in the phrase's direction. */
function nearest(context: Context, what: string, occurrence: (year: number) => Span | null): number {
  const reference = needReference(context);
  const year = nearestYear(occurrence, reference.iso, direction(context));
  if (year === null) throw new DateValueError(`there is no ${what} near the reference date`);
  return year;
}

function yearOf(expression: string, context: Context): number {
  if (/^\d{4}$/.test(expression)) return Number(expression);
  return needReference(context).year + (OFFSETS[expression.split(' ')[0] ?? ''] ?? 0);
}

const point = (date: ClaimDate, qualifier?: Qualifier): Point => (qualifier ? { date, qualifier } : { date });
const one = (date: ClaimDate, qualifier?: Qualifier): Reading => ({ from: point(date, qualifier) });

function dayOf(iso: string): ClaimDate {
  const { year, month, day } = partsOf(iso);
  return dayDate(year, month, day);
}

/** The days from one ISO day to another, as one day when they are the same. */
function days(start: string, end: string, qualifier?: Qualifier): Reading {
  if (start === end) return one(dayOf(start), qualifier);
  return { from: point(dayOf(start), qualifier), to: point(dayOf(end), qualifier) };
}

/** The months between two month indexes, as the quarter or year they make when they make one. */
function months(first: number, last: number, qualifier?: Qualifier): Reading {
  const [year, month] = [Math.floor(first / 12), (first % 12) + 1];
  if (first === last) return one(monthDate(year, month), qualifier);
  if (last - first === 2 && month % 3 === 1) return one(quarterDate(year, (month + 2) / 3), qualifier);
  if (last - first === 11 && month === 1) return one(yearDate(year), qualifier);
  return { from: point(monthDate(year, month), qualifier), to: point(monthDate(Math.floor(last / 12), (last % 12) + 1), qualifier) };
}

/** The span of the months between two month indexes, for finding the nearest occurrence. */
function monthsSpan(first: number, last: number): Span {
  const [lastYear, lastMonth] = [Math.floor(last / 12), (last % 12) + 1];
  return { start: isoOf(Math.floor(first / 12), (first % 12) + 1, 1), end: isoOf(lastYear, lastMonth, daysInMonth(lastYear, lastMonth)) };
}

/** The days of "early", "mid" or "late" in a month. */
function monthPart(part: string, year: number, month: number): Span {
  const [first, last] = PARTS_OF_MONTH[(part === 'middle' ? 'mid' : part) as keyof typeof PARTS_OF_MONTH];
  return { start: isoOf(year, month, first), end: isoOf(year, month, Math.min(last, daysInMonth(year, month))) };
}

/** The three months ending in `month`: a calendar quarter when it ends one ("the June quarter"). */
const quarterEnding = (month: number) => (year: number) => monthsSpan(year * 12 + month - 3, year * 12 + month - 1);

function dayPiece(day: number, month: number, year: number | undefined, context: Context): Reading {
  if (year !== undefined) return one(dayDate(year, month, day));
  const found = nearest(context, `${day} ${monthName(month)}`, (candidate) =>
    isRealDay(candidate, month, day) ? { start: isoOf(candidate, month, day), end: isoOf(candidate, month, day) } : null,
  );
  return one(dayDate(found, month, day));
}

function halfPiece(half: number, year: number): Reading {
  return { ...months(year * 12 + (half - 1) * 6, year * 12 + half * 6 - 1), label: `${half === 1 ? 'first' : 'second'} half of ${year}` };
}

/** The period this one is in, `offset` away: "last week", "this quarter", "next year". */
function shifted(unit: string, offset: number, context: Context): Reading {
  const reference = needReference(context);
  if (unit === 'week') {
    const monday = mondayOf(reference.iso, offset);
    return days(monday, addDays(monday, 6));
  }
  if (unit === 'month') return months(reference.monthIndex + offset, reference.monthIndex + offset);
  if (unit === 'decade') {
    const first = reference.year - (reference.year % 10) + 10 * offset;
    return { from: point(yearDate(first)), to: point(yearDate(first + 9)) };
  }
  if (unit === 'quarter') {
    const index = reference.year * 4 + Math.floor((reference.month - 1) / 3) + offset;
    return one(quarterDate(Math.floor(index / 4), (index % 4) + 1));
  }
  return one(yearDate(reference.year + offset));
}

/** A weekend: Saturday and the Sunday after it. */
const weekend = (sunday: string): Reading => days(addDays(sunday, -1), sunday);

/** Back, the latest weekend over before the reference; forward, the next one not over. */
function nearestWeekend(reference: Reference, way: Direction): Reading {
  const weekday = weekdayOf(dayNumber(reference.iso));
  return weekend(addDays(reference.iso, way === 'back' ? -(weekday === 7 ? 7 : weekday) : 7 - weekday));
}

function refuseAmbiguous(context: Context, what: string): never {
  throw new RefusedPhraseError(
    `“${context.phrase}” means the coming ${what} to some readers and the one a week later to others: give the date`,
    context.phrase,
  );
}

/**
 * Days ago are exact; weeks, months and years ago are about that time, at the unit's own precision. A negative
 * count is that far ahead ("two weeks from now").
 */
function ago(count: number, unit: string, context: Context): Reading {
  const reference = needReference(context);
  switch (unit.replace(/s$/, '')) {
    case 'day':
      return one(dayOf(addDays(reference.iso, -count)));
    case 'week': {
      const monday = mondayOf(addDays(reference.iso, -7 * count));
      return days(monday, addDays(monday, 6), '~');
    }
    case 'month':
      return months(reference.monthIndex - count, reference.monthIndex - count, '~');
    case 'quarter': {
      const index = reference.year * 4 + Math.floor((reference.month - 1) / 3) - count;
      return one(quarterDate(Math.floor(index / 4), (index % 4) + 1), '~');
    }
    case 'year':
      return one(yearDate(reference.year - count), '~');
    default:
      return one(yearDate(reference.year - 10 * count), '~');
  }
}

/**
 * "The past two years": the span that ends on the reference day and starts that long before it; with a
 * negative count ("the next two years") the span that starts on the reference day.
 */
function rolling(count: number, unit: string, context: Context): Reading {
  const reference = needReference(context);
  const singular = unit.replace(/s$/, '');
  const monthsBack = { month: 1, quarter: 3, year: 12, decade: 120 }[singular];
  const other =
    monthsBack === undefined ? addDays(reference.iso, -(singular === 'week' ? 7 : 1) * count) : addMonths(reference.iso, -monthsBack * count);
  return count > 0 ? days(other, reference.iso) : days(reference.iso, other);
}

/** "Earlier this year", "later this week", "so far this quarter": the part of the period before or after the reference day. */
function partOfPeriod(which: string, unit: string, context: Context): Reading {
  const reference = needReference(context);
  const period = shifted(unit, 0, context);
  const start = period.from.date.start;
  const end = (period.to ?? period.from).date.end;
  return which === 'later' ? days(reference.iso, end) : days(start, reference.iso);
}

/**
 * "The end of last year", "the start of the month", "the end of the decade": about the first or last year of
 * a span of years, the first or last month of a span of months, or the first or last third of a month.
 */
function edgeOf(edge: string, of: Reading): Reading {
  const first = of.from.date.start;
  const last = (of.to ?? of.from).date.end;
  const atStart = edge === 'start' || edge === 'beginning';
  const { year, month } = partsOf(atStart ? first : last);
  if (first.slice(0, 4) !== last.slice(0, 4)) return one(yearDate(year), '~');
  if (first.slice(0, 7) === last.slice(0, 7)) {
    if (of.from.date.precision === 'day') throw new UnreadPhraseError(`${edge} ${first}`);
    const span = monthPart(atStart ? 'early' : 'late', year, month);
    return days(span.start, span.end, '~');
  }
  return one(monthDate(year, month), '~');
}

/**
 * "The three months to June", "the quarter ended Sept. 30", "the year to March 2024": the months ending
 * with the one named. Without its year the named month (or day) is the nearest one in the sentence's
 * direction, except that "ended" always looks back. A day that is not its month's last marks the span
 * approximate, as 52/53-week fiscal calendars end near, not on, a month's end.
 */
function monthsTo(count: number, verb: string, month: number, day: number | undefined, yearText: string | undefined, context: Context): Reading {
  if (day !== undefined && !isRealDay(2024, month, day)) throw new DateValueError(`there is no ${day} ${monthName(month)}`);
  if (verb === 'ended' || verb === 'that ended') context.forced ??= { direction: 'back', cue: 'ended' };
  const anchor = (year: number): Span | null => {
    if (day === undefined) return monthsSpan(year * 12 + month - 1, year * 12 + month - 1);
    return isRealDay(year, month, day) ? { start: isoOf(year, month, day), end: isoOf(year, month, day) } : null;
  };
  const year = yearText ? Number(yearText) : nearest(context, monthName(month), anchor);
  if (day !== undefined && !isRealDay(year, month, day)) throw new DateValueError(`there is no ${day} ${monthName(month)} ${year}`);
  const approximate = day !== undefined && day !== daysInMonth(year, month);
  const last = year * 12 + month - 1;
  return months(last - count + 1, last, approximate ? '~' : undefined);
}

const PERIOD_COUNTS: Record<string, number> = { quarter: 3, 'fiscal quarter': 3, half: 6, 'half year': 6, 'fiscal half': 6, year: 12, 'fiscal year': 12, 'financial year': 12 };
const PERIOD_TO = new RegExp(
  `^(?:${NUMBER} months?(?: period)?|(quarter|half year|half|year|fiscal year|financial year|fiscal quarter|fiscal half)) (to|through|ended|ending|ends|that ended)(?: in| on)? (?:${MONTH}(?: ${DAY})?|${DAY} ${MONTH})(?: (\\d{4}))?$`,
);

/** "Fiscal 2024", "FY25", "the first quarter of fiscal 2025", "this fiscal year", "the fiscal first quarter". */
const FISCAL_YEAR = /(?:^| )(?:fy ?(\d{4}|\d{2})|fiscal(?: year)? (\d{4}|\d{2})|(last|this|next|current|previous) fiscal year)(?= |$)/;
const FISCAL_PART = new RegExp(`^(?:q([1-4])|([1-4])q|${ORDINAL} quarter|h([12])|([12])h|(first|second|1st|2nd) half)(?: (\\d{4}))?$`);

function readFiscal(text: string, context: Context): Reading {
  const designator = FISCAL_YEAR.exec(text);
  const rest = (designator ? text.slice(0, designator.index) + text.slice(designator.index + designator[0].length) : text)
    .replace(/\bfiscal\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  const part = rest ? FISCAL_PART.exec(rest) : null;
  if ((rest && !part) || (!designator && !part) || (designator && part?.[7])) throw new UnreadPhraseError(text);
  const end = context.fiscalYearEnd;
  if (end === undefined) {
    throw new RefusedPhraseError(
      `“${context.phrase}” depends on the company’s fiscal calendar, which is not recorded: record the month its fiscal year ends on its source ` +
        '(Apple’s ends in September), or give the span (“the fiscal year ended March 31, 2024”, “October 2023 – September 2024”)',
      context.phrase,
    );
  }
  const quarter = part ? Number(part[1] ?? part[2] ?? 0) || ORDINALS[part[3] ?? ''] : undefined;
  const half = part && !quarter ? Number(part[4] ?? part[5] ?? 0) || ORDINALS[part[6] ?? ''] : undefined;
  const [index, size, name] = quarter ? [quarter, 3 as const, `Q${quarter}`] : half ? [half, 6 as const, `H${half}`] : [0, 3 as const, ''];
  const span = (year: number): [number, number] => (index ? fiscalPartMonths(year, end, index, size) : fiscalYearMonths(year, end));
  let year: number;
  if (designator?.[1] ?? designator?.[2]) year = fullYear(designator[1] ?? designator[2] ?? '');
  else if (designator?.[3]) year = fiscalYearOf(needReference(context).iso, end) + (OFFSETS[designator[3]] ?? 0);
  else if (part?.[7]) year = Number(part[7]);
  else year = nearest(context, `fiscal ${name}`, (candidate) => monthsSpan(...span(candidate)));
  const [first, last] = span(year);
  const calendar = months(first, last);
  const calendarLabel = calendar.to ? rangeOf(calendar.from, calendar.to).label : calendar.from.date.label;
  const said = `${name ? `${name} ` : ''}fiscal ${year}`;
  return { ...calendar, label: end === 12 && !name ? said : `${said} (${calendarLabel})` };
}

type Atom = [RegExp, (match: RegExpExecArray, context: Context, text: string) => Reading];

/** Each form a single period can take, with how to read it. Tried in order; the first full match wins. */
const ATOMS: Atom[] = [
  [/^(yesterday|today|tomorrow|tonight)$/, (m, c) => one(dayOf(addDays(needReference(c).iso, m[1] === 'yesterday' ? -1 : m[1] === 'tomorrow' ? 1 : 0)))],
  [/^(?:(?:this|earlier|later) (?:morning|afternoon|evening)|(?:earlier|later) today)$/, (_m, c) => one(dayOf(needReference(c).iso))],
  [new RegExp(`^${OFFSET} (week|month|quarter|year)$`), (m, c) => shifted(m[2] ?? '', OFFSETS[m[1] ?? ''] ?? 0, c)],
  [/^(\d{4})$/, (m) => one(yearDate(Number(m[1])))],
  [new RegExp(`^(?:calendar(?: year)?|full year) ${YEAR}$`), (m, c) => one(yearDate(yearOf(m[1] ?? '', c)))],
  [new RegExp(`^q(\\d) ${YEAR}$`), (m, c) => one(quarterDate(yearOf(m[2] ?? '', c), Number(m[1])))],
  [new RegExp(`^${YEAR} q(\\d)$`), (m, c) => one(quarterDate(yearOf(m[1] ?? '', c), Number(m[2])))],
  [/^([1-4])q ?(\d{4}|\d{2})$/, (m) => one(quarterDate(fullYear(m[2] ?? ''), Number(m[1])))],
  [new RegExp(`^${ORDINAL} quarter ${YEAR}$`), (m, c) => one(quarterDate(yearOf(m[2] ?? '', c), ORDINALS[m[1] ?? ''] ?? 0))],
  [new RegExp(`^holiday quarter ${YEAR}$`), (m, c) => one(quarterDate(yearOf(m[1] ?? '', c), 4))],
  [new RegExp(`^${MONTH} quarter ${YEAR}$`), (m, c) => quarterOf(monthNumber(m[1] ?? ''), yearOf(m[2] ?? '', c))],
  // Q1–Q4 alone are read in the reference's year: a fixed convention, unlike "the first quarter".
  [/^(?:q(\d)|([1-4])q)$/, (m, c) => one(quarterDate(needReference(c).year, Number(m[1] ?? m[2])))],
  [
    new RegExp(`^${ORDINAL} quarter$`),
    (m, c) => {
      const quarter = ORDINALS[m[1] ?? ''] ?? 0;
      return one(quarterDate(nearest(c, `Q${quarter}`, quarterEnding(quarter * 3)), quarter));
    },
  ],
  [/^holiday quarter$/, (_m, c) => one(quarterDate(nearest(c, 'holiday quarter', quarterEnding(12)), 4))],
  [
    new RegExp(`^${MONTH} quarter$`),
    (m, c) => {
      const month = monthNumber(m[1] ?? '');
      return quarterOf(month, nearest(c, `${monthName(month)} quarter`, quarterEnding(month)));
    },
  ],
  [
    new RegExp(`^(?:h([12])|([12])h|(first|second|1st|2nd) half)(?: ${YEAR}| (\\d{2}))?$`),
    (m, c) => {
      const half = Number(m[1] || m[2]) || (m[3] === 'first' || m[3] === '1st' ? 1 : 2);
      if (m[4]) return halfPiece(half, yearOf(m[4], c));
      if (m[5]) return halfPiece(half, fullYear(m[5]));
      return halfPiece(half, nearest(c, 'half-year', (year) => monthsSpan(year * 12 + (half - 1) * 6, year * 12 + half * 6 - 1)));
    },
  ],
  [
    new RegExp(`^first ${NUMBER} months(?: ${YEAR})?$`),
    (m, c) => {
      const count = numberOf(m[1] ?? '');
      if (count < 2 || count > 11) throw new UnreadPhraseError(`first ${m[1]} months`);
      const year = m[2] ? yearOf(m[2], c) : nearest(c, `first ${m[1]} months`, (y) => monthsSpan(y * 12, y * 12 + count - 1));
      return { ...months(year * 12, year * 12 + count - 1), label: `first ${m[1]} months of ${year}` };
    },
  ],
  [
    PERIOD_TO,
    (m, c) => {
      const count = m[1] ? numberOf(m[1]) : (PERIOD_COUNTS[m[2] ?? ''] ?? 12);
      if (count < 1 || count > 24) throw new UnreadPhraseError(`${m[1]} months`);
      const month = monthNumber(m[4] ?? m[7] ?? '');
      const day = m[5] ?? m[6];
      return monthsTo(count, m[3] ?? '', month, day === undefined ? undefined : Number(day), m[8], c);
    },
  ],
  [
    new RegExp(`^week (ended|ending|to|through)(?: on)? (?:${MONTH} ${DAY}|${DAY} ${MONTH})(?: (\\d{4}))?$`),
    (m, c) => {
      const month = monthNumber(m[2] ?? m[5] ?? '');
      const day = Number(m[3] ?? m[4]);
      if (m[1] === 'ended') c.forced ??= { direction: 'back', cue: 'ended' };
      const end = dayPiece(day, month, m[6] ? Number(m[6]) : undefined, c).from.date.start;
      return days(addDays(end, -6), end);
    },
  ],
  [
    new RegExp(`^${PART} ${YEAR}$`),
    (m, c) => {
      const [first, last] = PARTS_OF_YEAR[(m[1] === 'middle' ? 'mid' : m[1]) as keyof typeof PARTS_OF_YEAR];
      const year = yearOf(m[2] ?? '', c);
      return { from: point(monthDate(year, first), '~'), to: point(monthDate(year, last), '~') };
    },
  ],
  [
    new RegExp(`^${PART} (?:${MONTH}(?: ${YEAR})?|${OFFSET} month)$`),
    (m, c) => {
      const part = m[1] ?? '';
      let year: number;
      let month: number;
      if (m[4]) {
        const index = needReference(c).monthIndex + (OFFSETS[m[4]] ?? 0);
        [year, month] = [Math.floor(index / 12), (index % 12) + 1];
      } else {
        month = monthNumber(m[2] ?? '');
        year = m[3] ? yearOf(m[3], c) : nearest(c, `${part} ${monthName(month)}`, (y) => monthPart(part, y, month));
      }
      const span = monthPart(part, year, month);
      return days(span.start, span.end, '~');
    },
  ],
  [
    /^(start|beginning|end|close) (?:(year|month|quarter|decade)|(.+))$/,
    (m, c) => edgeOf(m[1] === 'close' ? 'end' : (m[1] ?? ''), m[2] ? shifted(m[2], 0, c) : readAtom(m[3] ?? '', c)),
  ],
  [
    new RegExp(`^${MONTH}(?: ${YEAR})?$`),
    (m, c) => {
      const month = monthNumber(m[1] ?? '');
      if (m[2]) return one(monthDate(yearOf(m[2], c), month));
      return one(monthDate(nearest(c, monthName(month), (year) => monthsSpan(year * 12 + month - 1, year * 12 + month - 1)), month));
    },
  ],
  [
    new RegExp(`^(last|this|next) ${MONTH}$`),
    (m, c) => {
      const reference = needReference(c);
      const month = monthNumber(m[2] ?? '');
      const year = m[1] === 'this' ? reference.year : m[1] === 'last' ? reference.year - (month < reference.month ? 0 : 1) : reference.year + (month > reference.month ? 0 : 1);
      return one(monthDate(year, month));
    },
  ],
  [new RegExp(`^${DAY} ${MONTH}(?: ${YEAR})?$`), (m, c) => dayPiece(Number(m[1]), monthNumber(m[2] ?? ''), m[3] ? yearOf(m[3], c) : undefined, c)],
  [new RegExp(`^${MONTH} ${DAY}(?: ${YEAR})?$`), (m, c) => dayPiece(Number(m[2]), monthNumber(m[1] ?? ''), m[3] ? yearOf(m[3], c) : undefined, c)],
  [
    // "Late on Tuesday" is Tuesday; "this past Monday" is last Monday.
    new RegExp(`^(?:(?:early|late) (?:on )?)?(?:(last|previous|this past|this|next) )?${WEEKDAY}$`),
    (m, c) => {
      const reference = needReference(c);
      const weekday = WEEKDAYS.indexOf(m[2] ?? '') + 1;
      if (m[1] === 'next') refuseAmbiguous(c, capitalised(m[2] ?? ''));
      if (m[1] === 'last' || m[1] === 'previous' || m[1] === 'this past') return one(dayOf(weekdayBefore(weekday, reference.iso)));
      return one(dayOf(nearestWeekday(weekday, reference.iso, direction(c))));
    },
  ],
  [
    /^(?:(last|past|previous|this past|this|next) )?weekend$/,
    (m, c) => {
      const reference = needReference(c);
      if (m[1] === 'next') refuseAmbiguous(c, 'weekend');
      if (m[1] === 'this') return weekend(addDays(mondayOf(reference.iso), 6));
      return nearestWeekend(reference, m[1] ? 'back' : direction(c));
    },
  ],
  [
    new RegExp(`^${NUMBER} ${UNIT} ago$`),
    (m, c) => {
      const count = numberOf(m[1] ?? '');
      if (count < 1 || (count === 1) !== !(m[2] ?? '').endsWith('s')) throw new UnreadPhraseError(m[0]);
      return ago(count, m[2] ?? '', c);
    },
  ],
  [
    new RegExp(`^${NUMBER} ${UNIT} (?:from now|time)$`),
    (m, c) => {
      const count = numberOf(m[1] ?? '');
      if (count < 1 || (count === 1) !== !(m[2] ?? '').endsWith('s')) throw new UnreadPhraseError(m[0]);
      return ago(-count, m[2] ?? '', c);
    },
  ],
  [
    /^(?:(earlier|later|so far) (?:this|in) (year|month|week|quarter)|(year|month|quarter|week) to date|this (year|month|quarter|week) so far)$/,
    (m, c) => partOfPeriod(m[1] ?? 'so far', m[2] ?? m[3] ?? m[4] ?? '', c),
  ],
  [
    new RegExp(`^(past|last|previous) (?:${NUMBER} )?${UNIT}$`),
    (m, c) => {
      const unit = m[3] ?? '';
      const plural = unit.endsWith('s');
      // "Last year" is the calendar year; "the last 12 months" and "the last decade" are rolling. "The past
      // quarter" is as often the last reported quarter as the last three months, so it is not read.
      const countless = plural || unit === 'quarter' || (m[1] !== 'past' && !unit.startsWith('decade'));
      if (m[2] === undefined ? countless : numberOf(m[2]) < 1 || (!plural && numberOf(m[2]) !== 1)) {
        throw new UnreadPhraseError(m[0] ?? '');
      }
      return rolling(m[2] === undefined ? 1 : numberOf(m[2]), unit, c);
    },
  ],
  [
    new RegExp(`^next ${NUMBER} ${UNIT}$`),
    (m, c) => {
      const count = numberOf(m[1] ?? '');
      if (count < 2 || !(m[2] ?? '').endsWith('s')) throw new UnreadPhraseError(m[0]);
      return rolling(-count, m[2] ?? '', c);
    },
  ],
  [
    /^(?:(early|mid|late) )?(\d{3})0s$/,
    (m) => {
      const decade = Number(m[2]) * 10;
      const [first, last] = m[1] ? PARTS_OF_DECADE[m[1] as keyof typeof PARTS_OF_DECADE] : [0, 9];
      const qualifier = m[1] ? '~' : undefined;
      return { from: point(yearDate(decade + first), qualifier), to: point(yearDate(decade + last), qualifier) };
    },
  ],
  [
    new RegExp(`^(?:(last|this|next) )?(${NAMED_DAY_WORDS.join('|')})(?: ${YEAR})?$`),
    (m, c) => {
      const dayIn = NAMED_DAYS[m[2] ?? ''] ?? (() => '');
      if (m[3]) return one(dayOf(dayIn(yearOf(m[3], c))));
      if (m[1]) {
        const reference = needReference(c);
        const year = reference.year + (m[1] === 'this' ? 0 : m[1] === 'last' ? (dayIn(reference.year) < reference.iso ? 0 : -1) : dayIn(reference.year) > reference.iso ? 0 : 1);
        return one(dayOf(dayIn(year)));
      }
      return one(dayOf(dayIn(nearest(c, m[2] ?? '', (year) => ({ start: dayIn(year), end: dayIn(year) })))));
    },
  ],
  [/(?:^| )(?:fiscal|fy)/, (_m, c, text) => readFiscal(text, c)],
  [/^[~?%]?\d{4}(?:-\d{2}){0,2}[~?%]?$/, (m) => ({ from: pointFromValue(m[0] ?? '') })],
];

/** The quarter (or three months) ending in `month` of `year`. */
function quarterOf(month: number, year: number): Reading {
  return month % 3 === 0 ? one(quarterDate(year, month / 3)) : months(year * 12 + month - 3, year * 12 + month - 1);
}

function readAtom(text: string, context: Context): Reading {
  for (const [pattern, read] of ATOMS) {
    const match = pattern.exec(text);
    if (match) return read(match, context, text);
  }
  throw new UnreadPhraseError(text);
}

const stripFillers = (text: string): string => text.replace(/^(?:(?:in|during|on|at|over|sometime|some time|for|as)\s+)+/, '');
const AROUND = /^(?:around|about|approximately|approx|roughly|circa|ca|c|nearly|almost) (.+)$/;
const WEEKDAY_FIRST = new RegExp(`^${WEEKDAY} (.+)$`);

/** A single period, possibly "around" it. Never open-ended, so it can be one end of a range. */
function readPoint(text: string, context: Context): Reading {
  const plain = stripFillers(text);
  const around = AROUND.exec(plain);
  if (around) return qualify(readPoint(around[1] ?? '', context), '~');
  const named = WEEKDAY_FIRST.exec(plain);
  if (named) {
    // "Tuesday night" is Tuesday; "Tuesday, Feb. 11" is Feb. 11, checked against the weekday.
    if (/^(?:morning|afternoon|evening|night)$/.test(named[2] ?? '')) return readAtom(named[1] ?? '', context);
    const reading = readPoint(named[2] ?? '', context);
    if (reading.to || reading.from.date.precision !== 'day') throw new UnreadPhraseError(plain);
    const weekday = weekdayOf(dayNumber(reading.from.date.start));
    if (WEEKDAYS[weekday - 1] !== named[1]) {
      throw new DateValueError(`${reading.from.date.label} is a ${capitalised(WEEKDAYS[weekday - 1] ?? '')}, not a ${capitalised(named[1] ?? '')}`);
    }
    return reading;
  }
  return readAtom(plain, context);
}

/** A qualifier added to every end of a reading; an approximate end made uncertain becomes `%`. */
function qualify(reading: Reading, qualifier: Qualifier): Reading {
  const merge = (end: Point): Point => point(end.date, !end.qualifier || end.qualifier === qualifier ? qualifier : '%');
  return {
    from: merge(reading.from),
    ...(reading.to && { to: merge(reading.to) }),
    ...(reading.label !== undefined && { label: qualifyLabel(reading.label, qualifier) }),
  };
}

const closed = (reading: Reading): ClaimDate => (reading.to ? rangeOf(reading.from, reading.to) : pointDate(reading.from));
const labelOf = (reading: Reading): string => reading.label ?? closed(reading).label;
const lastEnd = (reading: Reading): Point => reading.to ?? reading.from;

/**
 * The left end of "October – December 2024" or "15 – 20 June 2024" borrows what the writer said once
 * for both ends, so it is not read as the nearest October.
 */
function borrowFromRight(left: string, right: string): string {
  if (/\d{4}|year/.test(left)) return left;
  if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(left)) {
    const monthAndYear = new RegExp(`${MONTH}(?: \\d{4})?$`).exec(right)?.[0];
    return monthAndYear ? `${left} ${monthAndYear}` : left;
  }
  const year = /\d{4}$/.exec(right)?.[0];
  return year ? `${left} ${year}` : left;
}

/** The right end of "Jan. 20-22, 2025" borrows its month from the left. */
function borrowFromLeft(left: string, right: string): string {
  if (!/^\d{1,2}(?:st|nd|rd|th)?(?: \d{4})?$/.test(right)) return right;
  const month = new RegExp(`^${MONTH} \\d`).exec(left)?.[1];
  return month ? `${month} ${right}` : right;
}

/** A point whose words hang it on another event: refused, naming the event's words. */
function tiedToEvent(context: Context): RefusedPhraseError {
  return new RefusedPhraseError(`“${context.phrase}” ties the date to another event: give that event’s date, if the text has it`, context.phrase);
}

/** Reads the point after "after", "before", "until": a date, or else the phrase hangs on an event. */
function readEventPoint(text: string, context: Context): Reading {
  try {
    return readPoint(text, context);
  } catch (error) {
    if (error instanceof UnreadPhraseError) throw tiedToEvent(context);
    throw error;
  }
}

function readExpression(text: string, context: Context): Shape {
  if (text.endsWith('?')) {
    const shape = readExpression(text.slice(0, -1).trim(), context);
    return { ...shape, reading: qualify(shape.reading, '?') };
  }
  const plain = stripFillers(text);
  // "The three months to June" and "year to date" are one period, not a range from one date to another.
  if (PERIOD_TO.test(plain) || plain.endsWith(' to date')) return { reading: readPoint(plain, context) };
  let match: RegExpExecArray | null;
  if ((match = /^(by|no later than|until|till|up to|through|before(?= end | close ))(?: (end|close))? (?:(year|month|quarter|week|decade)(?: end)?|(.+))$/.exec(plain))) {
    const reading = match[3] ? shifted(match[3], 0, context) : readEventPoint(match[4] ?? '', context);
    const word = match[1] === 'by' || match[1] === 'no later than' || match[1] === 'before' ? 'by' : 'until';
    // "By the end of the week" is by its Sunday: the end is said, not the whole period.
    const said = match[2] || match[3] ? pointDate(lastEnd(reading)).label : labelOf(reading);
    return { reading, open: 'start', label: `${word} ${said}` };
  }
  if ((match = /^(after|following|before|ahead|prior to) (.+)$/.exec(plain))) {
    const reading = readEventPoint(match[2] ?? '', context);
    if (match[1] === 'after' || match[1] === 'following') {
      return { reading: one(dayOf(addDays(lastEnd(reading).date.end, 1))), open: 'end', label: `after ${labelOf(reading)}` };
    }
    return { reading: one(dayOf(addDays(reading.from.date.start, -1))), open: 'start', label: `before ${labelOf(reading)}` };
  }
  if ((match = /^between (.+) and (.+)$/.exec(plain) ?? /^(?:from )?(.+?) (?:to|until|till|through) (.+)$/.exec(plain))) {
    const right = borrowFromLeft(match[1] ?? '', match[2] ?? '');
    const to = readPoint(right, context);
    const from = readPoint(borrowFromRight(match[1] ?? '', right), context);
    return { reading: { from: from.from, to: lastEnd(to) } };
  }
  if ((match = /^(since|starting|from) (.+?)(?: onwards?)?$/.exec(plain) ?? /^()(.+) onwards?$/.exec(plain))) {
    // "Since March" reports something that began before the text was written.
    if (match[1] === 'since') context.forced = { direction: 'back', cue: 'since' };
    const reading = readPoint(match[2] ?? '', context);
    return { reading, open: 'end', label: `${labelOf(reading)} onwards` };
  }
  return { reading: readPoint(plain, context) };
}

function finish(shape: Shape): ClaimDate {
  if (shape.open === 'end') return { ...openEndOf(shape.reading.from), label: shape.label ?? '' };
  if (shape.open === 'start') return { ...openStartOf(lastEnd(shape.reading)), label: shape.label ?? '' };
  const date = closed(shape.reading);
  return shape.reading.label === undefined ? date : { ...date, label: shape.reading.label };
}

/** Lower case, one space between words, dashes as "to", and the words that never change the meaning dropped. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/\s*[–—]\s*/g, ' to ')
    .replace(/\s+-\s+/g, ' to ')
    .replace(/(?<=[a-z])-(?=[a-z\d])|(?<=\d)-(?=[a-z])/g, ' ')
    .replace(/(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])/g, '$1 to $2')
    .replace(/[.,;:!"“”‘]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && word !== 'the' && word !== 'of')
    .join(' ');
}

/** The runs of words no form uses, so an error can point at "fortnight" rather than the whole phrase. */
function unknownRuns(normalised: string): string[] {
  const runs: string[][] = [];
  let previousKnown = true;
  for (const word of normalised.split(' ')) {
    const known = KNOWN_WORDS.has(word) || KNOWN_TOKEN.test(word);
    if (!known) {
      if (previousKnown) runs.push([]);
      runs.at(-1)?.push(word);
    }
    previousKnown = known;
  }
  return runs.map((run) => run.join(' '));
}

/** Why a phrase no form reads is refused: it names no time, or it hangs on an event; else the words not understood. */
function refusal(normalised: string, context: Context, error: UnreadPhraseError): DateValueError {
  const words = normalised.split(' ');
  if (words.some((word) => VAGUE_WORDS.has(word)) || VAGUE_PHRASE.test(normalised)) {
    return new RefusedPhraseError(`“${context.phrase}” does not say when, and a date is never guessed: give the date the text gives, if any`, context.phrase);
  }
  if (TIED_WORDS.has(words[0] ?? '')) return tiedToEvent(context);
  const runs = unknownRuns(normalised);
  return runs.length > 0 ? new UnreadPhraseError(runs[0] ?? '', runs) : error;
}

/**
 * Reads a date the way English news text gives it: absolute ("15 June 2024", "Q2 2024", "early 2024"),
 * relative to `reference` ("the second quarter last year", "three months ago", "on Tuesday"),
 * open ("by the end of the year", "since 2023") or a range ("October – December 2024"). A date named
 * without its year ("in March", "the holiday quarter") is the nearest one in the direction its sentence
 * looks, and the result says which way it was read (`direction`, `directionCue`). The result keeps the
 * writer's words in `phrase` (unless they are exactly the label) and, when they were read against it, the
 * `reference`. An open end read against a reference ends on the reference day, the last day the text vouches for.
 * @throws UnreadPhraseError naming the words it could not read
 * @throws RefusedPhraseError for phrases that name no time, hang on another event, are ambiguous, or need a fiscal calendar
 * @throws MissingReferenceError when the phrase is relative and there is no reference
 * @throws DateValueError for impossible dates ("30 February 2024", "Q5 2024", "1850")
 * @example readPhrase('the second quarter last year', '2025-02-11') //=> { value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024', phrase: 'the second quarter last year', reference: '2025-02-11' }
 * @example readPhrase('Jan. 20', '2025-01-10', { sentence: 'Talks will resume on Jan. 20.' }).value //=> '2025-01-20'
 */
export function readPhrase(text: string, reference?: string, options: Omit<PhraseContext, 'reference'> = {}): ClaimDate {
  const phrase = text.trim().replace(/[\s.,;:!]+$/, '');
  const parts = reference === undefined ? null : partsOf(reference);
  const context: Context = {
    relative: false,
    phrase,
    ...(parts && reference !== undefined && { reference: { iso: reference, year: parts.year, month: parts.month, monthIndex: parts.year * 12 + parts.month - 1 } }),
    ...(options.sentence && { sentence: options.sentence }),
    ...(options.fiscalYearEnd !== undefined && { fiscalYearEnd: options.fiscalYearEnd }),
  };
  const normalised = normalise(text);
  let shape: Shape;
  try {
    shape = readExpression(normalised, context);
  } catch (error) {
    if (!(error instanceof UnreadPhraseError)) throw error;
    throw refusal(normalised, context, error);
  }
  const date = finish(shape);
  if (phrase.toLowerCase() !== date.label.toLowerCase()) date.phrase = phrase;
  if (date.openEnd && reference !== undefined) {
    if (reference > date.end) date.end = reference;
    date.reference = reference;
  }
  if (context.relative && reference !== undefined) date.reference = reference;
  if (context.read) {
    date.direction = context.read.direction;
    if (context.read.cue) date.directionCue = context.read.cue;
  }
  return date;
}
