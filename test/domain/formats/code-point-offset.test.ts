import { describe, expect, it } from 'vitest';
import { codePointOffset } from '../../../src/domain/formats/code-point-offset.js';

describe('codePointOffset', () => {
  it.each([
    ['plain text counts as it is', 'Apple chose Alibaba', 6, 6],
    ['an emoji before the position counts once', '🚀 Apple', 3, 2],
    ['two emoji count twice, not four times', '🚀🚀 Apple', 5, 3],
    ['letters with accents in one code point count once', 'Zürich Ltd', 6, 6],
    ['a position inside an emoji counts the emoji as before it', '🚀x', 1, 1],
    ['the end of the text is the number of characters', 'a🚀b', 4, 3],
    ['a lone surrogate counts as one character', '\uD800a', 2, 2],
    ['a position past the end stops at the end', 'ab', 9, 2],
  ])('when %s, then the offset is right', (_case, text, index, expected) => {
    expect(codePointOffset(text, index)).toBe(expected);
  });
});
