import express, { type Request, type Response, type Router } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import { atomPageCount, toAtomFeed } from '../domain/formats/atom.js';
import { toCsv } from '../domain/formats/csv.js';
import { stringifyExport, toExportJson } from '../domain/formats/export-json.js';
import { toTimelineJs } from '../domain/formats/timelinejs.js';
import { runImport } from '../import-run.js';
import { lastChange } from '../domain/last-change.js';
import { describeBinary } from '../domain/formats/detect-format.js';
import type { ColumnMapping, SpreadsheetRead } from '../domain/formats/spreadsheet.js';
import { SPREADSHEET_FIELD_LABELS, SPREADSHEET_FIELDS, type SpreadsheetField } from '../domain/formats/spreadsheet-columns.js';
import { IMPORT_FORMAT_LABELS, type ImportAction, type ImportPlan, type ImportRecordKind } from '../domain/import-plan.js';
import { matchingClaims, parseTimelineQuery, type TimelineQuery } from '../domain/timeline-query.js';
import type { Claim, Database } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { multipartForm, type UploadedFile } from './multipart.js';
import { orderedClaims } from './per-data.js';
import { publicBaseUrl } from './public-url.js';

/** An import file of a whole story is well under this; the limit keeps one upload from holding the server's memory. */
export const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Reads the import form (multipart/form-data). Mount it before the form guard, which needs the parsed body to find
 * the form token: `app.post('/import', importBodyParser)`.
 */
export const importBodyParser = multipartForm({ limit: IMPORT_LIMIT_BYTES });

/**
 * Every claim the timeline filters select, not one page, in the order the database keeps them: an export of the
 * unfiltered timeline is then the database itself, and imports back as the same database.
 * @example claimsForExport(db, query).length //=> db.claims.length when nothing is filtered
 */
export function claimsForExport(db: Database, query: TimelineQuery): Claim[] {
  const wanted = new Set(claimsInTimelineOrder(db, query));
  return db.claims.filter((claim) => wanted.has(claim));
}

/** Every claim the filters select, in the timeline's order (story order for when it happened), for people to read. */
const claimsInTimelineOrder = (db: Database, query: TimelineQuery): Claim[] => matchingClaims(orderedClaims(db, query.axis), query);

/** A feed or timeline title that says which filters made it, so two subscriptions can be told apart. */
function titleFor(query: TimelineQuery): string {
  const filters = [
    query.q && `“${query.q}”`,
    query.source && `source ${query.source}`,
    query.actor && `actor ${query.actor}`,
    query.topic && `topic ${query.topic}`,
    query.status && `status ${query.status}`,
    query.from && `from ${query.from.label}`,
    query.to && `to ${query.to.label}`,
  ].filter(Boolean);
  return filters.length > 0 ? `Claimline: ${filters.join(', ')}` : 'Claimline';
}

const ACTION_LABELS: Record<ImportAction, string> = {
  add: 'Would add',
  update: 'Would update',
  unchanged: 'Unchanged',
  refuse: 'Refused',
};
const STORED_LABELS: Record<ImportAction, string> = { ...ACTION_LABELS, add: 'Added', update: 'Updated' };
const KIND_LABELS: Record<ImportRecordKind, string> = {
  story: 'Story',
  claim: 'Claim',
  source: 'Source',
  document: 'Document',
  revision: 'Revision',
  relation: 'Relation',
  file: 'File',
};

