import express, { type Request, type Response, type Router } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import { atomPageCount, toAtomFeed } from '../domain/formats/atom.js';
import { toCsv } from '../domain/formats/csv.js';
import { stringifyExport, toExportJson } from '../domain/formats/export-json.js';
import { toTimelineJs } from '../domain/formats/timelinejs.js';
import { runImport } from '../import-run.js';
import { lastChange } from '../domain/last-change.js';
import type { ImportAction, ImportPlan, ImportRecordKind } from '../domain/import-plan.js';
import { matchingClaims, orderClaims, parseTimelineQuery, type TimelineQuery } from '../domain/timeline-query.js';
import type { Claim, Database } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { multipartForm, type UploadedFile } from './multipart.js';

/** An import file of a whole story is well under this; the limit keeps one upload from holding the server's memory. */
export const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Reads the import form (multipart/form-data). Mount it before the form guard, which needs the parsed body to find
 * the form token: `app.post('/import', importBodyParser)`.
 */
export const importBodyParser = multipartForm({ limit: IMPORT_LIMIT_BYTES });

/**
 * The scheme and host the request came in on, for absolute links in feeds and structured data. Behind a reverse
 * proxy this needs Express's `trust proxy` so `https` is seen.
 * @example requestBaseUrl(req) //=> 'http://localhost:3000'
 */
export function requestBaseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * Every claim the timeline filters select, not one page, in the order the database keeps them: an export of the
 * unfiltered timeline is then the database itself, and imports back in the same order.
 * @example claimsForExport(db, query).length //=> db.claims.length when nothing is filtered
 */
export function claimsForExport(db: Database, query: TimelineQuery): Claim[] {
  const wanted = new Set(matchingClaims(orderClaims(db.claims, query.axis), query));
  return db.claims.filter((claim) => wanted.has(claim));
}

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
  claim: 'Claim',
  source: 'Source',
  document: 'Document',
  revision: 'Revision',
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
    format: plan.format === 'csv' ? 'CSV' : 'Claimline JSON',
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

/** The uploaded file's text, or the pasted text when no file was chosen. */
function importText(body: unknown): { name: string; text: string } | { error: string } | null {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const file = fields.file as UploadedFile | undefined;
  if (file && typeof file === 'object' && Buffer.isBuffer(file.data) && file.data.length > 0) {
    try {
      return { name: file.filename || 'upload', text: new TextDecoder('utf-8', { fatal: true }).decode(file.data) };
    } catch {
      return { error: `${file.filename || 'The file'} is not UTF-8 text; save it as UTF-8 CSV or JSON and try again.` };
    }
  }
  const pasted = typeof fields.content === 'string' ? fields.content : '';
  return pasted.trim() ? { name: 'pasted text', text: pasted } : null;
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
    const claims = matchingClaims(orderClaims(selected.db.claims, selected.query.axis), selected.query);
    res.set('Content-Type', 'text/csv; charset=utf-8').attachment('claimline.csv').send(toCsv(selected.db, claims));
  });

  router.get('/export/timelinejs.json', (req: Request, res: Response) => {
    const selected = selection(req, res, true);
    if (!selected) return;
    const claims = matchingClaims(orderClaims(selected.db.claims, selected.query.axis), selected.query);
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
      baseUrl: requestBaseUrl(req),
      path: '/feed.atom',
      query: filters.toString(),
      page: query.page,
      title: titleFor(query),
      updated: lastChange(db) ?? clock().now,
    });
    res.set('Content-Type', 'application/atom+xml; charset=utf-8').send(feed);
  });

  router.get('/import', (_req: Request, res: Response) => {
    res.render('import', { title: 'Import claims', dryRun: true, error: undefined, report: undefined });
  });

  router.post('/import', importBodyParser, async (req: Request, res: Response) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const dryRun = body.dryRun !== undefined;
    const input = importText(req.body);
    if (input === null || 'error' in input) {
      const error = input?.error ?? 'Choose a CSV or Claimline JSON file, or paste its text.';
      return void res.status(422).render('import', { title: 'Import claims (check the form)', dryRun, error, report: undefined });
    }
    const context = clock();
    const { plan, stored } = await runImport(store, input, { dryRun, context });
    res.status(plan.ok ? 200 : 422).render('import', {
      title: stored ? 'Import stored' : plan.ok ? 'Import: dry run' : 'Import refused',
      dryRun,
      error: undefined,
      report: reportView(plan, stored),
    });
  });

  return router;
}
