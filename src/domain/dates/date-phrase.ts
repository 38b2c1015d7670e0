import { getYear } from 'date-fns/getYear';
import type { ClaimDate } from '../types.js';
import {
  DateValueError,
  PARTS_OF_YEAR,
  type PartOfYear,
  type Qualifier,
  dateFromValue,
  dayFromIso,
  isoDay,
  qualifyLabel,
  valueFor,
} from './claim-date.js';
import { type PeriodUnit, mostRecentEndedQuarter, mostRecentStart, shiftedPeriod } from './relative-period.js';

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
 * What a part of a phrase reads as, in Claimline notation, before it becomes a ClaimDate.
 * `label` is only set where the notation's own label would lose the writer's wording ("first half of 2024").
 */
interface Piece {
  value: string;
  label?: string;
}

interface Context {
  reference?: Date;
  /** Set as soon as any part of the phrase is read against the reference. */
  relative: boolean;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4}|(?:last|this|next|previous|current) year)';
const ORDINAL = '(first|second|third|fourth|1st|2nd|3rd|4th)';
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const OFFSETS: Record<string, number> = { last: -1, previous: -1, this: 0, current: 0, next: 1 };

const KNOWN_WORDS = new Set(
  (
    'in during on at sometime some time over since starting from onwards onward by until till up to no later than end ' +
    'between and through around about approximately approx roughly circa ca c early mid middle late first second third ' +
    'fourth 1st 2nd 3rd 4th quarter half h1 h2 holiday current this last next previous year month yesterday today'
  ).split(' '),
);
const KNOWN_TOKEN = new RegExp(`^(?:${MONTH}|q\\d|\\d{1,2}(?:st|nd|rd|th)?|[~?%]?\\d{4}(?:-\\d{1,2}){0,2}[~?%]?|\\?)$`);

