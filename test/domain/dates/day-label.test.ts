import { describe, expect, it } from 'vitest';
import { dayLabel } from '../../../src/domain/dates/day-label.js';

describe('dayLabel', () => {
  it('writes a day the way readers do, from an ISO day or a date-time', () => {
    expect(dayLabel('2025-02-11')).toBe('11 February 2025');
    expect(dayLabel('2025-02-11T09:30:00.000Z')).toBe('11 February 2025');
  });
});
