import type { NextFunction, Request, Response } from 'express';
import { isWrite } from './methods.js';
import { refuse } from './refuse.js';

/** `same-site` is refused too: another app on a sibling subdomain is not us. */
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Why a write is refused as cross-site, or undefined when it may go on. Browsers send `Sec-Fetch-Site`
 * and `Origin` on every cross-site POST, so a page elsewhere cannot make a signed-in editor's browser
 * write; clients that send neither (curl, scripts) are not browsers carrying someone's cookie.
 * @example crossSiteReason({ 'sec-fetch-site': 'cross-site' }, 'http://localhost:3000') //=> 'Sec-Fetch-Site: cross-site'
 */
export function crossSiteReason(headers: Request['headers'], ownOrigin: string): string | undefined {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && !ALLOWED_FETCH_SITES.has(site)) return `Sec-Fetch-Site: ${site}`;
  const origin = headers.origin;
  // A privacy setting can make a browser hide even our own origin as `null`; its Sec-Fetch-Site still says where the post came from.
  if (origin === 'null' && site === 'same-origin') return undefined;
  if (origin !== undefined && origin.toLowerCase() !== ownOrigin.toLowerCase()) return `Origin: ${origin}`;
  return undefined;
}

/**
 * Refuses cross-site writes with 403 before any body is read.
 * The request's own origin is its scheme and Host header (`trust proxy` decides the scheme behind a proxy).
 * @example app.use(refuseCrossSiteWrites)
 */
export function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
  if (!isWrite(req)) return next();
  const reason = crossSiteReason(req.headers, `${req.protocol}://${req.get('host') ?? ''}`);
  if (reason === undefined) return next();
  refuse(req, res, 403, 'This change was sent from another site, so Claimline refused it. Nothing was stored.');
}
