import type { Application, Request } from 'express';

const SETTING = 'claimline public url';

/**
 * Gives an app the base of its absolute links; `createApp` does it with its `publicUrl` option.
 * @example setPublicUrl(app, 'https://claims.example.org')
 */
export function setPublicUrl(app: Application, url: string): void {
  app.set(SETTING, url);
}

/**
 * The base of an app's absolute links.
 * @throws when the app was given none: a link must never fall back on the Host a request names.
 * @example publicUrlOf(app) //=> 'https://claims.example.org'
 */
export function publicUrlOf(app: Application): string {
  const url: unknown = app.get(SETTING);
  if (typeof url !== 'string') throw new Error('this app has no public URL (createApp sets one from its publicUrl option)');
  return url;
}

/**
 * The base of every absolute link a response carries (feeds, JSON-LD, Web Annotations, the OpenAPI server): the
 * configured public URL, never the request's Host, so one request cannot put another site's address into a page
 * cached for every later visitor.
 * @example publicBaseUrl(req) //=> 'https://claims.example.org'
 */
export function publicBaseUrl(req: Request): string {
  return publicUrlOf(req.app);
}
