import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { describeResolution } from '../../../src/domain/dates/describe-resolution.js';
import { resolveDate } from '../../../src/domain/dates/resolve-date.js';

const read = (text: string, reference?: string) => {
  const result = resolveDate(text, reference ? { reference, today: '2025-03-01' } : { today: '2025-03-01' });
  if (!result.ok) throw new Error(result.message);
  return result.date;
};

describe('describeResolution', () => {
  it('when a relative phrase was read, then the reader sees the date, the words and the day they were read against', () => {
    expect(describeResolution(read('the second quarter last year', '2025-02-11'))).toBe(
      'Q2 2024 (from ‘the second quarter last year’, relative to 11 Feb 2025)',
    );
  });

  it('when “since last year” was read, then the reader sees it runs on from 2024', () => {
    expect(describeResolution(read('since last year', '2025-02-11'))).toBe('2024 onwards (from ‘since last year’, relative to 11 Feb 2025)');
  });

  it('when an absolute phrase was read, then the words are shown without a reference', () => {
    expect(describeResolution(read('June 15, 2024'))).toBe('15 June 2024 (from ‘June 15, 2024’)');
  });

  it('when the words are exactly the label, then only the label is shown', () => {
    expect(describeResolution(read('15 June 2024'))).toBe('15 June 2024');
  });

  it('when the date came from notation, then only the label is shown', () => {
    expect(describeResolution(dateFromValue('~2024-03'))).toBe('c. March 2024');
  });
});

describe('describeResolution of a date named without its year', () => {
  const readIn = (text: string, reference: string, sentence?: string) => {
    const result = resolveDate(text, { reference, today: '2025-03-01', ...(sentence && { sentence }) });
    if (!result.ok) throw new Error(result.message);
    return result.date;
  };

  it('when the sentence looks forward, then the reader sees it was read forward and on which words', () => {
    expect(describeResolution(readIn('Jan. 20', '2025-01-10', 'Talks will resume on Jan. 20.'))).toBe(
      '20 January 2025 (from ‘Jan. 20’, relative to 10 Jan 2025; read forward: ‘will resume’)',
    );
  });

  it('when the sentence reports the past, then the reader sees it was read back on its verb', () => {
    expect(describeResolution(readIn('the holiday quarter', '2025-02-11', 'iPhone sales dipped in the holiday quarter.'))).toBe(
      'Q4 2024 (from ‘the holiday quarter’, relative to 11 Feb 2025; read back: ‘dipped’)',
    );
  });

  it('when nothing says which way, then the reader sees it was read back by default', () => {
    expect(describeResolution(readIn('in March', '2025-02-11'))).toBe(
      'March 2024 (from ‘in March’, relative to 11 Feb 2025; read back: nothing in the sentence looks forward)',
    );
  });
});
