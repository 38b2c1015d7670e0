import type { NextFunction, Request, Response } from 'express';
import type { Store } from '../store/store.js';

interface CachedResponse {
  body: string;
  contentType: string;
  etag: string;
}

/** Pages, JSON and feeds are kept (feed readers poll); downloads carry headers of their own and are rarely repeated. */
const CACHEABLE_TYPE = /^(text\/html|application\/json|application\/atom\+xml)\b/;
/** A page holding a one-time form token must be rendered afresh for every request. */
const FORM_TOKEN = 'name="_token"';

/**
 * Keeps rendered GET responses until the next write. The key is the URL and the signed-in editor, and the
 * whole cache is dropped whenever the store's version moves, so a reader never sees a page older than the
 * data. Express answers `If-None-Match` with 304 from the stored ETag.
 */
export function responseCache(store: Store, options: { maxEntries: number; skip: (path: string) => boolean }) {
  const entries = new Map<string, CachedResponse>();
  let version = store.version;

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || options.skip(req.path)) return next();
    if (store.version !== version) {
      entries.clear();
      version = store.version;
    }
    const editor: unknown = res.locals.editor;
    const key = `${typeof editor === 'string' ? editor : ''}\n${req.originalUrl}`;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      res.set('Content-Type', hit.contentType).set('ETag', hit.etag).send(hit.body);
      return;
    }
    const renderedAt = store.version;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const sent = send(body);
      const contentType = res.get('Content-Type') ?? '';
      const etag = res.get('ETag');
      if (
        req.method === 'GET' &&
        res.statusCode === 200 &&
        typeof body === 'string' &&
        typeof etag === 'string' &&
        store.version === renderedAt &&
        CACHEABLE_TYPE.test(contentType) &&
        !body.includes(FORM_TOKEN)
      ) {
        entries.set(key, { body, contentType, etag });
        if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return sent;
    };
    next();
  };
}
