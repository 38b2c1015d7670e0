import { addClaim, type ClockContext, type Transition } from './add-claim.js';
import { validateNewClaim } from './claim-draft.js';
import { validateDatabase } from './database-check.js';
import { contentId } from './formats/content-id.js';
import { claimsFromCsvRows } from './formats/csv.js';
import type { CsvSyntaxError } from './formats/csv-table.js';
import type { ImportedAttribution, ImportedClaim } from './formats/csv.js';
import { detectFormat } from './formats/detect-format.js';
import type { FormRow, RowProblem } from './formats/form-row.js';
import { readSpreadsheet, type ColumnMapping, type SpreadsheetRead } from './formats/spreadsheet.js';
import { sameTimelineDate, timelineDates } from './formats/timelinejs.js';
import { readTimelineJsJson, readTimelineJsSheet, type TimelineRead } from './formats/timelinejs-import.js';
import { parseExport } from './formats/export-json.js';
import { QuoteAnchors } from './quote-anchors.js';
import type { ClaimlineExport } from './formats/export-json.js';
import { recordLimitProblems } from './record-limits.js';
import { REVISED_FIELDS, reviseClaim } from './revisions.js';
import { sequenceConflict } from './sequence/check-sequence.js';
import { slugify } from './slug.js';
import { storyFor } from './story-choice.js';
import type { Attribution, Claim, Database, Document, Relation, Source, StatusChange, Story } from './types.js';

/**
 * Importing a file into a database: read it, plan what each of its records would do (add, update, leave unchanged
 * or be refused, and why), then apply the plan all or nothing. The plan is computed again against the data it is
 * applied to, so a change stored between the dry run and the import cannot be overwritten unseen.
 */

export type ImportFormat = 'claimline-json' | 'csv' | 'spreadsheet' | 'timelinejs-sheet' | 'timelinejs-json' | 'unknown';

/** The formats as the page and the command name them. */
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'claimline-json': 'Claimline JSON',
  csv: 'CSV',
  spreadsheet: 'spreadsheet',
  'timelinejs-sheet': 'TimelineJS sheet',
  'timelinejs-json': 'TimelineJS JSON',
  unknown: 'not a format Claimline reads',
};

/** Formats whose records are claims in the add form's fields, checked and built as the form does. */
type FormFormat = 'spreadsheet' | 'timelinejs-sheet' | 'timelinejs-json';
export type ImportAction = 'add' | 'update' | 'unchanged' | 'refuse';
export type ImportRecordKind = 'story' | 'claim' | 'source' | 'document' | 'revision' | 'relation' | 'file';

/**
 * The story an import goes into: an existing one (by slug or id), or a new one it creates. Without one, a
 * Claimline file that carries its stories keeps them, and anything else goes into the only open story.
 */
export type ImportTarget = { story: string } | { newStory: { title: string; slug: string } };

/** What one record of the file does to the database. */
export interface ImportLine {
  /** Where in the file: `line 4` for CSV, `claims[2]` for Claimline JSON, `file` for the whole of it. */
  where: string;
  kind: ImportRecordKind;
  /** The record's id; empty when the file is refused before an id could be read. */
  id: string;
  action: ImportAction;
  /** The claim's statement, the source's name, the document's title. */
  label: string;
  /** For an update, the fields that change; for a refusal, why; otherwise what the reader should know. */
  details: string[];
}

/** A file as read, before it meets a database. */
export type IncomingImport =
  | { format: 'claimline-json'; name: string; file: ClaimlineExport | null; refused: ImportLine[] }
  | { format: 'csv'; name: string; claims: ImportedClaim[]; refused: ImportLine[] }
  | {
      format: FormFormat;
      name: string;
      rows: FormRow[];
      refused: ImportLine[];
      /** Records that are not claims (a TimelineJS title slide), reported as left alone. */
      skipped: ImportLine[];
      /** A spreadsheet's columns as read, for the import page's mapping step. */
      sheet?: SpreadsheetRead;
    }
  | { format: 'unknown'; name: string; refused: ImportLine[] };

