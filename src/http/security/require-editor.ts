import type { NextFunction, Request, Response } from 'express';
import { isApi, isSessionChange, isWrite } from './methods.js';
import { refererPath } from './referer-path.js';
import { safeNext } from './safe-next.js';

/** @example signInHref('/claims/new') //=> '/sign-in?next=%2Fclaims%2Fnew' */
export function signInHref(next: string): string {
  return `/sign-in?next=${encodeURIComponent(safeNext(next))}`;
}

/**
 * When writing needs an account (`res.locals.mayEdit` false, set by `editorSessions`), anonymous writes
 * are sent to sign in: 303 to `/sign-in?next=…` for pages, 401 JSON for the API. Reads pass.
 * @example app.use(editorSessions(...)); app.use(requireEditorForWrites)
 */
export function requireEditorForWrites(req: Request, res: Response, next: NextFunction): void {
  if (!isWrite(req) || res.locals.mayEdit === true || isSessionChange(req)) return next();
  if (isApi(req)) {
    res.status(401).json({ error: 'Sign in as an editor to change data (POST /sign-in), then send the session cookie.' });
    return;
  }
  res.redirect(303, signInHref(refererPath(req)));
}

/**
 * For form pages (GET): anonymous visitors are sent to sign in first, then brought back.
 * @example router.get('/claims/new', editorOnly, claims.newForm)
 */
export function editorOnly(req: Request, res: Response, next: NextFunction): void {
  if (res.locals.mayEdit === true) return next();
  res.redirect(303, signInHref(req.originalUrl));
}
