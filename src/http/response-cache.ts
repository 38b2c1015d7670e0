import type { NextFunction, Request, Response } from 'express';
import type { Store } from '../store/store.js';

interface CachedResponse {
  body: string;
  contentType: string;
  etag: string;
  /** The one-time form token the page was rendered with, replaced by a fresh one on every hit. */
  formToken?: string;
}

/** Pages, JSON and feeds are kept (feed readers poll); downloads carry headers of their own and are rarely repeated. */
const CACHEABLE_TYPE = /^(text\/html|application\/json|application\/atom\+xml)\b/;
/** Marks a page holding a one-time form token: each reader gets a token of their own. */
const FORM_TOKEN = 'name="_token"';

/**
 * Keeps rendered GET responses until the next write. The key is the URL and the signed-in editor, and the
 * whole cache is dropped whenever the store's version moves, so a reader never sees a page older than the
 * data. Express answers `If-None-Match` with 304 from the stored ETag. A page with a form is kept too, its
 * token swapped for a fresh one (`issueFormToken`) on every hit, and never answered 304: a browser's copy
 * would post a token already spent.
 */
export function responseCache(
  store: Store,
  options: { maxEntries: number; skip: (path: string) => boolean; issueFormToken: (editor: string | undefined) => string },
) {
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
      res.set('Content-Type', hit.contentType);
      if (hit.formToken === undefined) res.set('ETag', hit.etag).send(hit.body);
      else res.send(hit.body.replaceAll(hit.formToken, options.issueFormToken(typeof editor === 'string' ? editor : undefined)));
      return;
    }
    const renderedAt = store.version;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const sent = send(body);
      const contentType = res.get('Content-Type') ?? '';
      const etag = res.get('ETag');
      const formToken: unknown = res.locals.formToken;
      const withForm = typeof body === 'string' && body.includes(FORM_TOKEN);
      if (
        req.method === 'GET' &&
        res.statusCode === 200 &&
        typeof body === 'string' &&
        typeof etag === 'string' &&
        store.version === renderedAt &&
        CACHEABLE_TYPE.test(contentType) &&
        (!withForm || (typeof formToken === 'string' && formToken.length > 0))
      ) {
        entries.set(key, { body, contentType, etag, ...(withForm && { formToken: formToken as string }) });
        if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return sent;
    };
    next();
  };
}
