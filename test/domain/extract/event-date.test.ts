import { describe, expect, it } from 'vitest';
import { eventDate, type DateContext, type DatedClaim } from '../../../src/domain/extract/event-date.js';

const dated = (value: string, by: 'phrase' | 'since' | 'context'): DatedClaim => ({
  date: { value, phrase: by === 'context' ? null : 'x' },
  datedByPhrase: by !== 'context',
  sincePhrase: by === 'since',
});

const context = (over: Partial<DateContext>): DateContext => ({
  best: null,
  cue: null,
  forward: false,
  join: 'first',
  sibling: null,
  earlier: [],
  upper: '2025-02-11',
  saidFrom: '2025-02-11',
  sentence: '',
  today: '2026-01-01',
  ...over,
});

describe('eventDate', () => {
  it.each<[string, Partial<DateContext>, { value: string; phrase: string | null } | null]>([
    ['its own phrase dates a clause', { best: { phrase: 'the holiday quarter', date: { value: '2024-Q4', precision: 'quarter', start: '2024-10-01', end: '2024-12-31', label: 'Q4 2024' } } }, { value: '2024-Q4', phrase: 'the holiday quarter' }],
    ['a phrase the resolver cannot read leaves it undated', { best: { phrase: 'on Tuesday', date: null } }, null],
    ['a "since" in the clause before gives its start', { join: 'shared-subject', sibling: dated('2024/..', 'since') }, { value: '2024', phrase: null }],
    ['a clause before dated from context passes its date on', { join: 'own-subject', sibling: dated('2024/2025-02-11', 'context') }, { value: '2024/2025-02-11', phrase: null }],
    ['"After that" starts from the claim before', { cue: { kind: 'follows', quote: 'After that' }, earlier: [dated('2024', 'context')] }, { value: '2024/2025-02-11', phrase: null }],
    ['"After that" a claim with no start gives no start', { cue: { kind: 'follows', quote: 'After that' }, earlier: [dated('../2025-02-11', 'context')] }, { value: '../2025-02-11', phrase: null }],
    ['what is still to come starts when it was said', { forward: true }, { value: '2025-02-11/..', phrase: null }],
    ['what is still to come, said in a week, starts with that week', { forward: true, saidFrom: '2025-02-03', upper: '2025-02-09' }, { value: '2025-02-03/..', phrase: null }],
    ['what was still to come when a report said it by September holds by September', { forward: true, saidFrom: undefined, upper: '2025-09' }, { value: '../2025-09', phrase: null }],
    ['anything else holds by when it was said', {}, { value: '../2025-02-11', phrase: null }],
    ['without a day to read against nothing is inferred', { upper: undefined }, null],
  ])('when %s', (_name, over, expected) => {
    expect(eventDate(context(over))).toEqual(expected);
  });
});
