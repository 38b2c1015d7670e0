import { describe, expect, it } from 'vitest';
import { dateFromValue } from '../../../src/domain/dates/claim-date.js';
import { CSV_COLUMNS, claimsFromCsvRows, toCsv } from '../../../src/domain/formats/csv.js';
import { parseCsv } from '../../../src/domain/formats/csv-table.js';
import { claimById, makeDatabase } from './fixture.js';

const today = '2025-03-01';
const header = CSV_COLUMNS.join(',');

/** One CSV data row from column values, the rest empty. */
function row(values: Partial<Record<(typeof CSV_COLUMNS)[number], string>>): string[] {
  return CSV_COLUMNS.map((column) => values[column] ?? '');
}

describe('toCsv', () => {
  it('when a claim has two attributions, then it takes two rows under one header, with CRLF line ends', () => {
    const db = makeDatabase();
    const lines = toCsv(db, [claimById(db, 'alibaba-chosen')]).split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${header}`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]).toMatch(/^alibaba-chosen,/);
    expect(lines[2]).toContain(',relay,reuters,Reuters,relayed,reuters-apple-alibaba,https://www.reuters.com/');
  });

  it('when an attribution cites no stored document but gives a URL, then the URL is written as its document_url', () => {
    const db = makeDatabase();
    const claim = {
      ...claimById(db, 'baidu-selected'),
      attributions: [{ sourceId: 'the-information', role: 'origin' as const, verb: 'reported', url: 'https://example.com/baidu' }],
    };
    const [, only] = parseCsv(toCsv(db, [claim]));
    expect(only?.[CSV_COLUMNS.indexOf('document_url')]).toBe('https://example.com/baidu');
  });

  it('when a claim has no attributions, then it still gets a row with the attribution columns empty', () => {
    const db = makeDatabase();
    const claim = { ...claimById(db, 'baidu-selected'), attributions: [] };
    const [, only] = parseCsv(toCsv(db, [claim]));
    expect(only?.slice(12)).toEqual(['', '', '', '', '', '', '', '', '']);
  });

  it('when text holds a comma, a quote, a line break or non-ASCII letters, then only the fields that need it are quoted', () => {
    const db = makeDatabase();
    const claim = {
      ...claimById(db, 'baidu-selected'),
      statement: 'Baidu, not "Alibaba",\r\nwas first — 百度 said',
      actors: ['Baidu', 'Zürich Ltd'],
    };
    const line = toCsv(db, [claim]).split('\r\n').slice(1).join('\r\n');
    expect(line).toContain('"Baidu, not ""Alibaba"",\r\nwas first — 百度 said"');
    expect(line).toContain(',Baidu; Zürich Ltd,');
  });
});

describe('toCsv and parseCsv', () => {
  it('when the whole export is parsed, then every field reads back exactly as written', () => {
    const db = makeDatabase();
    const claim = { ...claimById(db, 'china-launch'), statement: 'Line one\r\nline "two", ünïcødé 🚀' };
    const rows = parseCsv(toCsv(db, [claim]));
    expect(rows[1]?.[1]).toBe('Line one\r\nline "two", ünïcødé 🚀');
    expect(rows.every((fields) => fields.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('when a cell would run as a formula in a spreadsheet, then it is written with a leading apostrophe and reads back as typed', () => {
    const db = makeDatabase();
    const statement = '=HYPERLINK("http://evil.example","Click")';
    const claim = {
      ...claimById(db, 'baidu-selected'),
      statement,
      actors: ['+Apple', '@Baidu'],
      attributions: [{ sourceId: 'the-information', role: 'origin' as const, verb: "-said", note: "=cmd|' /C calc'!A0" }],
    };
    const written = toCsv(db, [claim]);
    expect(written).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(written).toContain(",'+Apple; @Baidu,");
    expect(written).toContain(",'-said,");
    expect(written).not.toMatch(/,[=+\-@\t]/);
    const { claims } = claimsFromCsvRows(parseCsv(written), { today });
    expect(claims[0]).toMatchObject({ statement, actors: ['+Apple', '@Baidu'], attributions: [{ verb: '-said', note: "=cmd|' /C calc'!A0" }] });
  });
});

describe('claimsFromCsvRows', () => {
  it('when a date is open at its end, then its end day is read from date_end, where its text stopped vouching for it', () => {
    const rows = [
      ['claim_id', 'statement', 'date_value', 'date_end'],
      ['since', 'Searching since 2024', '2024/..', '2025-02-11'],
      ['closed', 'In 2024', '2024', '2025-02-11'],
    ];
    const { claims } = claimsFromCsvRows(rows, { today });
    expect(claims.map((claim) => [claim.date.label, claim.date.end])).toEqual([
      ['2024 onwards', '2025-02-11'],
      ['2024', '2024-12-31'],
    ]);
  });

  it('when the export is read back, then each claim returns with its dates, phrase, lists and attributions', () => {
    const db = makeDatabase();
    const { claims, errors } = claimsFromCsvRows(parseCsv(toCsv(db, db.claims)), { today });
    expect(errors).toEqual([]);
    expect(claims.map((claim) => claim.id)).toEqual(['alibaba-chosen', 'china-launch', 'baidu-selected']);
    const [alibaba, launch] = claims;
    const original = claimById(db, 'alibaba-chosen');
    expect(alibaba).toMatchObject({
      statement: original.statement,
      date: original.date,
      claimedAt: original.claimedAt,
      actors: ['Apple', 'Alibaba'],
      topics: ['AI', 'China'],
      status: 'confirmed',
      supersedes: ['baidu-selected'],
      line: 2,
    });
    expect(alibaba?.attributions[1]).toEqual({
      sourceId: 'reuters',
      sourceName: 'Reuters',
      role: 'relay',
      verb: 'relayed',
      documentId: 'reuters-apple-alibaba',
      documentUrl: 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/',
      quote: 'Apple has chosen Alibaba as its AI partner in China',
      madeAt: '2025-02-11',
      note: 'could not verify',
    });
    expect(launch?.date).toEqual({ ...dateFromValue('2025-Q2'), phrase: 'the second quarter' });
  });

  it('when rows of one claim disagree on its statement, then the later row is reported against the earlier', () => {
    const rows = [
      [...CSV_COLUMNS],
      row({ claim_id: 'c1', statement: 'A happened', date_value: '2024', role: 'origin', source_id: 'x', verb: 'said' }),
      row({ claim_id: 'c1', statement: 'B happened', date_value: '2024', role: 'relay', source_id: 'y', verb: 'relayed' }),
    ];
    expect(claimsFromCsvRows(rows, { today }).errors).toEqual([
      { line: 3, field: 'statement', message: 'statement differs from line 2, an earlier row of the same claim' },
    ]);
  });

  it('when a row has an impossible date, an unknown role and a future made_at, then each is reported with its row', () => {
    const rows = [
      [...CSV_COLUMNS],
      row({ claim_id: 'c1', statement: 'A', date_value: '2024-13', role: 'origin', source_id: 'x', verb: 'said' }),
      row({ claim_id: 'c2', statement: 'B', date_value: '2024', role: 'whistleblower', source_id: 'x', verb: 'said', made_at: '2030-01-01' }),
    ];
    const { claims, errors } = claimsFromCsvRows(rows, { today });
    expect(claims).toEqual([]);
    expect(errors).toEqual([
      { line: 2, field: 'date_value', message: 'there is no month 13 (months are 01–12)' },
      { line: 3, field: 'role', message: '“whistleblower” is not a role (origin, relay, publisher)' },
      { line: 3, field: 'made_at', message: '2030-01-01 is after today; a source cannot have made the claim yet' },
    ]);
  });

  it('when made_at is not a calendar day, then the row is refused', () => {
    const rows = [
      [...CSV_COLUMNS],
      row({ claim_id: 'c1', statement: 'A', date_value: '2024', role: 'origin', source_id: 'x', verb: 'said', made_at: '2025-02-30' }),
    ];
    expect(claimsFromCsvRows(rows, { today }).errors).toEqual([
      { line: 2, field: 'made_at', message: '“2025-02-30” is not a day (YYYY-MM-DD)' },
    ]);
  });

  it('when claimed_at is empty, then the claim counts as claimed on its earliest made_at', () => {
    const rows = [
      [...CSV_COLUMNS],
      row({ claim_id: 'c1', statement: 'A', date_value: '2024', role: 'relay', source_id: 'y', verb: 'relayed', made_at: '2024-05-02' }),
      row({ claim_id: 'c1', statement: 'A', date_value: '2024', role: 'origin', source_id: 'x', verb: 'said', made_at: '2024-05-01' }),
    ];
    const { claims } = claimsFromCsvRows(rows, { today });
    expect(claims[0]?.claimedAt).toEqual(dateFromValue('2024-05-01'));
    expect(claims[0]?.status).toBe('reported');
  });

  it('when the header has a column Claimline does not read or lacks a required one, then nothing is read', () => {
    const result = claimsFromCsvRows([['claim_id', 'statement', 'mood'], ['c1', 'A', 'sunny']], { today });
    expect(result).toEqual({
      claims: [],
      errors: [
        { line: 1, field: 'mood', message: '“mood” is not a column Claimline reads' },
        { line: 1, field: 'date_value', message: 'the column “date_value” is missing' },
      ],
    });
  });

  it('when a row has fewer fields than the header, then it is refused and blank rows are skipped', () => {
    const rows = [[...CSV_COLUMNS], [''], ['c1', 'A']];
    expect(claimsFromCsvRows(rows, { today }).errors).toEqual([
      { line: 3, field: '', message: `this row has 2 fields where the header has ${CSV_COLUMNS.length}` },
    ]);
  });
});
