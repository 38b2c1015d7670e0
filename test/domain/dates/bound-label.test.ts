import { describe, expect, it } from 'vitest';
import { boundLabel } from '../../../src/domain/dates/bound-label.js';
import type { Precision } from '../../../src/domain/types.js';

describe('boundLabel', () => {
  it.each<[string, 'start' | 'end', Precision, string]>([
    ['2024-01-01', 'start', 'year', '2024'],
    ['2024-12-31', 'end', 'year', '2024'],
    ['2024-04-01', 'start', 'year', 'Q2 2024'],
    ['2024-04-01', 'start', 'quarter', 'Q2 2024'],
    ['2024-06-30', 'end', 'quarter', 'Q2 2024'],
    ['2024-06-01', 'start', 'quarter', 'June 2024'],
    ['2024-06-30', 'end', 'month', 'June 2024'],
    ['2024-01-01', 'start', 'month', 'January 2024'],
    ['2024-01-01', 'start', 'day', '1 January 2024'],
    ['2025-02-11', 'end', 'year', '11 February 2025'],
    ['2024-12-31', 'start', 'year', '31 December 2024'],
  ])('%s as the %s of a %s date reads “%s”', (iso, edge, precision, label) => {
    expect(boundLabel(iso, edge, precision)).toBe(label);
  });
});