const pad = (n: number): string => String(n).padStart(2, '0');
const monthNumber = (word: string): number => MONTH_NAMES.findIndex((name) => name.startsWith(word.slice(0, 3))) + 1;
const monthName = (month: number): string => {
  const name = MONTH_NAMES[month - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
};

function needReference(context: Context): Date {
  if (!context.reference) throw new MissingReferenceError('the phrase is relative and no reference date was given');
  context.relative = true;
  return context.reference;
}

function yearOf(expression: string, context: Context): number {
  if (/^\d{4}$/.test(expression)) return Number(expression);
  const offset = OFFSETS[expression.split(' ')[0] ?? ''] ?? 0;
  return getYear(shiftedPeriod('year', offset, needReference(context)));
}

/** A period named without its year: the latest one that had begun by the reference day. */
function recent(startInYear: (year: number) => Date | null, context: Context, what: string): Date {
  const start = mostRecentStart(startInYear, needReference(context));
  if (!start) throw new DateValueError(`there is no ${what} on or before the reference date`);
  return start;
}

function dayPiece(day: number, month: number, year: number | undefined, context: Context): Piece {
  const dayIn = (candidateYear: number): Date | null => dayFromIso(`${candidateYear}-${pad(month)}-${pad(day)}`);
  if (year === undefined) return { value: isoDay(recent(dayIn, context, `${day} ${monthName(month)}`)) };
  if (!dayIn(year)) throw new DateValueError(`there is no ${day} ${monthName(month)} ${year}`);
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}

function halfPiece(half: number, year: number): Piece {
  const months = half === 1 ? ['01', '06'] : ['07', '12'];
  return { value: `${year}-${months[0]}/${year}-${months[1]}`, label: `${half === 1 ? 'first' : 'second'} half of ${year}` };
}

/** Each form a single period can take, with how to read it. Tried in order; the first full match wins. */
const ATOMS: Array<[RegExp, (match: string[], context: Context) => Piece]> = [
  [/^(yesterday|today)$/, (m, c) => ({ value: isoDay(shiftedPeriod('day', m[1] === 'today' ? 0 : -1, needReference(c))) })],
  [
    /^(last|this|next|previous|current) (month|quarter|year)$/,
    (m, c) => {
      const unit = m[2] as PeriodUnit;
      return { value: valueFor(shiftedPeriod(unit, OFFSETS[m[1] ?? ''] ?? 0, needReference(c)), unit as Exclude<PeriodUnit, 'day'>) };
    },
  ],
  [/^(\d{4})$/, (m) => ({ value: m[1] ?? '' })],
  [new RegExp(`^q(\\d) ${YEAR}$`), (m, c) => ({ value: `${yearOf(m[2] ?? '', c)}-Q${m[1]}` })],
  [new RegExp(`^${YEAR} q(\\d)$`), (m, c) => ({ value: `${yearOf(m[1] ?? '', c)}-Q${m[2]}` })],
  [new RegExp(`^${ORDINAL} quarter ${YEAR}$`), (m, c) => ({ value: `${yearOf(m[2] ?? '', c)}-Q${ORDINALS[m[1] ?? '']}` })],
  [new RegExp(`^holiday quarter ${YEAR}$`), (m, c) => ({ value: `${yearOf(m[1] ?? '', c)}-Q4` })],
  [/^q(\d)$/, (m, c) => ({ value: `${getYear(needReference(c))}-Q${m[1]}` })],
  [
    new RegExp(`^${ORDINAL} quarter$`),
    (m, c) => {
      const quarter = ORDINALS[m[1] ?? ''] ?? 0;
      return { value: valueFor(recent((year) => new Date(year, (quarter - 1) * 3, 1), c, `Q${quarter}`), 'quarter') };
    },
  ],
  [/^holiday quarter$/, (_m, c) => ({ value: valueFor(mostRecentEndedQuarter(4, needReference(c)), 'quarter') })],
  [
    new RegExp(`^(?:h([12])|(first|second|1st|2nd) half)(?: ${YEAR})?$`),
    (m, c) => {
      const half = m[1] ? Number(m[1]) : m[2]?.startsWith('f') || m[2] === '1st' ? 1 : 2;
      const year = m[3] ? yearOf(m[3], c) : getYear(recent((y) => new Date(y, (half - 1) * 6, 1), c, 'half-year'));
      return halfPiece(half, year);
    },
  ],
  [
    new RegExp(`^(early|mid|middle|late) ${YEAR}$`),
    (m, c) => {
      const [first, last] = PARTS_OF_YEAR[(m[1] === 'middle' ? 'mid' : m[1]) as PartOfYear];
      const year = yearOf(m[2] ?? '', c);
      return { value: `~${year}-${pad(first)}/~${year}-${pad(last)}` };
    },
  ],
  [
    new RegExp(`^${MONTH}(?: ${YEAR})?$`),
    (m, c) => {
      const month = monthNumber(m[1] ?? '');
      if (m[2]) return { value: `${yearOf(m[2], c)}-${pad(month)}` };
      return { value: valueFor(recent((year) => new Date(year, month - 1, 1), c, monthName(month)), 'month') };
    },
  ],
  [
    new RegExp(`^${DAY} ${MONTH}(?: ${YEAR})?$`),
    (m, c) => dayPiece(Number(m[1]), monthNumber(m[2] ?? ''), m[3] ? yearOf(m[3], c) : undefined, c),
  ],
  [
    new RegExp(`^${MONTH} ${DAY}(?: ${YEAR})?$`),
    (m, c) => dayPiece(Number(m[2]), monthNumber(m[1] ?? ''), m[3] ? yearOf(m[3], c) : undefined, c),
  ],
  [/^[~?%]?\d{4}(?:-\d{2}){0,2}[~?%]?$/, (m) => ({ value: m[0] ?? '' })],
];

function readAtom(text: string, context: Context): Piece {
  for (const [pattern, read] of ATOMS) {
    const match = pattern.exec(text);
    if (match) return read(Array.from(match, (group) => group ?? ''), context);
  }
  throw new UnreadPhraseError(text);
}

const stripFillers = (text: string): string => text.replace(/^(?:(?:in|during|on|at|over|sometime|some time)\s+)+/, '');

/** A single period, possibly "around" it. Never open-ended, so it can be one end of a range. */
function readPoint(text: string, context: Context): Piece {
  const plain = stripFillers(text);
  const around = /^(?:around|about|approximately|approx|roughly|circa|ca|c) (.+)$/.exec(plain);
  if (around) return qualify(readAtom(stripFillers(around[1] ?? ''), context), '~');
  return readAtom(plain, context);
}

/** A qualifier added to every end of a piece; an approximate end made uncertain becomes `%`. */
function qualify(piece: Piece, qualifier: Qualifier): Piece {
  const value = piece.value
    .split('/')
    .map((end) => {
      if (end === '..') return end;
      const [, prefix, core, suffix] = /^([~?%])?(.*?)([~?%])?$/.exec(end) ?? [];
      const existing = prefix ?? suffix;
      const merged = !existing || existing === qualifier ? qualifier : '%';
      return `${merged}${core}`;
    })
    .join('/');
  return piece.label === undefined ? { value } : { value, label: qualifyLabel(piece.label, qualifier) };
}

const labelOf = (piece: Piece): string => piece.label ?? dateFromValue(piece.value).label;
const firstEnd = (value: string): string => value.split('/')[0] ?? value;
const lastEnd = (value: string): string => value.split('/').at(-1) ?? value;

/**
 * The left end of "October – December 2024" or "15 – 20 June 2024" borrows what the writer said once
 * for both ends, so it is not read as the most recent October.
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

function readExpression(text: string, context: Context): Piece {
  if (text.endsWith('?')) return qualify(readExpression(text.slice(0, -1).trim(), context), '?');
  const plain = stripFillers(text);
  let match: RegExpExecArray | null;
  if ((match = /^(by|no later than|until|till|up to)(?: end)? (.+)$/.exec(plain))) {
    const point = readPoint(match[2] ?? '', context);
    const word = match[1] === 'by' || match[1] === 'no later than' ? 'by' : 'until';
    return { value: `../${lastEnd(point.value)}`, label: `${word} ${labelOf(point)}` };
  }
  if ((match = /^between (.+) and (.+)$/.exec(plain) ?? /^(?:from )?(.+?) (?:to|until|till|through) (.+)$/.exec(plain))) {
    const right = match[2] ?? '';
    const to = readPoint(right, context);
    const from = readPoint(borrowFromRight(match[1] ?? '', right), context);
    return { value: `${firstEnd(from.value)}/${lastEnd(to.value)}` };
  }
  if ((match = /^(?:since|starting|from) (.+?)(?: onwards?)?$/.exec(plain) ?? /^(.+) onwards?$/.exec(plain))) {
    const point = readPoint(match[1] ?? '', context);
    return { value: `${firstEnd(point.value)}/..`, label: `${labelOf(point)} onwards` };
  }
  return readPoint(plain, context);
}

/** Lower case, one space between words, dashes as "to", and the words that never change the meaning dropped. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*[–—]\s*/g, ' to ')
    .replace(/\s+-\s+/g, ' to ')
    .replace(/(?<=[a-z])-(?=[a-z\d])|(?<=\d)-(?=[a-z])/g, ' ')
    .replace(/[.,;:!"“”‘’]/g, ' ')
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

/**
 * Reads a date the way English news text gives it: absolute ("15 June 2024", "Q2 2024", "early 2024"),
 * relative to `reference` ("the second quarter last year", "since last year", "around March"),
 * open ("by late 2024", "since 2023") or a range ("October – December 2024").
 * The result keeps the writer's words in `phrase` (unless they are exactly the label) and, when they
 * were read against it, the `reference`. An open end read against a reference ends on the reference day,
 * the last day the text vouches for.
 * @param reference an ISO day, already checked by the caller
 * @throws UnreadPhraseError naming the words it could not read
 * @throws MissingReferenceError when the phrase is relative and there is no reference
 * @throws DateValueError for impossible dates ("30 February 2024", "Q5 2024", "1850")
 * @example readPhrase('the second quarter last year', '2025-02-11') //=> { value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024', phrase: 'the second quarter last year', reference: '2025-02-11' }
 */
export function readPhrase(text: string, reference?: string): ClaimDate {
  const day = reference === undefined ? null : dayFromIso(reference);
  const context: Context = day ? { reference: day, relative: false } : { relative: false };
  const normalised = normalise(text);
  let piece: Piece;
  try {
    piece = readExpression(normalised, context);
  } catch (error) {
    if (!(error instanceof UnreadPhraseError)) throw error;
    const runs = unknownRuns(normalised);
    throw runs.length > 0 ? new UnreadPhraseError(runs[0] ?? '', runs) : error;
  }
  const date = dateFromValue(piece.value);
  if (piece.label !== undefined) date.label = piece.label;
  const phrase = text.trim().replace(/[\s.,;:!]+$/, '');
  if (phrase.toLowerCase() !== date.label.toLowerCase()) date.phrase = phrase;
  if (date.openEnd && reference !== undefined && day) {
    if (reference > date.end) date.end = reference;
    date.reference = reference;
  }
  if (context.relative && reference !== undefined) date.reference = reference;
  return date;
}
