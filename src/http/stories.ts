import type { NextFunction, Request, Response } from 'express';
import { archiveStoryCommand, createStoryCommand, moveClaimCommand } from '../app/stories.js';
import type { ClockContext } from '../domain/add-claim.js';
import { dayLabel } from '../domain/dates/day-label.js';
import { STORY_FORM_FIELDS } from '../domain/stories.js';
import type { FieldError } from '../domain/validation.js';
import type { Store, StorySummary } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { claimHref, claimRow, storyHref } from './present.js';
import { withSignedInEditor } from './signed-in-editor.js';

/** Claims shown per story on the search page. */
const SEARCH_LIMIT = 20;
/** Stories per page of the list: a newsroom follows dozens, an archive may hold thousands. */
const STORIES_PER_PAGE = 50;

/** A story as the list of stories shows it. */
function storyRow({ story, claims, span, updatedAt }: StorySummary) {
  return {
    title: story.title,
    summary: story.summary,
    href: storyHref(story.slug),
    claims,
    span: span ? (span.start.slice(0, 4) === span.end.slice(0, 4) ? span.start.slice(0, 4) : `${span.start.slice(0, 4)} – ${span.end.slice(0, 4)}`) : undefined,
    updatedAt: dayLabel(updatedAt),
    updatedAtIso: updatedAt,
  };
}

/** The timeline filters an old link to `/` carried, before there were stories. */
const TIMELINE_PARAMETERS = ['source', 'actor', 'topic', 'q', 'from', 'to', 'status', 'corroboration', 'axis', 'order', 'lanes', 'page', 'limit'];

