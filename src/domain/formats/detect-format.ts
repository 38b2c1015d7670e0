import { CSV_COLUMNS } from './csv.js';
import { CsvSyntaxError, parseCsv } from './csv-table.js';
import { isTimelineJsSheet } from './timelinejs-import.js';

/** What an import file is, found from its content; for a table, its rows as read. */
export type DetectedFormat =
  | { format: 'claimline-json'; text: string }
  | { format: 'timelinejs-json'; json: Record<string, unknown> }
  | { format: 'csv'; rows: string[][] }
  | { format: 'timelinejs-sheet'; rows: string[][] }
  | { format: 'spreadsheet'; rows: string[][] }
  | { format: 'csv-error'; error: CsvSyntaxError }
  | { format: 'unknown'; looksLike: string };

const CLAIMLINE_KEYS = ['format', 'formatVersion', 'sources', 'documents', 'claims', 'revisions'];

/**
 * Which import format `text` is, by its content alone: Claimline JSON (an object with `"format": "claimline"` or
 * Claimline's keys), TimelineJS JSON (an object with `events`), Claimline's CSV (its `claim_id` column), the
 * TimelineJS sheet (`Year` … `Headline`), or an ordinary spreadsheet (comma- or tab-separated, header first).
 * Anything else comes back as `unknown` with what it looks like, for the person who chose the file.
 * @example detectFormat('{"events": []}').format //=> 'timelinejs-json'
 * @example detectFormat('<!doctype html><html>…').looksLike //=> 'a web page (HTML), not a file of claims'
 */
export function detectFormat(text: string): DetectedFormat {
  const bare = text.replace(/^\uFEFF/, '');
  const start = bare.trimStart();
  if (start === '') return { format: 'unknown', looksLike: 'an empty file' };
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(bare);
  if (start.startsWith('<')) return { format: 'unknown', looksLike: describeMarkup(start) };
  if (start.startsWith('%PDF')) return { format: 'unknown', looksLike: 'a PDF document, not a table of claims' };
  const firstLine = start.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  if (!firstLine.includes(delimiter)) {
    const shown = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
    return { format: 'unknown', looksLike: `plain text, not a table: its first line (“${shown}”) has no commas or tabs between columns` };
  }
  let rows: string[][];
  try {
    rows = parseCsv(bare, { delimiter });
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { format: 'csv-error', error };
    throw error;
  }
  const header = (rows[0] ?? []).map((name) => name.trim());
  // Claimline's own columns: its reader names any column it does not read.
  if (header.includes(CSV_COLUMNS[0])) return { format: 'csv', rows };
  if (isTimelineJsSheet(header)) return { format: 'timelinejs-sheet', rows };
  return { format: 'spreadsheet', rows };
}

function detectJson(text: string): DetectedFormat {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Broken JSON is most likely a Claimline export cut short or edited by hand; its reader says where it breaks.
    return { format: 'claimline-json', text };
  }
  if (Array.isArray(json)) {
    return { format: 'unknown', looksLike: `a JSON list of ${json.length} item${json.length === 1 ? '' : 's'}, not a Claimline export (an object with "format": "claimline") nor a TimelineJS timeline (an object with "events")` };
  }
  if (typeof json !== 'object' || json === null) return { format: 'unknown', looksLike: 'a single JSON value, not a file of claims' };
  const record = json as Record<string, unknown>;
  if (record.format === 'claimline' || (record.format === undefined && CLAIMLINE_KEYS.slice(2).some((key) => key in record) && !('events' in record))) {
    return { format: 'claimline-json', text };
  }
  if ('events' in record) return { format: 'timelinejs-json', json: record };
  const keys = Object.keys(record).slice(0, 5).map((key) => `“${key}”`).join(', ');
  return {
    format: 'unknown',
    looksLike: `a JSON object${keys ? ` with ${keys}` : ''}, not a Claimline export (which has "format": "claimline") nor a TimelineJS timeline (which has "events")`,
  };
}

function describeMarkup(start: string): string {
  const head = start.slice(0, 500).toLowerCase();
  if (/<feed[\s>]/.test(head)) return 'an Atom feed (XML); import Claimline’s JSON or CSV export instead';
  if (/<rss[\s>]/.test(head)) return 'an RSS feed (XML), not a file of claims';
  if (/<!doctype html|<html[\s>]/.test(head)) return 'a web page (HTML), not a file of claims';
  return 'XML, not a file of claims';
}

/**
 * What a file that is not UTF-8 text looks like, from its first bytes, when that can be told.
 * @example describeBinary(Buffer.from('PK\x03\x04')) //=> 'a ZIP file, such as an Excel or LibreOffice workbook; save it as CSV (UTF-8) first'
 */
export function describeBinary(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP file, such as an Excel or LibreOffice workbook; save it as CSV (UTF-8) first';
  if (head.startsWith('\u00D0\u00CF\u0011\u00E0')) return 'an old Excel workbook (.xls); save it as CSV (UTF-8) first';
  if (head.startsWith('%PDF')) return 'a PDF document, not a table of claims';
  return undefined;
}
