import type { Token } from './segment.js';

/** Sources the text leaves unnamed on purpose: "two people familiar with the matter", "a person briefed on the talks". */
export const UNNAMED_SOURCE =
  /^(?:(?:two|three|four|five|several|some|many|multiple|a|an|one|other|\d+)\s+)?(?:(?:senior|former|current|government|company|industry|banking|u\.s\.|european|chinese|people|other)\s+)*(?:people|persons?|sources?|officials?|executives?|insiders?|individuals?|bankers?|employees?|analysts?|economists?|traders?|investors?|diplomats?|lawmakers?|experts?)(?:\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|close\s+to|briefed\s+on|involved\s+in|aware\s+of|knowledgeable\s+about|speaking\s+on|(?:polled|surveyed|interviewed|contacted|quoted|cited)\s+by|in|at|from)\b[^,]*)?$/iu;

const PRONOUN = /^(?:it|he|she|they|we|i)$/iu;
const NOT_A_SUBJECT_START = new Set(
  'as in on at for with by from to of but and or nor while when where if because after before since until up down than so though although whereas unless whether what which who that there here then yet also still even just only not no'.split(' '),
);
const NOUNISH = ['Noun', 'ProperNoun', 'Pronoun', 'Acronym', 'Organization', 'Person'];
const MAX_WORDS = 12;

/** A finite verb inside a phrase means it is a clause, not a name: "prices of memory chips recovered". */
function hasFiniteVerb(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t) =>
      t.tags.has('Verb') &&
      !t.tags.has('Participle') &&
      !t.tags.has('Gerund') &&
      !t.tags.has('Adjective') &&
      !/^(?:familiar|briefed|involved|informed)$/i.test(t.text),
  );
}

/**
 * Whether a phrase can be who made a claim: a name, a description ("the company", "its annual filing"), a pronoun,
 * or an unnamed source. `tokens` are the phrase's words as tagged, used to turn away clauses.
 * @example looksLikeSource('two people familiar with the matter', tokens) //=> true
 * @example looksLikeSource('as prices of memory chips', tokens) //=> false
 */
export function looksLikeSource(phrase: string, tokens: readonly Token[]): boolean {
  const text = phrase.trim();
  if (text === '') return false;
  if (UNNAMED_SOURCE.test(text) || PRONOUN.test(text)) return true;
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS) return false;
  const first = (words[0] ?? '').toLowerCase();
  if (NOT_A_SUBJECT_START.has(first)) return false;
  if (/[,;:()"“”]/.test(text) || /\b(?:that|which|who|whom|whose)\b/i.test(text)) return false;
  if (!tokens.some((t) => NOUNISH.some((tag) => t.tags.has(tag)))) return false;
  return !hasFiniteVerb(tokens);
}

/**
 * Whom "citing …" names, if it is a source at all: "citing people familiar with the matter" is, "citing permitting
 * delays" is a reason.
 * @example citedSource('people familiar with the matter') //=> true
 * @example citedSource('permitting delays') //=> false
 */
export function citedSource(phrase: string): boolean {
  const text = phrase.trim();
  return (
    UNNAMED_SOURCE.test(text) ||
    /^\p{Lu}/u.test(text) ||
    /\b(?:documents?|memos?|reports?|filings?|statements?|letters?|data|figures|surveys?|polls?|sources?|people|persons?|officials?|executives?|analysts?|emails?|records|notes?|presentations?|newspaper|media)\b/i.test(text)
  );
}
