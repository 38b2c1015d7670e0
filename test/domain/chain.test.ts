import { describe, expect, it } from 'vitest';
import { chainLinks, describeChain } from '../../src/domain/chain.js';
import type { Attribution } from '../../src/domain/types.js';

const NAMES: Record<string, string> = {
  'the-information': 'The Information',
  reuters: 'Reuters',
  'asia-financial': 'Asia Financial',
  bloomberg: 'Bloomberg',
  apple: 'Apple',
};
const nameOf = (sourceId: string): string => NAMES[sourceId] ?? sourceId;

describe('describeChain', () => {
  it('when a claim has no attribution, then the chain is empty', () => {
    expect(describeChain([], nameOf)).toBe('');
  });

  it('when a claim has one origin, then the chain is that source and its verb', () => {
    const attributions: Attribution[] = [{ sourceId: 'apple', role: 'origin', verb: 'announced' }];

    expect(describeChain(attributions, nameOf)).toBe('Apple announced');
  });

  it('when the origin was relayed, then the chain reads origin → relay', () => {
    const attributions: Attribution[] = [
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
      { sourceId: 'the-information', role: 'origin', verb: 'reported' },
    ];

    expect(describeChain(attributions, nameOf)).toBe('The Information reported → Reuters relayed');
  });

  it('when the seeded chain has a publisher that edited the story, then the note follows it in parentheses', () => {
    const attributions: Attribution[] = [
      { sourceId: 'asia-financial', role: 'publisher', verb: 'published', note: 'with additional editing' },
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
      { sourceId: 'the-information', role: 'origin', verb: 'reported' },
    ];

    expect(describeChain(attributions, nameOf)).toBe(
      'The Information reported → Reuters relayed → Asia Financial published (with additional editing)',
    );
  });

  it('when there are four links with two relays, then the relays keep their stored order', () => {
    const attributions: Attribution[] = [
      { sourceId: 'the-information', role: 'origin', verb: 'reported' },
      { sourceId: 'bloomberg', role: 'relay', verb: 'cited' },
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
      { sourceId: 'asia-financial', role: 'publisher', verb: 'published' },
    ];

    expect(describeChain(attributions, nameOf)).toBe(
      'The Information reported → Bloomberg cited → Reuters relayed → Asia Financial published',
    );
  });

  it('when a verb is blank, then the role’s usual verb is used', () => {
    const attributions: Attribution[] = [
      { sourceId: 'apple', role: 'origin', verb: '' },
      { sourceId: 'reuters', role: 'relay', verb: ' ' },
      { sourceId: 'asia-financial', role: 'publisher', verb: '' },
    ];

    expect(describeChain(attributions, nameOf)).toBe('Apple said → Reuters relayed → Asia Financial published');
  });

  it('when a source is unknown to nameOf, then whatever nameOf gives is shown', () => {
    const attributions: Attribution[] = [{ sourceId: 'mystery-blog', role: 'origin', verb: 'claimed' }];

    expect(describeChain(attributions, nameOf)).toBe('mystery-blog claimed');
  });
});

describe('chainLinks', () => {
  it('when a view links each name, then it gets the ordered links with ids, roles, verbs and notes', () => {
    const attributions: Attribution[] = [
      { sourceId: 'asia-financial', role: 'publisher', verb: 'published', note: ' with additional editing ' },
      { sourceId: 'the-information', role: 'origin', verb: 'reported', quote: 'Apple decided to go with Alibaba' },
      { sourceId: 'reuters', role: 'relay', verb: '', note: '' },
    ];

    expect(chainLinks(attributions, nameOf)).toEqual([
      { sourceId: 'the-information', name: 'The Information', role: 'origin', verb: 'reported' },
      { sourceId: 'reuters', name: 'Reuters', role: 'relay', verb: 'relayed' },
      {
        sourceId: 'asia-financial',
        name: 'Asia Financial',
        role: 'publisher',
        verb: 'published',
        note: 'with additional editing',
      },
    ]);
  });

  it('when links are built, then the stored attributions are left in their order', () => {
    const attributions: Attribution[] = [
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
      { sourceId: 'the-information', role: 'origin', verb: 'reported' },
    ];

    chainLinks(attributions, nameOf);

    expect(attributions.map((a) => a.sourceId)).toEqual(['reuters', 'the-information']);
  });
});

describe('prepositional verbs', () => {
  it('puts “according to” before the source’s name', () => {
    const line = describeChain(
      [
        { sourceId: 'ti', role: 'origin', verb: 'according to' },
        { sourceId: 'r', role: 'relay', verb: 'relayed' },
      ],
      (id) => (id === 'ti' ? 'The Information' : 'Reuters'),
    );
    expect(line).toBe('according to The Information → Reuters relayed');
  });
});
