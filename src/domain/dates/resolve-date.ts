import type { ClaimDate } from '../types.js';
import { DateValueError, dateFromValue, dayFromIso } from './claim-date.js';
import { MissingReferenceError, RefusedPhraseError, UnreadPhraseError, readPhrase } from './date-phrase.js';

/** How a date as written was read: the date, or why not, with forms that would have been read. */
export type DateResolution =
  | { ok: true; date: ClaimDate }
  | { ok: false; message: string; unparsed?: string; examples: string[] };

export interface ResolveOptions {
  /** ISO day relative phrases are read against: the document's publication date. */
  reference?: string;
  /** ISO day of today, from the app's clock; a reference after it is refused. */
  today: string;
  /**
   * The sentence the date stands in: the claim's quote, or its statement. A date named without its year
   * ("in March", "Jan. 20") is the next one when the sentence looks forward ("talks will resume"), else the latest.
   */
  sentence?: string;
  /** The month (1–12) the company's fiscal year ends in, when one is recorded: lets "fiscal 2024" and "FY25" be read. */
  fiscalYearEnd?: number;
}

/** Longer text is refused: a date as written is a few words. */
export const DATE_TEXT_LIMIT = 200;

/** Forms shown with every failure, from the most exact to the most relative. */
export const DATE_EXAMPLES = [
  '2024-06-15',
  '2024-Q2',
  '2024-10/2024-12',
  '~2024-03',
  '15 June 2024',
  'June 2024',
  'Q2 2024',
  'early 2024',
  'by late 2024',
  'the second quarter last year',
  'since last year',
  'around March',
];

/** Only notation characters: read strictly as Claimline notation, so `2024-13` is refused, not reinterpreted. */
const NOTATION = /^(?:[~?%.]|\d{4})[\d~?%./Qq-]*$/;
/** 15/06/2024 or 06/15/2024: which number is the month depends on the country, so it is never guessed. */
const NUMERIC_DAY = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;

const failure = (message: string, unparsed?: string): DateResolution =>
  unparsed === undefined
    ? { ok: false, message, examples: [...DATE_EXAMPLES] }
    : { ok: false, message, unparsed, examples: [...DATE_EXAMPLES] };

/**
 * Reads a date as a writer gives it: Claimline/EDTF notation (`2024-Q2`, `~2024-03`, `2024/..`) or an English
 * phrase, absolute ("15 June 2024") or relative to `options.reference` ("the second quarter last year").
 * Never guesses: anything it cannot read fully comes back as `{ ok: false }` naming the part it did not
 * understand, with examples of accepted forms.
 * @throws TypeError when `options.today` is not an ISO day (a programming error, not bad input)
 * @example resolveDate('the second quarter last year', { reference: '2025-02-11', today: '2025-03-01' })
 * //=> { ok: true, date: { value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024', phrase: 'the second quarter last year', reference: '2025-02-11' } }
 * @example resolveDate('next fortnight', { reference: '2025-02-11', today: '2025-03-01' })
 * //=> { ok: false, message: 'did not understand “fortnight”', unparsed: 'fortnight', examples: [...] }
 */
export function resolveDate(text: string, options: ResolveOptions): DateResolution {
  if (!dayFromIso(options.today)) throw new TypeError(`today must be an ISO day, got “${options.today}”`);
  const { fiscalYearEnd } = options;
  if (fiscalYearEnd !== undefined && !(Number.isInteger(fiscalYearEnd) && fiscalYearEnd >= 1 && fiscalYearEnd <= 12)) {
    throw new TypeError(`fiscalYearEnd must be a month 1–12, got ${fiscalYearEnd}`);
  }
  const reference = options.reference?.trim() || undefined;
  if (reference !== undefined) {
    if (!dayFromIso(reference)) {
      return failure(`the reference date “${reference}” is not a day written as YYYY-MM-DD (e.g. 2025-02-11)`);
    }
    try {
      dateFromValue(reference);
    } catch (error) {
      if (error instanceof DateValueError) return failure(`the reference date ${reference} is refused: ${error.message}`);
      throw error;
    }
    if (reference > options.today) {
      return failure(`the reference date ${reference} is after today (${options.today}); a document cannot be published in the future`);
    }
  }
  const written = text.trim();
  if (written === '') return failure('no date given');
  if (written.length > DATE_TEXT_LIMIT) return failure(`the date is longer than ${DATE_TEXT_LIMIT} characters: give only the words that say when`);
  if (NUMERIC_DAY.test(written)) {
    return failure(`did not understand “${written}”: write the day as 2024-06-15 or 15 June 2024, since 06/07 is June in some countries and July in others`, written);
  }
  try {
    if (NOTATION.test(written)) return { ok: true, date: dateFromValue(written.replace(/q/g, 'Q')) };
    const context = {
      ...(options.sentence !== undefined && { sentence: options.sentence }),
      ...(fiscalYearEnd !== undefined && { fiscalYearEnd }),
    };
    return { ok: true, date: readPhrase(written, reference, context) };
  } catch (error) {
    if (error instanceof MissingReferenceError) {
      return failure(`‘${written}’ is relative: give the document’s publication date to read it against`);
    }
    if (error instanceof UnreadPhraseError || error instanceof RefusedPhraseError) return failure(error.message, error.unparsed);
    if (error instanceof DateValueError) return failure(error.message);
    throw error;
  }
}
