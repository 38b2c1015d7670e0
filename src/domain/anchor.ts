import type { TextQuoteAnchor } from './types.js';

/** Characters of context kept each side of a quote: enough to tell repeated phrases apart, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;

/** The passage of a document that looks most like a quote that is not in it. Offsets index the original text. */
export interface ClosestPassage {
  passage: string;
  start: number;
  end: number;
  /** 0..1, two decimals: 1 − edit distance ÷ length (word overlap for quotes over 1000 characters). */
  similarity: number;
}

export type AnchorResult = { found: true; anchor: TextQuoteAnchor } | { found: false; closest?: ClosestPassage };

/** A run of document text and the claims quoting all of it (empty when none does). */
export interface HighlightSegment {
  text: string;
  claimIds: string[];
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Typographic variants that writers and pasting tools swap freely; a quote copied from a CMS or typed by hand
 * should not fail over ’ versus '.
 */
const EQUIVALENTS = new Map<string, string>([
  ...[...'‘’‚‛′'].map((c): [string, string] => [c, "'"]),
  ...[...'“”„‟″'].map((c): [string, string] => [c, '"']),
  ...[...'‐‑‒–—―−'].map((c): [string, string] => [c, '-']),
]);

const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Above this the character-level refinement would cost too much (it is quadratic), so words alone decide. */
const MAX_REFINED_QUOTE = 1000;

/**
 * Text with whitespace runs collapsed to one space and typographic variants unified, remembering for every
 * folded character which original characters it stands for, so a match can be reported in original offsets.
 */
interface Folded {
  text: string;
  starts: number[];
  ends: number[];
}

function fold(text: string, lowerCase: boolean): Folded {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      let j = i + 1;
      while (j < text.length && SPACE.test(text[j]!)) j++;
      chars.push(' ');
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    let folded = EQUIVALENTS.get(ch) ?? ch;
    if (lowerCase) {
      const lower = folded.toLowerCase();
      // Some capitals lower to two code units (İ); keeping them as they are keeps offsets one-to-one.
      if (lower.length === 1) folded = lower;
    }
    chars.push(folded);
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  return { text: chars.join(''), starts, ends };
}

function exactOccurrences(text: string, needle: string): TextRange[] {
  const hits: TextRange[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    hits.push({ start: at, end: at + needle.length });
  }
  return hits;
}

function forgivingOccurrences(text: string, needle: string): TextRange[] {
  const doc = fold(text, false);
  const wanted = fold(needle.trim(), false).text;
  if (wanted === '') return [];
  const hits: TextRange[] = [];
  for (let at = doc.text.indexOf(wanted); at !== -1; at = doc.text.indexOf(wanted, at + 1)) {
    hits.push({ start: doc.starts[at]!, end: doc.ends[at + wanted.length - 1]! });
  }
  return hits;
}

function anchorAt(text: string, range: TextRange): TextQuoteAnchor {
  return {
    exact: text.slice(range.start, range.end),
    prefix: text.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.start),
    suffix: text.slice(range.end, range.end + CONTEXT_LENGTH),
    start: range.start,
    end: range.end,
  };
}

/**
 * Finds a quote in a document's text and describes where, as a W3C Web Annotation TextQuoteSelector with offsets.
 * An exact match wins; otherwise whitespace runs, curly and straight quotes, and dashes are treated as equal,
 * and `exact` is the passage as the document spells it. The first occurrence is taken: prefix and suffix tell
 * repeats apart later. When the quote is not there, `closest` is the passage most like it.
 *
 * @example
 * anchorQuote('But the Chinese company’s progress fell short', "the Chinese company's progress")
 * //=> { found: true, anchor: { exact: 'the Chinese company’s progress', prefix: 'But ', suffix: ' fell short', start: 4, end: 34 } }
 */
export function anchorQuote(text: string, quote: string): AnchorResult {
  const wanted = quote.trim();
  if (wanted === '' || text === '') return { found: false };
  const exactAt = text.indexOf(wanted);
  if (exactAt !== -1) return { found: true, anchor: anchorAt(text, { start: exactAt, end: exactAt + wanted.length }) };
  const [forgiving] = forgivingOccurrences(text, wanted);
  if (forgiving) return { found: true, anchor: anchorAt(text, forgiving) };
  const closest = closestPassage(text, wanted);
  return closest ? { found: false, closest } : { found: false };
}

