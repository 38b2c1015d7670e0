import type { Discourse } from './discourse.js';
import { DESCRIPTOR_WORD, withoutTitle } from './names.js';
import { UNNAMED_SOURCE } from './source-phrase.js';
import { wireName } from './wire-names.js';

/** What the sentence itself offers for reading a reference: the organisation its content is about. */
export interface ReferenceContext {
  /** The organisation the content opens with ("Hanul reported …, the company said"). */
  subject?: string | null;
  /** The organisations the content names, in order ("Harborline agreed to buy Maasgate, the two companies said"). */
  named?: readonly string[];
}

const MEDIA = /^the\s+(?:[\p{L}-]+\s+)?(?:report|reports|newspaper|paper|outlet|news\s+outlet|publication|website|site|magazine|newsletter|broadcaster|news\s+agency|daily|weekly|journal|network|channel)$/iu;
const ORGANISATION =
  /^the\s+(?:[\p{L}-]+\s+){0,2}(?:company|firm|group|maker|carrier|airline|automaker|carmaker|chipmaker|lender|bank|retailer|startup|start-up|giant|conglomerate|insurer|operator|manufacturer|developer|supplier|platform|business|producer|brand|miner|utility|exchange|fund|owner|parent|unit|subsidiary|[\p{L}]+-maker)$/iu;
