import { describe, expect, it } from 'vitest';
import { dayLabel, monthLabel, shortDayLabel } from '../../../src/domain/dates/day-label.js';

describe('day labels', () => {
  it.each([
    ['2025-02-11', '11 February 2025', '11 Feb 2025'],
    ['2025-02-11T09:30:00.000Z', '11 February 2025', '11 Feb 2025'],
    ['2025-02-11T23:59:59.999Z', '11 February 2025', '11 Feb 2025'],
    ['2024-09-01', '1 September 2024', '1 Sep 2024'],
    ['2000-12-31', '31 December 2000', '31 Dec 2000'],
  ] as const)('when %s is labelled, then readers see “%s”, or “%s” in short', (iso, label, short) => {
    expect(dayLabel(iso)).toBe(label);
    expect(shortDayLabel(iso)).toBe(short);
  });

  it('when a month is labelled, then it is its name and year', () => {
    expect(monthLabel(2024, 6)).toBe('June 2024');
  });
});
