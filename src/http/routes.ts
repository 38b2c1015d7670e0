import express, { type Router } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import type { Store } from '../store/store.js';
import { claimRoutes } from './claims.js';
import { sourceRoutes } from './sources.js';
import { timelineHandler } from './timeline.js';

/** The HTML pages, one module per resource; the JSON API is mounted separately under /api. */
export function pageRoutes(store: Store, clock: () => ClockContext): Router {
  const router = express.Router();
  const claims = claimRoutes(store, clock);
  const sources = sourceRoutes(store);
  router.get('/', timelineHandler(store));
  router.get('/claims/new', claims.newForm);
  router.post('/claims', claims.create);
  router.get('/claims/:id', claims.show);
  router.get('/sources', sources.list);
  router.get('/sources/:id', sources.show);
  return router;
}
