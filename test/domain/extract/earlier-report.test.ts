import { describe, expect, it } from 'vitest';
import { earlierReportSaid } from '../../../src/domain/extract/earlier-report.js';

describe('earlierReportSaid', () => {
  it.each<[string, string | undefined, { value: string; phrase: string | null } | null, string | undefined, { value: string; phrase: null } | null]>([
    ['a day after a claim made on Thursday', 'a day after', { value: '2025-11-06', phrase: 'Thursday' }, '2025-11-06', { value: '2025-11-05', phrase: null }],
    ['two days after a claim of the publication day', 'two days after', null, '2025-03-01', { value: '2025-02-27', phrase: null }],
    ['hours after', 'hours after', { value: '2025-11-06', phrase: 'Thursday' }, '2025-11-06', { value: '2025-11-06', phrase: null }],
    ['after a claim made in September', 'after', { value: '2025-09', phrase: 'September' }, '2025-11-06', { value: '../2025-09', phrase: null }],
    ['following a claim made last week', 'following', { value: '2025-10-27/2025-11-02', phrase: 'last week' }, '2025-11-06', { value: '../2025-11-02', phrase: null }],
    ['a day after a claim made in a month', 'a day after', { value: '2025-09', phrase: 'September' }, '2025-11-06', { value: '../2025-09', phrase: null }],
    ['before the claim', 'a day before', { value: '2025-11-06', phrase: 'Thursday' }, '2025-11-06', null],
    ['after a claim known only by when', 'after', { value: '../2025-11-06', phrase: null }, '2025-11-06', null],
    ['with no day at all', 'a day after', null, undefined, null],
  ])('when the report came %s, then when it was made is read from the cue and the claim', (_name, cue, said, reference, expected) => {
    expect(earlierReportSaid(cue, said, reference)).toEqual(expected);
  });
});
