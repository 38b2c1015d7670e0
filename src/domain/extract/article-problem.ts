/** Beyond this the text is not one article, and reading it would hold a worker for seconds. */
export const MAX_ARTICLE_LENGTH = 150_000;

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+/u;
const MIN_SENTENCE_WORDS = 4;
const MIN_SENTENCES = 2;

/**
 * Why a text cannot be read as an article, or `null` when it can: it is empty, far too long, or has no running
 * sentences (a list of links, a menu, code, a table of numbers).
 * @example articleProblem('') //=> 'The text is empty: paste the article, or upload the page it is on.'
 * @example articleProblem('Apple chose Alibaba, the report said. Shares rose 3% on the news.') //=> null
 */
export function articleProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'The text is empty: paste the article, or upload the page it is on.';
  if (text.length > MAX_ARTICLE_LENGTH) {
    return `The text has ${text.length.toLocaleString('en-GB')} characters; one article has at most ${MAX_ARTICLE_LENGTH.toLocaleString('en-GB')}. Paste the story alone.`;
  }
  const sentences = trimmed
    .split(/\n+/)
    .flatMap((line) => line.split(SENTENCE_END))
    .filter((piece) => /[.!?]["”’)]?$/u.test(piece.trim()) && (piece.match(/\p{L}{2,}/gu)?.length ?? 0) >= MIN_SENTENCE_WORDS);
  if (sentences.length < MIN_SENTENCES) {
    return `This does not read as an article: it has ${sentences.length === 0 ? 'no sentence' : 'only one sentence'} of running text. Paste the story itself, not a list of links or a page's menu.`;
  }
  return null;
}
