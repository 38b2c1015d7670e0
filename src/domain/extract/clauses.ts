import type { Span } from './attribution.js';
import { REPORTING_VERB } from './reporting-verbs.js';
import type { Sentence, Token } from './segment.js';

/**
 * How a clause joins the one before it in the same sentence:
 * - `own-subject`: "…, but it passed on Deepseek …" (a second statement with its own subject)
 * - `shared-subject`: "… since last year and had initially selected Baidu …" (the first clause's subject goes on)
 * - `before` / `after`: "…, before recovering in the third quarter" (an event told as a gerund, ordered)
 * - `reported`: "…, a day after the Straits Ledger newspaper reported that …" (an earlier report, with its own source)
 * - `relative`: "Brightline, which was founded in 2004, …" (a dated fact about the subject, told in passing)
 */
export type ClauseJoin = 'first' | 'own-subject' | 'shared-subject' | 'before' | 'after' | 'reported' | 'relative';

export interface Clause {
  span: Span;
  join: ClauseJoin;
  /** For `before` / `after` joins, the words that order them ("before recovering"). */
  cue?: string;
}

/** Whether a candidate cut is worth making, given the text on each side: the caller's rule. */
export type CutRule = (left: string, right: string, join: ClauseJoin) => boolean;

const FINITE = (t: Token) =>
  t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive') && !(t.tags.has('Participle') && !t.tags.has('PastTense'));
const NOUN_PHRASE_TAGS = ['Determiner', 'Adjective', 'Noun', 'ProperNoun', 'Pronoun', 'Possessive', 'Value', 'Adverb', 'Organization', 'Person'];
const MIN_WORDS = 3;
/** After "a day after", a source and its reporting verb: "the Straits Ledger newspaper reported that …". */
const REPORTED_NEXT = new RegExp(`^(?:[\\p{L}\\d.'’&-]+\\s+){1,8}?(?:${REPORTING_VERB})\\b`, 'iu');
/** "Brightline, which was founded in 2004, has lost …": the subject, then a relative clause it is the subject of. */
const RELATIVE = /^([^,]{2,80}),\s+(?:which|who)\s+((?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+[^,]+),\s+/u;

/**
 * A relative clause right after a subject, if the caller wants it cut out (`wanted` sees its words): the subject,
 * where the relative clause's words are, and where the rest of the sentence resumes.
 * @example relativeClause('Brightline, which was founded in 2004, has lost subscribers', () => true)
 * //=> { subject: 'Brightline', words: { start: 18, end: 37 }, resume: 39 }
 */
export function relativeClause(text: string, wanted: (words: string) => boolean): { subject: string; words: Span; resume: number } | null {
  const match = RELATIVE.exec(text);
  if (!match || !wanted(match[2] ?? '')) return null;
  const start = match[0].indexOf(match[2] ?? '');
  return { subject: (match[1] ?? '').trim(), words: { start, end: start + (match[2] ?? '').length }, resume: match[0].length };
}

/** How the words after a conjunction go on: with a subject and its verb, with a verb alone, or not as a clause. */
function continuation(tokens: readonly Token[]): 'own-subject' | 'shared-subject' | null {
  const first = tokens[0];
  if (!first) return null;
  // Right after the conjunction a bare verb goes on with the same subject, whatever tense compromise guessed ("and cut").
  const verb = (t: Token | undefined) => t !== undefined && t.tags.has('Verb') && !t.tags.has('Gerund');
  if (verb(first) || (first.tags.has('Adverb') && verb(tokens[1]))) return 'shared-subject';
  for (let i = 0; i < Math.min(tokens.length, 7); i++) {
    const token = tokens[i]!;
    if (FINITE(token)) return i > 0 ? 'own-subject' : null;
    if (!NOUN_PHRASE_TAGS.some((tag) => token.tags.has(tag)) || (i < tokens.length - 1 && /[,;]/.test(token.post))) return null;
  }
  return null;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0);
}

/**
 * Cuts the content of a sentence into the statements it makes: at "; ", at ", but/and/while" before a new subject
 * and verb, at "and" before a verb that goes on with the same subject, and at ", before/after <…ing>". Never inside
 * quotation marks: a quote is one statement. `rule` decides which cuts are worth making.
 * @example clauses(sentence('Veridian was founded in 2011 and went public in 2019.'), { start: 0, end: 49 }, () => true)
 * //=> [{ span: { start: 0, end: 27 }, join: 'first' }, { span: { start: 32, end: 49 }, join: 'shared-subject' }]
 */
export function clauses(sentence: Sentence, content: Span, rule: CutRule): Clause[] {
  const text = sentence.text;
  const cuts: Array<{ at: number; resume: number; join: ClauseJoin; cue?: string }> = [];
  const region = text.slice(content.start, content.end);
  const pattern =
    /(;\s+)|(,\s+)(before|after)\s+(\p{L}+ing)\b|(,?\s+)(but|and|while|whereas)\s+|(,\s+)((?:(?:a|one|two|three|several|a few)\s+(?:days?|weeks?|hours?|months?)\s+)?(?:after|following|before))\s+/giu;
  for (const match of region.matchAll(pattern)) {
    const at = content.start + match.index;
    if (insideQuotes(text, at)) continue;
    if (match[8]) {
      const resume = at + match[0].length;
      if (REPORTED_NEXT.test(text.slice(resume, content.end))) cuts.push({ at, resume, join: 'reported', cue: match[8] });
      continue;
    }
    if (match[1]) {
      cuts.push({ at, resume: at + match[0].length, join: 'own-subject' });
      continue;
    }
    if (match[3]) {
      const resume = at + (match[2] ?? '').length;
      cuts.push({ at, resume, join: match[3].toLowerCase() === 'before' ? 'before' : 'after', cue: `${match[3]} ${match[4]}` });
      continue;
    }
    const resume = at + match[0].length;
    const after = sentence.tokens.filter((t) => t.start >= sentence.start + resume && t.end <= sentence.start + content.end);
    const join = continuation(after);
    const comma = (match[5] ?? '').includes(',');
    if (join === 'own-subject' && (comma || match[6]?.toLowerCase() !== 'and')) cuts.push({ at, resume, join });
    else if (join === 'shared-subject') cuts.push({ at, resume, join });
  }

  const result: Clause[] = [];
  let start = content.start;
  let join: ClauseJoin = 'first';
  let cue: string | undefined;
  for (const cut of cuts) {
    const left = text.slice(start, cut.at);
    const right = text.slice(cut.resume, content.end);
    if (words(left) < MIN_WORDS || words(right) < MIN_WORDS || !rule(left, right, cut.join)) continue;
    result.push({ span: { start, end: cut.at }, join, ...(cue && { cue }) });
    start = cut.resume;
    join = cut.join;
    cue = cut.cue;
  }
  result.push({ span: { start, end: content.end }, join, ...(cue && { cue }) });
  return result;
}
