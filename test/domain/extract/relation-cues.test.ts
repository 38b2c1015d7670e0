import { describe, expect, it } from 'vitest';
import { opensWithContrast, sequenceCue } from '../../../src/domain/extract/relation-cues.js';

describe('sequenceCue', () => {
  it.each([
    ['After that, Apple considered models developed by Tencent', { kind: 'follows', quote: 'After that' }],
    ['Ultimately, Apple decided to go with Alibaba', { kind: 'follows', quote: 'Ultimately' }],
    ['But eventually the talks collapsed', { kind: 'follows', quote: 'eventually' }],
    ['The company later pushed the start to 2027', { kind: 'follows', quote: 'later' }],
    ['Before that, Kestrel had courted a foreign buyer', { kind: 'precedes', quote: 'Before that' }],
    ['At the same time, Brightline cut prices', { kind: 'same-time', quote: 'At the same time' }],
    ['had initially selected Baidu as its main partner', { kind: 'opens', quote: 'initially' }],
    ['Lumen originally favoured a sale', { kind: 'opens', quote: 'originally' }],
    ['Apple considered models developed by Tencent', null],
    ['it plans to seek approval later this year', null],
    ['The first quarter was weak', null],
  ])('when a clause reads “%s”, then its cue is %j', (clause, expected) => {
    expect(sequenceCue(clause)).toEqual(expected);
  });
});

describe('opensWithContrast', () => {
  it.each([
    ['But the Chinese company’s progress fell short', true],
    ['However, the plan changed', true],
    ['Apple chose Alibaba', false],
  ])('when a clause reads “%s”, then it opens with a contrast: %s', (clause, expected) => {
    expect(opensWithContrast(clause)).toBe(expected);
  });
});
