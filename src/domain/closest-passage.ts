import { bestAlignmentEnd, editDistance } from './edit-distance.js';
import type { FoldedText } from './text-fold.js';

/** The passage of a document that looks most like a quote that is not in it. Offsets index the original text. */
export interface ClosestPassage {
  passage: string;
  start: number;
  end: number;
  /** 0..1, two decimals: 1 − edit distance ÷ length (word overlap for quotes over 1000 characters). */
  similarity: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Above this the character-level refinement would cost too much (it is quadratic), so words alone decide. */
const MAX_REFINED_QUOTE = 1000;

/**
 * The most text the character-level refinement looks at, in quote lengths. The words' window is about one quote
 * long in real prose, plus half a quote of slack each side; a window far longer (one 200,000-character "word", or
 * two shared words far apart) is cut here, so the refinement costs at most a few quote lengths squared whatever
 * the document, and a refused quote is answered in milliseconds.
 */
const MAX_REGION_QUOTES = 3;

/** The words of a text as offsets: word `i` is `text.slice(starts[i], ends[i])`. No object per word, so a long text makes little garbage. */
interface Words {
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** Whether each BMP code point is a letter or digit, filled in as they are met: 0 not yet known, 1 yes, 2 no. */
const wordTable = new Uint8Array(0x10000);
const astralWords = new Map<number, boolean>();

/** Whether a code point is a letter or a digit (`[\p{L}\p{N}]`), by table for ASCII and remembered for the rest. */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code > 0xffff) {
    let word = astralWords.get(code);
    if (word === undefined) astralWords.set(code, (word = WORD_CHAR.test(String.fromCodePoint(code))));
    return word;
  }
  if (wordTable[code] === 0) wordTable[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return wordTable[code] === 1;
}

/** The runs of letters and digits of a text, as `/[\p{L}\p{N}]+/gu` finds them, in one pass over its code points. */
function wordsOf(text: string): Words {
  const starts = new Int32Array(Math.ceil(text.length / 2));
  const ends = new Int32Array(starts.length);
  let count = 0;
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    if (isWordCode(code)) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      starts[count] = start;
      ends[count++] = i;
      start = -1;
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (start !== -1) {
    starts[count] = start;
    ends[count++] = text.length;
  }
  return { text, count, starts, ends };
}

function wordList(words: Words): string[] {
  return Array.from({ length: words.count }, (_, i) => words.text.slice(words.starts[i], words.ends[i]));
}

function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Counts how much of a wanted bag of keys a sliding window holds, updated one key at a time. Keys are small
 * numbers (1…n; 0 for a key nobody wants), so the counts are arrays rather than maps.
 */
class WindowOverlap {
  private readonly held: Int32Array;
  overlap = 0;

  constructor(private readonly wanted: Int32Array) {
    this.held = new Int32Array(wanted.length);
  }

  add(key: number): void {
    if (key === 0) return;
    if (this.held[key]! < this.wanted[key]!) this.overlap++;
    this.held[key]! += 1;
  }