export interface ImportPlan {
  format: ImportFormat;
  /** The file's name, as given; used in the reason of the revisions an import records. */
  name: string;
  /** In the file's order. */
  lines: ImportLine[];
  counts: Record<ImportAction, number>;
  /** True when nothing is refused, so the import may be stored. */
  ok: boolean;
  incoming: IncomingImport;
  /** The quotes the plan anchored, found again from here when it is applied. */
  anchors: QuoteAnchors;
  target?: ImportTarget;
}

/** The editor named on the revisions an import records. */
export const IMPORT_EDITOR = 'import';

/** An import was applied while something in it is refused; `plan` says what. Nothing was stored. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
  constructor(readonly plan: ImportPlan) {
    super(`the import of ${plan.name} is refused: ${plan.counts.refuse} record${plan.counts.refuse === 1 ? '' : 's'} cannot be imported`);
  }
}

/**
 * Reads an import file, its format found from its content: Claimline JSON, Claimline CSV, TimelineJS JSON, the
 * TimelineJS sheet, or an ordinary spreadsheet (its columns read by their headers, or as `mapping` says). Problems
 * with the file itself (not a format Claimline reads, a bad row) come back as refused lines.
 * @example readImport('claim_id,statement,date_value\r\nq1,Apple chose Alibaba,2025-02-11\r\n', { name: 'a.csv', today: '2025-03-01' }).format //=> 'csv'
 */
export function readImport(text: string, options: { name: string; today: string; mapping?: ColumnMapping }): IncomingImport {
  const detected = detectFormat(text);
  switch (detected.format) {
    case 'claimline-json':
      return readJson(detected.text, options.name);
    case 'csv':
      return readCsv(detected.rows, options);
    case 'csv-error':
      return { format: 'csv', name: options.name, claims: [], refused: [csvSyntaxRefusal(detected.error)] };
    case 'spreadsheet': {
      const sheet = readSpreadsheet(detected.rows, options.mapping ? { mapping: options.mapping } : {});
      return { format: 'spreadsheet', name: options.name, rows: sheet.rows, refused: sheet.problems.map(problemLine), skipped: [], sheet };
    }
    case 'timelinejs-sheet':
      return fromTimeline('timelinejs-sheet', options.name, readTimelineJsSheet(detected.rows, options));
    case 'timelinejs-json':
      return fromTimeline('timelinejs-json', options.name, readTimelineJsJson(detected.json, options));
    case 'unknown':
      return {
        format: 'unknown',
        name: options.name,
        refused: [
          refusal(
            'file',
            'file',
            '',
            `this file looks like ${detected.looksLike}. Claimline imports its own JSON and CSV exports, TimelineJS JSON and sheets, and spreadsheets saved as CSV with a header row`,
          ),
        ],
      };
  }
}

function problemLine(problem: RowProblem): ImportLine {
  return refusal(problem.where, problem.where === 'line 1' || problem.where === 'events' ? 'file' : 'claim', '', problem.message);
}

function fromTimeline(format: 'timelinejs-sheet' | 'timelinejs-json', name: string, read: TimelineRead): IncomingImport {
  const skipped = read.skipped.map((note): ImportLine => ({ where: note.where, kind: 'file', id: '', action: 'unchanged', label: '', details: [note.message] }));
  return { format, name, rows: read.rows, refused: read.problems.map(problemLine), skipped };
}

function csvSyntaxRefusal(error: CsvSyntaxError): ImportLine {
  return refusal(`line ${error.line}, column ${error.column}`, 'file', '', error.message.replace(/^line \d+, column \d+: /, ''));
}

function readJson(text: string, name: string): IncomingImport {
  const parsed = parseExport(text);
  if (parsed.ok) return { format: 'claimline-json', name, file: parsed.value, refused: [] };
  const refused = parsed.errors.map(
    (problem): ImportLine => ({
      where: problem.path || 'file',
      kind: kindAt(problem.path),
      id: '',
      action: 'refuse',
      label: '',
      details: [problem.message],
    }),
  );
  return { format: 'claimline-json', name, file: null, refused };
}

