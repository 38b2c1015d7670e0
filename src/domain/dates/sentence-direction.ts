/** Which way a date named without its year points from the reference day. */
export type Direction = 'back' | 'forward';

export interface DirectionReading {
  direction: Direction;
  /** The sentence's words that decided it ("will resume", "dipped"); absent when nothing did. */
  cue?: string;
}

/** Longer sentences are cut here: the verb a date hangs on is never that far from it. */
export const SENTENCE_LIMIT = 2000;

/**
 * Words that make what follows look forward. Each entry is a run of words, `*` standing for any word,
 * `!have` for any word but "have" (so "could have" reads back).
 */
const FORWARD = [
  'will',
  'shall',
  'wont',
  'would !have',
  'could !have',
  'may !have',
  'might !have',
  'should !have',
  'must !have',
  'ought to',
  'expects',
  'expect',
  'expecting',
  'expected to',
  'anticipates',
  'anticipated to',
  'plans',
  'plan to',
  'planning',
  'planned',
  'aims',
  'aim to',
  'aiming',
  'intends',
  'intend to',
  'intending',
  'hopes to',
  'hope to',
  'hoping to',
  'seeks to',
  'seeking to',
  'wants to',
  'want to',
  'pledged to',
  'promised to',
  'vowed to',
  'pledges to',
  'promises to',
  'vows to',
  'prepares to',
  'preparing to',
  'set to',
  'is due',
  'are due',
  'is to',
  'are to',
  'slated',
  'scheduled',
  'poised to',
  'likely to',
  'going to',
  'about to',
  'forecast',
  'forecasts',
  'forecasting',
  'projected',
  'projects',
  'predicts',
  'upcoming',
  'next',
  'takes effect',
  'take effect',
  'comes into force',
  'come into force',
  'goes on sale',
  'go on sale',
  'begins',
  'starts',
  'opens',
  'resumes',
  'meets',
  'convenes',
  'expires',
  'deadline',
  'pushed back to',
  'postponed to',
  'postponed until',
  'delayed to',
  'delayed until',
  'rescheduled for',
  'put off until',
  'targets',
  'tomorrow',
].map((cue) => cue.split(' '));

/** Past forms that do not end in -ed, and words that only look back. */
const PAST = new Set(
  (
    'was were had did said told made took gave came went saw got began rose fell grew sank won lost led met spoke wrote left ' +
    'held sold bought paid built sent spent kept brought thought found became ran stood struck swung slid shrank drew flew fled ' +
    'froze broke chose drove forgot hid knew rang rode shook shot slept sought stole stuck swore taught threw understood woke ' +
    'wore withdrew overtook lit felt heard meant dealt sat fought fallen risen grown taken given been done gone seen written ' +
    'spoken shown begun chosen driven known ago yesterday previously formerly earlier'
  ).split(' '),
);

/** Words ending in -ed that are not past verbs, or are adjectives in business copy. */
const NOT_PAST = new Set(
  'red bed wed shed hundred united limited based related detailed advanced interested listed so-called naked sacred wicked'.split(' '),
);

/** A word before an -ed form that makes it present ("is based", "are listed"), not past. */
const PRESENT_BEFORE = new Set(['is', 'are', 'be', 'being', 'am']);

/** Words and marks that start a new clause: the verb a date hangs on is in the date's own clause. */
const CLAUSE_WORDS = new Set(
  'as while whereas but although though because which who whom whose and or after before since when where if unless until that'.split(' '),
);
/** Clause words that start a clause hanging on another ("which was announced last year"), not the sentence's main one. */
const SUBORDINATE = new Set('as while whereas although though because which who whom whose after before since when where if unless until that'.split(' '));
const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '—', '–', '!', '?']);

