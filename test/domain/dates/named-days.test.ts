import { describe, expect, it } from 'vitest';
import { NAMED_DAYS } from '../../../src/domain/dates/named-days.js';

describe('named days', () => {
  it.each([
    ['christmas', 2024, '2024-12-25'],
    ['christmas eve', 2024, '2024-12-24'],
    ['new years eve', 2024, '2024-12-31'],
    ['new years day', 2025, '2025-01-01'],
    ['thanksgiving', 2024, '2024-11-28'],
    ['thanksgiving', 2025, '2025-11-27'],
    ['black friday', 2024, '2024-11-29'],
    ['cyber monday', 2024, '2024-12-02'],
    ['easter', 2024, '2024-03-31'],
    ['easter', 2025, '2025-04-20'],
    ['easter', 2000, '2000-04-23'],
    ['good friday', 2025, '2025-04-18'],
    ['singles day', 2024, '2024-11-11'],
  ] as const)('when %s falls in %d, then it is %s', (name, year, day) => {
    expect(NAMED_DAYS[name]?.(year)).toBe(day);
  });
});
