import type { Sentence, Token } from './segment.js';

/** A run of capitalised words that names someone: "Hanul Semiconductor", "Dana Whitfield", "Airlines for America". */
export interface NameMention {
  /** The name as printed, without possessive, honorific or corporate suffix. */
  name: string;
  start: number;
  end: number;
  person: boolean;
  /** Printed next to a word for a news outlet: "the Straits Ledger newspaper", "local newspaper Seoul Business Daily". */
  media: boolean;
}

const PROPER = ['ProperNoun', 'Organization', 'Person'];
const NOT_ACTORS = ['Place', 'Country', 'City', 'Region', 'Month', 'WeekDay', 'Date', 'Demonym', 'Honorific', 'Holiday'];
/** Abbreviations compromise takes for organisations that are places or common nouns here. */
const NOT_NAMES = new Set(['us', 'u.s', 'u.s.', 'uk', 'u.k', 'u.k.', 'uae', 'ai', 'ev', 'evs', 'ceo', 'cfo', 'coo', 'cto', 'ipo', 'gdp', 'photo', 'report', 'q1', 'q2', 'q3', 'q4']);
const HONORIFIC = /^(?:mr|mrs|ms|dr|prof|capt|sen|rep|gov|gen|lt|col|sgt|rev|sir|dame|lord|lady)\.?$/iu;
/** "Nordvik AG" is Nordvik; "Halden & Co" keeps its "Co", which is half its name. */
const CORPORATE_SUFFIX = /(?<!\s&)\s+(?:inc|corp|co|ltd|llc|plc|ag|sa|se|nv|n\.v|limited|incorporated|corporation)\.?$/iu;
const CONNECTORS = new Set(['of', 'for', 'de', 'and', '&']);
const POSSESSIVE = /['’]s?$/u;
/** A stock ticker is no name: "AAPL.O", "NASDAQ:AAPL". */
const TICKER = /^(?:[A-Z]{1,6}\.[A-Z]{1,3}|[A-Z]{1,8}:[A-Z0-9.]{1,10})$/u;
const MEDIA_NOUN = /^(?:newspaper|newspapers|daily|paper|magazine|broadcaster|outlet|website|newsletter|tabloid|journal|agency|network|channel|wire|publication)$/iu;

/** Nationality adjectives compromise takes for names when they qualify a noun: "the Chinese company". */
const DEMONYM =
  /^(?:American|British|Chinese|Japanese|Korean|South Korean|North Korean|Indian|German|French|Italian|Spanish|Russian|European|Asian|African|Canadian|Mexican|Brazilian|Australian|Taiwanese|Vietnamese|Thai|Indonesian|Malaysian|Singaporean|Philippine|Filipino|Saudi|Emirati|Turkish|Israeli|Iranian|Egyptian|Dutch|Swiss|Swedish|Norwegian|Danish|Finnish|Polish|Ukrainian|Irish|Scottish|Welsh|Arab|Western|Eastern|Nordic|Latin|North American|South American|Hong Kong|Gulf)$/u;

/** What a sentence may call a company before naming it: "Rival Helix Bio said …", "Chipmaker Hanul …". */
export const DESCRIPTOR_WORD =
  /^(?:Rival|Rivals|Peer|Competitor|Chipmaker|Automaker|Carmaker|Drugmaker|Retailer|Regulator|Lender|Insurer|Startup|Start-up|Supplier|Parent|Conglomerate|Airline|Carrier|Operator|Miner|Bank|Broker|Brokerage|Investor|Shareholder|Developer|Manufacturer|Producer|Exporter|Importer|Utility)$/u;

const isProper = (t: Token): boolean => /^[\p{Lu}\d]/u.test(t.text) && PROPER.some((tag) => t.tags.has(tag));
/** A capitalised noun opening a sentence is a name when the text capitalises it elsewhere too ("Hanul reported …"). */
const opensAsName = (t: Token, inside: ReadonlySet<string>): boolean =>
  /^\p{Lu}/u.test(t.text) && t.tags.has('Noun') && !t.tags.has('Plural') && !t.tags.has('Pronoun') && inside.has(t.text.replace(POSSESSIVE, '').toLowerCase());
const isPlace = (t: Token): boolean => NOT_ACTORS.some((tag) => t.tags.has(tag));

/** Words printed together as one name: nothing but a space between them, and no possessive until the last. */
function runsIn(sentence: Sentence, inside: ReadonlySet<string>): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length > 0 && CONNECTORS.has(run.at(-1)!.text.toLowerCase())) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const named = (token: Token | undefined) => token !== undefined && (isProper(token) || opensAsName(token, inside));
  sentence.tokens.forEach((token, i) => {
    const next = sentence.tokens[i + 1];
    const connector = run.length > 0 && CONNECTORS.has(token.text.toLowerCase()) && token.text !== 'and';
    if (connector && named(next) && token.post === ' ') {
      run.push(token);
      return;
    }
    // A sentence's first word is a name when the name goes on: "Veridian Micro shipped …".
    const opensLongerName = i === 0 && /^\p{Lu}/u.test(token.text) && token.tags.has('Noun') && token.post === ' ' && named(next);
    // "The" belongs to a name only where a capital cannot be the sentence's: ", The Information reported".
    const article = token.text === 'The' && i > 0 && run.length === 0 && named(next) && token.post === ' ';
    if (((named(token) || opensLongerName) && !HONORIFIC.test(token.text)) || article) run.push(token);
    else {
      close();
      return;
    }
    if (token.post !== ' ' || POSSESSIVE.test(token.text)) close();
  });
  close();
  return runs;
}

