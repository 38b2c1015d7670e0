import nlp from 'compromise';

/** A word as compromise tagged it, with offsets into the article text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** compromise's tags: `ProperNoun`, `Organization`, `Person`, `Place`, `Verb`, `PastTense`, `Gerund`… */
  tags: ReadonlySet<string>;
  /** Punctuation and spaces printed after the word (`", "`, `".” "`). */
  post: string;
}

/** A sentence of the article: offsets into the article text, and its words. */
export interface Sentence {
  /** Position among the article's sentences. */
  index: number;
  /** Position of its paragraph among the article's paragraphs. */
  paragraph: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

interface OffsetTerm {
  text: string;
  pre: string;
  post: string;
  tags?: Set<string>;
  offset?: { start: number; length: number };
}

/**
 * Paragraph starts: a line break ends a paragraph, except inside a hard-wrapped one (the line runs on without
 * closing punctuation and the next begins in lower case).
 */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\n[ \t\r]*/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    const after = text[match.index + match[0].length] ?? '';
    const wrapped = /[\p{L}\p{N},]/u.test(before) && /\p{Ll}/u.test(after);
    if (!wrapped) starts.push(match.index + match[0].length);
  }
  return starts;
}

function paragraphOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

const TAGGING = ['lexicon', 'index', 'preTagger', 'contractionTwo', 'postTagger', 'offset'];
const QUOTE_THEN_SENTENCE = /^[.!?]["”’]\s+$/u;
const OPENING = /[“"‘'(\[]+$/u;
const CLOSING = /^[.!?;:,”"’')\]…]*/u;

/**
 * Cuts an article into sentences with compromise (one pass over the whole text, which is several times faster than
 * one per paragraph), keeping each word's tags and offsets. A sentence never runs across a paragraph break.
 * @example segment('Apple said so.\n\nIt did.').map((s) => [s.text, s.paragraph]) //=> [['Apple said so.', 0], ['It did.', 1]]
 */
export function segment(text: string): Sentence[] {
  const starts = paragraphStarts(text);
  // Tagging without compromise's chunker and typeahead, which nothing here reads: about half of a full parse.
  const view = nlp.tokenize(text);
  view.compute(TAGGING);
  const sentences: Sentence[] = [];
  for (const terms of view.docs as unknown as OffsetTerm[][]) {
    let current: Token[] = [];
    let paragraph = -1;
    const flush = () => {
      const first = current[0];
      const last = current.at(-1);
      if (!first || !last) return;
      const start = first.start - (OPENING.exec(text.slice(Math.max(0, first.start - 3), first.start))?.[0].length ?? 0);
      const end = last.end + (CLOSING.exec(last.post)?.[0].length ?? 0);
      sentences.push({ index: sentences.length, paragraph, start, end, text: text.slice(start, end), tokens: current });
      current = [];
    };
    for (const term of terms) {
      if (!term.offset || term.offset.length === 0) continue;
      const token: Token = {
        text: text.slice(term.offset.start, term.offset.start + term.offset.length),
        start: term.offset.start,
        end: term.offset.start + term.offset.length,
        tags: term.tags ?? new Set(),
        post: term.post,
      };
      const at = paragraphOf(starts, token.start);
      // compromise runs on past a quotation that closes a sentence: “… within three years.” She added …
      const closedQuote = QUOTE_THEN_SENTENCE.test(current.at(-1)?.post ?? '') && /^\p{Lu}/u.test(token.text);
      if (at !== paragraph || closedQuote) {
        flush();
        paragraph = at;
      }
      current.push(token);
    }
    flush();
  }
  return sentences;
}
