import express, { type Request, type Response, type Router } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import { atomPageCount, toAtomFeed } from '../domain/formats/atom.js';
import { toCsv } from '../domain/formats/csv.js';
import { stringifyExport, toExportJson } from '../domain/formats/export-json.js';
import { toTimelineJs } from '../domain/formats/timelinejs.js';
import { runImport } from '../app/import.js';
import { describeBinary } from '../domain/formats/detect-format.js';
import type { ColumnMapping, SpreadsheetRead } from '../domain/formats/spreadsheet.js';
import { SPREADSHEET_FIELD_LABELS, SPREADSHEET_FIELDS, type SpreadsheetField } from '../domain/formats/spreadsheet-columns.js';
import { IMPORT_FORMAT_LABELS, type ImportAction, type ImportPlan, type ImportRecordKind, type ImportTarget } from '../domain/import-plan.js';
import { slugFromTitle } from '../domain/stories.js';
import { parseTimelineQuery, type TimelineQuery } from '../domain/timeline-query.js';
import type { Story } from '../domain/types.js';
import type { Store, StoreView } from '../store/store.js';
import { notFound } from './errors.js';
import { multipartForm, type UploadedFile } from './multipart.js';
import { storyHref } from './present.js';
import { publicBaseUrl } from './public-url.js';

/** An import file of a whole story is well under this; the limit keeps one upload from holding the server's memory. */
export const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Reads the import form (multipart/form-data). Mount it before the form guard, which needs the parsed body to find
 * the form token: `app.post('/import', importBodyParser)`.
 */
export const importBodyParser = multipartForm({ limit: IMPORT_LIMIT_BYTES });