/** Length of the longest common ending of `a` and `b`. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the longest common beginning of `a` and `b`. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The hit whose surroundings look most like the stored prefix and suffix; ties go to the one nearest its old place. */
function bestInContext(text: string, hits: TextRange[], anchor: TextQuoteAnchor): TextRange | null {
  let best: TextRange | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const hit of hits) {
    const before = text.slice(Math.max(0, hit.start - anchor.prefix.length), hit.start);
    const after = text.slice(hit.end, hit.end + anchor.suffix.length);
    const score = sharedEnd(before, anchor.prefix) + sharedStart(after, anchor.suffix);
    const distance = Math.abs(hit.start - anchor.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = hit;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Finds an anchored quote again in a text that may have changed since: at its stored offsets if the text there
 * is unchanged, else the occurrence whose surroundings best match the stored prefix and suffix (nearest the old
 * offsets on a tie), else the same with whitespace, quote marks and dashes forgiven. `null` when it is gone.
 *
 * @example
 * reanchor('NEW: Apple picked Alibaba.', { exact: 'Alibaba', prefix: 'Apple picked ', suffix: '.', start: 13, end: 20 })
 * //=> { start: 18, end: 25 }
 */
export function reanchor(text: string, anchor: TextQuoteAnchor): TextRange | null {
  if (anchor.exact === '') return null;
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return { start: anchor.start, end: anchor.end };
  const exact = exactOccurrences(text, anchor.exact);
  return bestInContext(text, exact.length > 0 ? exact : forgivingOccurrences(text, anchor.exact), anchor);
}

/**
 * Cuts a document's text into consecutive segments, each listing the claims whose quote covers it, so a view can
 * wrap quoted segments in links without the domain writing HTML. Joined, the segments give the text back.
 * Anchors that no longer resolve are left out; overlapping quotes give segments that list every claim covering them.
 *
 * @example
 * highlightSegments('Apple picked Alibaba.', [{ claimId: 'c1', anchor: { exact: 'Alibaba', prefix: 'Apple picked ', suffix: '.', start: 13, end: 20 } }])
 * //=> [{ text: 'Apple picked ', claimIds: [] }, { text: 'Alibaba', claimIds: ['c1'] }, { text: '.', claimIds: [] }]
 */
export function highlightSegments(
  text: string,
  anchors: Array<{ anchor: TextQuoteAnchor; claimId: string }>,
): HighlightSegment[] {
  const marks = anchors.flatMap(({ anchor, claimId }) => {
    const range = reanchor(text, anchor);
    return range ? [{ ...range, claimId }] : [];
  });
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const claimIds = [...new Set(marks.filter((m) => m.start <= from && m.end >= to).map((m) => m.claimId))];
    const previous = segments.at(-1);
    if (previous && sameIds(previous.claimIds, claimIds)) {
      previous.text += text.slice(from, to);
    } else {
      segments.push({ text: text.slice(from, to), claimIds });
    }
  }
  return segments;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokenize(folded: string): Token[] {
  return [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function pairsOf(words: string[]): string[] {
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/** Counts how much of a wanted bag of keys a sliding window holds, updated one key at a time. */
class WindowOverlap {
  private readonly held = new Map<string, number>();
  overlap = 0;

  constructor(private readonly wanted: Map<string, number>) {}

  add(key: string): void {
    const held = this.held.get(key) ?? 0;
    if (held < (this.wanted.get(key) ?? 0)) this.overlap++;
    this.held.set(key, held + 1);
  }

  remove(key: string): void {
    const held = (this.held.get(key) ?? 0) - 1;
    this.held.set(key, held);
    if (held < (this.wanted.get(key) ?? 0)) this.overlap--;
  }
}

/**
 * The run of as many document words as the quote has that shares most words and word pairs with it (pairs reward
 * the same order). Linear in the document, so long texts stay fast; `null` when no word is shared.
 */
function bestWindow(doc: Token[], quoteWords: string[]): { first: number; last: number } | null {
  const width = Math.min(quoteWords.length, doc.length);
  if (width === 0) return null;
  const words = new WindowOverlap(tally(quoteWords));
  const pairs = new WindowOverlap(tally(pairsOf(quoteWords)));
  let best: { first: number; last: number } | null = null;
  let bestScore = 0;
  for (let last = 0; last < doc.length; last++) {
    words.add(doc[last]!.word);
    if (width > 1 && last > 0) pairs.add(`${doc[last - 1]!.word} ${doc[last]!.word}`);
    const leaving = last - width;
    if (leaving >= 0) {
      words.remove(doc[leaving]!.word);
      if (width > 1) pairs.remove(`${doc[leaving]!.word} ${doc[leaving + 1]!.word}`);
    }
    if (last < width - 1) continue;
    const score = words.overlap + pairs.overlap;
    if (score > bestScore) {
      bestScore = score;
      best = { first: last - width + 1, last };
    }
  }
  return best;
}

/**
 * Where in `text` a substring most cheaply edits into `pattern` ends (semi-global edit distance: the substring may
 * start and end anywhere). Ties go to the earliest end, so the shortest passage wins.
 */
function bestAlignmentEnd(pattern: string, text: string): number {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let bestEnd = 0;
  let bestCost = column[pattern.length]!;
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const substitution = column[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      next.push(Math.min(substitution, column[i]! + 1, next[i - 1]! + 1));
    }
    column = next;
    if (column[pattern.length]! < bestCost) {
      bestCost = column[pattern.length]!;
      bestEnd = j;
    }
  }
  return bestEnd;
}

/** Reversed by UTF-16 code unit, not code point, so offsets stay those of `slice`. */
function reversed(s: string): string {
  return s.split('').reverse().join('');
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return row[b.length]!;
}

function dice(a: string[], b: string[]): number {
  const wanted = tally(a);
  let shared = 0;
  for (const word of b) {
    const left = wanted.get(word) ?? 0;
    if (left > 0) {
      shared++;
      wanted.set(word, left - 1);
    }
  }
  return a.length + b.length === 0 ? 0 : (2 * shared) / (a.length + b.length);
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch);

/**
 * Words find the region cheaply; a character-level alignment inside it then finds where the passage really
 * starts and ends, so a typo or a reworded verb still lines up.
 */
function closestPassage(text: string, quote: string): ClosestPassage | null {
  const doc = fold(text, true);
  const wanted = fold(quote, true).text;
  const quoteWords = tokenize(wanted).map((t) => t.word);
  const docTokens = tokenize(doc.text);
  const window = bestWindow(docTokens, quoteWords);
  if (!window) return null;

  let start = docTokens[window.first]!.start;
  let end = docTokens[window.last]!.end;
  let similarity: number;
  if (wanted.length <= MAX_REFINED_QUOTE) {
    const slack = Math.ceil(wanted.length / 2);
    const regionStart = Math.max(0, start - slack);
    const region = doc.text.slice(regionStart, Math.min(doc.text.length, end + slack));
    const regionEnd = bestAlignmentEnd(wanted, region);
    const regionBegin = regionEnd - bestAlignmentEnd(reversed(wanted), reversed(region.slice(0, regionEnd)));
    start = regionStart + regionBegin;
    end = regionStart + regionEnd;
    while (start > 0 && isWordChar(doc.text[start - 1]) && isWordChar(doc.text[start])) start--;
    while (end < doc.text.length && isWordChar(doc.text[end - 1]) && isWordChar(doc.text[end])) end++;
    while (start < end && doc.text[start] === ' ') start++;
    while (end > start && doc.text[end - 1] === ' ') end--;
    if (start === end) return null;
    const passage = doc.text.slice(start, end);
    similarity = 1 - editDistance(wanted, passage) / Math.max(wanted.length, passage.length);
  } else {
    similarity = dice(quoteWords, tokenize(doc.text.slice(start, end)).map((t) => t.word));
  }
  const originalStart = doc.starts[start]!;
  const originalEnd = doc.ends[end - 1]!;
  return {
    passage: text.slice(originalStart, originalEnd),
    start: originalStart,
    end: originalEnd,
    similarity: Math.round(similarity * 100) / 100,
  };
}
