import { DateValueError, MAX_YEAR, MIN_YEAR, dateFromValue, dayFromIso } from '../dates/claim-date.js';
import { ROLES, STATUSES } from '../types.js';
import type { Attribution, Claim, ClaimDate, Database, Role, Status } from '../types.js';
import { writeCsv } from './csv-table.js';

/**
 * Claims as CSV (RFC 4180), one row per claim × attribution, for spreadsheets and research scripts.
 *
 * CSV cannot carry, so an export → import through CSV loses:
 * - a claim's status history (only the current status), its revisions, revision number and timestamps;
 * - anchors' prefix, suffix and offsets (only the quote itself), so a re-imported quote must be re-anchored;
 * - documents' title, publisher, publication day, credit and text (only id and URL), and sources' kind and URL
 *   (only id and name), and sources' fiscal year end; an attribution's own `url` travels in `document_url` only when it cites no document;
 * - the reference day a phrase was read against (the label, start and end are derived from `date_value` again, so
 *   edits to them are ignored, except the end of a date open at its end: the last day its text vouches for), and which
 *   way a date named without its year was read (`direction`, `directionCue`);
 * - a `;` inside an actor, topic or superseded id, since those lists are joined with "; ".
 */

/** The header Claimline writes and reads, in this order; a file may order or omit columns, except the first three. */
export const CSV_COLUMNS = [
  'claim_id',
  'statement',
  'date_value',
  'date_label',
  'date_start',
  'date_end',
  'date_phrase',
  'claimed_at',
  'actors',
  'topics',
  'status',
  'supersedes',
  'role',
  'source_id',
  'source_name',
  'verb',
  'document_id',
  'document_url',
  'quote',
  'made_at',
  'note',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const CLAIM_COLUMNS = [
  'statement',
  'date_value',
  'date_phrase',
  'claimed_at',
  'actors',
  'topics',
  'status',
  'supersedes',
] as const satisfies readonly Column[];
const ATTRIBUTION_COLUMNS = [
  'role',
  'source_id',
  'source_name',
  'verb',
  'document_id',
  'document_url',
  'quote',
  'made_at',
  'note',
] as const satisfies readonly Column[];
const REQUIRED_COLUMNS: readonly Column[] = ['claim_id', 'statement', 'date_value'];
const LIST_SEPARATOR = '; ';

/** An attribution as CSV gives it: the source's name and the document's URL travel with it, for the importer to match or create. */
export interface ImportedAttribution extends Attribution {
  sourceName?: string;
  documentUrl?: string;
}

/** A claim as CSV gives it: no history, revision or timestamps, which the importer supplies. */
export interface ImportedClaim
  extends Pick<Claim, 'id' | 'statement' | 'date' | 'claimedAt' | 'actors' | 'topics' | 'status' | 'supersedes'> {
  attributions: ImportedAttribution[];
  /** The row the claim first appears on, for reports. */
  line: number;
}

export interface CsvRowError {
  /** The row as a spreadsheet numbers it: the header is 1. */
  line: number;
  field: string;
  message: string;
}

/**
 * Claims as CSV (see writeCsv: a BOM, CRLF line ends, formulas made inert): a header row, then one row per claim ×
 * attribution (a claim without attributions gets one row with the attribution columns empty).
 * @example toCsv(db, db.claims).split('\r\n')[0] //=> '\uFEFFclaim_id,statement,date_value,…,made_at,note'
 */
export function toCsv(db: Database, claims: Claim[]): string {
  const sources = new Map(db.sources.map((source) => [source.id, source]));
  const documents = new Map(db.documents.map((document) => [document.id, document]));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const claim of claims) {
    const claimFields = [
      claim.id,
      claim.statement,
      claim.date.value,
      claim.date.label,
      claim.date.start,
      claim.date.end,
      claim.date.phrase ?? '',
      claim.claimedAt.value,
      claim.actors.join(LIST_SEPARATOR),
      claim.topics.join(LIST_SEPARATOR),
      claim.status,
      claim.supersedes.join(LIST_SEPARATOR),
    ];
    const attributions: Array<Attribution | undefined> = claim.attributions.length > 0 ? claim.attributions : [undefined];
    for (const attribution of attributions) {
      rows.push([
        ...claimFields,
        attribution?.role ?? '',
        attribution?.sourceId ?? '',
        (attribution && sources.get(attribution.sourceId)?.name) ?? '',
        attribution?.verb ?? '',
        attribution?.documentId ?? '',
        // An attribution without a stored document still says where it can be read; the importer reads it back as `url`.
        (attribution?.documentId ? documents.get(attribution.documentId)?.url : attribution?.url) ?? '',
        attribution?.quote ?? '',
        attribution?.madeAt ?? '',
        attribution?.note ?? '',
      ]);
    }
  }
  return writeCsv(rows);
}

