import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/domain/text-fold.js';

describe('foldText', () => {
  const cases: Array<[string, string, string, string]> = [
    ['plain words', 'Apple picked Alibaba', 'Apple picked Alibaba', 'apple picked alibaba'],
    ['a run of spaces, tabs and line breaks', 'a \t\n\r\n b', 'a b', 'a b'],
    ['non-breaking and other Unicode spaces', 'a\u00a0b\u2009c\u3000d\ufeffe', 'a b c d e', 'a b c d e'],
    ['curly quotes and primes', '‘a’ “b” ‚c‛ „d‟ 5′ 6″', `'a' "b" 'c' "d" 5' 6"`, `'a' "b" 'c' "d" 5' 6"`],
    ['dashes and the minus sign', 'a‐b‑c‒d–e—f―g−h', 'a-b-c-d-e-f-g-h', 'a-b-c-d-e-f-g-h'],
    ['capitals beyond ASCII', 'ÀÉÎ ΣΩ ДОК', 'ÀÉÎ ΣΩ ДОК', 'àéî σω док'],
    ['a capital whose lower case takes two units', 'İstanbul', 'İstanbul', 'İstanbul'],
    ['letters outside the BMP', '𝐀 😀', '𝐀 😀', '𝐀 😀'],
  ];
  for (const [what, input, text, lower] of cases) {
    it(`when the text has ${what}, then it folds to “${text}” and “${lower}”`, () => {
      const folded = foldText(input);
      expect(folded.text).toBe(text);
      expect(folded.lower).toBe(lower);
      expect(folded.lower.length).toBe(folded.text.length);
    });
  }

  it('when whitespace runs are folded, then every folded character points back at the original characters it stands for', () => {
    const input = 'the Chinese\n  company’s';
    const folded = foldText(input);
    expect(folded.text).toBe("the Chinese company's");
    const at = folded.text.indexOf(' company');
    expect(input.slice(folded.starts[at], folded.ends[at])).toBe('\n  ');
    expect(input.slice(folded.starts[at + 1], folded.ends[folded.text.length - 1])).toBe('company’s');
  });
});