function kindAt(path: string): ImportRecordKind {
  const list = /^(stories|sources|documents|claims|revisions|relations)\[/.exec(path)?.[1];
  return list === 'stories' ? 'story' : list ? (list.slice(0, -1) as ImportRecordKind) : 'file';
}

function readCsv(rows: string[][], options: { name: string; today: string }): IncomingImport {
  const { claims, errors } = claimsFromCsvRows(rows, { today: options.today });
  const byLine = new Map<number, string[]>();
  for (const error of errors) {
    byLine.set(error.line, [...(byLine.get(error.line) ?? []), error.field ? `${error.field}: ${error.message}` : error.message]);
  }
  const idColumn = (rows[0] ?? []).findIndex((column) => column.trim() === 'claim_id');
  const refused = [...byLine].map(([line, details]): ImportLine => ({
    where: `line ${line}`,
    kind: line === 1 ? 'file' : 'claim',
    id: line === 1 ? '' : (rows[line - 1]?.[idColumn] ?? '').trim(),
    action: 'refuse',
    label: '',
    details,
  }));
  return { format: 'csv', name: options.name, claims, refused };
}

function refusal(where: string, kind: ImportRecordKind, id: string, why: string): ImportLine {
  return { where, kind, id, action: 'refuse', label: '', details: [why] };
}

/**
 * What importing `incoming` into `db` would do, record by record, without doing it. A claim with the same id and
 * the same content is unchanged; with different content it is updated, recorded as a revision by "import". Any
 * refused record makes the whole plan refused (`ok: false`).
 * @example planImport(db, readImport(text, { name: 'claims.csv', today }), context).counts //=> { add: 3, update: 0, unchanged: 10, refuse: 0 }
 */
export function planImport(db: Database, incoming: IncomingImport, context: ClockContext, anchors = new QuoteAnchors(), target?: ImportTarget): ImportPlan {
  return runImport(db, incoming, context, anchors, target).result;
}

/**
 * The quotes planning `incoming` against `db` will look for in stored documents, so they can be found ahead, a
 * few at a time, into the `QuoteAnchors` the plan is then given.
 * @example quotesToAnchor(db, readImport(csv, { name: 'a.csv', today })) //=> [{ document, quote: 'Apple has chosen Alibaba' }]
 */
export function quotesToAnchor(db: Database, incoming: IncomingImport): Array<{ document: Document; quote: string }> {
  if (incoming.format !== 'csv') return [];
  const documents = new Map(db.documents.map((document) => [document.id, document]));
  return incoming.claims.flatMap((claim) =>
    claim.attributions.flatMap(({ documentId, quote }) => {
      const document = documentId ? documents.get(documentId) : undefined;
      return document && quote ? [{ document, quote }] : [];
    }),
  );
}

/**
 * The database after the import of a plan's file, with the plan computed again against `db` as its result; made
 * for `store.update`. Pure: `db` is not changed.
 * @throws ImportRefusedError when anything in the file is refused against `db`; nothing is to be stored then.
 * @example await store.update((db) => applyImport(db, plan, context)) //=> the plan as stored
 */
export function applyImport(db: Database, plan: ImportPlan, context: ClockContext): Transition<ImportPlan> {
  const outcome = runImport(db, plan.incoming, context, plan.anchors, plan.target);
  if (!outcome.result.ok) throw new ImportRefusedError(outcome.result);
  return outcome;
}

type Collection = 'stories' | 'sources' | 'documents' | 'claims' | 'revisions' | 'relations';
type RecordIn<C extends Collection> = Database[C][number];

/**
 * The next database, built on copies of the lists and changed in place, so a large file costs one pass rather than
 * one copy of every list per record. Nobody else sees it until the import is done.
 */
class NextDatabase {
  readonly data: Database;
  private readonly positions: Record<Collection, Map<string, number>>;

  constructor(db: Database) {
    this.data = {
      ...db,
      stories: [...db.stories],
      sources: [...db.sources],
      documents: [...db.documents],
      claims: [...db.claims],
      revisions: [...db.revisions],
      relations: [...db.relations],
    };
    const positions = (list: Collection) => new Map<string, number>(this.data[list].map((record, at) => [record.id, at]));
    this.positions = {
      stories: positions('stories'),
      sources: positions('sources'),
      documents: positions('documents'),
      claims: positions('claims'),
      revisions: positions('revisions'),
      relations: positions('relations'),
    };
  }

  get<C extends Collection>(list: C, id: string): RecordIn<C> | undefined {
    const at = this.positions[list].get(id);
    return at === undefined ? undefined : (this.data[list][at] as RecordIn<C>);
  }

  /** Adds the record, or replaces the one with its id. */
  put<C extends Collection>(list: C, record: RecordIn<C>): void {
    const records = this.data[list] as Array<RecordIn<C>>;
    const at = this.positions[list].get(record.id);
    if (at === undefined) {
      this.positions[list].set(record.id, records.length);
      records.push(record);
    } else {
      records[at] = record;
    }
  }
}

/** The working state of an import: the next database, built up record by record, and the report. */
interface Run {
  /** The file's name. */
  name: string;
  next: NextDatabase;
  lines: ImportLine[];
  context: ClockContext;
  anchors: QuoteAnchors;
  reason: string;
  /** Claims the file adds or updates, and where they are, for the checks that need all of them in place. */
  touched: Array<{ line: ImportLine; claim: Claim }>;
  /** Relations the file adds, and where they are. */
  relations: Array<{ line: ImportLine; relation: Relation }>;
  /** The story claims and documents go into, when the import names (or creates) one or there is only one. */
  storyId: string | undefined;
  /** True when the records keep the stories the file names (a Claimline file of format 3 and no target). */
  keepStories: boolean;
}

function runImport(db: Database, incoming: IncomingImport, context: ClockContext, anchors: QuoteAnchors, target: ImportTarget | undefined): Transition<ImportPlan> {
  const run: Run = {
    name: incoming.name,
    next: new NextDatabase(db),
    lines: [...incoming.refused],
    context,
    anchors,
    reason: `Imported from ${incoming.name}`,
    touched: [],
    relations: [],
    storyId: undefined,
    keepStories: !target && incoming.format === 'claimline-json' && incoming.file?.stories !== undefined,
  };
  run.storyId = run.keepStories ? undefined : targetStory(run, target);
  if (incoming.format === 'claimline-json') {
    if (incoming.file) importExport(run, incoming.file);
  } else if (incoming.format === 'csv') {
    importCsv(run, incoming.claims);
  } else if (incoming.format !== 'unknown') {
    run.lines.push(...incoming.skipped);
    importRows(run, incoming.rows);
  }
  checkSupersedes(run);
  checkSequence(run);
  if (!run.lines.some((line) => line.action === 'refuse')) {
    const problem = validateDatabase(run.next.data);
    if (problem !== null) run.lines.push(refusal('file', 'file', '', `the database would not be valid: ${problem}`));
  }
  const counts: Record<ImportAction, number> = { add: 0, update: 0, unchanged: 0, refuse: 0 };
  for (const line of run.lines) counts[line.action] += 1;
  const plan: ImportPlan = { format: incoming.format, name: incoming.name, lines: run.lines, counts, ok: counts.refuse === 0, incoming, anchors, ...(target && { target }) };
  return { data: run.next.data, result: plan };
}

/**
 * The story an import puts its claims and documents in: the one it names, a new one it creates, or the only
 * open story; refused (with a line saying so) when it names one that is missing or archived.
 */
function targetStory(run: Run, target: ImportTarget | undefined): string | undefined {
  const stories = run.next.data.stories;
  if (target && 'newStory' in target) {
    const { title, slug } = target.newStory;
    const line: ImportLine = { where: 'story', kind: 'story', id: slug, action: 'add', label: title, details: [] };
    run.lines.push(line);
    if (stories.some((story) => story.slug === slug || story.id === slug)) {
      Object.assign(line, { action: 'refuse', details: [`the slug “${slug}” is taken by another story`] });
      return undefined;
    }
    run.next.put('stories', { id: slug, slug, title, summary: '', createdAt: run.context.now });
    return slug;
  }
  if (!target && !stories.some((story) => !story.archivedAt)) return newStoryFromFile(run);
  const chosen = storyFor(target?.story, undefined, stories, 'claim');
  if ('field' in chosen) {
    if (target) run.lines.push(refusal('story', 'story', target.story, chosen.message));
    return undefined;
  }
  return chosen.id;
}

/** With no story yet to import into, the import starts one, named after its file. */
function newStoryFromFile(run: Run): string {
  const title = run.name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim() || 'Imported story';
  const base = slugify(title).slice(0, 60).replace(/-+$/, '') || 'imported-story';
  let slug = base;
  for (let n = 2; run.next.get('stories', slug); n += 1) slug = `${base}-${n}`;
  run.next.put('stories', { id: slug, slug, title, summary: '', createdAt: run.context.now });
  run.lines.push({ where: 'story', kind: 'story', id: slug, action: 'add', label: title, details: ['there was no story to import into, so the import starts one, named after the file'] });
  return slug;
}

/** The story a record of the file goes in, or undefined after refusing it with the reason. */
function storyOfRecord(run: Run, where: string, kind: ImportRecordKind, record: { id: string; storyId?: string | undefined }): string | undefined {
  const storyId = run.keepStories ? record.storyId : run.storyId;
  if (storyId && run.next.get('stories', storyId)) return storyId;
  const why = run.keepStories
    ? `its story “${record.storyId ?? ''}” is neither here nor in the file`
    : 'choose the story to import into: this Claimline holds more than one, or none yet';
  run.lines.push(refusal(where, kind, record.id, why));
  return undefined;
}

/** Stories, sources and documents: new ones are added, changed ones replaced whole, since none keeps a history. */
function importRecords<R extends Story | Source | Document>(
  run: Run,
  list: 'stories' | 'sources' | 'documents',
  records: R[],
  label: (record: R) => string,
): void {
  const kind = list === 'stories' ? 'story' : list === 'sources' ? 'source' : 'document';
  records.forEach((record, index) => {
    const current = run.next.get(list, record.id);
    const line: ImportLine = { where: `${list}[${index}]`, kind, id: record.id, action: 'add', label: label(record), details: [] };
    const problems = kind === 'story' ? [] : recordLimitProblems(kind, record);
    if (problems.length > 0) {
      Object.assign(line, { action: 'refuse', details: problems });
    } else if (!current) {
      run.next.put(list, record);
    } else if (sameRecord(withoutBookkeeping(current), withoutBookkeeping(record))) {
      line.action = 'unchanged';
    } else {
      line.action = 'update';
      line.details = changedKeys(current, record);
      run.next.put(list, record);
    }
    run.lines.push(line);
  });
}

function importExport(run: Run, file: ClaimlineExport): void {
  if (run.keepStories) importRecords(run, 'stories', file.stories ?? [], (story) => story.title);
  importRecords(run, 'sources', file.sources, (source) => source.name);
  importRecords(
    run,
    'documents',
    file.documents.flatMap((document, index) => {
      const storyId = storyOfRecord(run, `documents[${index}]`, 'document', document);
      return storyId ? [{ ...document, storyId }] : [];
    }),
    (document) => document.title,
  );
  const added = new Set<string>();
  file.claims.forEach((claim, index) => {
    const where = `claims[${index}]`;
    const storyId = storyOfRecord(run, where, 'claim', claim);
    if (!storyId) return;
    const current = run.next.get('claims', claim.id);
    if (!current) added.add(claim.id);
    putClaim(run, where, current, { ...claim, storyId });
  });
  file.revisions.forEach((revision, index) => {
    const line: ImportLine = {
      where: `revisions[${index}]`,
      kind: 'revision',
      id: revision.id,
      action: 'unchanged',
      label: `revision ${revision.revision} of ${revision.claimId}`,
      details: [],
    };
    const current = run.next.get('revisions', revision.id);
    const problems = recordLimitProblems('revision', revision);
    if (problems.length > 0) {
      Object.assign(line, { action: 'refuse', details: problems });
    } else if (current && !sameRecord(current, revision)) {
      Object.assign(line, { action: 'refuse', details: [`the id “${revision.id}” is already used by another revision here`] });
    } else if (!current && added.has(revision.claimId)) {
      line.action = 'add';
      run.next.put('revisions', revision);
    } else if (!current) {
      line.details = ['not merged: the claim already exists here with its own history, so the import records one revision of its own instead'];
    }
    run.lines.push(line);
  });
  (file.relations ?? []).forEach((relation, index) => importRelation(run, `relations[${index}]`, relation));
}

function importRelation(run: Run, where: string, relation: Relation): void {
  const line: ImportLine = { where, kind: 'relation', id: relation.id, action: 'add', label: `${relation.from} ${relation.relation} ${relation.to}`, details: [] };
  const current = run.next.get('relations', relation.id);
  const pair = run.next.data.relations.find(
    (other) => other.id !== relation.id && ((other.from === relation.from && other.to === relation.to) || (other.from === relation.to && other.to === relation.from)),
  );
  const problems = recordLimitProblems('relation', relation);
  if (problems.length > 0) {
    Object.assign(line, { action: 'refuse', details: problems });
  } else if (current && sameRecord(current, relation)) {
    line.action = 'unchanged';
  } else if (current) {
    Object.assign(line, { action: 'refuse', details: [`the id “${relation.id}” is already used by another relation here`] });
  } else if (pair) {
    Object.assign(line, { action: 'refuse', details: [`these claims are already related here (${pair.from} ${pair.relation} ${pair.to})`] });
  } else {
    run.next.put('relations', relation);
    run.relations.push({ line, relation });
  }
  run.lines.push(line);
}

/**
 * Adds `incoming` as it is, or, when a claim with its id exists, records the difference as one revision by the
 * importer; bookkeeping (revision number, timestamps) alone is no difference.
 */
function putClaim(run: Run, where: string, current: Claim | undefined, incoming: Claim, notes: string[] = []): void {
  const line: ImportLine = { where, kind: 'claim', id: incoming.id, action: 'add', label: incoming.statement, details: notes };
  const problems = recordLimitProblems('claim', incoming);
  if (problems.length > 0) {
    Object.assign(line, { action: 'refuse', details: problems });
  } else if (!current) {
    run.next.put('claims', incoming);
    run.touched.push({ line, claim: incoming });
  } else {
    // When a status was recorded is bookkeeping: the same history recorded at other times is no change.
    const sameHistory = sameRecord(current.statusHistory.map(withoutBookkeeping), incoming.statusHistory.map(withoutBookkeeping));
    const revised = reviseClaim(
      current,
      sameHistory ? { ...incoming, statusHistory: current.statusHistory } : incoming,
      { id: run.context.newId(), at: run.context.now, editor: IMPORT_EDITOR, reason: run.reason },
      REVISED_FIELDS,
    );
    if (!revised) {
      line.action = 'unchanged';
    } else {
      line.action = 'update';
      line.details = [...revised.revision.changes.map((change) => change.field), ...notes];
      run.next.put('claims', revised.claim);
      run.next.put('revisions', revised.revision);
      run.touched.push({ line, claim: revised.claim });
    }
  }
  run.lines.push(line);
}

function importCsv(run: Run, claims: ImportedClaim[]): void {
  for (const imported of claims) {
    const where = `line ${imported.line}`;
    for (const attribution of imported.attributions) {
      if (run.next.get('sources', attribution.sourceId)) continue;
      const source: Source = { id: attribution.sourceId, name: attribution.sourceName || attribution.sourceId, kind: 'other' };
      const problems = recordLimitProblems('source', source);
      if (problems.length === 0) run.next.put('sources', source);
      run.lines.push({
        where,
        kind: 'source',
        id: source.id,
        action: problems.length > 0 ? 'refuse' : 'add',
        label: source.name,
        details: problems.length > 0 ? problems : ['CSV does not say what kind of source it is, so it is filed as “other”'],
      });
    }
    const current = run.next.get('claims', imported.id);
    const notes: string[] = [];
    const attributions = imported.attributions.map((attribution) => attributionFrom(run, attribution, current, notes));
    if (current) {
      putClaim(run, where, current, revisedFromCsv(run, current, imported, attributions), notes);
      continue;
    }
    const storyId = storyOfRecord(run, where, 'claim', { id: imported.id });
    if (storyId) putClaim(run, where, current, newFromCsv(run, imported, attributions, storyId), notes);
  }
}

/**
 * Claims given in the add form's fields (spreadsheets, TimelineJS), each checked by the form's own validation
 * against the data as the import has made it so far and built as the form builds a claim, under the file's id or
 * one made from its content. Names of sources not known here become new sources, as on the form.
 */
function importRows(run: Run, rows: FormRow[]): void {
  // A copy, renewed when a source is added: source lookups keep an index per list, and the import's list grows in place.
  let sources = [...run.next.data.sources];
  for (const row of rows) {
    const checked = validateNewClaim(row.body, { sources, documents: run.next.data.documents, stories: run.next.data.stories }, run.context.today, {
      ...(run.storyId && { storyId: run.storyId }),
    });
    const statement = typeof row.body.statement === 'string' ? row.body.statement : '';
    if (!checked.ok) {
      const details = checked.errors.map((error) => `${error.field}: ${error.message}`);
      run.lines.push({ where: row.where, kind: 'claim', id: row.id ?? '', action: 'refuse', label: statement, details });
      continue;
    }
    const id = row.id ?? contentId(row.body);
    const current = run.next.get('claims', id);
    const built = addClaim({ ...run.next.data, sources }, checked.value.draft, { ...run.context, newId: () => id });
    // A slide updating a stored claim keeps its attributions, so the source the slide would name is not needed.
    const added = current && row.timeline ? [] : built.data.sources.slice(sources.length);
    for (const source of added) {
      run.next.put('sources', source);
      run.lines.push({ where: row.where, kind: 'source', id: source.id, action: 'add', label: source.name, details: ['not a source here yet, so it is added, filed as “other”'] });
    }
    if (added.length > 0) sources = [...run.next.data.sources];
    putClaim(run, row.where, current, current ? formUpdate(current, built.result, row) : built.result);
  }
}

/**
 * A stored claim as a row with the same id would have it. A spreadsheet row gives what the add form gives and
 * replaces it, keeping the status, its history and supersession, which the form does not carry. A TimelineJS slide
 * carries only its headline, dates and group: its date stands when the stored date is drawn the same, and its
 * group is the first actor, so re-importing Claimline's own TimelineJS export changes nothing.
 */
function formUpdate(current: Claim, built: Claim, row: FormRow): Claim {
  if (!row.timeline) {
    const { statement, date, claimedAt, actors, topics, attributions } = built;
    return { ...current, statement, date, claimedAt, actors, topics, attributions };
  }
  const drawn = timelineDates(current.date);
  const sameDate = sameTimelineDate(drawn.start_date, row.timeline.start_date) && sameTimelineDate(drawn.end_date, row.timeline.end_date);
  const group = row.timeline.group;
  const actors = !group || current.actors[0] === group ? current.actors : [group, ...current.actors.filter((actor) => actor !== group)];
  return { ...current, statement: built.statement, date: sameDate ? current.date : built.date, actors };
}

/** A stored attribution from a CSV one: its document when this database has it, else the document's URL. */
function attributionFrom(run: Run, imported: ImportedAttribution, current: Claim | undefined, notes: string[]): Attribution {
  const { sourceName: _name, documentUrl, ...attribution } = imported;
  const document = attribution.documentId ? run.next.get('documents', attribution.documentId) : undefined;
  if (attribution.documentId && !document) {
    notes.push(`document “${attribution.documentId}” is not in this database (CSV cannot carry documents), so the attribution keeps only its URL`);
    delete attribution.documentId;
  }
  if (!document && documentUrl) attribution.url = documentUrl;
  if (!document || !attribution.quote) return attribution;
  const before = current?.attributions.find(
    (candidate) =>
      candidate.sourceId === attribution.sourceId &&
      candidate.role === attribution.role &&
      candidate.documentId === attribution.documentId &&
      candidate.quote === attribution.quote,
  );
  // A quote stored before keeps its anchoring as it was, anchored or not: the CSV says nothing new about it.
  if (before) return before.anchor ? { ...attribution, anchor: before.anchor } : attribution;
  const found = run.anchors.anchor(document, attribution.quote);
  if (found.found) return { ...attribution, anchor: found.anchor };
  if (document.text) notes.push(`the quote of ${attribution.sourceId} is not in the text of “${document.title}”, so it is stored unanchored`);
  return attribution;
}

/** A new claim from CSV: reported on the day it was claimed, and in its current status since today when that differs. */
function newFromCsv(run: Run, imported: ImportedClaim, attributions: Attribution[], storyId: string): Claim {
  const { now, today } = run.context;
  const statusHistory: StatusChange[] = [{ status: 'reported', on: imported.claimedAt.start, recordedAt: now }];
  if (imported.status !== 'reported') statusHistory.push({ status: imported.status, on: today, recordedAt: now });
  return {
    id: imported.id,
    storyId,
    statement: imported.statement,
    date: imported.date,
    claimedAt: imported.claimedAt,
    actors: imported.actors,
    topics: imported.topics,
    status: imported.status,
    statusHistory,
    attributions,
    supersedes: imported.supersedes,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * An existing claim as the CSV row would have it. What CSV cannot carry is kept from the stored claim: a date
 * written the same keeps its reference day, and a status change is appended to the history rather than replacing it.
 */
function revisedFromCsv(run: Run, current: Claim, imported: ImportedClaim, attributions: Attribution[]): Claim {
  const date =
    current.date.value === imported.date.value ? withPhrase(current.date, imported.date.phrase) : imported.date;
  const claimedAt = current.claimedAt.value === imported.claimedAt.value ? current.claimedAt : imported.claimedAt;
  const statusHistory =
    current.status === imported.status
      ? current.statusHistory
      : [...current.statusHistory, { status: imported.status, on: run.context.today, recordedAt: run.context.now }];
  return {
    ...current,
    statement: imported.statement,
    date,
    claimedAt,
    actors: imported.actors,
    topics: imported.topics,
    status: imported.status,
    statusHistory,
    attributions,
    supersedes: imported.supersedes,
  };
}

function withPhrase<D extends { phrase?: string }>(date: D, phrase: string | undefined): D {
  const next = { ...date };
  if (phrase) next.phrase = phrase;
  else delete next.phrase;
  return next;
}

function checkSupersedes(run: Run): void {
  const ids = new Set(run.next.data.claims.map((claim) => claim.id));
  for (const { line, claim } of run.touched) {
    const missing = claim.supersedes.filter((id) => !ids.has(id));
    if (missing.length === 0) continue;
    line.action = 'refuse';
    line.details = missing.map((id) => `supersedes “${id}”, which is neither in this database nor in the file`);
  }
}

/**
 * Dates and relations must still agree once the file is in: the relations it adds, and the claims whose dates it
 * changes, are checked with everything already stored. The relations on a conflict are refused (or, where the
 * file adds none of them, the claims whose dates cause it), each with the reason.
 */
function checkSequence(run: Run): void {
  if (run.next.data.relations.length === 0 || run.lines.some((line) => line.action === 'refuse')) return;
  const changed = [...run.touched.map((t) => t.claim.id), ...run.relations.flatMap((r) => [r.relation.from, r.relation.to])];
  const conflict = sequenceConflict((id) => run.next.get('claims', id), run.next.data.relations, changed);
  if (!conflict) return;
  const onLoop = new Set(conflict.relations.map((relation) => relation.id));
  const lines = run.relations.filter((r) => onLoop.has(r.relation.id)).map((r) => r.line);
  const ids = new Set(conflict.claims.map((claim) => claim.id));
  const blamed = lines.length > 0 ? lines : run.touched.filter((t) => ids.has(t.claim.id)).map((t) => t.line);
  for (const line of blamed) Object.assign(line, { action: 'refuse', details: [conflict.message] });
}

/** A record without the times it was stored at (`createdAt`, `recordedAt`), which say nothing about its content. */
function withoutBookkeeping<R extends object>(record: R): Omit<R, 'createdAt' | 'recordedAt'> {
  const { createdAt: _created, recordedAt: _recorded, ...content } = record as R & { createdAt?: unknown; recordedAt?: unknown };
  return content;
}

/** Equal as stored JSON: key order aside, and a key holding undefined counts as absent. */
function sameRecord(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function changedKeys(before: object, after: object): string[] {
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((key) => canonical(left[key]) !== canonical(right[key]));
}