/**
 * Claims back from CSV rows (as parseCsv gives them, header first), grouping the rows of each claim_id into one
 * claim with its attributions. Dates are read again from `date_value` (keeping `date_phrase`); a claim without
 * `claimed_at` is taken as claimed on its earliest `made_at`, else on `today`. Days after `today` are refused for
 * `claimed_at` and `made_at`. Every problem is reported with its row; the claims from rows without problems are
 * still returned so a dry run can show them, but an import must store nothing while `errors` is not empty.
 * @example claimsFromCsvRows(parseCsv(toCsv(db, db.claims)), { today: '2025-03-01' }).errors //=> []
 */
export function claimsFromCsvRows(
  rows: string[][],
  options: { today: string },
): { claims: ImportedClaim[]; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const [header, ...body] = rows;
  if (!header || header.every((name) => name.trim() === '')) {
    return { claims: [], errors: [{ line: 1, field: '', message: 'the file has no header row' }] };
  }
  const index = headerIndex(header, errors);
  if (errors.length > 0) return { claims: [], errors };

  const claims = new Map<string, { claim: ClaimDraft; raw: Record<string, string>; bad: boolean }>();
  body.forEach((row, r) => {
    const line = r + 2;
    if (row.every((value) => value.trim() === '')) return;
    const problem = (field: string, message: string): void => {
      errors.push({ line, field, message });
    };
    if (row.length !== header.length) {
      problem('', `this row has ${row.length} fields where the header has ${header.length}`);
      return;
    }
    const get = (column: Column): string => {
      const at = index.get(column);
      return at === undefined ? '' : (row[at] ?? '').trim();
    };
    const id = get('claim_id');
    if (!id) {
      problem('claim_id', 'claim_id is empty');
      return;
    }
    const errorsBefore = errors.length;
    const seen = claims.get(id);
    if (seen) {
      for (const column of CLAIM_COLUMNS) {
        if (get(column) !== seen.raw[column]) {
          problem(column, `${column} differs from line ${seen.claim.line}, an earlier row of the same claim`);
        }
      }
    }
    const attribution = attributionFrom(get, options.today, problem);
    if (seen) {
      if (attribution) seen.claim.attributions.push(attribution);
      seen.bad ||= errors.length > errorsBefore;
      return;
    }
    const claim = claimFrom(id, line, get, problem);
    if (claim && attribution) claim.attributions.push(attribution);
    if (claim) {
      const raw = Object.fromEntries(CLAIM_COLUMNS.map((column) => [column, get(column)]));
      claims.set(id, { claim, raw, bad: errors.length > errorsBefore });
    }
  });

  const good: ImportedClaim[] = [];
  for (const { claim, raw, bad } of claims.values()) {
    const claimedAt = raw.claimed_at
      ? claimedAtFrom(raw.claimed_at, claim.line, options.today, errors)
      : dateFromValue(earliestMadeAt(claim) ?? options.today);
    if (claimedAt && !bad) good.push({ ...claim, claimedAt });
  }
  errors.sort((a, b) => a.line - b.line);
  return { claims: good, errors };
}

function headerIndex(header: string[], errors: CsvRowError[]): Map<Column, number> {
  const index = new Map<Column, number>();
  header.forEach((rawName, at) => {
    const name = rawName.trim();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: 1, field: name, message: `“${name}” is not a column Claimline reads` });
    } else if (index.has(name as Column)) {
      errors.push({ line: 1, field: name, message: `the column “${name}” appears twice` });
    } else {
      index.set(name as Column, at);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) errors.push({ line: 1, field: column, message: `the column “${column}” is missing` });
  }
  return index;
}

