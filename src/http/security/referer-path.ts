import type { Request } from 'express';
import { safeNext } from './safe-next.js';

/**
 * The path and query of the page a request came from, when that page is on this site; otherwise `/`. A path
 * that a browser would read as another host (`//evil.example/…`) is not on this site either.
 * Used as the way back after a refused form or a sign-in.
 * @example refererPath(req) //=> '/claims/new'
 */
export function refererPath(req: Request): string {
  const referer = req.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === req.get('host') ? safeNext(`${url.pathname}${url.search}`) : '/';
  } catch {
    return '/';
  }
}
