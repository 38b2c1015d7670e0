import type { Request, Response } from 'express';
import { sourceActivity } from '../domain/source-activity.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { claimRow, dayLabel,  sourceHref } from './present.js';
import { lookupsOf, sourceRoleCounts } from './per-data.js';

/** Claims listed per role on a source page, newest first. */
const SOURCE_LIST_LIMIT = 50;

export function sourceRoutes(store: Store) {
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
        source: { id: source.id, name: source.name, kind: source.kind, url: source.url },
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
  };
}