  remove(key: number): void {
    if (key === 0) return;
    this.held[key]! -= 1;
    if (this.held[key]! < this.wanted[key]!) this.overlap--;
  }
}

/** Numbers for distinct keys, from 1 in order of first appearance, and how often each is wanted. */
function numbered<K>(keys: K[]): { ids: Map<K, number>; counts: Int32Array } {
  const ids = new Map<K, number>();
  for (const key of keys) if (!ids.has(key)) ids.set(key, ids.size + 1);
  const counts = new Int32Array(ids.size + 1);
  for (const key of keys) counts[ids.get(key)!]! += 1;
  return { ids, counts };
}

/**
 * The run of as many document words as the quote has that shares most words and word pairs with it (pairs reward
 * the same order). Linear in the document, so long texts stay fast; `null` when no word is shared.
 */
function bestWindow(doc: Words, quoteWords: string[]): { first: number; last: number } | null {
  const width = Math.min(quoteWords.length, doc.count);
  if (width === 0) return null;
  const wantedWords = numbered(quoteWords);
  const base = wantedWords.counts.length;
  const quoteIds = quoteWords.map((word) => wantedWords.ids.get(word)!);
  const wantedPairs = numbered(quoteIds.slice(1).map((id, i) => quoteIds[i]! * base + id));
  const docIds = new Int32Array(doc.count);
  for (let i = 0; i < doc.count; i++) docIds[i] = wantedWords.ids.get(doc.text.slice(doc.starts[i], doc.ends[i])) ?? 0;
  const words = new WindowOverlap(wantedWords.counts);
  const pairs = new WindowOverlap(wantedPairs.counts);
  // Only a pair of two wanted words can be a wanted pair.
  const pairAt = (first: number) => {
    const a = docIds[first]!;
    const b = docIds[first + 1]!;
    return a && b ? (wantedPairs.ids.get(a * base + b) ?? 0) : 0;
  };
  let best: { first: number; last: number } | null = null;
  let bestScore = 0;
  for (let last = 0; last < doc.count; last++) {
    words.add(docIds[last]!);
    if (width > 1 && last > 0) pairs.add(pairAt(last - 1));
    const leaving = last - width;
    if (leaving >= 0) {
      words.remove(docIds[leaving]!);
      if (width > 1) pairs.remove(pairAt(leaving));
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

/** Reversed by UTF-16 code unit, not code point, so offsets stay those of `slice`. */
function reversed(s: string): string {
  return s.split('').reverse().join('');
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
 * The passage of a folded document most like a folded, lower-cased quote, or null when they share no word. Words
 * find the region cheaply; a character-level alignment inside it then finds where the passage really starts and
 * ends, so a typo or a reworded verb still lines up. The work is linear in the document and bounded by the quote's
 * length squared, whatever either holds.
 * @example closestPassage(foldText('the startup’s team lacked the manpower'), "team lacked manpowr").passage //=> 'team lacked the manpower'
 */
export function closestPassage(original: string, doc: FoldedText, wanted: string): ClosestPassage | null {
  const quoteWords = wordList(wordsOf(wanted));
  const docWords = wordsOf(doc.lower);
  const window = bestWindow(docWords, quoteWords);
  if (!window) return null;

  let start = docWords.starts[window.first]!;
  let end = docWords.ends[window.last]!;
  let similarity: number;
  if (wanted.length <= MAX_REFINED_QUOTE) {
    const slack = Math.ceil(wanted.length / 2);
    const regionStart = Math.max(0, start - slack);
    const regionEnd = Math.min(doc.lower.length, end + slack, regionStart + MAX_REGION_QUOTES * Math.max(wanted.length, 1));
    const region = doc.lower.slice(regionStart, regionEnd);
    const { end: alignedEnd } = bestAlignmentEnd(wanted, region);
    const alignedStart = alignedEnd - bestAlignmentEnd(reversed(wanted), reversed(region.slice(0, alignedEnd))).end;
    start = regionStart + alignedStart;
    end = regionStart + alignedEnd;
    // Whole words, within the region: a giant "word" would otherwise stretch the hint (and its distance) without end.
    while (start > regionStart && isWordChar(doc.lower[start - 1]) && isWordChar(doc.lower[start])) start--;
    while (end < regionEnd && isWordChar(doc.lower[end - 1]) && isWordChar(doc.lower[end])) end++;
    while (start < end && doc.lower[start] === ' ') start++;
    while (end > start && doc.lower[end - 1] === ' ') end--;
    if (start === end) return null;
    const passage = doc.lower.slice(start, end);
    similarity = 1 - editDistance(wanted, passage) / Math.max(wanted.length, passage.length);
  } else {
    end = Math.min(end, start + MAX_REGION_QUOTES * wanted.length);
    similarity = dice(quoteWords, wordList(wordsOf(doc.lower.slice(start, end))));
  }
  const originalStart = doc.starts[start]!;
  const originalEnd = doc.ends[end - 1]!;
  return {
    passage: original.slice(originalStart, originalEnd),
    start: originalStart,
    end: originalEnd,
    similarity: Math.round(similarity * 100) / 100,
  };
}
