import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula, restoreFormula } from './csv-formula.js';

/** The file is not well-formed CSV; `line` counts from 1 in the text as written, `column` counts fields as a spreadsheet does. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'this quoted field is never closed',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field; quote the whole field and double the quote',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote; a field with quotes must be wholly quoted',
};

const BOM = '\uFEFF';

/**
 * Reads RFC 4180 CSV (csv-parse) into rows of fields, header included. Accepts a UTF-8 BOM, CRLF, LF or CR line
 * ends, quoted fields spanning lines, rows of differing lengths and a missing final line end; a blank line reads as
 * a row of one empty field. A cell written with a leading `'` to keep a spreadsheet from running it as a formula
 * reads back without it (see restoreFormula). `delimiter` is `,` unless told otherwise (`\t` for pasted sheets).
 * @throws CsvSyntaxError for a quote inside an unquoted field, text after a closing quote, or an unclosed quote,
 * naming the line the row starts on and the column of the field at fault.
 * @example parseCsv('a,"b ""c"""\r\n1,"x\r\ny"') //=> [['a', 'b "c"'], ['1', 'x\r\ny']]
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): string[][] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, delimiter: options.delimiter ?? ',' });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw syntaxError(text, error);
  }
  return rows.map((row) => row.map(restoreFormula));
}

/** csv-parse counts in UTF-8 bytes and names the field by index; people count lines and columns. */
function syntaxError(text: string, error: CsvError): CsvSyntaxError {
  const info = error as CsvError & { bytes_records?: number; index?: number };
  const before = Buffer.from(text.startsWith(BOM) ? text.slice(1) : text, 'utf8')
    .subarray(0, info.bytes_records ?? 0)
    .toString('utf8');
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
  return new CsvSyntaxError(MESSAGES[error.code] ?? error.message, line, (info.index ?? 0) + 1);
}

/**
 * Rows as RFC 4180 CSV (csv-stringify): a UTF-8 byte order mark first, so LibreOffice's and Excel's default import
 * read the text as UTF-8; CRLF line ends; fields quoted only when they hold a comma, a quote or a line break; and
 * cells a spreadsheet would run as a formula made inert with a leading `'` (see neutraliseFormula).
 * @example writeCsv([['a', 'b,c'], ['=1', '']]) //=> '\uFEFFa,"b,c"\r\n\'=1,\r\n'
 */
export function writeCsv(rows: string[][]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseFormula)),
    { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
