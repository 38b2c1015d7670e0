import { resolveDate } from '../dates/resolve-date.js';
import type { ClaimDate } from '../types.js';
import { findDatePhrases } from './date-phrases.js';

/** A date phrase of the text that the resolver read. Offsets are those of the text searched. */
export interface ReadPhrase {
  phrase: string;
  date: ClaimDate;
  start: number;
  end: number;
  adverbial: boolean;
}

/**
 * Readings the resolver has no form for but that mean the same: "the first half of the year" is "the first half",
 * "before the end of the year" is "by the end of the year".
 */
const SAME_MEANING: Array<[RegExp, string]> = [
  [/\s+of\s+(?:the|this)\s+year$/iu, ''],
  [/^before\s+(?=the\s+end\s+of\b)/iu, 'by '],
];

/**
 * The one place the extractor asks the date resolver: `sentence` is the passage the phrase sits in, which the
 * resolver's direction rule reads ("talks will resume on Jan. 20" looks forward, so a bare day is the next one).
 * `null` when the resolver cannot read the text; it never guesses.
 * @example readDate('the second quarter last year', 'Apple fell out … in the second quarter last year', '2025-02-11', '2025-03-01')?.value //=> '2024-Q2'
 */
export function readDate(text: string, sentence: string, reference: string | undefined, today: string): ClaimDate | null {
  const variants = new Set([text, ...SAME_MEANING.map(([pattern, replacement]) => text.replace(pattern, replacement))]);
  for (const variant of variants) {
    const read = resolveDate(variant, { today, sentence, ...(reference && { reference }) });
    if (read.ok) return read.date;
  }
  return null;
}

/** The phrase a clause is dated by, and how it reads: `date` is `null` when the resolver cannot read it yet. */
export interface BestPhrase {
  phrase: string;
  date: ClaimDate | null;
}

/** "for six straight quarters" says how long, not when: unread, it does not leave the clause undated. */
const DURATION = /^\S+\s+(?:straight|consecutive|successive)\s+\S+$/iu;

/**
 * The date phrase that dates a clause: the first one introduced by a preposition ("in the second quarter"), else
 * the first at all, read or not. A phrase the resolver cannot read is not passed over for a later one it can:
 * "jumped 8.5% on Thursday to their highest level since 2023" is dated by "Thursday", not by "since 2023". With
 * `forward` (the clause is about what is to come), phrases that ended before the reference day are passed over.
 * Phrases that date a price compared with ("its closing price on Monday") and unread durations are not the
 * clause's date.
 * @example bestPhrase('rose 7% in the first half of the year, slower than in 2024', '…', '2025-09-18', '2026-01-01')?.date?.value //=> '2025-01/2025-06'
 */
export function bestPhrase(
  text: string,
  sentence: string,
  reference: string | undefined,
  today: string,
  options: { forward?: boolean } = {},
): BestPhrase | null {
  const readings = findDatePhrases(text)
    .filter((c) => !c.ofReference)
    .map((c) => ({ ...c, date: readDate(c.phrase, sentence, reference, today) }))
    .filter((c) => c.date || !DURATION.test(c.phrase));
  // What is still to come is not dated by a day already past: "would examine the deal under rules that took effect in 2023".
  const usable = options.forward && reference ? readings.filter((r) => !r.date || r.date.end >= reference) : readings;
  const best = usable.find((c) => c.adverbial) ?? usable[0];
  return best ? { phrase: best.phrase, date: best.date } : null;
}

/**
 * The date phrases in `text` that the resolver reads, in order. `sentence` is passed on to `readDate`.
 * @example readPhrases('fell in the holiday quarter', 'fell in the holiday quarter', '2025-02-11', '2025-03-01')[0]?.date.value //=> '2024-Q4'
 */
export function readPhrases(text: string, sentence: string, reference: string | undefined, today: string): ReadPhrase[] {
  return findDatePhrases(text).flatMap((candidate) => {
    const date = readDate(candidate.phrase, sentence, reference, today);
    return date ? [{ phrase: candidate.phrase, date, start: candidate.start, end: candidate.end, adverbial: candidate.adverbial }] : [];
  });
}