/** The report as the import page prints it: every label already in words. */
function reportView(plan: ImportPlan, stored: boolean) {
  const labels = stored ? STORED_LABELS : ACTION_LABELS;
  const { add, update, unchanged, refuse } = plan.counts;
  const summary = stored
    ? `Stored: ${add} added, ${update} updated, ${unchanged} unchanged.`
    : plan.ok
      ? `Dry run: ${add} would be added, ${update} updated, ${unchanged} unchanged. Nothing was stored.`
      : `Refused: ${refuse} ${refuse === 1 ? 'record' : 'records'} cannot be imported, so nothing was stored (an import is all or nothing).`;
  return {
    name: plan.name,
    format: IMPORT_FORMAT_LABELS[plan.format],
    ok: plan.ok,
    stored,
    summary,
    counts: plan.counts,
    lines: plan.lines.map((line) => ({
      where: line.where,
      kind: KIND_LABELS[line.kind],
      id: line.id,
      label: line.label,
      action: line.action,
      actionLabel: labels[line.action],
      details: line.action === 'update' ? [`changes: ${line.details.join(', ')}`] : line.details,
    })),
  };
}

/**
 * The mapping step of a spreadsheet whose headers Claimline does not know: each column with the field it is taken
 * for (or none), a preview of the first rows, and the file's text and name to send back with the choices.
 */
function mappingView(sheet: SpreadsheetRead, input: { name: string; text: string }) {
  const choices = [
    { value: '', label: 'Ignore this column' },
    ...SPREADSHEET_FIELDS.map((field) => ({ value: field, label: SPREADSHEET_FIELD_LABELS[field] })),
  ];
  return {
    name: input.name,
    text: input.text,
    columns: sheet.columns.map((column) => ({
      name: `map-${column.index}`,
      header: column.header || `Column ${column.index + 1}`,
      known: column.known,
      choices: choices.map((choice) => ({ ...choice, selected: choice.value === (column.field ?? '') })),
    })),
    preview: sheet.preview.map((row) => sheet.columns.map((column) => row[column.index] ?? '')),
  };
}

/** The column choices of a mapping step (`map-0=statement`, `map-1=` to ignore), or undefined when none were sent. */
function mappingFrom(fields: Record<string, unknown>): { mapping?: ColumnMapping } | { error: string } {
  const mapping: Record<number, SpreadsheetField | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    const index = /^map-(\d{1,4})$/.exec(key)?.[1];
    if (index === undefined) continue;
    if (value !== '' && !(SPREADSHEET_FIELDS as readonly unknown[]).includes(value)) return { error: `Column ${Number(index) + 1}: “${String(value)}” is not a field Claimline reads.` };
    mapping[Number(index)] = value === '' ? null : (value as SpreadsheetField);
  }
  return Object.keys(mapping).length > 0 ? { mapping: { byIndex: mapping } } : {};
}

/** The uploaded file's text, or the pasted text (or the text a mapping step sends back) when no file was chosen. */
function importText(fields: Record<string, unknown>): { name: string; text: string } | { error: string } | null {
  const file = fields.file as UploadedFile | undefined;
  if (file && typeof file === 'object' && Buffer.isBuffer(file.data) && file.data.length > 0) {
    try {
      return { name: file.filename || 'upload', text: new TextDecoder('utf-8', { fatal: true }).decode(file.data) };
    } catch {
      const looks = describeBinary(file.data);
      return { error: `${file.filename || 'The file'} is not UTF-8 text${looks ? `: it looks like ${looks}` : '; save it as UTF-8 CSV or JSON and try again'}.` };
    }
  }
  const pasted = typeof fields.content === 'string' ? fields.content : '';
  const name = typeof fields.fileName === 'string' && fields.fileName.trim() ? fields.fileName.trim().slice(0, 200) : 'pasted text';
  return pasted.trim() ? { name, text: pasted } : null;
}

/**
 * Exports of the (filtered) timeline and the import page:
 * `GET /export.json`, `/export.csv`, `/export/timelinejs.json`, `/feed.atom`, `GET /import` and `POST /import`.
 * Exports take the timeline's filters (`?actor=apple&from=2024`) and ignore its paging.
 * @example app.use(exportRoutes(store, clock))
 */
