import express, { type Router } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import type { Store } from '../store/store.js';
import { claimRoutes } from './claims.js';
import { documentRoutes } from './documents.js';
import { relationRoutes } from './relations.js';
import { editorOnly } from './security/require-editor.js';
import { sourceRoutes } from './sources.js';
import { timelineHandler } from './timeline.js';

/** The HTML pages, one module per resource; the JSON API is mounted separately under /api. */
export function pageRoutes(store: Store, clock: () => ClockContext): Router {
  const router = express.Router();
  const claims = claimRoutes(store, clock);
  const sources = sourceRoutes(store);
  const documents = documentRoutes(store, clock);
  const relations = relationRoutes(store, clock);
  router.get('/', timelineHandler(store, clock));
  router.get('/claims/new', editorOnly, claims.newForm);
  router.post('/claims', claims.create);
  router.get('/claims/:id', claims.show);
  router.post('/claims/:id', claims.update);
  router.get('/claims/:id/edit', editorOnly, claims.editForm);
  router.get('/claims/:id/history', claims.history);
  router.get('/claims/:id/status', editorOnly, claims.statusForm);
  router.post('/claims/:id/status', claims.changeStatus);
  router.get('/claims/:id/relations/new', editorOnly, relations.newForm);
  router.post('/claims/:id/relations', relations.create);
  router.get('/claims/:id/relations/:relationId/remove', editorOnly, relations.removeForm);
  router.post('/claims/:id/relations/:relationId/delete', relations.remove);
  router.get('/sources', sources.list);
  router.get('/sources/:id', sources.show);
  router.get('/sources/:id/edit', editorOnly, sources.editForm);
  router.post('/sources/:id', sources.update);
  router.get('/documents', documents.list);
  router.get('/documents/new', editorOnly, documents.newForm);
  router.post('/documents', documents.create);
  router.get('/documents/:id', documents.show);
  return router;
}
