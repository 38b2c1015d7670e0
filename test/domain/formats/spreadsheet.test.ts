import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../src/domain/formats/spreadsheet.js';

describe('readSpreadsheet', () => {
  it('when the headers are the form’s fields in any case and spacing, then each row is a claim in the form’s fields', () => {
    const read = readSpreadsheet([
      ['Statement', ' date ', 'Source', 'URL', 'Quote', 'Relayed by', 'Claimed at', 'Actors'],
      ['Apple chose Alibaba', 'last month', 'The Information', 'https://example.com/a', 'Apple has chosen Alibaba', 'Reuters; Asia Financial', '2025-02-11', 'Apple, Alibaba'],
    ]);
    expect(read.needsMapping).toBe(false);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      {
        where: 'line 2',
        body: {
          statement: 'Apple chose Alibaba',
          date: 'last month',
          source: 'The Information',
          url: 'https://example.com/a',
          quote: 'Apple has chosen Alibaba',
          relayedBy: ['Reuters', 'Asia Financial'],
          claimedAt: '2025-02-11',
          actors: ['Apple', 'Alibaba'],
        },
      },
    ]);
  });

  it('when a published column is given, then it is the reference for relative dates and, without a claim date, the claim date', () => {
    const read = readSpreadsheet([
      ['statement', 'date', 'source', 'published', 'claimed at'],
      ['A', 'the second quarter last year', 'Reuters', '2025-02-11', ''],
      ['B', 'since last year', 'Reuters', '2025-02-11', '2025-02-12'],
    ]);
    expect(read.rows.map((row) => row.body)).toEqual([
      { statement: 'A', date: 'the second quarter last year', source: 'Reuters', dateReference: '2025-02-11', claimedAt: '2025-02-11' },
      { statement: 'B', date: 'since last year', source: 'Reuters', dateReference: '2025-02-11', claimedAt: '2025-02-12' },
    ]);
  });

  it('when a header is unknown, then nothing is read until a mapping says what it is, and a preview of the first rows is kept', () => {
    const table = [['Statement', 'When', 'Said by', 'Mood'], ...Array.from({ length: 7 }, (_, n) => [`Claim ${n}`, '2024', 'Reuters', 'calm'])];
    const read = readSpreadsheet(table);
    expect(read.needsMapping).toBe(true);
    expect(read.rows).toEqual([]);
    expect(read.problems[0]?.message).toContain('“When”, “Said by”, “Mood” are not a field Claimline knows');
    expect(read.columns.map((column) => [column.header, column.field, column.known])).toEqual([
      ['Statement', 'statement', true],
      ['When', null, false],
      ['Said by', null, false],
      ['Mood', null, false],
    ]);
    expect(read.preview).toHaveLength(5);
    const mapped = readSpreadsheet(table, { mapping: { byIndex: { 1: 'date', 2: 'source', 3: null } } });
    expect(mapped.rows[0]?.body).toEqual({ statement: 'Claim 0', date: '2024', source: 'Reuters' });
    const byHeader = readSpreadsheet(table, { mapping: { byHeader: { when: 'date', 'SAID BY': 'source', Mood: null } } });
    expect(byHeader.rows).toEqual(mapped.rows);
  });

  it('when the mapping leaves out the statement, date or source, or fills one field twice, then the file is refused at its header', () => {
    const read = readSpreadsheet([['Statement', 'Claim', 'URL'], ['A', 'B', 'https://example.com']]);
    expect(read.problems.map((problem) => problem.message)).toEqual([
      'two columns fill the statement: “Statement” and “Claim”',
      'no column gives the date',
      'no column gives the source (who made the claim)',
    ]);
    expect(readSpreadsheet([['Statement'], ['A']], { mapping: { byHeader: { Nope: 'date' } } }).problems[0]?.message).toBe(
      'the mapping names the column “Nope”, which this file does not have',
    );
  });

  it('when a row has cells beyond the header, then that row is refused; blank rows and trailing empty cells are fine', () => {
    const read = readSpreadsheet([['statement', 'date', 'source'], ['A', '2024', 'Reuters', ''], ['', '', ''], ['B', '2024', 'Reuters', 'stray']]);
    expect(read.rows.map((row) => row.where)).toEqual(['line 2']);
    expect(read.problems).toEqual([{ where: 'line 4', message: 'this row has 4 cells where the header has 3' }]);
  });

  it('when a claim id column is given, then it is the claim’s id', () => {
    expect(readSpreadsheet([['Claim id', 'statement', 'date', 'source'], ['c-1', 'A', '2024', 'Reuters']]).rows[0]?.id).toBe('c-1');
  });
});
