import { findDatePhrases } from './date-phrases.js';
import { REPORTING_VERB, canTrail, recordedVerb, takesObject } from './reporting-verbs.js';
import type { Sentence, Token } from './segment.js';
import { citedSource, looksLikeSource } from './source-phrase.js';

/** A range of a sentence's text, in offsets from the sentence's start. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How a sentence attributes what it says:
 * - `leading`: "Hanul reported an operating profit …", "The company has said it expects …"
 * - `trailing`: "…, The Information reported.", "…, said Ji-yeon Kang, an analyst …", "The deal, the company said, would …"
 * - `according-to`: "According to The Information, …", "…, according to its annual filing."
 * - `reportedly`: "Apple is reportedly partnering …" (the source is named elsewhere, if at all)
 * - `passive`: "The development, reported by The Information, …" (about the sentence before)
 */
export type AttributionForm = 'leading' | 'trailing' | 'according-to' | 'reportedly' | 'passive';

export interface Attribution {
  form: AttributionForm;
  /** The source as printed: "the report", "two people familiar with the matter", "its annual filing". */
  source: string;
  /** The recorded verb (see `recordedVerb`). */
  verb: string;
  /** Whom the source cites, when it is a source ("citing people familiar with the matter"). */
  citing?: string;
  /** Where the reported content is; two spans when the attribution sits inside it. */
  content: Span[];
  /** Where the attribution words are (source, verb and what goes with them). */
  clause: Span;
  /** The words around the verb that are neither source nor content: "on Tuesday", "in a statement on Monday". */
  adjunct: string;
  /** The verb takes a noun phrase, so the statement keeps subject and verb ("Hanul reported a profit …"). */
  objectStatement: boolean;
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const WHEN =
  `(?:(?:late |early |earlier |later )?(?:on |in |last |this |next )?(?:${WEEKDAY}|${MONTH}(?: \\d{1,2})?(?:,? \\d{4})?)(?: (?:morning|afternoon|evening|night))?` +
  '|(?:last|this|earlier this|late last|earlier in the|late in the) (?:week|month|year|quarter)|yesterday|today|earlier|previously|separately|also|late|publicly|privately|again)';
const MEDIUM =
  '(?:in|on|at|via|through|during) (?:a|an|its|his|her|their|the) (?:[\\w-]+ ){0,3}?(?:statement|filing|interview|note|report|post|letter|memo|call|conference|briefing|release|email|e-mail|presentation|speech|video|message|document|prospectus|blog|website|podcast|broadcast|update|notice|announcement|session|meeting|hearing|appearance|event)s?\\b' +
  '(?: (?:to|with|on|at|for|before) (?:clients|investors|analysts|employees|staff|shareholders|customers|reporters|lawmakers|its website|the [\\w-]+(?: [\\w-]+)?|[A-Z][\\w.’\'-]*(?: [A-Z][\\w.’\'-]*){0,3}))?';
const ADJUNCTS = new RegExp(`^(?:,?\\s+(?:${WHEN}|${MEDIUM}))*`, 'u');
const RECIPIENT = new RegExp(
  '^\\s+(?:reporters|journalists|analysts|investors|lawmakers|employees|staff|shareholders|clients|customers|parliament|(?:the|a|an) (?:[\\w-]+ ){0,2}(?:newspaper|paper|outlet|agency|broadcaster|magazine|website|conference|briefing|forum|summit|hearing|committee|audience|crowd)' +
    "|(?:The |the )?\\p{Lu}[\\p{L}\\d.'’&-]*(?: (?:\\p{Lu}[\\p{L}\\d.'’&-]*|of|for|and|de))*)",
  'u',
);
const VERB_SOURCE = `(?<![\\p{L}-])(?:${REPORTING_VERB})(?![\\p{L}-])`;
/** Only ever used through `matchAll`, which copies it: a shared global regex must never carry a `lastIndex`. */
const VERB_AT = new RegExp(VERB_SOURCE, 'giu');
const FIRST_VERB = new RegExp(VERB_SOURCE, 'iu');
/** Auxiliaries and adverbs between a source and its verb: "The company has said", "Hanul also said". */
const AUXILIARY_TAIL = /(?:\s+(?:has|have|had|also|previously|earlier|separately|again|publicly|repeatedly|later|would|will|last week|on \w+))+$/iu;
/** A stock ticker after a company's name, as wire copy prints it: "Apple Inc (AAPL.O)", "Alibaba (9988.HK)". */
const TICKER = /\s*\((?:[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?|[A-Z]{1,8}:[A-Z0-9.]{1,10})\)/gu;
/** A subject citing its own source: "The newspaper, citing two people with knowledge of the plans, said …". */
const CITING_INSIDE = /^([^,]+),\s*citing\s+([^,]+),$/iu;
/** A subject with an appositive: "Sunward, which is based in Nagoya, Japan, said …". */
const APPOSITIVE = /^([^,]+),\s+(?:which|who|whose|based|headquartered|a|an|the|one|itself)\b.*,$/u;
const INTRO = /^(?:(?:In|On|At|Late on|Earlier|Separately|Meanwhile|Also|However|But|And|Still|Later|Last|This|On Tuesday)[^,]{0,40},\s+|(?:But|And|However|Meanwhile|Separately|Also|Still)\s+)/u;
/** After a trailing attribution, words about the source rather than the story: ", who asked not to be named". */
const ABOUT_THE_SOURCE =
  /^(?:who|whom|which|asking|asked|speaking|requesting|declining|referring|adding\s+that|because\s+(?:they|he|she)\s+(?:was|were|are|is)|as\s+(?:they|he|she)\s+(?:was|were|are|is)|according\s+to|an?\s+[\p{L}-]+\s+(?:at|for|of|with)\b|the\s+[\p{L}-]+\s+(?:at|of)\b)/iu;
const REPORTEDLY = /\b(?:reportedly|(?:is|are|was|were)\s+(?:said|reported)\s+to)\b/iu;
const PASSIVE_REFERENCE =
  /^(?:The|This|That)\s+(?:development|report|news|move|plan|deal|talks|decision|partnership|agreement|announcement|tie-up|acquisition|investment|purchase|sale|merger|bid|offer|step|shift|change)s?,\s+(?:which\s+(?:was|were)\s+)?(?:first\s+|earlier\s+|previously\s+|exclusively\s+|originally\s+)?reported\s+(?:earlier\s+|first\s+|previously\s+)?(?:on\s+\w+\s+|in\s+\w+\s+)?by\s+([^,]+),/u;
const ACCORDING_TO_LEADING = /^(?:According|according)\s+to\s+([^,]+?)(?:,\s*citing\s+([^,]+))?,\s+/u;
const ACCORDING_TO_TRAILING = /^(?:according\s+to|as\s+(?:first\s+|earlier\s+|previously\s+)?reported\s+by|as\s+cited\s+by)\s+/iu;
/** "…, said Ji-yeon Kang, an analyst": only verbs of speech come before their speaker. */
const INVERTED = /^(?:said|says|added|adds|told|wrote|writes|noted|explained|continued|asked)\s+(?=\p{Lu}|(?:the|a|an|one|two|three|several)\s)/u;
const RELATIVE = /\s+(?:who|which|whose|that)\b.*$/su;

function tokensIn(sentence: Sentence, span: Span): Token[] {
  const from = sentence.start + span.start;
  const to = sentence.start + span.end;
  return sentence.tokens.filter((t) => t.start >= from && t.end <= to);
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,.;:!?]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Commas that can open an attribution, right to left: ", " and the comma inside a closing quote (",” "). */
function commasFromRight(text: string): number[] {
  const at: number[] = [];
  for (const match of text.matchAll(/,["”’']?\s/gu)) at.push(match.index);
  return at.reverse();
}

/** A comma inside a quotation is the speaker's, unless a closing quote mark follows it (`,” she said`). */
function insideQuotation(text: string, at: number): boolean {
  if (/["”’']/u.test(text[at + 1] ?? '')) return false;
  const before = text.slice(0, at);
  const straight = before.match(/"/gu)?.length ?? 0;
  const opened = before.match(/“/gu)?.length ?? 0;
  const closed = before.match(/”/gu)?.length ?? 0;
  return straight % 2 === 1 || opened > closed;
}

interface Tail {
  citing?: string;
  /** The part of the tail that continues the story, from the tail's start; empty when none does. */
  continuation: Span | null;
}

/** What follows a trailing attribution after a comma: a citation, words about the source, or more of the story. */
function readTail(text: string, from: number): Tail {
  const rest = text.slice(from);
  const lead = rest.length - rest.trimStart().length;
  const body = rest.trimStart();
  if (body === '' || /^[.!?"”’)]+$/u.test(body)) return { continuation: null };
  const citing = /^citing\s+([^,]+?)(?=,|[.!?"”]*$)/iu.exec(body);
  if (citing && citedSource(citing[1] ?? '')) {
    const after = from + lead + citing[0].length;
    const next = text.slice(after);
    const more = /^,\s*/.exec(next) ? readTail(text, after + 1) : { continuation: null };
    return { citing: (citing[1] ?? '').trim(), continuation: more.continuation };
  }
  if (ABOUT_THE_SOURCE.test(body)) return { continuation: null };
  return { continuation: { start: from + lead, end: text.length } };
}

interface AfterVerb {
  adjunct: string;
  /** Where the content begins, or -1 when nothing may follow but a tail. */
  contentStart: number;
  citing?: string;
}

/** Reads what follows a leading verb: recipient, adjuncts, "citing …", then "that", a colon or the content itself. */
function afterLeadingVerb(text: string, from: number, verb: string): AfterVerb {
  let at = from;
  let adjunct = '';
  let citing: string | undefined;
  if (verb === 'told') {
    const recipient = RECIPIENT.exec(text.slice(at));
    if (recipient) at += recipient[0].length;
  }
  for (;;) {
    const adjuncts = ADJUNCTS.exec(text.slice(at))?.[0] ?? '';
    if (adjuncts) {
      adjunct += adjuncts;
      at += adjuncts.length;
    }
    const cited = /^,\s*citing\s+([^,]+),/iu.exec(text.slice(at));
    if (cited && citedSource(cited[1] ?? '')) {
      citing = (cited[1] ?? '').trim();
      at += cited[0].length;
      continue;
    }
    break;
  }
  // "that" opens what was said, unless it only points at a thing: "denied that report".
  const opener = /^(?:\s+that\b(?!\s+[\p{L}-]+[.!?"”]*$)|\s*:|\s*,)?\s*/u.exec(text.slice(at))?.[0] ?? '';
  return { adjunct: adjunct.trim().replace(/^,\s*/, ''), contentStart: at + opener.length, ...(citing && { citing }) };
}

/** The content is a clause ("the deal would close …"), not a noun phrase ("an operating profit of …"). */
function isClause(tokens: readonly Token[], text: string): boolean {
  // "denied that report" names what was denied; "denied that it was …" says it.
  if (/^that\s+[\p{L}-]+[.!?"”]*$/iu.test(text.trim())) return false;
  if (/^(?:that|it|he|she|they|we|i|there)\b/iu.test(text)) return true;
  for (const token of tokens.slice(0, 8)) {
    const finite =
      token.tags.has('Verb') && !token.tags.has('Gerund') && !token.tags.has('Participle') && !token.tags.has('Infinitive');
    if (finite) return true;
    const nounPhrase = ['Determiner', 'Adjective', 'Noun', 'ProperNoun', 'Possessive', 'Value', 'Money', 'Adverb'].some((tag) =>
      token.tags.has(tag),
    );
    if (!nounPhrase || /[,;]/.test(token.post)) return false;
  }
  return false;
}

function leading(sentence: Sentence, from: number): Attribution | null {
  const text = sentence.text;
  for (const match of text.slice(from).matchAll(VERB_AT)) {
    const at = from + match.index;
    const verb = recordedVerb(match[0]);
    if (!verb) continue;
    const intro = from + (INTRO.exec(text.slice(from))?.[0].length ?? 0);
    const raw = text.slice(intro, at).trimEnd();
    const auxiliary = AUXILIARY_TAIL.exec(raw)?.[0] ?? '';
    const said = /\b(?:on \w+|last week)\b/iu.exec(auxiliary)?.[0];
    let before = raw.slice(0, raw.length - auxiliary.length);
    let citing: string | undefined;
    const cited = CITING_INSIDE.exec(before);
    if (cited && citedSource(cited[2] ?? '')) {
      before = cited[1] ?? before;
      citing = (cited[2] ?? '').trim();
    }
    const appositive = APPOSITIVE.exec(before);
    if (appositive) before = appositive[1] ?? before;
    const sourceSpan = trimmed(text, { start: intro, end: intro + before.length });
    const source = text.slice(sourceSpan.start, sourceSpan.end).replace(TICKER, '');
    if (!looksLikeSource(source, tokensIn(sentence, sourceSpan))) return null;
    const after = afterLeadingVerb(text, at + match[0].length, verb);
    // "Earlier this month, the bank announced …": a date opening the sentence is when it was said.
    const introduced = findDatePhrases(text.slice(from, intro)).length > 0 ? text.slice(from, intro).replace(/[,\s]+$/u, '') : undefined;
    const adjunct = [introduced, said, after.adjunct].filter(Boolean).join(' ');
    const content = trimmed(text, { start: after.contentStart, end: text.length });
    const contentText = text.slice(content.start, content.end);
    if (content.end - content.start < 3 || !/\p{L}/u.test(contentText) || /^to\s/iu.test(contentText)) return null;
    const objectStatement = takesObject(verb) && !isClause(tokensIn(sentence, content), contentText);
    const cites = citing ?? after.citing;
    return {
      form: 'leading',
      source,
      verb,
      ...(cites && { citing: cites }),
      content: [content],
      clause: { start: sourceSpan.start, end: after.contentStart },
      adjunct,
      objectStatement,
    };
  }
  return null;
}

function trailingAt(sentence: Sentence, comma: number, contentFrom: number): Attribution | null {
  const text = sentence.text;
  const opener = /^,["”’']?\s+/u.exec(text.slice(comma))?.[0] ?? '';
  const from = comma + opener.length;
  const rest = text.slice(from);
  const head = trimmed(text, { start: contentFrom, end: comma + (/["”’']/u.test(opener[1] ?? '') ? 2 : 0) });
  if (head.end - head.start < 3) return null;

  const according = ACCORDING_TO_TRAILING.exec(rest);
  if (according) {
    const sourceStart = from + according[0].length;
    const sourceEnd = text.slice(sourceStart).search(/,\s|[.!?]["”’]?$|$/u);
    let source = text.slice(sourceStart, sourceStart + sourceEnd).replace(RELATIVE, '').trim();
    source = source.replace(/[.!?"”’]+$/u, '');
    if (source === '') return null;
    const tail = readTail(text, sourceStart + sourceEnd + 1);
    return {
      form: 'according-to',
      source,
      verb: 'according to',
      ...(tail.citing && { citing: tail.citing }),
      content: tail.continuation ? [head, trimmed(text, tail.continuation)] : [head],
      clause: { start: from, end: sourceStart + sourceEnd },
      adjunct: '',
      objectStatement: false,
    };
  }

  const inverted = INVERTED.exec(rest);
  if (inverted) {
    const verb = recordedVerb(inverted[0].trim()) ?? 'said';
    const sourceStart = from + inverted[0].length;
    const sourceLength = text.slice(sourceStart).search(/,\s|\s+(?:on|in)\s+(?:a|an|the|its)\s|[.!?]["”’]?$|$/u);
    const sourceSpan = trimmed(text, { start: sourceStart, end: sourceStart + sourceLength });
    const source = text.slice(sourceSpan.start, sourceSpan.end);
    if (!canTrail(verb) || !looksLikeSource(source, tokensIn(sentence, sourceSpan))) return null;
    return {
      form: 'trailing',
      source,
      verb,
      content: [head],
      clause: { start: from, end: sourceSpan.end },
      adjunct: '',
      objectStatement: false,
    };
  }

  const verbMatch = FIRST_VERB.exec(rest);
  if (!verbMatch) return null;
  const verb = recordedVerb(verbMatch[0]);
  if (!verb || !canTrail(verb)) return null;
  const sourceSpan = trimmed(text, { start: from, end: from + rest.slice(0, verbMatch.index).trimEnd().replace(AUXILIARY_TAIL, '').length });
  const source = text.slice(sourceSpan.start, sourceSpan.end).replace(TICKER, '');
  if (!looksLikeSource(source, tokensIn(sentence, sourceSpan))) return null;
  let at = from + verbMatch.index + verbMatch[0].length;
  if (verb === 'told') at += RECIPIENT.exec(text.slice(at))?.[0].length ?? 0;
  const adjunct = ADJUNCTS.exec(text.slice(at))?.[0] ?? '';
  at += adjunct.length;
  const remainder = text.slice(at);
  if (!/^(?:,|[.!?"”’)]*\s*$)/u.test(remainder)) return null;
  const tail = remainder.startsWith(',') ? readTail(text, at + 1) : { continuation: null };
  return {
    form: 'trailing',
    source,
    verb,
    ...(tail.citing && { citing: tail.citing }),
    content: tail.continuation ? [head, trimmed(text, tail.continuation)] : [head],
    clause: { start: sourceSpan.start, end: at },
    adjunct: adjunct.trim().replace(/^,\s*/, ''),
    objectStatement: false,
  };
}

function trailing(sentence: Sentence, from: number): Attribution | null {
  for (const comma of commasFromRight(sentence.text)) {
    if (comma < from || insideQuotation(sentence.text, comma)) continue;
    const found = trailingAt(sentence, comma, from);
    if (found) return found;
  }
  return null;
}

function accordingToLeading(sentence: Sentence, from: number): Attribution | null {
  const intro = from + (INTRO.exec(sentence.text.slice(from))?.[0].length ?? 0);
  const match = ACCORDING_TO_LEADING.exec(sentence.text.slice(intro));
  if (!match) return null;
  const contentStart = intro + match[0].length;
  return {
    form: 'according-to',
    source: (match[1] ?? '').trim(),
    verb: 'according to',
    ...(match[2] && citedSource(match[2]) && { citing: match[2].trim() }),
    content: [trimmed(sentence.text, { start: contentStart, end: sentence.text.length })],
    clause: { start: intro, end: contentStart },
    adjunct: '',
    objectStatement: false,
  };
}

/**
 * How a sentence attributes what it says, if it does: the source as printed, the verb, what the source cites,
 * and where the content and the attribution words are. A trailing attribution (", the report said.") is tried
 * first, since a sentence that ends with one says whose words all of it is. `from` is where the sentence's own
 * words start, after a dateline ("SINGAPORE, Nov 6 (Reuters) - ").
 * @example findAttribution(sentence('But the Chinese company’s progress … fell short of its standards, The Information reported.'))
 * //=> { form: 'trailing', source: 'The Information', verb: 'reported', content: [{ start: 0, end: … }], … }
 */
export function findAttribution(sentence: Sentence, from = 0): Attribution | null {
  const passive = from === 0 ? PASSIVE_REFERENCE.exec(sentence.text) : null;
  if (passive) {
    return {
      form: 'passive',
      source: (passive[1] ?? '').trim(),
      verb: 'reported',
      content: [],
      clause: { start: 0, end: passive[0].length },
      adjunct: '',
      objectStatement: false,
    };
  }
  const found = accordingToLeading(sentence, from) ?? trailing(sentence, from) ?? leading(sentence, from);
  if (found) return found;
  if (REPORTEDLY.test(sentence.text)) {
    return {
      form: 'reportedly',
      source: '',
      verb: 'reported',
      content: [trimmed(sentence.text, { start: from, end: sentence.text.length })],
      clause: { start: from, end: from },
      adjunct: '',
      objectStatement: false,
    };
  }
  return null;
}