/** "Harborline Chief Executive Sofia Brandt", "Finance Minister Jane Roe": the post before a person's name. */
const TITLE_BEFORE_NAME =
  /^(?:.*?\s)?(?:Chief\s+(?:Executive|Financial|Operating|Technology|Economist|Commercial)(?:\s+Officer)?|CEO|CFO|COO|CTO|President|Vice\s+President|Chairman|Chairwoman|Chair|Managing\s+Director|Executive\s+Director|Director|(?:Prime|Finance|Foreign|Trade|Economy|Energy|Transport)?\s*Minister|Secretary|Governor|Spokes(?:wo)?man|Spokesperson|Analyst|Economist|Founder|Co-founder|Chief)\s+(?=\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}$)/u;

/**
 * A person's name without the post printed before it.
 * @example withoutTitle('Harborline Chief Executive Sofia Brandt') //=> 'Sofia Brandt'
 * @example withoutTitle('Fair Trade Commission') //=> 'Fair Trade Commission'
 */
export const withoutTitle = (name: string): string => name.replace(TITLE_BEFORE_NAME, '');

/** The name a run of words prints, cleaned of what is not part of it. */
function nameOf(run: Token[]): string {
  const name = run
    .map((t) => t.text)
    .join(' ')
    .replace(POSSESSIVE, '')
    .replace(CORPORATE_SUFFIX, '')
    .trim();
  return withoutTitle(name);
}

/**
 * The names a sentence mentions, places, months and honorifics left out. A capitalised word that only opens a
 * sentence ("Shares", "Talks") is a name only if compromise knows it as one or the text capitalises it elsewhere.
 * @example nameMentions(sentence('After that, Apple considered models developed by Tencent'), new Set(['apple'])).map((m) => m.name)
 * //=> ['Apple', 'Tencent']
 */
export function nameMentions(sentence: Sentence, capitalisedInside: ReadonlySet<string>): NameMention[] {
  const mentions: NameMention[] = [];
  for (const found of runsIn(sentence, capitalisedInside)) {
    const run = [...found];
    const index = sentence.tokens.indexOf(run[0]!);
    const before = sentence.tokens[index - 1];
    const after = sentence.tokens[index + run.length];
    const media = [before, after].some((t) => t !== undefined && MEDIA_NOUN.test(t.text));
    if ((!media && run.every(isPlace)) || run.some((t) => t.tags.has('Month') || t.tags.has('WeekDay'))) continue;
    const demonym = run.findIndex((t) => !DEMONYM.test(t.text) && !DESCRIPTOR_WORD.test(t.text));
    if (demonym > 0) run.splice(0, demonym);
    // "Shares in Orion fell …": a plural opening a sentence (or the story, after its dateline) is no name.
    const opening = index === 0 || /\)\s*(?:-{1,2}|–|—)\s*$/u.test(before?.post ?? '');
    if (run.length === 1 && opening && !run[0]!.tags.has('Organization') && (run[0]!.tags.has('Plural') || /s$/u.test(run[0]!.text))) continue;
    const name = nameOf(run);
    if (name === '' || NOT_NAMES.has(name.toLowerCase()) || DEMONYM.test(name) || /[\d$€£¥]/u.test(name) || TICKER.test(name)) continue;
    if (run.at(-1)!.post === '-') continue;
    const first = run[0]!;
    const opensSentence = first === sentence.tokens[0];
    const known = run.some((t) => t.tags.has('Organization') || t.tags.has('Person'));
    if (opensSentence && run.length === 1 && !known && !capitalisedInside.has(name.toLowerCase())) continue;
    mentions.push({ name, start: first.start, end: run.at(-1)!.end, person: run.some((t) => t.tags.has('Person')), media });
  }
  return mentions;
}

/** Names the text capitalises somewhere other than at a sentence's start, lower-cased. */
export function capitalisedInside(sentences: readonly Sentence[]): Set<string> {
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const token of sentence.tokens.slice(1)) {
      if (/^\p{Lu}/u.test(token.text)) seen.add(token.text.replace(POSSESSIVE, '').toLowerCase());
    }
  }
  return seen;
}

/**
 * Short forms of names the text first gives in full: after "Veridian Micro", "Veridian" is the same company; after
 * "Dana Whitfield", "Whitfield" the same person. A short form the text used on its own before the full one stays
 * itself ("Apple" before "Apple Intelligence").
 */
export class NameBook {
  private readonly full: string[] = [];
  private readonly seen = new Set<string>();

  /** Records a name where the text mentions it, and gives the full name it is short for. */
  note(name: string): string {
    const canonical = this.canonical(name);
    if (canonical === name && !this.seen.has(name.toLowerCase())) this.full.push(name);
    this.seen.add(name.toLowerCase());
    return canonical;
  }

  /** The full name `name` is short for, or `name` itself. */
  canonical(name: string): string {
    const words = name.toLowerCase().split(/\s+/);
    if (this.seen.has(name.toLowerCase()) && this.full.some((f) => f.toLowerCase() === name.toLowerCase())) return this.exact(name);
    for (const candidate of this.full) {
      const candidateWords = candidate.toLowerCase().split(/\s+/);
      if (candidateWords.length <= words.length) continue;
      const prefix = words.every((w, i) => candidateWords[i] === w);
      const suffix = words.every((w, i) => candidateWords[candidateWords.length - words.length + i] === w);
      if (prefix || suffix) return candidate;
    }
    return this.exact(name);
  }

  private exact(name: string): string {
    return this.full.find((f) => f.toLowerCase() === name.toLowerCase()) ?? name;
  }
}
