import { describe, expect, it } from 'vitest';
import { closestPassage } from '../../src/domain/closest-passage.js';
import { foldText } from '../../src/domain/text-fold.js';

function closest(text: string, quote: string) {
  return closestPassage(text, foldText(text), foldText(quote).lower);
}

describe('closestPassage', () => {
  it('when a word of the quote is misspelt, then the passage is the words it misspells, in the text’s spelling', () => {
    expect(closest('But the startup’s team lacked the manpower and experience.', 'team lacked the manpowr')).toMatchObject({
      passage: 'team lacked the manpower',
      start: 18,
      end: 42,
      similarity: 0.96,
    });
  });

  it('when the quote shares no word with the text, then there is no passage', () => {
    expect(closest('Apple picked Alibaba.', 'zyxw qvbn')).toBeNull();
  });

  const hostile: Array<[string, string, string]> = [
    ['one shared word and then a 199,998-character word', `x ${'a'.repeat(199_998)}`, `x ${'b'.repeat(997)}`],
    ['two shared words 199,996 characters apart', `x ${'-'.repeat(199_996)} y`, `x y ${'b'.repeat(995)}`],
    ['one two-letter word 66,000 times', 'ab '.repeat(66_000), `${'ab '.repeat(300)}abc`],
    ['100,000 one-letter words', Array.from({ length: 100_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join(' '), 'q '.repeat(499)],
  ];
  for (const [what, text, quote] of hostile) {
    it(`when the document is ${what}, then the passage is a stretch of the text no longer than about three quotes`, () => {
      const found = closest(text, quote);
      expect(found).not.toBeNull();
      expect(text.slice(found!.start, found!.end)).toBe(found!.passage);
      expect(found!.passage.length).toBeLessThanOrEqual(3 * quote.length);
      expect(found!.similarity).toBeGreaterThanOrEqual(0);
      expect(found!.similarity).toBeLessThanOrEqual(1);
    });
  }
});
