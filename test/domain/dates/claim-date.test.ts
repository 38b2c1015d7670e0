import { describe, expect, it } from 'vitest';
import {
  DateValueError,
  compareClaimDates,
  dateFromValue,
  dayFromIso,
  overlaps,
  qualifyLabel,
  quarterDate,
} from '../../../src/domain/dates/claim-date.js';
import { resolveDate } from '../../../src/domain/dates/resolve-date.js';

describe('compareClaimDates', () => {
  it('when a year, its quarters, months and days are sorted, then each coarser date comes before the finer ones inside it', () => {
    const dates = ['2024-06-15', '2024-04', '2024-Q2', '2024-Q1', '2024-01-01', '2024', '2023-12-31', '2024-01'].map(dateFromValue);

    const order = [...dates].sort(compareClaimDates).map((date) => date.value);

    expect(order).toEqual(['2023-12-31', '2024', '2024-Q1', '2024-01', '2024-01-01', '2024-Q2', '2024-04', '2024-06-15']);
  });

  it('when a year-only claim is sorted among days, then it sits at the top of its year, not after 1 January’s days', () => {
    const order = [dateFromValue('2024-01-01'), dateFromValue('2024')].sort(compareClaimDates).map((date) => date.label);

    expect(order).toEqual(['2024', '1 January 2024']);
  });

  it('when a range and a month start on the same day, then the longer span comes first', () => {
    const order = [dateFromValue('2024-10'), dateFromValue('2024-10/2024-12')].sort(compareClaimDates).map((date) => date.value);

    expect(order).toEqual(['2024-10/2024-12', '2024-10']);
  });

  it('when phrases and notations are mixed, then they sort by first day, the longer span first on a tie', () => {
    const read = (text: string) => {
      const result = resolveDate(text, { reference: '2025-02-11', today: '2025-03-01' });
      if (!result.ok) throw new Error(result.message);
      return result.date;
    };
    const dates = ['the holiday quarter', 'since last year', 'early 2024', '2024-03-15', 'the second quarter last year', '2024'].map(read);

    const order = dates.sort(compareClaimDates).map((date) => date.label);

    expect(order).toEqual(['2024 onwards', '2024', 'early 2024', '15 March 2024', 'Q2 2024', 'Q4 2024']);
  });
});

describe('overlaps', () => {
  it('when a quarter is filtered by a range inside it, then it is in range', () => {
    expect(overlaps(dateFromValue('2024-Q2'), '2024-05-01', '2024-05-31')).toBe(true);
  });

  it('when a range ends the day before the filter starts, then it is out of range', () => {
    expect(overlaps(dateFromValue('2024-10/2024-12'), '2025-01-01')).toBe(false);
  });

  it('when a range touches the filter on its last day, then it is in range', () => {
    expect(overlaps(dateFromValue('2024-10/2024-12'), '2024-12-31', '2025-06-30')).toBe(true);
  });

  it('when a date starts after the filter ends, then it is out of range', () => {
    expect(overlaps(dateFromValue('2025-Q1'), undefined, '2024-12-31')).toBe(false);
  });

  it('when no filter is given, then every date is in range', () => {
    expect(overlaps(dateFromValue('1999'))).toBe(true);
  });

  it('when an open-ended “since last year” is filtered, then the days up to the document date count', () => {
    const since = resolveDate('since last year', { reference: '2025-02-11', today: '2025-03-01' });
    if (!since.ok) throw new Error(since.message);

    expect(overlaps(since.date, '2025-02-01', '2025-02-28')).toBe(true);
    expect(overlaps(since.date, '2025-03-01', '2025-03-31')).toBe(false);
  });
});

describe('labels', () => {
  it('when a quarter is labelled, then it reads as a quarter and never as its first day', () => {
    const quarter = dateFromValue('2024-Q2');

    expect(quarter.label).toBe('Q2 2024');
    expect(quarter.label).not.toBe('1 April 2024');
    expect(quarterDate(2024, 2).label).toBe('Q2 2024');
  });

  it.each([
    ['2024', '2024'],
    ['2024-06', 'June 2024'],
    ['2024-06-15', '15 June 2024'],
    ['~2024-03', 'c. March 2024'],
    ['2024?', '2024?'],
    ['%2024', 'c. 2024?'],
    ['2024-10/2024-12', 'October – December 2024'],
    ['2024-Q1/2024-Q3', 'Q1 – Q3 2024'],
    ['2024-06-15/2024-06-20', '15 – 20 June 2024'],
    ['2024-11/2025-02', 'November 2024 – February 2025'],
    ['2024/2025-02-11', '2024 – 11 February 2025'],
    ['~2024-10/~2024-12', 'c. October – December 2024'],
    ['~2024-01/~2024-04', 'early 2024'],
    ['~2024-05/~2024-08', 'mid-2024'],
    ['~2024-09/~2024-12', 'late 2024'],
    ['%2024-09/%2024-12', 'late 2024?'],
    ['2024-Q2/..', 'Q2 2024 onwards'],
    ['../2025', 'by 2025'],
  ])('when “%s” is labelled, then a reader sees “%s”', (value, label) => {
    expect(dateFromValue(value).label).toBe(label);
  });

  it('when a qualifier is added to a label, then it is said as “c.” and “?”', () => {
    expect([qualifyLabel('March 2024', '~'), qualifyLabel('2024', '?'), qualifyLabel('2024', '%'), qualifyLabel('2024', undefined)]).toEqual([
      'c. March 2024',
      '2024?',
      'c. 2024?',
      '2024',
    ]);
  });
});

describe('dateFromValue', () => {
  it('when a value carries two qualifiers, then it is refused', () => {
    expect(() => dateFromValue('~2024?')).toThrow(DateValueError);
  });

  it('when an approximate range is read, then the range is flagged approximate', () => {
    expect(dateFromValue('~2024-01/~2024-04')).toEqual({
      value: '~2024-01/~2024-04',
      precision: 'month',
      start: '2024-01-01',
      end: '2024-04-30',
      label: 'early 2024',
      approximate: true,
    });
  });

  it('when a range is open at both ends, then it is refused', () => {
    expect(() => dateFromValue('../..')).toThrow('a range needs at least one end');
  });
});

describe('dayFromIso', () => {
  it('when the text names a real day, then that local day is returned', () => {
    expect(dayFromIso('2025-02-11')).toEqual(new Date(2025, 1, 11));
  });

  it.each(['2025-02-30', '11/02/2025', '2025-2-11', ''])('when the text is “%s”, then there is no day', (text) => {
    expect(dayFromIso(text)).toBeNull();
  });
});
