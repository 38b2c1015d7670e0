import type { Request } from 'express';

/**
 * The path and query of the page a request came from, when that page is on this site; otherwise `/`.
 * Used as the way back after a refused form or a sign-in.
 * @example refererPath(req) //=> '/claims/new'
 */
export function refererPath(req: Request): string {
  const referer = req.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === req.get('host') ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
