import type { NextFunction, Request, Response } from 'express';
import { StoreWriteError } from '../store/store.js';
import { isApi } from './security/methods.js';

export function notFound(req: Request, res: Response) {
  if (isApi(req)) {
    res.status(404).json({ error: 'not found', path: req.path });
    return;
  }
  res.status(404).render('errors/404', { title: 'Not found', path: req.path });
}

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Body-parser and similar errors carry their status; anything else is our fault and gets a generic 500. */
function describe(error: unknown): { status: number; message: string } {
  if (error instanceof StoreWriteError) {
    return { status: 503, message: 'Claimline could not save your change (the disk refused the write). Nothing was stored; please try again.' };
  }
  const status = (error as HttpError)?.status ?? (error as HttpError)?.statusCode;
  if (status === 413) {
    const tooMany = (error as HttpError).type === 'parameters.too.many';
    return { status, message: tooMany ? 'The form has too many fields.' : 'The submission is too large.' };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: (error as HttpError).expose ? String((error as Error).message) : 'The request could not be read.' };
  }
  return { status: 500, message: 'Something went wrong on our side. Nothing you typed was stored.' };
}

/**
 * The one place errors are answered. A 5xx error is put on `res.err`, where the request log (request-log.ts) writes
 * it, stack and all, on the request's own line under its request id.
 */
export function errorHandler(options: { exposeStack: boolean }) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, message } = describe(error);
    if (status >= 500) res.err = error instanceof Error ? error : new Error(String(error));
    if (res.headersSent) return;
    if (status === 503) res.set('Retry-After', '5');
    if (isApi(req)) {
      res.status(status).json({ error: message });
      return;
    }
    res.status(status).render('errors/error', {
      title: status >= 500 ? 'Error' : 'Request refused',
      status,
      message,
      stack: options.exposeStack && status === 500 ? String((error as Error)?.stack ?? error) : undefined,
    });
  };
}
