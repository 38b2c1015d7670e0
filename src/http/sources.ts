import type { Request, Response } from 'express';
import { sourceActivity } from '../domain/source-activity.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { claimRow, dayLabel,  sourceHref } from './present.js';
import { lookupsOf, sourceRoleCounts } from './per-data.js';

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
      const rows = (claims: typeof activity.originated) => claims.map((claim) => claimRow(claim, lookups));
      res.render('sources/show', {
        title: source.name,
        source: { id: source.id, name: source.name, kind: source.kind, url: source.url },
        timelineHref: `/?source=${encodeURIComponent(source.id)}`,
        statusCounts: Object.entries(activity.statusCounts)
          .filter(([status, count]) => status !== 'reported' && count > 0)
          .map(([status, count]) => ({ status, count })),
        documents: activity.documents.map((doc) => ({ title: doc.title, href: `/documents/${encodeURIComponent(doc.id)}`, publishedAt: dayLabel(doc.publishedAt) })),
        lists: [
          { id: 'originated', title: 'Claims it originated', rows: rows(activity.originated) },
          { id: 'relayed', title: 'Claims it relayed', rows: rows(activity.relayed) },
          { id: 'published', title: 'Claims it published', rows: rows(activity.published) },
        ],
      });
    },
  };
}
