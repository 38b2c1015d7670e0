import type { Token } from './segment.js';

const MODAL = /^(?:will|would|shall|could|may|might|wo)$/iu;
const INTENT = /^(?:plans?|planned|planning|intends?|intended|aims?|aimed|expects?|expected|hopes?|hoped|seeks?|sought|wants?|wanted|proposes?|proposed|promised|pledged|vowed)$/iu;
const SCHEDULED = /^(?:set|due|poised|scheduled|slated|expected|likely|going|about|on track|preparing|ready)$/iu;
const BE = /^(?:is|are|was|were|'s|’s)$/iu;

/**
 * Whether a clause is about what is still to come, read from its first verb: a modal ("would give", "could
 * make"), an intention ("plans to", "aimed to sign") or a schedule ("is scheduled to", "are due to"). "There is no
 * certainty that any transaction will result" is about now: its first verb is "is".
 * @example looksForward(tokens('The acquisition would give Hanul a foothold')) //=> true
 * @example looksForward(tokens('Discussions are at an early stage and … will result')) //=> false
 */
export function looksForward(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.text;
    if (!token.tags.has('Verb') || token.tags.has('Gerund') || (token.tags.has('Participle') && !token.tags.has('PastTense'))) continue;
    const next = tokens[i + 1]?.text.toLowerCase();
    const afterNext = tokens[i + 2]?.text.toLowerCase();
    if (MODAL.test(word)) return true;
    // "plans to", and "expect the deal to pay": the infinitive may come after what is expected.
    if (INTENT.test(word)) return tokens.slice(i + 1, i + 6).some((t) => t.text.toLowerCase() === 'to');
    if (BE.test(word)) return next !== undefined && SCHEDULED.test(next) && (afterNext === 'to' || next === 'going');
    return false;
  }
  return false;
}
