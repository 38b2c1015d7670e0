import type { BestPhrase } from './read-date.js';
import { readDate } from './read-date.js';
import type { ClauseJoin } from './clauses.js';
import type { SequenceCue } from './relation-cues.js';
import type { ProposedDate } from './types.js';

/** What an earlier proposal offers for dating a later one. */
export interface DatedClaim {
  date: ProposedDate | null;
  /** Its date came from a phrase of its own clause. */
  datedByPhrase: boolean;
  /** …and that phrase was a "since" ("since last year"). */
  sincePhrase: boolean;
}

export interface DateContext {
  /** The clause's own date phrase, read or not. */
  best: BestPhrase | null;
  cue: SequenceCue | null;
  /** The clause is about what is still to come. */
  forward: boolean;
  join: ClauseJoin;
  /** The clause before it in the same sentence. */
  sibling: DatedClaim | null;
  /** Every proposal before it, in order. */
  earlier: readonly DatedClaim[];
  /** The last day the claim vouches for: when it was said, else the publication day. */
  upper: string | undefined;
  /** The first day it may have been said; none when the text says only by when ("a day after X reported"). */
  saidFrom: string | undefined;
  sentence: string;
  today: string;
}

const firstEnd = (value: string): string | null => {
  const start = value.split('/')[0] ?? '';
  return start === '' || start === '..' ? null : start;
};

/**
 * When a proposed claim happened, in order: the date phrase of its clause (`null` when the resolver cannot read
 * it); the start of a "since" phrase of the clause before it in the sentence ("since last year and had initially
 * selected Baidu" → 2024), or that clause's own inferred date; after a "follows" cue, from the start of the claim
 * before it to `upper`; for what is still to come, from when it was said on (`saidFrom`), or, when only by when it
 * was said is known, up to that; else up to `upper` ("../2025-02-11").
 * @example eventDate({ best: null, cue: { kind: 'follows', quote: 'After that' }, earlier: [{ date: { value: '2024', phrase: null }, … }], upper: '2025-02-11', … })
 * //=> { value: '2024/2025-02-11', phrase: null }
 */
export function eventDate(context: DateContext): ProposedDate | null {
  const { best, upper } = context;
  if (best) return best.date ? { value: best.date.value, phrase: best.phrase } : null;
  if (!upper) return null;
  const bounded = (lower: string | null): ProposedDate => {
    if (lower) {
      const date = readDate(`${lower}/${upper}`, context.sentence, undefined, context.today);
      if (date) return { value: date.value, phrase: null };
    }
    return { value: `../${upper}`, phrase: null };
  };
  const sibling = context.sibling;
  if (sibling?.date && (context.join === 'shared-subject' || context.join === 'own-subject')) {
    if (sibling.sincePhrase) return { value: firstEnd(sibling.date.value) ?? sibling.date.value, phrase: null };
    if (!sibling.datedByPhrase) return sibling.date;
  }
  const cue = context.cue;
  // An event told as following the one before it cannot have begun before that one did.
  if (cue && (cue.kind === 'follows' || cue.kind === 'same-time')) {
    const previous = context.earlier.at(-1);
    return bounded(previous?.date ? firstEnd(previous.date.value) : null);
  }
  if (context.forward && context.saidFrom) {
    const date = readDate(`${context.saidFrom}/..`, context.sentence, undefined, context.today);
    return date ? { value: date.value, phrase: null } : null;
  }
  return bounded(null);
}