const TOKEN = /[a-z0-9]+(?:['’][a-z]+)?|[,;:()—–!?]/g;
/** Words that lead into a date without being part of what the writer named. */
const LEADING = new Set(['the', 'in', 'on', 'at', 'during', 'over', 'of', 'a', 'an', 'for', 'by']);

function tokens(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).map((token) => token.replace(/['’]/g, ''));
}

/** Where the phrase's words stand in the sentence: [first, end) token indexes, or null when they are not there. */
function locate(words: string[], phrase: string[]): [number, number] | null {
  let core = phrase;
  while (core.length > 1 && LEADING.has(core[0] ?? '')) core = core.slice(1);
  if (core.length === 0) return null;
  outer: for (let i = 0; i + core.length <= words.length; i++) {
    for (let j = 0; j < core.length; j++) if (words[i + j] !== core[j]) continue outer;
    return [i, i + core.length];
  }
  return null;
}

/** The date's own words, [first, end) token indexes: a cue never shows them as its verb. */
type Span = readonly [number, number];

/** The cue that starts at `i`, as the words to show, or null. */
function cueAt(words: string[], i: number, date: Span): DirectionReading | null {
  const word = words[i] ?? '';
  if (word.endsWith('ll') && /^(?:i|you|he|she|it|we|they|that|there)ll$/.test(word)) return { direction: 'forward', cue: withNext(words, i, 1, date) };
  for (const cue of FORWARD) {
    if (cue[0] !== word) continue;
    const matches = cue.every((part, k) => (part === '!have' ? words[i + k] !== undefined && words[i + k] !== 'have' : words[i + k] === part));
    if (!matches) continue;
    const auxiliary = cue.length === 1 && ['will', 'shall', 'wont'].includes(word);
    const length = cue.at(-1) === '!have' ? cue.length - 1 : cue.length;
    return { direction: 'forward', cue: auxiliary || cue.at(-1) === 'to' || cue.at(-1) === '!have' ? withNext(words, i, length, date) : words.slice(i, i + length).join(' ') };
  }
  if (PAST.has(word)) return { direction: 'back', cue: word };
  if (word.length > 3 && word.endsWith('ed') && !word.endsWith('eed') && !NOT_PAST.has(word) && !PRESENT_BEFORE.has(words[i - 1] ?? '')) {
    return { direction: 'back', cue: word };
  }
  return null;
}

/** The cue's words and the verb after them ("will resume", "is set to start"), when there is one. */
function withNext(words: string[], i: number, length: number, date: Span): string {
  const at = i + length;
  const next = words[at];
  const shown = words.slice(i, at);
  if (next && /^[a-z]+$/.test(next) && !CLAUSE_WORDS.has(next) && (at < date[0] || at >= date[1])) shown.push(next);
  return shown.join(' ');
}

const isBoundary = (word: string): boolean => CLAUSE_MARKS.has(word) || CLAUSE_WORDS.has(word);

/** How many words lie between a clause and the date's clause. */
const distance = (clause: { start: number; end: number }, start: number, end: number): number =>
  clause.end <= start ? start - clause.end : clause.start - end;

/** The nearest cue scanning from `from` towards `to` (exclusive), stepping by `step`. */
function nearest(words: string[], from: number, to: number, step: 1 | -1, date: Span): DirectionReading | null {
  for (let i = from; step === 1 ? i < to : i > to; i += step) {
    const cue = cueAt(words, i, date);
    if (cue) return cue;
  }
  return null;
}

/** The clauses of a sentence as [start, end) token indexes, each marked when it hangs on another. */
function clausesOf(words: string[]): Array<{ start: number; end: number; subordinate: boolean }> {
  const clauses: Array<{ start: number; end: number; subordinate: boolean }> = [];
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    const word = words[i];
    if (i < words.length && !(word && isBoundary(word))) continue;
    if (i > start) clauses.push({ start, end: i, subordinate: SUBORDINATE.has(words[start - 1] ?? '') });
    start = i + 1;
  }
  return clauses;
}

/**
 * Which way a date named without its year points, from the sentence it stands in: forward when the verb
 * it hangs on looks forward ("talks will resume on Jan. 20", "is expected to close in the first quarter"),
 * back otherwise. The verb is looked for in the date's own clause first, nearest before the date, then
 * after it; then in the sentence's main clauses, nearest first, skipping clauses that hang on another
 * ("which was announced last year"); then anywhere. A sentence that does not hold the date's words is judged
 * by its first cue. With no cue at all a date points back, as wire copy mostly reports what has happened.
 * @example sentenceDirection('Talks will resume on Jan. 20.', 'Jan. 20') //=> { direction: 'forward', cue: 'will resume' }
 * @example sentenceDirection('Apple will be crucial as sales dipped in the holiday quarter.', 'the holiday quarter') //=> { direction: 'back', cue: 'dipped' }
 */
export function sentenceDirection(sentence: string, phrase: string): DirectionReading {
  const words = tokens(sentence.slice(0, SENTENCE_LIMIT));
  const at = locate(words, tokens(phrase));
  if (!at) return nearest(words, 0, words.length, 1, [0, 0]) ?? { direction: 'back' };
  const [first, end] = at;
  let clauseStart = first;
  while (clauseStart > 0 && !isBoundary(words[clauseStart - 1] ?? '')) clauseStart--;
  let clauseEnd = end;
  while (clauseEnd < words.length && !isBoundary(words[clauseEnd] ?? '')) clauseEnd++;
  const own = nearest(words, first - 1, clauseStart - 1, -1, at) ?? nearest(words, end, clauseEnd, 1, at);
  if (own) return own;
  const others = clausesOf(words).filter((clause) => clause.end <= clauseStart || clause.start >= clauseEnd);
  const byDistance = others.sort((a, b) => distance(a, clauseStart, clauseEnd) - distance(b, clauseStart, clauseEnd));
  for (const clause of byDistance.filter((c) => !c.subordinate)) {
    const cue = nearest(words, clause.start, clause.end, 1, at);
    if (cue) return cue;
  }
  return nearest(words, clauseStart - 1, -1, -1, at) ?? nearest(words, clauseEnd, words.length, 1, at) ?? { direction: 'back' };
}
