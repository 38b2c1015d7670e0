import type { Request, Response } from 'express';
import { monthName } from '../domain/dates/month-names.js';
import { sourceActivity } from '../domain/source-activity.js';
import { SOURCE_FORM_FIELDS, editSource, validateSourceEdit } from '../domain/source-form.js';
import { SOURCE_KINDS, type Source } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { claimRow, dayLabel,  sourceHref } from './present.js';
import { lookupsOf, sourceRoleCounts } from './per-data.js';

/** Claims listed per role on a source page, newest first. */
const SOURCE_LIST_LIMIT = 50;

/** The form's choices for the fiscal year end: the calendar year, or the month it ends in. */
const FISCAL_YEAR_ENDS = [
  { value: '', label: 'Not recorded' },
  ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: i === 11 ? 'December (the calendar year)' : monthName(i + 1) })),
];

/** What the edit form shows for a stored source. */
const sourceFormValues = (source: Source): Record<string, string> => ({
  kind: source.kind,
  url: source.url ?? '',
  fiscalYearEnd: source.fiscalYearEnd === undefined ? '' : String(source.fiscalYearEnd),
});

export function sourceRoutes(store: Store) {
  function renderEdit(res: Response, source: Source, status: number, values: Record<string, string>, errors: FieldError[]) {
    res.status(status).render('sources/edit', {
      title: `Edit: ${source.name}`,
      source: { name: source.name, href: sourceHref(source.id) },
      action: sourceHref(source.id),
      kinds: SOURCE_KINDS.map((kind) => ({ value: kind, label: kind })),
      fiscalYearEnds: FISCAL_YEAR_ENDS,
      values,
      errors,
      fieldErrors: errorsByField(errors),
    });
  }

  const findSource = (req: Request) => lookupsOf(store.data).source(String(req.params.id));

  return {
    list(_req: Request, res: Response) {
      const db = store.data;
      const counts = sourceRoleCounts(db);
      const sources = db.sources
        .map((source) => ({
          name: source.name,
          kind: source.kind,
          href: sourceHref(source.id),
          counts: counts.get(source.id) ?? { origin: 0, relay: 0, publisher: 0 },
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      res.render('sources/index', { title: 'Sources', sources });
    },

    show(req: Request, res: Response) {
      const db = store.data;
      const lookups = lookupsOf(db);
      const source = lookups.source(String(req.params.id));
      if (!source) return notFound(req, res);
      const activity = sourceActivity(db, source.id);
      const timelineHref = `/?source=${encodeURIComponent(source.id)}`;
      // A busy wire service relays thousands of claims: the page shows the latest and links to the rest.
      const list = (id: string, title: string, claims: typeof activity.originated) => ({
        id,
        title,
        count: claims.length,
        rows: claims.slice(-SOURCE_LIST_LIMIT).reverse().map((claim) => claimRow(claim, lookups)),
        moreHref: claims.length > SOURCE_LIST_LIMIT ? `${timelineHref}&order=desc` : undefined,
      });
      res.render('sources/show', {
        title: source.name,
        source: {
          id: source.id,
          name: source.name,
          kind: source.kind,
          url: source.url,
          fiscalYear: source.fiscalYearEnd === undefined ? undefined : `fiscal year ends in ${monthName(source.fiscalYearEnd)}`,
          editHref: `${sourceHref(source.id)}/edit`,
        },
        timelineHref,
        statusCounts: Object.entries(activity.statusCounts)
          .filter(([status, count]) => status !== 'reported' && count > 0)
          .map(([status, count]) => ({ status, count })),
        documents: activity.documents.map((doc) => ({ title: doc.title, href: `/documents/${encodeURIComponent(doc.id)}`, publishedAt: dayLabel(doc.publishedAt) })),
        originatedCount: activity.originated.length,
        lists: [
          list('originated', 'Claims it originated', activity.originated),
          list('relayed', 'Claims it relayed', activity.relayed),
          list('published', 'Claims it published', activity.published),
        ],
      });
    },

    editForm(req: Request, res: Response) {
      const source = findSource(req);
      if (!source) return notFound(req, res);
      renderEdit(res, source, 200, sourceFormValues(source), []);
    },

    async update(req: Request, res: Response) {
      const source = findSource(req);
      if (!source) return notFound(req, res);
      const checked = validateSourceEdit(req.body);
      if (!checked.ok) return renderEdit(res, source, 422, formValues(req.body, SOURCE_FORM_FIELDS), checked.errors);
      const edited = await store.update((db) => editSource(db, source.id, checked.value));
      if (!edited) return notFound(req, res);
      res.redirect(303, sourceHref(edited.id));
    },
  };
}
