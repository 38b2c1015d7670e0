import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimProposal } from '../../src/domain/extract/types.js';
import { sameName, scoreProposals, type GoldClaim } from '../../scripts/bench/extract-score.js';

const TEXT = 'Apple chose Alibaba, The Information reported. Shares of Apple rose in 2024 as sales grew. Apple will open a store in 2026.';

const gold = (quote: string, origin: string, date: string | null): GoldClaim => ({ quote, origin, relays: ['Reuters'], publisher: 'Asia Financial', date });

const proposal = (quote: string, origin: string, date: string | null): ClaimProposal => ({
  statement: quote,
  quote,
  origin,
  verb: 'reported',
  relays: ['Reuters'],
  publisher: 'Asia Financial',
  date: date === null ? null : { value: date, phrase: null },
  claimedAt: null,
  actors: [],
  ownVoice: false,
  alreadyTracked: false,
});

describe('sameName', () => {
  it.each([
    ['two people familiar with the matter', 'people familiar with the matter', true],
    ['Veridian', 'Veridian Micro', true],
    ['South Korea’s Fair Trade Commission', 'Fair Trade Commission', true],
    ['The Information', 'Information', true],
    ['Voltaris Motors Inc.', 'Voltaris Motors', true],
    ['Reuters', 'Bloomberg', false],
    ['Apple', 'Apple Daily News Group', true],
    ['', 'Reuters', false],
  ])('when one says “%s” and the other “%s”, then they are the same name: %s', (a, b, expected) => {
    expect(sameName(a, b)).toBe(expected);
  });
});

describe('scoreProposals', () => {
  it('when proposals cover the gold claims, then each counts once, with its chain and date judged apart', () => {
    const score = scoreProposals(
      TEXT,
      [gold('Apple chose Alibaba', 'The Information', '../2025-02-11'), gold('Shares of Apple rose in 2024', 'Reuters', '2024')],
      [
        proposal('Apple chose Alibaba, The Information reported.', 'The Information', '../2025-02-11'),
        proposal('Shares of Apple rose in 2024 as sales grew.', 'Bloomberg', '2024'),
        proposal('Apple will open a store in 2026.', 'Reuters', '2026'),
      ],
    );

    expect({ ...score, misses: score.misses.length }).toEqual({
      gold: 2,
      proposals: 3,
      found: 2,
      rightChain: 1,
      rightDate: 2,
      kept: 2,
      relationsFound: 0,
      goldRelations: 0,
      misses: 1,
    });
  });

  it('when one proposal quotes a whole paragraph, then it stands for no claim it barely covers', () => {
    const score = scoreProposals(TEXT, [gold('Apple chose Alibaba', 'The Information', null)], [proposal(TEXT, 'The Information', null)]);

    expect(score.found).toBe(0);
  });

  it('when a relation is proposed the other way round, then it still counts', () => {
    const score = scoreProposals(
      TEXT,
      [gold('Apple chose Alibaba', 'The Information', null), gold('Shares of Apple rose in 2024', 'Reuters', '2024')],
      [proposal('Apple chose Alibaba, The Information reported.', 'The Information', null), proposal('Shares of Apple rose in 2024 as sales grew.', 'Reuters', '2024')],
      [{ from: 1, relation: 'after', to: 0, quote: 'later' }],
      [{ from: 0, relation: 'before', to: 1, cue: 'later' }],
    );

    expect(score.relationsFound).toBe(1);
  });
});

describe('the gold files', () => {
  it('when the seeded article’s gold file is read, then it lists the seeded claims with their origin, relays, publisher and date', () => {
    const seed = JSON.parse(readFileSync(new URL('../../data/seed/apple-alibaba.json', import.meta.url), 'utf8')) as {
      sources: Array<{ id: string; name: string }>;
      claims: Array<{ date: string; attributions: Array<{ sourceId: string; role: string; quote?: string }> }>;
    };
    const file = JSON.parse(readFileSync(new URL('../fixtures/articles/apple-alibaba.gold.json', import.meta.url), 'utf8')) as { claims: GoldClaim[] };
    const name = (id: string) => seed.sources.find((s) => s.id === id)?.name;

    expect(file.claims.map(({ quote, origin, relays, publisher, date }) => ({ quote, origin, relays, publisher, date }))).toEqual(
      seed.claims.map((claim) => {
        const origin = claim.attributions.find((a) => a.role === 'origin');
        return {
          quote: origin?.quote,
          origin: name(origin?.sourceId ?? ''),
          relays: claim.attributions.filter((a) => a.role === 'relay').map((a) => name(a.sourceId)),
          publisher: name(claim.attributions.find((a) => a.role === 'publisher')?.sourceId ?? ''),
          date: claim.date,
        };
      }),
    );
  });
});
