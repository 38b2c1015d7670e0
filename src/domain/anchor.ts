import { closestPassage, type ClosestPassage } from './closest-passage.js';
import { foldText, type FoldedText } from './text-fold.js';
import type { TextQuoteAnchor } from './types.js';

/** Characters of context kept each side of a quote: enough to tell repeated phrases apart, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;

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

function exactOccurrences(text: string, needle: string): TextRange[] {
  const hits: TextRange[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    hits.push({ start: at, end: at + needle.length });
  }
  return hits;
}

function forgivingOccurrences(text: string, needle: string, doc: FoldedText = foldText(text)): TextRange[] {
  const wanted = foldText(needle.trim()).text;
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
  const doc = foldText(text);
  const [forgiving] = forgivingOccurrences(text, wanted, doc);
  if (forgiving) return { found: true, anchor: anchorAt(text, forgiving) };
  const closest = closestPassage(text, doc, foldText(wanted).lower);
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
