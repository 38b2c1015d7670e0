import { describe, expect, it } from 'vitest';
import { resolveDate } from '../../../src/domain/dates/resolve-date.js';
import { PHRASE_TABLE, type PhraseCase } from './phrase-table.js';

const TODAY = '2025-06-30';

const read = (row: PhraseCase) =>
  resolveDate(row.text, {
    reference: row.reference,
    today: TODAY,
    ...(row.sentence !== undefined && { sentence: row.sentence }),
    ...(row.fiscalYearEnd !== undefined && { fiscalYearEnd: row.fiscalYearEnd }),
  });

const title = (row: PhraseCase) =>
  `${row.text} (${row.reference}${row.fiscalYearEnd ? `, fiscal year ends in month ${row.fiscalYearEnd}` : ''}${row.sentence ? `: “${row.sentence}”` : ''})`;

describe('the table of wire-copy date phrases', () => {
  it('holds at least 150 cases, refusals among them', () => {
    expect(PHRASE_TABLE.length).toBeGreaterThanOrEqual(150);
    expect(PHRASE_TABLE.filter((row) => row.refused).length).toBeGreaterThanOrEqual(10);
  });

  const readable = PHRASE_TABLE.filter((row) => row.value !== undefined).map((row) => [title(row), row] as const);
  it.each(readable)('when %s is read, then it is the date the writer meant', (_title, row) => {
    const result = read(row);
    if (!result.ok) throw new Error(`refused: ${result.message}`);

    expect(result.date.value).toBe(row.value);
    expect(result.date.direction).toBe(row.direction);
  });

  const refused = PHRASE_TABLE.filter((row) => row.refused !== undefined).map((row) => [title(row), row] as const);
  it.each(refused)('when %s is read, then it is refused rather than guessed', (_title, row) => {
    const result = read(row);
    if (result.ok) throw new Error(`read as ${result.date.value}`);

    expect(result.message).toContain(row.refused);
    expect(result.examples.length).toBeGreaterThan(0);
  });
});
