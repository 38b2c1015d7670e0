import { describe, expect, it } from 'vitest';
import { claimDateReading } from '../../../src/domain/dates/claim-reading.js';
import type { Source } from '../../../src/domain/types.js';

const sources: Source[] = [
  { id: 'apple', name: 'Apple', kind: 'company', fiscalYearEnd: 9 },
  { id: 'microsoft', name: 'Microsoft', kind: 'company', fiscalYearEnd: 6 },
  { id: 'reuters', name: 'Reuters', kind: 'wire-service' },
  { id: 'the-information', name: 'The Information', kind: 'publication' },
];

describe('claimDateReading', () => {
  it.each([
    ['the first actor with a fiscal year end', { actors: ['Alibaba', 'Apple', 'Microsoft'] }, 9],
    ['an actor written differently from the source name', { actors: ['APPLE'] }, 9],
    ['the origin source when no actor has one', { actors: ['Alibaba'], originSourceId: 'microsoft' }, 6],
    ['an actor before the origin source', { actors: ['Microsoft'], originSourceId: 'apple' }, 6],
    ['nobody with one recorded', { actors: ['Alibaba'], originSourceId: 'reuters' }, undefined],
  ] as const)('when the claim has %s, then its fiscal year end is %s', (_case, claim, end) => {
    expect(claimDateReading(claim, sources).fiscalYearEnd).toBe(end);
  });

  it('when the claim has a quote, then the quote is its sentence, else its statement', () => {
    expect(claimDateReading({ quote: ' Talks will resume. ', statement: 'Talks resume.', actors: [] }, sources)).toEqual({ sentence: 'Talks will resume.' });
    expect(claimDateReading({ quote: '', statement: 'Talks resume.', actors: [] }, sources)).toEqual({ sentence: 'Talks resume.' });
    expect(claimDateReading({ actors: [] }, sources)).toEqual({});
  });
});
