/** A stretch of text that reads like a date, before the date resolver has said whether it can read it. */
export interface DatePhraseCandidate {
  /** What the resolver is given: the phrase without a leading "in", "on", "as early as"… that adds nothing. */
  phrase: string;
  /** Offsets of the whole match (with its preposition) in the text searched. */
  start: number;
  end: number;
  /** Introduced by a preposition ("in the second quarter"), not used as an adjective ("third-quarter results"). */
  adverbial: boolean;
  /**
   * Dates a price or a level the clause compares with ("a 31% premium to its closing price on Monday"), not when
   * the clause's event happened.
   */
  ofReference: boolean;
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)(?![\\d,.]\\d)';
const RELATIVE_YEAR = `(?:${YEAR}|(?:last|this|next|the previous|the current|the same) year)`;
const ORDINAL = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';
const NUMBER = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})';
const UNIT = '(?:days?|weeks?|months?|quarters?|years?|decades?)';
const SEASON = '(?:spring|summer|autumn|fall|winter)';

/** Every shape of a single period, most specific first so the longest reading wins at each place. */
const POINT = [
  `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?`,
  `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`,
  `(?:(?:early|mid|late)[- ])?${MONTH}(?:\\s+(?:of\\s+)?${RELATIVE_YEAR})?`,
  `(?:the\\s+)?${ORDINAL}[- ]quarter(?:\\s+(?:of\\s+)?${RELATIVE_YEAR})?`,
  `(?:the\\s+)?(?:holiday|current|previous|last|next|this|same|March|June|September|December)\\s+quarter(?:\\s+(?:of\\s+)?${RELATIVE_YEAR})?`,
  `Q[1-4](?:\\s+${YEAR})?`,
  `[1-4]Q\\s?(?:${YEAR}|\\d{2})?`,
  `(?:the\\s+)?(?:first|second|1st|2nd)[- ]half(?:\\s+of\\s+(?:${RELATIVE_YEAR}|the\\s+year))?`,
  `H[12](?:\\s+${YEAR})?`,
  `(?:the\\s+)?(?:first|last)\\s+(?:nine|six|three)\\s+months(?:\\s+of\\s+(?:${RELATIVE_YEAR}|the\\s+year))?`,
  `(?:the\\s+)?(?:end|start|beginning|middle|close|turn)\\s+of\\s+(?:the\\s+|this\\s+|last\\s+|next\\s+)?(?:year|month|quarter|week|decade|${YEAR}|${ORDINAL}[- ]quarter(?:\\s+(?:of\\s+)?${RELATIVE_YEAR})?|(?:first|second)[- ]half(?:\\s+(?:of\\s+)?${RELATIVE_YEAR})?|${MONTH}(?:\\s+${YEAR})?)`,
  `(?:early|mid|late)[- ]?(?:${YEAR}|(?:last|this|next)\\s+(?:year|month|week))`,
  `(?:earlier|later)\\s+(?:this|last|next)\\s+(?:year|month|week)`,
  `(?:the\\s+)?(?:past|last|previous|coming|next)\\s+(?:${NUMBER}\\s+)?${UNIT}`,
  `(?:last|this|next)\\s+(?:year|month|week|quarter|decade|weekend|${SEASON}|${WEEKDAY})`,
  `${NUMBER}\\s+${UNIT}\\s+ago`,
  `${NUMBER}\\s+(?:straight|consecutive|successive)\\s+${UNIT}`,
  `(?:the\\s+)?(?:${YEAR}|\\d0)s`,
  `(?:fiscal\\s+(?:year\\s+)?${YEAR}|FY\\s?\\d{2,4})`,
  `(?:${SEASON})\\s+(?:of\\s+)?${RELATIVE_YEAR}`,
  `(?:Christmas|New Year's|New Year’s)(?:\\s+(?:Day|Eve))?`,
  WEEKDAY,
  YEAR,
  '(?:yesterday|today|tomorrow)',
].join('|');

/**
 * Words before a date that the resolver reads ("since", "by", "between") or that change what it means ("before
 * March" is not March: kept, so a resolver that cannot read them says so), and words that add nothing ("in", "on").
 */
const KEPT_LEAD =
  '(?:since|by|until|till|through|from|between|starting|starting\\s+in|no later than|as of|around|about|approximately|roughly|circa|sometime in|some time in|before|after|prior to|ahead of)';
const DROPPED_LEAD = '(?:in|on|at|during|over|for|of|as early as|as soon as|as late as|earlier in|later in|early in|late in|in late|in early)';
const RANGE = `(?:between|from)\\s+(?:${POINT})\\s+(?:and|to|through|until)\\s+(?:${POINT})`;

const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\d-])(?:(${DROPPED_LEAD})\\s+)?((?:${KEPT_LEAD}\\s+)?(?:${RANGE}|${POINT}))(?![\\p{L}\\d])`,
  'giu',
);
/** A closing price right before the phrase ("to its closing price on Monday"): the phrase says when that stood, not when the event happened. */
const REFERENCE_NOUN = /\b(?:its|their|the)\s+(?:(?:last|previous)\s+)?(?:closing\s+(?:price|level)|close)\s+$/iu;
/** Months and weekdays are names only with a capital: "may" is a verb, "march" a walk. */
const CAPITALISED = new RegExp(`^(?:(?:${KEPT_LEAD})\\s+)?(?:the\\s+)?(?:(?:early|mid|late)[- ])?(${MONTH}|${WEEKDAY})`, 'iu');

/**
 * Date-like phrases in a sentence, in order, for the date resolver to read or refuse. Generous on purpose: what
 * the resolver cannot read is dropped by the caller, so new forms it learns are found without a change here.
 * @example findDatePhrases('fall out of the top five in the second quarter last year, before recovering')
 * //=> [{ phrase: 'the second quarter last year', start: 25, end: 60, adverbial: true }]
 */
export function findDatePhrases(text: string): DatePhraseCandidate[] {
  const found: DatePhraseCandidate[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const phrase = match[2] ?? '';
    const named = CAPITALISED.exec(phrase);
    if (named && !/^\p{Lu}/u.test(named[1] ?? '')) continue;
    const start = match.index;
    const end = start + match[0].length;
    const followedByNoun = /^[- ]?\p{Ll}+/u.test(text.slice(end)) && /-(?:quarter|half|year)$|^(?:full|first|second|third|fourth)-/iu.test(phrase);
    found.push({
      phrase,
      start,
      end,
      adverbial: match[1] !== undefined || new RegExp(`^${KEPT_LEAD}\\s`, 'iu').test(phrase) || (!followedByNoun && !/^\d{4}$/.test(phrase)),
      ofReference: REFERENCE_NOUN.test(text.slice(Math.max(0, start - 40), start)),
    });
  }
  return found;
}