/** "the two companies said": the two organisations last named, together. */
const BOTH = /^(?:the|both)\s+(?:two\s+)?(?:companies|firms|groups|sides|carriers|airlines|banks|operators|partners)$/iu;
/** "according to the statement": whoever the story last quoted from a statement, filing or release. */
const THE_DOCUMENT = /^the\s+(?:joint\s+|company\s+|written\s+)?(?:statement|release|press\s+release|filing|announcement|letter|memo)$/iu;
/** "a company filing showed": the company the sentence is about. */
const COMPANY_DOCUMENT = /^(?:a|an|the)\s+company(?:['’]s)?\s+(?:[\p{L}-]+\s+)?(?:filing|statement|document|release|presentation|report|memo|letter|data|figures)$/iu;
const HEAD_NOUN = /^the\s+(association|union|ministry|regulator|commission|agency|board|government|council|court|committee|department|authority|institute|university|party|federation|organisation|organization|office|bureau|administration|watchdog|army|police|embassy|parliament|senate|congress)$/iu;
const PEOPLE_AGAIN = /^(?:the|these|those)\s+(?:two\s+|three\s+|four\s+)?(?:people|person|sources?|officials?|insiders?|executives?|individuals?)$/iu;
const SPOKESPERSON =
  /^(?:an?|the)\s+(?:(.+?)\s+)?(?:spokes(?:wo)?man|spokesperson|spokespeople|representative|press\s+officer)(?:\s+(?:for|at|of|with)\s+(.+))?$/iu;
const POSSESSED_DOCUMENT =
  /^(?:(its|his|her|their)|(.+?)['’]s?)\s+(?:[\p{L}-]+\s+){0,3}?(?:filings?|reports?|statements?|results|website|data|figures|accounts|prospectus|presentation|records|release|disclosures?|guidance|forecasts?)(?:\s+(?:with|to|on|for)\s+.*)?$/iu;
const DOCUMENT_FROM = /^(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}(?:statement|filing|report|document|letter|memo|release|post|note|presentation|survey|study|data|figures)\s+(?:from|by|of|issued\s+by|published\s+by)\s+(.+)$/iu;
/** "Reuters calculations based on company filings", "Motorintel data": the work is the named source's. */
const NAMED_WORK = /^(?:an?\s+|the\s+)?(\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*?)(?:['’]s)?\s+(?:calculations?|analysis|analyses|estimates?|data|figures|tally|review|survey|research|reporting|projections?|forecasts?)\b.*$/u;
const DATA_FROM = /^(?:data|figures|estimates|research|numbers|statistics)\s+(?:from|by|compiled\s+by|published\s+by)\s+(.+)$/iu;
/** "the Straits Ledger newspaper": the kind of outlet printed after its name is not part of it. */
const MEDIA_AFTER_NAME = /(?<=\p{Lu}[\p{L}.'’-]*)\s+(?:newspaper|daily|paper|magazine|website|news\s+site|broadcaster|outlet|newsletter|tabloid|news\s+agency)$/u;
/** "Dana Whitfield of the union", "Jane Doe at Acme": the person, without where they work. */
const PERSON_THEN_AFFILIATION = /^(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s+(?:(?:of|at|from|with)\s+the\s+\p{Ll}|(?:at|from|with)\s+\p{Lu}).*$/u;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Prof|Capt|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Rev)\.?\s+/u;
const DESCRIPTOR_THEN_NAME = /^(?:(?:the|a|an|The|A|An)\s+)?(?:\p{Lu}[\p{Ll}-]*\s+)?(?:[\p{Ll}][\p{L}-]*\s+)+(?=\p{Lu})/u;
const POSSESSIVE_PREFIX = /^(?:\p{Lu}[\p{L}.]*\s+){0,2}\p{Lu}[\p{L}.]*['’]s\s+(?=\p{Lu})/u;

/**
 * Whether a phrase refers back to an organisation by what it is ("the company", "the iPhone-maker").
 * @example refersToOrganisation('The iPhone-maker') //=> true
 * @example refersToOrganisation('The deal') //=> false
 */
export const refersToOrganisation = (phrase: string): boolean => ORGANISATION.test(phrase.trim());

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * Who a source phrase names, read against what the story named before it: "the report" is the last publication
 * that reported, "the company" and "it" the organisation last named (or the one the sentence is about), "he" and
 * "she" the last person, "the people" the last unnamed source, "a Voltaris spokeswoman" Voltaris, "its annual
 * filing" its owner. A descriptor before a name is dropped ("research firm Motorintel"), a short name is given in
 * full ("Whitfield" after "Dana Whitfield"). Unnamed sources are kept as the text gives them. A reference with
 * nothing to point back to is kept as printed, for the person to fill in.
 * @example resolveSource('the report', context, discourse) //=> 'The Information' (after "The Information reported")
 */
export function resolveSource(phrase: string, context: ReferenceContext, discourse: Discourse): string {
  const text = phrase.trim().replace(/[.,;:!?"“”]+$/u, '').replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const organisation = context.subject ?? discourse.organisation;

  if (lower === 'it') return organisation ?? discourse.media ?? text;
  if (lower === 'he' || lower === 'she') return discourse.person ?? text;
  if (lower === 'they') return discourse.unnamed ?? text;
  if (PEOPLE_AGAIN.test(text)) return discourse.unnamed ?? lowerFirst(text);
  if (MEDIA.test(text)) return discourse.media ?? lowerFirst(text);
  if (BOTH.test(text)) {
    const pair = context.named && context.named.length >= 2 ? context.named.slice(0, 2) : discourse.lastOrganisations(2);
    return pair?.join(' and ') ?? lowerFirst(text);
  }
  if (THE_DOCUMENT.test(text)) return discourse.statementBy ?? lowerFirst(text);
  if (COMPANY_DOCUMENT.test(text)) return organisation ?? lowerFirst(text);
  if (ORGANISATION.test(text)) return organisation ?? lowerFirst(text);
  const head = HEAD_NOUN.exec(text);
  if (head) {
    return discourse.organisationCalled(head[1] ?? '') ?? lowerFirst(text);
  }
  const spokesperson = SPOKESPERSON.exec(text);
  if (spokesperson) {
    const of = spokesperson[2] ?? spokesperson[1];
    if (of) return /^\p{Lu}/u.test(of) ? discourse.names.canonical(of.replace(/^the\s+/u, '')) : resolveSource(`the ${of.replace(/^the\s+/iu, '')}`, context, discourse);
    return organisation ?? lowerFirst(text);
  }
  const possessed = POSSESSED_DOCUMENT.exec(text);
  if (possessed && !UNNAMED_SOURCE.test(text)) {
    if (possessed[1]) return /its|their/i.test(possessed[1]) ? (organisation ?? lowerFirst(text)) : (discourse.person ?? lowerFirst(text));
    if (possessed[2]) return resolveSource(possessed[2], context, discourse);
  }
  const work = NAMED_WORK.exec(text);
  if (work) return wireName(discourse.names.canonical(work[1] ?? text));
  const from = DOCUMENT_FROM.exec(text) ?? DATA_FROM.exec(text);
  if (from) return resolveSource(from[1] ?? '', context, discourse);
  if (UNNAMED_SOURCE.test(text)) return lowerFirst(text.replace(/\s+(?:who|which)\b.*$/u, ''));

  const named = text
    .replace(/^\S+\s+(?=\p{Lu})/u, (word) => (DESCRIPTOR_WORD.test(word.trim()) ? '' : word))
    .replace(HONORIFIC, '')
    .replace(POSSESSIVE_PREFIX, '')
    .replace(DESCRIPTOR_THEN_NAME, '')
    .replace(MEDIA_AFTER_NAME, '')
    .replace(PERSON_THEN_AFFILIATION, '$1');
  return wireName(discourse.names.canonical(withoutTitle(named)));
}
