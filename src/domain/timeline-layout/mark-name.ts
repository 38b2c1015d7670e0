import type { Claim } from '../types.js';

/** Longest name printed beside a mark, in characters: a claim's short name is at most 40. */
const MAX_NAME_CHARS = 40;
/** A statement without a short name is cut to about this many characters, at a word. */
const CUT_STATEMENT_CHARS = 28;
/** Average advance of a character of the 12 px sans-serif the drawing uses; labels are placed by it. */
export const CHAR_PX = 6.6;

/**
 * What a mark is called beside it: the claim's short name, or its statement cut at a word.
 * @example markName({ statement: 'Apple passed on DeepSeek because the startup’s team lacked the manpower.' }) //=> 'Apple passed on DeepSeek…'
 */
export function markName(claim: Pick<Claim, 'statement' | 'shortName'>): string {
  if (claim.shortName) return claim.shortName.slice(0, MAX_NAME_CHARS);
  const statement = claim.statement.replace(/\s+/g, ' ').trim().replace(/[.!?]$/, '');
  if (statement.length <= CUT_STATEMENT_CHARS) return statement;
  const cut = statement.slice(0, CUT_STATEMENT_CHARS + 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > CUT_STATEMENT_CHARS / 2 ? cut.slice(0, atWord) : cut.slice(0, CUT_STATEMENT_CHARS)).replace(/[,;:–—-]+$/, '')}…`;
}

/** Width of a text in px, by the average character advance. */
export const textWidth = (text: string): number => text.length * CHAR_PX;

/**
 * A name shortened to fit a width, cut at a word where one ends in the second half.
 * @example fitName('Apple drops out of the top five', 100) //=> 'Apple drops out…'
 */
export function fitName(name: string, width: number): string {
  const chars = Math.floor(width / CHAR_PX);
  if (name.length <= chars) return name;
  if (chars <= 1) return '';
  const cut = name.slice(0, chars - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > chars / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
