import { describe, expect, it } from 'vitest';
import { DATE_EXAMPLES, resolveDate } from '../../../src/domain/dates/resolve-date.js';

const TODAY = '2025-03-01';

interface Row {
  text: string;
  reference?: string;
  value: string;
  start: string;
  end: string;
}

const FEB_2025 = '2025-02-11';

const TABLE: Row[] = [
  // Claimline / EDTF notation
  { text: '2024', value: '2024', start: '2024-01-01', end: '2024-12-31' },
  { text: '2024-Q2', value: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
  { text: '2024-q4', value: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
  { text: '2024-06', value: '2024-06', start: '2024-06-01', end: '2024-06-30' },
  { text: '2024-06-15', value: '2024-06-15', start: '2024-06-15', end: '2024-06-15' },
  { text: '2024-02-29', value: '2024-02-29', start: '2024-02-29', end: '2024-02-29' },
  { text: '2024-10/2024-12', value: '2024-10/2024-12', start: '2024-10-01', end: '2024-12-31' },
  { text: '2024/..', value: '2024/..', start: '2024-01-01', end: '2024-12-31' },
  { text: '../2025-02-11', value: '../2025-02-11', start: '2025-02-11', end: '2025-02-11' },
  { text: '~2024-03', value: '~2024-03', start: '2024-03-01', end: '2024-03-31' },
  { text: '2024-03~', value: '~2024-03', start: '2024-03-01', end: '2024-03-31' },
  { text: '2024?', value: '?2024', start: '2024-01-01', end: '2024-12-31' },
  { text: '%2024', value: '%2024', start: '2024-01-01', end: '2024-12-31' },
  // Human absolute forms
  { text: 'Q2 2024', value: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
  { text: '2024 Q3', value: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
  { text: 'June 2024', value: '2024-06', start: '2024-06-01', end: '2024-06-30' },
  { text: 'Jun 2024', value: '2024-06', start: '2024-06-01', end: '2024-06-30' },
  { text: 'Sept. 2023', value: '2023-09', start: '2023-09-01', end: '2023-09-30' },
  { text: '15 June 2024', value: '2024-06-15', start: '2024-06-15', end: '2024-06-15' },
  { text: 'June 15, 2024', value: '2024-06-15', start: '2024-06-15', end: '2024-06-15' },
  { text: '15 Jun 2024', value: '2024-06-15', start: '2024-06-15', end: '2024-06-15' },
  { text: 'the 1st of March 2024.', value: '2024-03-01', start: '2024-03-01', end: '2024-03-01' },
  { text: 'the second quarter of 2024', value: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
  { text: 'fourth-quarter 2023', value: '2023-Q4', start: '2023-10-01', end: '2023-12-31' },
  { text: 'early 2024', value: '~2024-01/~2024-04', start: '2024-01-01', end: '2024-04-30' },
  { text: 'mid-2024', value: '~2024-05/~2024-08', start: '2024-05-01', end: '2024-08-31' },
  { text: 'in late 2024', value: '~2024-09/~2024-12', start: '2024-09-01', end: '2024-12-31' },
  { text: 'around March 2024', value: '~2024-03', start: '2024-03-01', end: '2024-03-31' },
  { text: 'in 2024', value: '2024', start: '2024-01-01', end: '2024-12-31' },
  { text: 'During 2023,', value: '2023', start: '2023-01-01', end: '2023-12-31' },
  { text: 'by late 2024', value: '../~2024-12', start: '2024-12-01', end: '2024-12-31' },
  { text: 'by 2025', value: '../2025', start: '2025-01-01', end: '2025-12-31' },
  { text: 'since 2023', value: '2023/..', start: '2023-01-01', end: '2023-12-31' },
  { text: 'since 2023', reference: FEB_2025, value: '2023/..', start: '2023-01-01', end: '2025-02-11' },
  { text: 'October – December 2024', value: '2024-10/2024-12', start: '2024-10-01', end: '2024-12-31' },
  { text: 'between March and May 2024', value: '2024-03/2024-05', start: '2024-03-01', end: '2024-05-31' },
  { text: 'first half of 2024', value: '2024-01/2024-06', start: '2024-01-01', end: '2024-06-30' },
  // Relative phrases
  { text: 'last year', reference: FEB_2025, value: '2024', start: '2024-01-01', end: '2024-12-31' },
  { text: 'this year', reference: FEB_2025, value: '2025', start: '2025-01-01', end: '2025-12-31' },
  { text: 'next year', reference: FEB_2025, value: '2026', start: '2026-01-01', end: '2026-12-31' },
  { text: 'the first quarter of last year', reference: FEB_2025, value: '2024-Q1', start: '2024-01-01', end: '2024-03-31' },
  { text: 'the second quarter last year', reference: FEB_2025, value: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
  { text: 'the third quarter of last year', reference: FEB_2025, value: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
  { text: 'the fourth quarter this year', reference: FEB_2025, value: '2025-Q4', start: '2025-10-01', end: '2025-12-31' },
  { text: 'the first quarter this year', reference: FEB_2025, value: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
  { text: 'Q1', reference: FEB_2025, value: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
  { text: 'Q2', reference: FEB_2025, value: '2025-Q2', start: '2025-04-01', end: '2025-06-30' },
  { text: 'Q3', reference: '2024-06-30', value: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
  { text: 'Q4 last year', reference: FEB_2025, value: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
  { text: 'the holiday quarter', reference: FEB_2025, value: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
  { text: 'the holiday quarter', reference: '2024-11-20', value: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
  { text: 'the holiday quarter', reference: '2024-12-31', value: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
  { text: 'the current quarter', reference: FEB_2025, value: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
  { text: 'this quarter', reference: '2024-06-30', value: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
  { text: 'last quarter', reference: FEB_2025, value: '2024-Q4', start: '2024-10-01', end: '2024-12-31' },
  { text: 'last quarter', reference: '2024-06-30', value: '2024-Q1', start: '2024-01-01', end: '2024-03-31' },
  { text: 'the third quarter', reference: FEB_2025, value: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
  { text: 'the first quarter', reference: FEB_2025, value: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
  { text: 'the third quarter', reference: '2024-07-01', value: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
  { text: 'March', reference: FEB_2025, value: '2024-03', start: '2024-03-01', end: '2024-03-31' },
  { text: 'in February', reference: FEB_2025, value: '2025-02', start: '2025-02-01', end: '2025-02-28' },
  { text: 'December', reference: '2025-01-05', value: '2024-12', start: '2024-12-01', end: '2024-12-31' },
  { text: 'March last year', reference: FEB_2025, value: '2024-03', start: '2024-03-01', end: '2024-03-31' },
  { text: '15 June', reference: FEB_2025, value: '2024-06-15', start: '2024-06-15', end: '2024-06-15' },
  { text: 'around March', reference: FEB_2025, value: '~2024-03', start: '2024-03-01', end: '2024-03-31' },
  { text: 'early last year', reference: FEB_2025, value: '~2024-01/~2024-04', start: '2024-01-01', end: '2024-04-30' },
  { text: 'since last year', reference: FEB_2025, value: '2024/..', start: '2024-01-01', end: '2025-02-11' },
  { text: 'since March', reference: FEB_2025, value: '2024-03/..', start: '2024-03-01', end: '2025-02-11' },
  { text: 'last month', reference: FEB_2025, value: '2025-01', start: '2025-01-01', end: '2025-01-31' },
  { text: 'last month', reference: '2025-01-05', value: '2024-12', start: '2024-12-01', end: '2024-12-31' },
  { text: 'this month', reference: FEB_2025, value: '2025-02', start: '2025-02-01', end: '2025-02-28' },
  { text: 'last year', reference: '2025-01-05', value: '2024', start: '2024-01-01', end: '2024-12-31' },
  { text: 'this year', reference: '2024-06-30', value: '2024', start: '2024-01-01', end: '2024-12-31' },
  { text: 'yesterday', reference: '2025-01-01', value: '2024-12-31', start: '2024-12-31', end: '2024-12-31' },
  { text: 'today', reference: FEB_2025, value: '2025-02-11', start: '2025-02-11', end: '2025-02-11' },
  { text: 'H2 last year', reference: FEB_2025, value: '2024-07/2024-12', start: '2024-07-01', end: '2024-12-31' },
];

describe('resolveDate', () => {
  it.each(TABLE)(
    'when “$text” is read against $reference, then it is $value, from $start to $end',
    ({ text, reference, value, start, end }) => {
      const result = resolveDate(text, reference ? { reference, today: TODAY } : { today: TODAY });

      expect(result).toMatchObject({ ok: true, date: { value, start, end } });
    },
  );

  it('when the text is a relative phrase, then the writer’s words and the reference are kept with the date', () => {
    const result = resolveDate('  the second quarter last year. ', { reference: '2025-02-11', today: TODAY });

    expect(result).toEqual({
      ok: true,
      date: {
        value: '2024-Q2',
        precision: 'quarter',
        start: '2024-04-01',
        end: '2024-06-30',
        label: 'Q2 2024',
        phrase: 'the second quarter last year',
        reference: '2025-02-11',
      },
    });
  });

  it('when the text is notation, then no phrase or reference is stored even if a reference was given', () => {
    const result = resolveDate('2024-Q2', { reference: '2025-02-11', today: TODAY });

    expect(result).toEqual({
      ok: true,
      date: { value: '2024-Q2', precision: 'quarter', start: '2024-04-01', end: '2024-06-30', label: 'Q2 2024' },
    });
  });

  it('when the writer says “early 2024”, then the date is an approximate span labelled as they said it', () => {
    const result = resolveDate('early 2024', { today: TODAY });

    expect(result).toMatchObject({ ok: true, date: { label: 'early 2024', approximate: true, precision: 'month' } });
    expect(result.ok && result.date.uncertain).toBeFalsy();
  });

  it('when the writer says “since last year”, then the span is open at its end and runs to the document date', () => {
    const result = resolveDate('since last year', { reference: '2025-02-11', today: TODAY });

    expect(result).toMatchObject({ ok: true, date: { value: '2024/..', openEnd: true, label: '2024 onwards', end: '2025-02-11' } });
  });

  it('when the writer says “by late 2024”, then the span is open at its start and approximate', () => {
    const result = resolveDate('by late 2024', { today: TODAY });

    expect(result).toMatchObject({
      ok: true,
      date: { value: '../~2024-12', openStart: true, approximate: true, label: 'by late 2024' },
    });
  });

  it('when a date is uncertain, then it is flagged uncertain but not approximate', () => {
    const result = resolveDate('2024?', { today: TODAY });

    expect(result).toMatchObject({ ok: true, date: { label: '2024?', uncertain: true } });
    expect(result.ok && 'approximate' in result.date).toBe(false);
  });

  it('when the phrase is written in capitals, then it is read the same', () => {
    const result = resolveDate('THE SECOND QUARTER LAST YEAR', { reference: '2025-02-11', today: TODAY });

    expect(result).toMatchObject({ ok: true, date: { value: '2024-Q2' } });
  });
});

describe('resolveDate refusals', () => {
  const refused = (text: string, options: { reference?: string; today: string } = { today: TODAY }) => {
    const result = resolveDate(text, options);
    if (result.ok) throw new Error(`expected “${text}” to be refused, got ${result.date.value}`);
    return result;
  };

  it('when a word is unknown, then the message names that word and lists accepted forms', () => {
    const result = refused('next fortnight', { reference: '2025-02-11', today: TODAY });

    expect(result.message).toBe('did not understand “fortnight”');
    expect(result.unparsed).toBe('fortnight');
    expect(result.examples).toEqual(DATE_EXAMPLES);
    expect(result.examples).toContain('the second quarter last year');
  });

  it('when a word is misspelt inside a longer phrase, then only the misspelt word is named', () => {
    const result = refused('in the second quarter last yaer', { reference: '2025-02-11', today: TODAY });

    expect(result.message).toBe('did not understand “yaer”');
  });

  it('when every word is known but the order is not a date, then the whole phrase is named', () => {
    expect(refused('quarter last', { reference: '2025-02-11', today: TODAY }).message).toBe('did not understand “quarter last”');
  });

  it('when a season is given, then it is refused rather than guessed at', () => {
    expect(refused('spring 2024').message).toBe('did not understand “spring”');
  });

  it('when a numeric day is written with slashes, then it is refused because the month could be either number', () => {
    expect(refused('06/07/2024').message).toContain('did not understand “06/07/2024”');
  });

  it.each([
    ['2024-02-30', '2024-02-30 is not a day in the calendar'],
    ['2023-02-29', '2023-02-29 is not a day in the calendar'],
    ['2024-Q0', 'there is no quarter Q0 (quarters are Q1–Q4)'],
    ['2024-Q5', 'there is no quarter Q5 (quarters are Q1–Q4)'],
    ['Q5 2024', 'there is no quarter Q5 (quarters are Q1–Q4)'],
    ['2024-13', 'there is no month 13 (months are 01–12)'],
    ['30 February 2024', 'there is no 30 February 2024'],
  ])('when the date “%s” is impossible, then it is refused: %s', (text, message) => {
    expect(refused(text).message).toBe(message);
  });

  it.each([
    ['2024-12/2024-10', 'the range ends (October 2024) before it starts (December 2024)'],
    ['December 2024 to March 2024', 'the range ends (March 2024) before it starts (December 2024)'],
  ])('when the range “%s” ends before it starts, then it is refused', (text, message) => {
    expect(refused(text).message).toBe(message);
  });

  it.each(['last year', 'the holiday quarter', 'around March', 'since last year', 'Q3', 'yesterday'])(
    'when the relative phrase “%s” comes without a reference, then the document’s date is asked for',
    (text) => {
      expect(refused(text).message).toBe(`‘${text}’ is relative: give the document’s publication date to read it against`);
    },
  );

  it('when the reference is after today, then it is refused', () => {
    const result = refused('last year', { reference: '2025-03-02', today: TODAY });

    expect(result.message).toBe('the reference date 2025-03-02 is after today (2025-03-01); a document cannot be published in the future');
  });

  it.each(['11/02/2025', '2025-02-30', 'February 2025', '2025-02'])(
    'when the reference “%s” is not an ISO day, then it is refused',
    (reference) => {
      expect(refused('last year', { reference, today: TODAY }).message).toBe(
        `the reference date “${reference}” is not a day written as YYYY-MM-DD (e.g. 2025-02-11)`,
      );
    },
  );

  it('when the reference year is before 1900, then it is refused', () => {
    expect(refused('last year', { reference: '1899-12-31', today: TODAY }).message).toBe(
      'the reference date 1899-12-31 is refused: year 1899 is outside 1900–2100',
    );
  });

  it.each([
    ['1899', 'year 1899 is outside 1900–2100'],
    ['2101-Q1', 'year 2101 is outside 1900–2100'],
    ['June 1850', 'year 1850 is outside 1900–2100'],
    ['in 2101', 'year 2101 is outside 1900–2100'],
  ])('when the year in “%s” is outside 1900–2100, then it is refused', (text, message) => {
    expect(refused(text).message).toBe(message);
  });

  it('when nothing is given, then it is refused with examples', () => {
    const result = refused('   ');

    expect(result.message).toBe('no date given');
    expect(result.examples.length).toBeGreaterThan(0);
  });

  it('when the app passes a malformed today, then it is a programming error', () => {
    expect(() => resolveDate('2024', { today: 'now' })).toThrow(TypeError);
  });
});
