import express, { type Request, type Response, type Router } from 'express';
import { claimAnnotationPage, claimAnnotations } from '../domain/formats/web-annotation.js';
import type { Store } from '../store/store.js';
import { publicBaseUrl } from './public-url.js';
import { openApiDocument } from './openapi.js';

/** The media type the Web Annotation Protocol gives annotation collections. */
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/**
 * The API routes that speak other formats: a claim's quotes as W3C Web Annotations and the OpenAPI description.
 * Mounted under `/api`.
 * @example app.use('/api', apiFormatsRouter(store))
 */
export function apiFormatsRouter(store: Store): Router {
  const router = express.Router();

  router.get('/claims/:id/annotations', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const found = await (await store.read()).claim(id);
    if (!found) return void res.status(404).json({ error: `no claim with id ${JSON.stringify(id)}` });
    const { claim } = found;
    const db = found.lookups.records;
    const baseUrl = publicBaseUrl(req);
    if (req.query.page === undefined) {
      return void res.set('Content-Type', ANNOTATION_MEDIA_TYPE).send(JSON.stringify(claimAnnotations(db, claim, { baseUrl })));
    }
    // The collection keeps every annotation in its one page, page 0, which its `first` points at.
    const page = req.query.page === '0' ? claimAnnotationPage(db, claim, { baseUrl }) : undefined;
    if (!page) return void res.status(404).json({ error: `the annotations of ${JSON.stringify(id)} have no page ${JSON.stringify(String(req.query.page))}` });
    res.set('Content-Type', ANNOTATION_MEDIA_TYPE).send(JSON.stringify(page));
  });

  // Built once: generating JSON Schema for every route on each request would cost more than serving it.
  const description = openApiDocument({ serverUrl: '/' });
  router.get('/openapi.json', (req: Request, res: Response) => {
    res.json({ ...description, servers: [{ url: publicBaseUrl(req) }] });
  });

  return router;
}
