import express, { type Request, type Response } from 'express';
import { addClaim, validateNewClaim, type ClockContext } from '../domain/add-claim.js';
import { roleCounts, sourceActivity } from '../domain/source-activity.js';
import { parseTimelineQuery, selectClaims } from '../domain/timeline-query.js';
import type { Store } from '../store/store.js';
import { claimJson, lookupsFor } from './present.js';

function missing(res: Response, what: string, id: string) {
  res.status(404).json({ error: `no ${what} with id ${JSON.stringify(id)}` });
}

export function apiRouter(store: Store, clock: () => ClockContext, bodyLimit: string) {
  const router = express.Router();
  router.use(express.json({ limit: bodyLimit, strict: true }));

  router.get('/claims', (req: Request, res: Response) => {
    const parsed = parseTimelineQuery(req.query);
    if (!parsed.ok) return void res.status(400).json({ errors: parsed.errors });
    const db = store.data;
    const page = selectClaims(db, parsed.value);
    const lookups = lookupsFor(db);
    res.json({ claims: page.claims.map((c) => claimJson(c, lookups)), page: page.page, pages: page.pages, total: page.total });
  });

  router.get('/claims/:id', (req: Request, res: Response) => {
    const lookups = lookupsFor(store.data);
    const claim = lookups.claim(String(req.params.id));
    if (!claim) return missing(res, 'claim', String(req.params.id));
    res.json(claimJson(claim, lookups));
  });

  router.post('/claims', async (req: Request, res: Response) => {
    const checked = validateNewClaim(req.body);
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const context = clock();
    const claim = await store.update((db) => addClaim(db, checked.value, context));
    res.status(201).location(`/api/claims/${encodeURIComponent(claim.id)}`).json(claimJson(claim, lookupsFor(store.data)));
  });

  router.get('/sources', (_req: Request, res: Response) => {
    const db = store.data;
    const counts = roleCounts(db);
    res.json({
      sources: db.sources.map((source) => ({
        ...source,
        counts: counts.get(source.id) ?? { origin: 0, relay: 0, publisher: 0 },
      })),
    });
  });

  router.get('/sources/:id', (req: Request, res: Response) => {
    const db = store.data;
    const lookups = lookupsFor(db);
    const source = lookups.source(String(req.params.id));
    if (!source) return missing(res, 'source', String(req.params.id));
    const activity = sourceActivity(db, source.id);
    res.json({
      ...source,
      originated: activity.originated.map((c) => claimJson(c, lookups)),
      relayed: activity.relayed.map((c) => claimJson(c, lookups)),
      published: activity.published.map((c) => claimJson(c, lookups)),
    });
  });

  return router;
}