type Problem = (field: string, message: string) => void;

/** A claim before its claimedAt, which may depend on the attributions of all its rows. */
type ClaimDraft = Omit<ImportedClaim, 'claimedAt'>;

function earliestMadeAt(claim: ClaimDraft): string | undefined {
  return claim.attributions
    .flatMap((attribution) => attribution.madeAt ?? [])
    .sort()
    .at(0);
}

/** The claim-level fields of a claim's first row. */
function claimFrom(id: string, line: number, get: (column: Column) => string, problem: Problem): ClaimDraft | undefined {
  const statement = get('statement');
  if (!statement) problem('statement', 'the statement is empty');
  let date: ClaimDate | undefined;
  try {
    date = dateFromValue(get('date_value'));
    const phrase = get('date_phrase');
    if (phrase) date = { ...date, phrase };
    // An open end stops at the last day its text vouches for, which the value alone cannot say ("since 2024", written in 2025).
    const end = get('date_end');
    if (date.openEnd && isDay(end) && end >= date.start) date = { ...date, end };
  } catch (error) {
    if (!(error instanceof DateValueError)) throw error;
    problem('date_value', error.message);
  }
  const status = get('status') || 'reported';
  if (!(STATUSES as readonly string[]).includes(status)) {
    problem('status', `“${status}” is not a status (${STATUSES.join(', ')})`);
  }
  if (!statement || !date || !(STATUSES as readonly string[]).includes(status)) return undefined;
  return {
    id,
    statement,
    date,
    actors: listFrom(get('actors')),
    topics: listFrom(get('topics')),
    status: status as Status,
    supersedes: listFrom(get('supersedes')),
    attributions: [],
    line,
  };
}

function claimedAtFrom(value: string, line: number, today: string, errors: CsvRowError[]): ClaimDate | undefined {
  try {
    const date = dateFromValue(value);
    if (date.start > today) {
      errors.push({ line, field: 'claimed_at', message: `${date.label} is after today; a claim cannot be made in the future` });
      return undefined;
    }
    return date;
  } catch (error) {
    if (!(error instanceof DateValueError)) throw error;
    errors.push({ line, field: 'claimed_at', message: error.message });
    return undefined;
  }
}

/** The row's attribution, or undefined when all its attribution columns are empty. */
function attributionFrom(
  get: (column: Column) => string,
  today: string,
  problem: Problem,
): ImportedAttribution | undefined {
  if (ATTRIBUTION_COLUMNS.every((column) => get(column) === '')) return undefined;
  const role = get('role');
  const sourceId = get('source_id');
  const verb = get('verb');
  const madeAt = get('made_at');
  let ok = true;
  const refuse = (field: string, message: string): void => {
    ok = false;
    problem(field, message);
  };
  if (!(ROLES as readonly string[]).includes(role)) {
    refuse('role', role ? `“${role}” is not a role (${ROLES.join(', ')})` : `the role is empty (${ROLES.join(', ')})`);
  }
  if (!sourceId) refuse('source_id', 'source_id is empty; every attribution names its source');
  if (!verb) refuse('verb', 'the verb is empty (“reported”, “said”, “according to”)');
  if (madeAt) {
    if (!isDay(madeAt)) {
      refuse('made_at', `“${madeAt}” is not a day (YYYY-MM-DD)`);
    } else if (madeAt > today) {
      refuse('made_at', `${madeAt} is after today; a source cannot have made the claim yet`);
    }
  }
  if (!ok) return undefined;
  const attribution: ImportedAttribution = { sourceId, role: role as Role, verb };
  const optional = {
    sourceName: get('source_name'),
    documentId: get('document_id'),
    documentUrl: get('document_url'),
    quote: get('quote'),
    madeAt,
    note: get('note'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) Object.assign(attribution, { [key]: value });
  }
  return attribution;
}

/** A real ISO day in the years Claimline accepts; checked without building a ClaimDate, which costs far more per row. */
function isDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return dayFromIso(value) !== null && year >= MIN_YEAR && year <= MAX_YEAR;
}

function listFrom(value: string): string[] {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
