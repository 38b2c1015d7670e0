/**
 * A word that places an event in the story's order. `follows` cues put it after the event told before
 * ("After that", "Ultimately"), `precedes` cues before it ("Before that"), `opens` cues before what comes next
 * ("initially"), `same-time` cues alongside the one before ("At the same time").
 */
export interface SequenceCue {
  kind: 'follows' | 'precedes' | 'opens' | 'same-time';
  /** The cue as printed. */
  quote: string;
}

const FOLLOWS =
  /^(?:(?:But|And|However),?\s+)?(After that|After this|Afterwards?|Then|Later(?: on)?|Subsequently|Following that|Since then|Eventually|Ultimately|Finally|In the end)\b,?/u;
const PRECEDES = /^(?:(?:But|And),?\s+)?(Before that|Previously|Earlier|Prior to that)\b,?/u;
const SAME_TIME = /^(?:(?:But|And),?\s+)?(At the same time|Simultaneously)\b,?/u;
/** "later" of "later this year" dates a clause rather than ordering it. */
const INNER_FOLLOWS = /\b(later(?!\s+(?:this|that|next|in|on|the|last)\b)|then|subsequently|eventually|ultimately|afterwards?|finally)\b/u;
const OPENS = /\b(initially|originally|at first)\b/iu;

/**
 * The order cue a clause carries, if any: one opening it, else an adverb inside it.
 * @example sequenceCue('After that, Apple considered models …') //=> { kind: 'follows', quote: 'After that' }
 * @example sequenceCue('had initially selected Baidu as its main partner') //=> { kind: 'opens', quote: 'initially' }
 */
export function sequenceCue(clause: string): SequenceCue | null {
  const text = clause.trim();
  const follows = FOLLOWS.exec(text);
  if (follows) return { kind: 'follows', quote: follows[1] ?? '' };
  const precedes = PRECEDES.exec(text);
  if (precedes) return { kind: 'precedes', quote: precedes[1] ?? '' };
  const same = SAME_TIME.exec(text);
  if (same) return { kind: 'same-time', quote: same[1] ?? '' };
  const opens = OPENS.exec(text);
  if (opens) return { kind: 'opens', quote: opens[1] ?? '' };
  const inner = INNER_FOLLOWS.exec(text);
  if (inner) return { kind: 'follows', quote: inner[1] ?? '' };
  return null;
}

/** A contrast opening a clause ("But …", "However, …"): after an "initially", it tells what came next. */
export const opensWithContrast = (clause: string): boolean => /^(?:But|However|Yet)\b/u.test(clause.trim());
