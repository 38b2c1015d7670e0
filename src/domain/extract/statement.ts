import nlp from 'compromise';
import type { Token } from './segment.js';

/** Words that tie a sentence to the one before and carry nothing of its own claim. */
const LEADING_LINK =
  /^(?:(?:But|And|However|Meanwhile|Separately|Still|Also|In addition|Moreover|Yet|So|After that|After this|Afterwards?|Ultimately|Eventually|Finally|In the end|Subsequently|Since then|Following that|Before that|Previously|At the same time|Simultaneously)\b,?\s+)+/u;
const NO_COMMENT_TAIL = /,?\s+(?:and|but)\s+(?:declined|refused)\s+to\s+(?:comment|elaborate|give\s+details|say\s+more)(?:\s+further)?/iu;
/** A chunk before the subject that sets the scene: "Under federal law, airline workers …". */
const INTRODUCTORY = /^(?:in|on|at|under|for|with|after|before|during|since|by|from|according|as|while|despite|amid|following)\b/iu;
const QUOTES = /^["“‘']+|["”’']+$/gu;

/**
 * A clause of the article as a statement a claim can carry: linking words and a leading "that" dropped, "reportedly"
 * taken out, quotation marks around a whole quote removed, a refusal to comment cut off, capital and full stop put
 * in. `subject` replaces a leading pronoun or goes before a clause that begins with its verb.
 * @example statementFrom('After that, Apple considered models developed by Tencent') //=> 'Apple considered models developed by Tencent.'
 * @example statementFrom('it passed on Deepseek', { subject: 'Apple' }) //=> 'Apple passed on Deepseek.'
 */
export function statementFrom(clause: string, options: { subject?: string | null; subjectMissing?: boolean } = {}): string {
  let text = clause.trim().replace(/\s+/g, ' ');
  text = text.replace(LEADING_LINK, '').replace(/^that\s+/iu, '');
  text = text.replace(/\s*\breportedly\b\s*/iu, ' ').replace(NO_COMMENT_TAIL, '');
  if (/^["“]/u.test(text) && /["”],?$/u.test(text)) text = text.replace(/,(["”])$/u, '$1').replace(QUOTES, '');
  text = text.replace(/[\s,;:–—-]+$/u, '').trim();
  if (options.subject) {
    if (options.subjectMissing) text = `${options.subject} ${text}`;
    else text = text.replace(/^(?:it|he|she|they)\b/iu, options.subject);
  }
  if (text === '') return text;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]["”’]?$/u.test(text) ? text : `${text}.`;
}

/**
 * The subject a clause opens with: the words before its first finite verb, linking words left out.
 * @example subjectOf(tokens('The iPhone-maker has been searching for a local partner')) //=> 'The iPhone-maker'
 */
export function subjectOf(tokens: readonly Token[]): string | null {
  let before = '';
  for (const token of tokens) {
    const finite = token.tags.has('Verb') && !token.tags.has('Gerund') && !token.tags.has('Infinitive') && !token.tags.has('Participle');
    if (finite) break;
    before += token.text + token.post;
  }
  const chunks = before.replace(LEADING_LINK, '').split(/,\s*/u).map((chunk) => chunk.trim()).filter(Boolean);
  const subject = chunks.find((chunk) => !INTRODUCTORY.test(chunk)) ?? '';
  return subject === '' || subject.split(/\s+/).length > 8 ? null : subject;
}

/**
 * A gerund clause as a statement in the past: "before recovering in the third quarter" about Apple is
 * "Apple recovered in the third quarter".
 * @example gerundStatement('before recovering in the third quarter', 'Apple') //=> 'Apple recovered in the third quarter.'
 */
export function gerundStatement(clause: string, subject: string): string {
  const match = /^(?:before|after)\s+(\p{L}+ing)\b(.*)$/iu.exec(clause.trim());
  if (!match) return statementFrom(clause);
  const past = nlp(match[1] ?? '').verbs().toPastTense().text() || (match[1] ?? '');
  return statementFrom(`${subject} ${past}${match[2] ?? ''}`);
}
