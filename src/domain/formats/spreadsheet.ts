import type { FormRow, RowProblem } from './form-row.js';
import { LIST_FIELDS, REQUIRED_FIELDS, SPREADSHEET_FIELDS, fieldForHeader, type SpreadsheetField } from './spreadsheet-columns.js';

/**
 * Which field columns fill, by column index (the import page's choices) or by header (the command line's
 * `--map "Mood=ignore"`, case and spacing forgiven); null ignores the column.
 */
export interface ColumnMapping {
  byIndex?: Record<number, SpreadsheetField | null>;
  byHeader?: Record<string, SpreadsheetField | null>;
}

export interface ColumnChoice {
  index: number;
  header: string;
  /** The field the column fills: the mapping's, else the one its header names; null when ignored or unknown. */
  field: SpreadsheetField | null;
  /** Whether Claimline knew the header without being told. */
  known: boolean;
}

export interface SpreadsheetRead {
  columns: ColumnChoice[];
  /** The first rows under the header, for the mapping step's preview. */
  preview: string[][];
  rows: FormRow[];
  problems: RowProblem[];
  /** Some column's header is not a field Claimline knows and no mapping says what it is. */
  needsMapping: boolean;
}

const PREVIEW_ROWS = 5;

/**
 * An ordinary spreadsheet (header row first, one claim per row) as claims in the add form's fields. Columns are
 * read by their headers with case and spacing forgiven ("Statement", "Relayed by", "Claimed at"), or as `mapping`
 * says (by column or by header). A header Claimline does not know stops the reading until a mapping names its field or ignores it. A
 * `published` column is the reference day for relative dates and, where no claim date is given, the claim date.
 * Lists may be separated by commas or semicolons.
 * @example readSpreadsheet([['Statement', 'Date', 'Source'], ['Apple chose Alibaba', 'last month', 'Reuters']]).rows[0].body //=> { statement: 'Apple chose Alibaba', date: 'last month', source: 'Reuters' }
 */
export function readSpreadsheet(table: string[][], options: { mapping?: ColumnMapping } = {}): SpreadsheetRead {
  const [header = [], ...body] = table;
  const filled = body.filter((row) => row.some((cell) => cell.trim() !== ''));
  const { byIndex, problems: headerProblems } = indexMapping(header, options.mapping ?? {});
  const columns = header.map((name, index): ColumnChoice => {
    const known = fieldForHeader(name);
    const mapped = index in byIndex ? byIndex[index] : undefined;
    return { index, header: name.trim(), field: mapped !== undefined ? mapped : (known ?? null), known: known !== undefined };
  });
  const preview = filled.slice(0, PREVIEW_ROWS);
  if (headerProblems.length > 0) return { columns, preview, rows: [], problems: headerProblems, needsMapping: false };
  const unknown = columns.filter(
    (column) => !column.known && !(column.index in byIndex) && (column.header !== '' || filled.some((row) => (row[column.index] ?? '').trim() !== '')),
  );
  if (unknown.length > 0) {
    const names = unknown.map((column) => `“${column.header || `column ${column.index + 1}`}”`).join(', ');
    const message = `${unknown.length === 1 ? 'the column' : 'the columns'} ${names} ${unknown.length === 1 ? 'is' : 'are'} not a field Claimline knows: say which field each column fills, or to ignore it`;
    return { columns, preview, rows: [], problems: [{ where: 'line 1', message }], needsMapping: true };
  }
  const problems = mappingProblems(columns);
  if (problems.length > 0) return { columns, preview, rows: [], problems, needsMapping: false };

  const rows: FormRow[] = [];
  body.forEach((cells, r) => {
    if (!cells.some((cell) => cell.trim() !== '')) return;
    const where = `line ${r + 2}`;
    const extra = cells.slice(header.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      problems.push({ where, message: `this row has ${cells.length} cells where the header has ${header.length}` });
      return;
    }
    const row: FormRow = { where, body: {} };
    for (const column of columns) {
      const value = (cells[column.index] ?? '').trim();
      if (!column.field || value === '') continue;
      if (column.field === 'id') row.id = value;
      else if (LIST_FIELDS.includes(column.field)) row.body[column.field] = value.split(/[;,]/).map((item) => item.trim()).filter(Boolean);
      else row.body[column.field] = value;
    }
    const published = row.body.published;
    delete row.body.published;
    if (typeof published === 'string') {
      row.body.dateReference ??= published;
      row.body.claimedAt ??= published;
    }
    rows.push(row);
  });
  return { columns, preview, rows, problems, needsMapping: false };
}

/** The mapping by column index, the headers it names found in `header`. */
function indexMapping(header: string[], mapping: ColumnMapping): { byIndex: Record<number, SpreadsheetField | null>; problems: RowProblem[] } {
  const byIndex = { ...mapping.byIndex };
  const problems: RowProblem[] = [];
  const plain = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [name, field] of Object.entries(mapping.byHeader ?? {})) {
    const index = header.findIndex((candidate) => plain(candidate) === plain(name));
    if (index === -1) problems.push({ where: 'line 1', message: `the mapping names the column “${name}”, which this file does not have` });
    else byIndex[index] = field;
  }
  return { byIndex, problems };
}

function mappingProblems(columns: ColumnChoice[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const field of SPREADSHEET_FIELDS) {
    const filling = columns.filter((column) => column.field === field);
    if (filling.length > 1) {
      problems.push({ where: 'line 1', message: `two columns fill the ${field}: ${filling.map((column) => `“${column.header}”`).join(' and ')}` });
    }
  }
  const mapped = new Set(columns.map((column) => column.field));
  for (const field of REQUIRED_FIELDS) {
    if (mapped.has(field) || (field === 'source' && mapped.has('sourceId'))) continue;
    problems.push({ where: 'line 1', message: `no column gives the ${field === 'source' ? 'source (who made the claim)' : field}` });
  }
  return problems;
}
