import { dayNumber, isoFromDayNumber } from '../dates/day-number.js';
import type { ProposedDate } from './types.js';

const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When an earlier report was made that a clause names (", a day after the Straits Ledger newspaper reported that
 * …"): `cue` is the words of the join, `said` when the sentence's own claim was made (`null`: the publication day,
 * `reference`). "a day after" / "two days after" a known day gives that many days before it, "hours after" the
 * same day; any other "after" or "following" says only that the report came first, so it was made by then. A
 * report "before" the claim, or one whose claim has no day to count from, gives nothing.
 * @example earlierReportSaid('a day after', { value: '2025-11-06', phrase: 'Thursday' }, '2025-11-06') //=> { value: '2025-11-05', phrase: null }
 * @example earlierReportSaid('after', { value: '2025-09', phrase: 'September' }, '2025-11-06') //=> { value: '../2025-09', phrase: null }
 */
export function earlierReportSaid(cue: string | undefined, said: ProposedDate | null, reference: string | undefined): ProposedDate | null {
  const words = (cue ?? '').trim().toLowerCase().split(/\s+/);
  if (words.at(-1) !== 'after' && words.at(-1) !== 'following') return null;
  const when = said?.value ?? reference;
  if (!when || when.includes('..')) return null;
  const [first = '', second = ''] = words;
  const days = first.startsWith('hour') ? 0 : second.startsWith('day') ? COUNTS[first] : undefined;
  if (days !== undefined && DAY.test(when)) return { value: isoFromDayNumber(dayNumber(when) - days), phrase: null };
  const end = when.split('/').at(-1);
  return end ? { value: `../${end}`, phrase: null } : null;
}
