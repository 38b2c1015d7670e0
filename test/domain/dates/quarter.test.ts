import { describe, expect, it } from 'vitest';
import { quarterEnd, quarterLabel, quarterOf, quarterStart } from '../../../src/domain/dates/quarter.js';

describe('quarters of a day', () => {
  it.each([
    ['2024-01-01', 1, '2024-01-01', '2024-03-31', 'Q1 2024'],
    ['2024-03-31', 1, '2024-01-01', '2024-03-31', 'Q1 2024'],
    ['2024-04-01', 2, '2024-04-01', '2024-06-30', 'Q2 2024'],
    ['2024-05-17', 2, '2024-04-01', '2024-06-30', 'Q2 2024'],
    ['2024-09-30', 3, '2024-07-01', '2024-09-30', 'Q3 2024'],
    ['2024-12-31', 4, '2024-10-01', '2024-12-31', 'Q4 2024'],
    ['1999-11-05', 4, '1999-10-01', '1999-12-31', 'Q4 1999'],
  ] as const)('when %s is placed, then it is in quarter %d, from %s to %s, labelled %s', (iso, quarter, start, end, label) => {
    expect(quarterOf(iso)).toBe(quarter);
    expect(quarterStart(iso)).toBe(start);
    expect(quarterEnd(iso)).toBe(end);
    expect(quarterLabel(iso)).toBe(label);
  });
});
