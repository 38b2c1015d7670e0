import { describe, expect, it } from 'vitest';
import { storyOrder, type OrderedClaim } from '../../../src/domain/extract/story-order.js';

const claim = (sentence: number, over: Partial<OrderedClaim> = {}): OrderedClaim => ({ sentence, join: 'first', cue: null, paragraphRank: 0, ...over });

describe('storyOrder', () => {
  it.each<[string, OrderedClaim[], ReturnType<typeof storyOrder>]>([
    ['"After that" follows the claim before', [claim(0), claim(1, { cue: { kind: 'follows', quote: 'After that' } })], [{ from: 1, relation: 'after', to: 0, quote: 'After that' }]],
    ['"initially" comes before the next claim', [claim(0, { cue: { kind: 'opens', quote: 'initially' } }), claim(1)], [{ from: 0, relation: 'before', to: 1, quote: 'initially' }]],
    ['"Before that" comes before the claim before', [claim(0), claim(1, { cue: { kind: 'precedes', quote: 'Before that' } })], [{ from: 1, relation: 'before', to: 0, quote: 'Before that' }]],
    ['"At the same time" goes with the claim before', [claim(0), claim(1, { cue: { kind: 'same-time', quote: 'At the same time' } })], [{ from: 1, relation: 'same-time', to: 0, quote: 'At the same time' }]],
    ['", before recovering" orders two clauses of a sentence', [claim(0), claim(0, { join: 'before', joinCue: 'before recovering' })], [{ from: 0, relation: 'before', to: 1, quote: 'before recovering' }]],
    ['", a day after X reported" puts the first clause after the report', [claim(0), claim(0, { join: 'reported', joinCue: 'a day after' })], [{ from: 0, relation: 'after', to: 1, quote: 'a day after' }]],
    ['"initially" then "later" orders the pair once', [claim(0, { cue: { kind: 'opens', quote: 'initially' } }), claim(1, { cue: { kind: 'follows', quote: 'later' } })], [{ from: 0, relation: 'before', to: 1, quote: 'initially' }]],
    ['a cue reaches no further than the next paragraph', [claim(0, { paragraphRank: 0 }), claim(1, { paragraphRank: 3, cue: { kind: 'follows', quote: 'Ultimately' } })], []],
    ['"initially" does not reach into the next paragraph unless that claim says it came later', [claim(0, { cue: { kind: 'opens', quote: 'initially' } }), claim(1, { paragraphRank: 1 })], []],
  ])('when %s, then the relation says so', (_name, claims, expected) => {
    expect(storyOrder(claims)).toEqual(expected);
  });
});
