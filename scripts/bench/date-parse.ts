import { resolveDate } from '../../src/domain/dates/resolve-date.js';
import { PHRASE_TABLE, type PhraseCase } from '../../test/domain/dates/phrase-table.js';

/** Calls per phrase in one timing: one call is a few microseconds, under the clock's useful resolution. */
const CALLS_PER_TIMING = 200;
/** A day after every reference in the table. */
const TODAY = '2025-12-31';

const read = (row: PhraseCase) =>
  resolveDate(row.text, {
    reference: row.reference,
    today: TODAY,
    ...(row.sentence !== undefined && { sentence: row.sentence }),
    ...(row.fiscalYearEnd !== undefined && { fiscalYearEnd: row.fiscalYearEnd }),
  });

/**
 * The median time to read one phrase of the dates table (test/domain/dates/phrase-table.ts) with its reference
 * day, sentence and fiscal year end, in milliseconds: each phrase is timed over a batch of calls, after a warm-up
 * round, and the median is taken over the phrases. Runs in this process; no server is involved.
 */
export function medianDateParseMs(): { phrases: number; medianMs: number; slowestMs: number; slowest: string } {
  for (const row of PHRASE_TABLE) for (let i = 0; i < CALLS_PER_TIMING; i++) read(row);
  const timings = PHRASE_TABLE.map((row) => {
    const started = performance.now();
    for (let i = 0; i < CALLS_PER_TIMING; i++) read(row);
    return { text: row.text, ms: (performance.now() - started) / CALLS_PER_TIMING };
  }).sort((a, b) => a.ms - b.ms);
  const middle = timings.length / 2;
  const median = timings.length % 2 === 1 ? (timings[Math.floor(middle)]?.ms ?? 0) : ((timings[middle - 1]?.ms ?? 0) + (timings[middle]?.ms ?? 0)) / 2;
  const slowest = timings.at(-1);
  return { phrases: timings.length, medianMs: median, slowestMs: slowest?.ms ?? 0, slowest: slowest?.text ?? '' };
}
