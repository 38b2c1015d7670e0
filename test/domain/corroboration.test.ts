import { describe, expect, it } from 'vitest';
import { corroborationLevel, independentOrigins } from '../../src/domain/corroboration.js';
import { dateFromValue } from '../../src/domain/dates/claim-date.js';
import type { Attribution, Claim } from '../../src/domain/types.js';

function claimWith(attributions: Attribution[]): Claim {
  return {
    id: 'apple-picks-alibaba',
    storyId: 'story',
    statement: 'Apple chose Alibaba as its AI partner in China',
    date: dateFromValue('2025-02'),
    claimedAt: dateFromValue('2025-02-11'),
    actors: ['apple', 'alibaba'],
    topics: ['ai'],
    status: 'reported',
    statusHistory: [],
    attributions,
    supersedes: [],
    revision: 1,
    createdAt: '2025-02-12T08:00:00.000Z',
    updatedAt: '2025-02-12T08:00:00.000Z',
  };
}

describe('independentOrigins', () => {
  it('when nobody is named as origin, then the claim has no independent origin', () => {
    const claim = claimWith([{ sourceId: 'asia-financial', role: 'publisher', verb: 'published' }]);

    expect(independentOrigins(claim)).toEqual([]);
    expect(corroborationLevel(claim)).toBe('none');
  });

  it('when two outlets relay the same origin, then it counts once', () => {
    const claim = claimWith([
      { sourceId: 'the-information', role: 'origin', verb: 'reported' },
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
      { sourceId: 'bloomberg', role: 'relay', verb: 'relayed' },
      { sourceId: 'asia-financial', role: 'publisher', verb: 'published' },
    ]);

    expect(independentOrigins(claim)).toEqual(['the-information']);
    expect(corroborationLevel(claim)).toBe('single');
  });

  it('when the same origin is listed twice, then it counts once', () => {
    const claim = claimWith([
      { sourceId: 'the-information', role: 'origin', verb: 'reported', documentId: 'd1' },
      { sourceId: 'the-information', role: 'origin', verb: 'said', documentId: 'd2' },
    ]);

    expect(independentOrigins(claim)).toEqual(['the-information']);
    expect(corroborationLevel(claim)).toBe('single');
  });

  it('when two different sources made the claim, then both are listed in the order first given', () => {
    const claim = claimWith([
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
      { sourceId: 'the-information', role: 'origin', verb: 'reported' },
      { sourceId: 'alibaba', role: 'origin', verb: 'confirmed' },
      { sourceId: 'the-information', role: 'origin', verb: 'said' },
    ]);

    expect(independentOrigins(claim)).toEqual(['the-information', 'alibaba']);
    expect(corroborationLevel(claim)).toBe('multiple');
  });

  it('when a source both originated and relayed, then only its origin role counts', () => {
    const claim = claimWith([
      { sourceId: 'reuters', role: 'origin', verb: 'reported' },
      { sourceId: 'reuters', role: 'relay', verb: 'relayed' },
    ]);

    expect(independentOrigins(claim)).toEqual(['reuters']);
  });
});
