import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True for a request that may change stored data: everything but GET, HEAD and OPTIONS.
 * @example isWrite({ method: 'POST' } as Request) //=> true
 */
export function isWrite(req: Pick<Request, 'method'>): boolean {
  return !SAFE_METHODS.has(req.method);
}

/**
 * True for the JSON API, which answers in JSON and has no forms. Any case: Express routes `/API/claims` to the API too.
 * @example isApi({ path: '/API/claims' } as Request) //=> true
 */
export function isApi(req: Pick<Request, 'path'>): boolean {
  const path = req.path.toLowerCase();
  return path === '/api' || path.startsWith('/api/');
}

/** Signing in is how one gets an account's session and signing out ends it: neither stores data. */
const SESSION_PATHS = new Set(['/sign-in', '/sign-out']);

/**
 * True for `POST /sign-in` and `/sign-out`, spelled any way Express routes them (`/Sign-In/`).
 * @example isSessionChange({ path: '/Sign-Out/' } as Request) //=> true
 */
export function isSessionChange(req: Pick<Request, 'path'>): boolean {
  return SESSION_PATHS.has(req.path.toLowerCase().replace(/(?<=.)\/+$/, ''));
}