export function exportRoutes(store: Store, clock: () => ClockContext): Router {
  const router = express.Router();

  /** The data and the timeline filters, or null after answering 400 with the filters at fault. */
  function selection(req: Request, res: Response, asJson: boolean): { db: Database; query: TimelineQuery } | null {
    const parsed = parseTimelineQuery(req.query, clock().today);
    if (!parsed.ok) {
      if (asJson) res.status(400).json({ errors: parsed.errors });
      else res.status(400).type('text/plain').send(parsed.errors.map((error) => `${error.field}: ${error.message}`).join('\n'));
      return null;
    }
    return { db: store.data, query: parsed.value };
  }

  router.get('/export.json', (req: Request, res: Response) => {
    const selected = selection(req, res, true);
    if (!selected) return;
    const claims = claimsForExport(selected.db, selected.query);
    const body = stringifyExport(toExportJson(selected.db, claims, { exportedAt: clock().now }));
    res.type('application/json').attachment('claimline-export.json').send(body);
  });

  router.get('/export.csv', (req: Request, res: Response) => {
    const selected = selection(req, res, false);
    if (!selected) return;
    const claims = claimsInTimelineOrder(selected.db, selected.query);
    res.set('Content-Type', 'text/csv; charset=utf-8').attachment('claimline.csv').send(toCsv(selected.db, claims));
  });

  router.get('/export/timelinejs.json', (req: Request, res: Response) => {
    const selected = selection(req, res, true);
    if (!selected) return;
    const claims = claimsInTimelineOrder(selected.db, selected.query);
    // TimelineJS is usually embedded from Knight Lab's own site, which fetches this across origins; it is public and read-only.
    res.set('Access-Control-Allow-Origin', '*').json(toTimelineJs(selected.db, claims, { title: titleFor(selected.query), today: clock().today }));
  });

  router.get('/feed.atom', (req: Request, res: Response) => {
    const selected = selection(req, res, false);
    if (!selected) return;
    const { db, query } = selected;
    const claims = claimsForExport(db, query);
    const pages = atomPageCount(claims.length);
    if (query.page > pages) {
      return void res.status(404).type('text/plain').send(`page: this feed has ${pages} page${pages === 1 ? '' : 's'}`);
    }
    const filters = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    filters.delete('page');
    const feed = toAtomFeed(db, claims, {
      baseUrl: publicBaseUrl(req),
      path: '/feed.atom',
      query: filters.toString(),
      page: query.page,
      title: titleFor(query),
      updated: lastChange(db) ?? clock().now,
    });
    res.set('Content-Type', 'application/atom+xml; charset=utf-8').send(feed);
  });

  router.get('/import', (_req: Request, res: Response) => {
    res.render('import', { title: 'Import claims', dryRun: true, error: undefined, report: undefined, mapping: undefined });
  });

  router.post('/import', importBodyParser, async (req: Request, res: Response) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const dryRun = body.dryRun !== undefined;
    const input = importText(body);
    const choices = mappingFrom(body);
    if (input === null || 'error' in input || 'error' in choices) {
      const error =
        (input && 'error' in input && input.error) || ('error' in choices && choices.error) || 'Choose a file to import (a Claimline export, a TimelineJS timeline or a spreadsheet saved as CSV), or paste its text.';
      return void res.status(422).render('import', { title: 'Import claims (check the form)', dryRun, error, report: undefined, mapping: undefined });
    }
    const context = clock();
    const { plan, stored } = await runImport(store, input, { dryRun, context, ...choices });
    const sheet = plan.incoming.format === 'spreadsheet' ? plan.incoming.sheet : undefined;
    if (sheet?.needsMapping) {
      return void res.render('import', {
        title: 'Import: which column is which?',
        dryRun,
        error: undefined,
        report: undefined,
        mapping: mappingView(sheet, input),
      });
    }
    res.status(plan.ok ? 200 : 422).render('import', {
      title: stored ? 'Import stored' : plan.ok ? 'Import: dry run' : 'Import refused',
      dryRun,
      error: undefined,
      report: reportView(plan, stored),
      mapping: undefined,
    });
  });

  return router;
}