/** A feed or timeline title that says which story and filters made it, so two subscriptions can be told apart. */
function titleFor(query: TimelineQuery, story: Story | undefined): string {
  const filters = [
    query.q && `“${query.q}”`,
    query.source && `source ${query.source}`,
    query.actor && `actor ${query.actor}`,
    query.topic && `topic ${query.topic}`,
    query.status && `status ${query.status}`,
    query.from && `from ${query.from.label}`,
    query.to && `to ${query.to.label}`,
  ].filter(Boolean);
  const name = story ? `Claimline: ${story.title}` : 'Claimline';
  return filters.length > 0 ? `${name}: ${filters.join(', ')}` : name;
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

/**
 * The story the import form names: one of the list (`story`), or a new one by its title (`newStory`); none lets
 * the import choose (a Claimline file's own stories, or the only story there is).
 */
function importTarget(fields: Record<string, unknown>): ImportTarget | undefined {
  const title = typeof fields.newStory === 'string' ? fields.newStory.trim().slice(0, 200) : '';
  if (title) return { newStory: { title, slug: slugFromTitle(title) } };
  const story = typeof fields.story === 'string' ? fields.story.trim() : '';
  return story ? { story } : undefined;
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
 * Exports of a story's (filtered) timeline, of every story, and the import page: `/stories/:slug/export.json`,
 * `.csv`, `/stories/:slug/export/timelinejs.json`, `/stories/:slug/feed.atom`; the same without the story for
 * every story (`/export.json` is a whole installation); `GET /import` and `POST /import`. Exports take the
 * timeline's filters (`?actor=apple&from=2024`) and ignore its paging. Claimline JSON keeps the database's own
 * order, so an import gives the same database back; CSV and TimelineJS are in the timeline's order, for people.
 * @example app.use(exportRoutes(store, clock))
 */
export function exportRoutes(store: Store, clock: () => ClockContext): Router {
  const router = express.Router();

  /**
   * The view, the story asked for (404 when there is none such), and the timeline filters, or null after
   * answering 400 with the filters at fault.
   */
  async function selection(req: Request, res: Response, asJson: boolean): Promise<{ view: StoreView; query: TimelineQuery; story?: Story } | null> {
    const view = await store.read();
    const slug = req.params.slug === undefined ? undefined : String(req.params.slug);
    const story = slug === undefined ? undefined : await view.story(slug);
    if (slug !== undefined && !story) {
      notFound(req, res);
      return null;
    }
    const parsed = parseTimelineQuery(req.query, clock().today);
    if (!parsed.ok) {
      if (asJson) res.status(400).json({ errors: parsed.errors });
      else res.status(400).type('text/plain').send(parsed.errors.map((error) => `${error.field}: ${error.message}`).join('\n'));
      return null;
    }
    return { view, query: { ...parsed.value, ...(story && { storyId: story.id }) }, ...(story && { story }) };
  }

  /** The name a download is saved under: the story's slug, or the installation's. */
  const fileName = (story: Story | undefined, ending: string) => `${story ? story.slug : 'claimline'}${ending}`;

  router.get(['/export.json', '/stories/:slug/export.json'], async (req: Request, res: Response) => {
    const selected = await selection(req, res, true);
    if (!selected) return;
    const claims = await selected.view.selected(selected.query, 'stored');
    const slice = await selected.view.slice(claims);
    const body = stringifyExport(toExportJson(slice, claims, { exportedAt: clock().now }));
    res.type('application/json').attachment(selected.story ? fileName(selected.story, '.json') : 'claimline-export.json').send(body);
  });

  router.get(['/export.csv', '/stories/:slug/export.csv'], async (req: Request, res: Response) => {
    const selected = await selection(req, res, false);
    if (!selected) return;
    const claims = await selected.view.selected(selected.query, 'timeline');
    res.set('Content-Type', 'text/csv; charset=utf-8').attachment(fileName(selected.story, '.csv')).send(toCsv(await selected.view.slice(claims), claims));
  });

  router.get(['/export/timelinejs.json', '/stories/:slug/export/timelinejs.json'], async (req: Request, res: Response) => {
    const selected = await selection(req, res, true);
    if (!selected) return;
    const claims = await selected.view.selected(selected.query, 'timeline');
    const timeline = toTimelineJs(await selected.view.slice(claims), claims, { title: titleFor(selected.query, selected.story), today: clock().today });
    // TimelineJS is usually embedded from Knight Lab's own site, which fetches this across origins; it is public and read-only.
    res.set('Access-Control-Allow-Origin', '*').json(timeline);
  });

  router.get(['/feed.atom', '/stories/:slug/feed.atom'], async (req: Request, res: Response) => {
    const selected = await selection(req, res, false);
    if (!selected) return;
    const { view, query, story } = selected;
    const claims = await view.selected(query, 'stored');
    const pages = atomPageCount(claims.length);
    if (query.page > pages) {
      return void res.status(404).type('text/plain').send(`page: this feed has ${pages} page${pages === 1 ? '' : 's'}`);
    }
    const filters = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    filters.delete('page');
    const feed = toAtomFeed(await view.slice(claims), claims, {
      baseUrl: publicBaseUrl(req),
      path: story ? `${storyHref(story.slug)}/feed.atom` : '/feed.atom',
      query: filters.toString(),
      page: query.page,
      title: titleFor(query, story),
      updated: (await view.lastChange(story?.id)) ?? clock().now,
    });
    res.set('Content-Type', 'application/atom+xml; charset=utf-8').send(feed);
  });

  /** The stories an import can go into, and which one the page was opened from. */
  async function storyChoices(chosen: string | undefined, newStory = '') {
    const stories = await (await store.read()).stories();
    return { stories: stories.map(({ story }) => ({ value: story.slug, label: story.title })), chosenStory: chosen ?? '', newStory };
  }

  router.get('/import', async (req: Request, res: Response) => {
    const chosen = typeof req.query.story === 'string' ? req.query.story : undefined;
    res.render('import', { title: 'Import claims', dryRun: true, error: undefined, report: undefined, mapping: undefined, ...(await storyChoices(chosen)) });
  });

  router.post('/import', importBodyParser, async (req: Request, res: Response) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const dryRun = body.dryRun !== undefined;
    const input = importText(body);
    const choices = mappingFrom(body);
    const target = importTarget(body);
    const stories = await storyChoices(typeof body.story === 'string' ? body.story : undefined, typeof body.newStory === 'string' ? body.newStory : '');
    if (input === null || 'error' in input || 'error' in choices) {
      const error =
        (input && 'error' in input && input.error) || ('error' in choices && choices.error) || 'Choose a file to import (a Claimline export, a TimelineJS timeline or a spreadsheet saved as CSV), or paste its text.';
      return void res.status(422).render('import', { title: 'Import claims (check the form)', dryRun, error, report: undefined, mapping: undefined, ...stories });
    }
    const context = clock();
    const { plan, stored } = await runImport(store, input, { dryRun, context, ...choices, ...(target && { target }) });
    const sheet = plan.incoming.format === 'spreadsheet' ? plan.incoming.sheet : undefined;
    if (sheet?.needsMapping) {
      return void res.render('import', {
        title: 'Import: which column is which?',
        dryRun,
        error: undefined,
        report: undefined,
        mapping: mappingView(sheet, input),
        ...stories,
      });
    }
    res.status(plan.ok ? 200 : 422).render('import', {
      title: stored ? 'Import stored' : plan.ok ? 'Import: dry run' : 'Import refused',
      dryRun,
      error: undefined,
      report: reportView(plan, stored),
      mapping: undefined,
      ...stories,
    });
  });

  return router;
}
