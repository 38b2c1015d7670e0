import type { Request, Response } from 'express';
import { monthName } from '../domain/dates/month-names.js';
import { editSourceCommand } from '../app/sources.js';
import { SOURCE_FORM_FIELDS } from '../domain/source-form.js';
import { SOURCE_KINDS, type Source } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { claimRow, dayLabel, sourceHref, storyHref } from './present.js';

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

  const findSource = async (req: Request) => (await (await store.read()).sources()).find(({ source }) => source.id === String(req.params.id))?.source;

  return {
    async list(_req: Request, res: Response) {
      const sources = (await (await store.read()).sources())
        .map(({ source, counts }) => ({ name: source.name, kind: source.kind, href: sourceHref(source.id), counts }))
        .sort((a, b) => a.name.localeCompare(b.name));
      res.render('sources/index', { title: 'Sources', sources });
    },

    async show(req: Request, res: Response) {
      const page = await (await store.read()).source(String(req.params.id), SOURCE_LIST_LIMIT);
      if (!page) return notFound(req, res);
      const { source, lookups } = page;
      // A busy wire service relays thousands of claims: each story lists the latest and links to the rest.
      const stories = page.stories.map((entry) => {
        const timelineHref = `${storyHref(entry.story.slug)}?source=${encodeURIComponent(source.id)}`;
        const list = (role: 'origin' | 'relay' | 'publisher', title: string) => ({
          id: `${entry.story.slug}-${role}`,
          title,
          count: entry.counts[role],
          rows: entry.latest[role].map((claim) => claimRow(claim, lookups)),
          moreHref: entry.counts[role] > entry.latest[role].length ? `${timelineHref}&order=desc` : undefined,
        });
        return {
          title: entry.story.title,
          href: storyHref(entry.story.slug),
          timelineHref,
          total: entry.counts.origin + entry.counts.relay + entry.counts.publisher,
          lists: [list('origin', 'Claims it originated'), list('relay', 'Claims it relayed'), list('publisher', 'Claims it published')].filter((l) => l.count > 0),
        };
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
        counts: page.counts,
        statusCounts: Object.entries(page.statusCounts)
          .filter(([status, count]) => status !== 'reported' && count > 0)
          .map(([status, count]) => ({ status, count })),
        documents: page.documents.map((doc) => ({ title: doc.title, href: `/documents/${encodeURIComponent(doc.id)}`, publishedAt: dayLabel(doc.publishedAt) })),
        originatedCount: page.counts.origin,
        stories,
      });
    },

    async editForm(req: Request, res: Response) {
      const source = await findSource(req);
      if (!source) return notFound(req, res);
      renderEdit(res, source, 200, sourceFormValues(source), []);
    },

    async update(req: Request, res: Response) {
      const source = await findSource(req);
      if (!source) return notFound(req, res);
      const outcome = await editSourceCommand(store, source.id, req.body);
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'invalid') return renderEdit(res, source, 422, formValues(req.body, SOURCE_FORM_FIELDS), outcome.errors);
      res.redirect(303, sourceHref(outcome.source.id));
    },
  };
}

/** The page of an actor: its claims story by story, with how many in each and in all. */
export function actorRoutes(store: Store) {
  return {
    async show(req: Request, res: Response) {
      const page = await (await store.read()).actor(String(req.params.name), SOURCE_LIST_LIMIT);
      if (!page) return notFound(req, res);
      res.render('actors/show', {
        title: page.name,
        name: page.name,
        total: page.total,
        stories: page.stories.map((entry) => ({
          title: entry.story.title,
          href: storyHref(entry.story.slug),
          count: entry.count,
          timelineHref: `${storyHref(entry.story.slug)}?actor=${encodeURIComponent(page.name)}`,
          rows: entry.latest.map((claim) => claimRow(claim, page.lookups)),
        })),
      });
    },
  };
}