export function storyRoutes(store: Store, clock: () => ClockContext) {
  /** The list of stories, with the new-story form (as typed, with its errors, after a refusal). */
  async function renderList(res: Response, status: number, values: Record<string, string>, errors: FieldError[], page = 1) {
    const view = await store.read();
    const stories = await view.stories();
    const archived = (await view.stories({ archived: true })).length;
    const pages = Math.max(1, Math.ceil(stories.length / STORIES_PER_PAGE));
    const shown = Math.min(page, pages);
    res.status(status).render('stories/index', {
      title: errors.length > 0 ? 'Stories (check the new story)' : 'Stories',
      stories: stories.slice((shown - 1) * STORIES_PER_PAGE, shown * STORIES_PER_PAGE).map(storyRow),
      total: stories.length,
      page: shown,
      pages,
      prevHref: shown > 1 ? (shown === 2 ? '/' : `/?page=${shown - 1}`) : undefined,
      nextHref: shown < pages ? `/?page=${shown + 1}` : undefined,
      archived,
      values,
      errors,
      fieldErrors: errorsByField(errors),
    });
  }

  return {
    /** `/`: every open story, newest change first; an old timeline link goes on to the story when there is only one. */
    async list(req: Request, res: Response) {
      const view = await store.read();
      const stories = await view.stories();
      const old = Object.keys(req.query).some((key) => TIMELINE_PARAMETERS.includes(key));
      const everyStory = old ? [...stories, ...(await view.stories({ archived: true }))] : stories;
      if (old && everyStory.length === 1 && everyStory[0]) {
        const query = req.originalUrl.slice(req.originalUrl.indexOf('?'));
        return res.redirect(301, `${storyHref(everyStory[0].story.slug)}${query}`);
      }
      const page = Number(req.query.page ?? 1);
      await renderList(res, 200, {}, [], Number.isInteger(page) && page > 0 ? page : 1);
    },

    async archivedList(_req: Request, res: Response) {
      const stories = await (await store.read()).stories({ archived: true });
      res.render('stories/archived', { title: 'Archived stories', stories: stories.map(storyRow) });
    },

    async create(req: Request, res: Response) {
      const outcome = await createStoryCommand(store, req.body, clock());
      if (outcome.kind === 'invalid') return renderList(res, 422, formValues(req.body, STORY_FORM_FIELDS), outcome.errors);
      res.redirect(303, storyHref(outcome.story.slug));
    },

    async archiveForm(req: Request, res: Response) {
      const story = await (await store.read()).story(String(req.params.slug));
      if (!story) return notFound(req, res);
      res.render('stories/archive', {
        title: story.archivedAt ? `Bring back: ${story.title}` : `Archive: ${story.title}`,
        story: { title: story.title, href: storyHref(story.slug), archived: story.archivedAt !== undefined },
        action: `${storyHref(story.slug)}/archive`,
      });
    },

    async archive(req: Request, res: Response) {
      const story = await (await store.read()).story(String(req.params.slug));
      if (!story) return notFound(req, res);
      await archiveStoryCommand(store, story.id, story.archivedAt === undefined, clock());
      res.redirect(303, story.archivedAt === undefined ? '/' : storyHref(story.slug));
    },

    /** `/search?q=`: claims of every story whose words match, story by story. */
    async search(req: Request, res: Response) {
      const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
      const found = q ? await (await store.read()).search(q, SEARCH_LIMIT) : { stories: [], lookups: undefined };
      res.render('stories/search', {
        title: q ? `Search: ${q}` : 'Search',
        q,
        total: found.stories.reduce((sum, entry) => sum + entry.total, 0),
        stories: found.stories.map((entry) => ({
          title: entry.story.title,
          href: storyHref(entry.story.slug),
          total: entry.total,
          moreHref: entry.total > entry.claims.length ? `${storyHref(entry.story.slug)}?q=${encodeURIComponent(q)}` : undefined,
          rows: found.lookups ? entry.claims.map((claim) => claimRow(claim, found.lookups)) : [],
        })),
      });
    },

    async moveForm(req: Request, res: Response) {
      const view = await store.read();
      const page = await view.claim(String(req.params.id));
      if (!page) return notFound(req, res);
      await renderMove(res, 200, page.claim.id, {}, []);
    },

    async move(req: Request, res: Response) {
      const id = String(req.params.id);
      const body = withSignedInEditor(req, res);
      const outcome = await moveClaimCommand(store, id, body, clock());
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'refused') return renderMove(res, 422, id, formValues(body, ['story', 'withRelated', 'editor', 'reason']), outcome.errors);
      res.redirect(303, claimHref(id));
    },
  };

  async function renderMove(res: Response, status: number, claimId: string, values: Record<string, string>, errors: FieldError[]) {
    const view = await store.read();
    const page = await view.claim(claimId);
    if (!page) return;
    const related = page.lookups.sequence().relationsOf.get(claimId)?.length ?? 0;
    const stories = (await view.stories()).filter(({ story }) => story.id !== page.claim.storyId);
    res.status(status).render('claims/move', {
      title: `Move: ${page.claim.statement}`,
      claim: claimRow(page.claim, page.lookups),
      from: { title: page.story.title, href: storyHref(page.story.slug) },
      action: `${claimHref(claimId)}/move`,
      stories: [{ value: '', label: stories.length > 0 ? 'Choose a story' : 'There is no other story: start one first' }, ...stories.map(({ story }) => ({ value: story.slug, label: story.title }))],
      related,
      values,
      errors,
      fieldErrors: errorsByField(errors),
      editorSignedIn: typeof res.locals.editor === 'string',
    });
  }
}

/**
 * Old addresses of exports and the feed, from before there were stories, go on (301) to the one story's when
 * there is only one; with several, they keep answering for all of them.
 */
export function oldExportRedirects(store: Store) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || !['/export.csv', '/export/timelinejs.json', '/feed.atom'].includes(req.path)) return next();
    const view = await store.read();
    const stories = [...(await view.stories()), ...(await view.stories({ archived: true }))];
    if (stories.length !== 1 || !stories[0]) return next();
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    res.redirect(301, `${storyHref(stories[0].story.slug)}${req.path}${query}`);
  };
}
