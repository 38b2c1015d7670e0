import type { ClauseJoin } from './clauses.js';
import type { SequenceCue } from './relation-cues.js';
import type { ProposedRelation } from './types.js';

/** What a proposal offers for reading the order the text states. */
export interface OrderedClaim {
  /** The sentence it was read from: joins order clauses of the same sentence only. */
  sentence: number;
  join: ClauseJoin;
  /** The words of a join ("before recovering", "a day after"). */
  joinCue?: string;
  cue: SequenceCue | null;
  /** Position of its paragraph: a cue reaches no further than the paragraph next to it. */
  paragraphRank: number;
}

/**
 * The order the text states between proposals, each pair once: "After that", "Ultimately", "later" put a claim
 * after the one before it, "Before that" before it, "At the same time" with it, "initially" before the next one;
 * ", before recovering …" and ", a day after X reported …" order the two clauses of a sentence.
 * @example storyOrder([{ sentence: 0, join: 'first', cue: { kind: 'opens', quote: 'initially' }, paragraphRank: 0 }, { sentence: 1, join: 'first', cue: null, paragraphRank: 0 }])
 * //=> [{ from: 0, relation: 'before', to: 1, quote: 'initially' }]
 */
export function storyOrder(claims: readonly OrderedClaim[]): ProposedRelation[] {
  const relations: ProposedRelation[] = [];
  const seen = new Set<string>();
  const add = (from: number, relation: ProposedRelation['relation'], to: number, quote: string) => {
    const key = [Math.min(from, to), Math.max(from, to)].join(':');
    if (from === to || seen.has(key) || quote === '') return;
    seen.add(key);
    relations.push({ from, relation, to, quote });
  };
  const near = (a: OrderedClaim, b: OrderedClaim) => Math.abs(a.paragraphRank - b.paragraphRank) <= 1;
  claims.forEach((claim, i) => {
    const previous = claims[i - 1];
    const next = claims[i + 1];
    const sameSentence = previous !== undefined && previous.sentence === claim.sentence;
    if ((claim.join === 'before' || claim.join === 'after') && sameSentence) add(i - 1, claim.join, i, claim.joinCue ?? '');
    // "X confirmed …, a day after the newspaper reported …": the confirmation came after the report.
    if (claim.join === 'reported' && sameSentence && claim.joinCue) add(i - 1, /before/i.test(claim.joinCue) ? 'before' : 'after', i, claim.joinCue);
    const cue = claim.cue;
    if (!cue) return;
    // "initially" looks ahead within its paragraph, or to a claim that says it came later.
    const answered = next !== undefined && (next.paragraphRank === claim.paragraphRank || next.cue?.kind === 'follows');
    if (cue.kind === 'opens' && next && answered && near(claim, next)) add(i, 'before', i + 1, cue.quote);
    // A "But" after "initially" dates the claim, but the "initially" already orders the pair.
    else if (cue.kind === 'follows' && previous && near(claim, previous) && cue.quote !== 'But') add(i, 'after', i - 1, cue.quote);
    else if (cue.kind === 'precedes' && previous && near(claim, previous)) add(i, 'before', i - 1, cue.quote);
    else if (cue.kind === 'same-time' && previous && near(claim, previous)) add(i, 'same-time', i - 1, cue.quote);
  });
  return relations;
}
