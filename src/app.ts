import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import type { ClockContext } from './domain/add-claim.js';
import { apiRouter } from './http/api.js';
import { errorHandler, notFound } from './http/errors.js';
import { apiFormatsRouter } from './http/api-formats.js';
import { documentBodyParser, readingBodyParser } from './http/documents.js';
import { exportRoutes, importBodyParser } from './http/exports.js';
import { setPublicUrl } from './http/public-url.js';
import { responseCache } from './http/response-cache.js';
import { requestLog } from './http/request-log.js';
import { proposalsBodyParser } from './http/proposals.js';
import { pageRoutes } from './http/routes.js';
import { editorSessions } from './http/security/editor-session.js';
import { formGuard } from './http/security/form-guard.js';
import { issueFormToken } from './http/security/form-token.js';
import { securityHeaders } from './http/security/headers.js';
import { refuseUnknownHosts } from './http/security/known-host.js';
import { writeRateLimit } from './http/security/rate-limit.js';
import { editorOnly, requireEditorForWrites } from './http/security/require-editor.js';
import { refuseCrossSiteWrites } from './http/security/same-origin.js';
import { signInRoutes } from './http/sign-in.js';
import { oldExportRedirects } from './http/stories.js';
import { createArticleReader, type ArticleReader } from './reading/article-reader.js';
import type { EditorDirectory } from './store/editor-accounts.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  store: Store;
  /** The current time; tests pin it. */
  now?: () => Date;
  /** Fresh ids for new records; tests may make them predictable. */
  newId?: () => string;
  /** Hides stack traces and caches compiled templates. */
  production?: boolean;
  /** Where the request log goes (one line per request, errors on their request's line); tests pass a silent one. Default: pino to stdout. */
  logger?: Logger;
  /** Signs form tokens and session cookies. Required with `requireSignIn`; otherwise random per process. */
  secret?: string;
  /** Reads articles and proposes their claims off the main thread. Default: one worker, started on first use. */
  reader?: ArticleReader;
  /** Writes need a signed-in editor (set when listening beyond loopback). */
  requireSignIn?: boolean;
  /** Who may sign in; without it nobody can. */
  editors?: EditorDirectory;
  /** Writes per minute per client address before 429; 0 turns the limit off. Default 120. */
  writeLimitPerMinute?: number;
  /** Sign-in attempts per minute for one name from one address. Default 10. */
  signInAttemptsPerMinute?: number;
  /** Express `trust proxy`: set behind a reverse proxy so the client address and https are seen. */
  trustProxy?: boolean | number | string;
  /**
   * The address people open Claimline at (`https://claims.example.org`): the base of every absolute link, and the
   * one host name answered besides loopback ones; https turns on HSTS. `server.ts` passes CLAIMLINE_PUBLIC_URL, or
   * the loopback address it listens on. Default `http://127.0.0.1:3000`, where `npm start` listens.
   */
  publicUrl?: string;
}

const NO_EDITORS: EditorDirectory = { find: async () => undefined };

const VIEWS_DIR = fileURLToPath(new URL('../views/', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const BODY_LIMIT = '64kb';
/** Rendered pages kept between writes; a page is 5–60 kB, so this stays within a few tens of MB. */
const RESPONSE_CACHE_ENTRIES = 500;
/** Exports set headers of their own (attachment names, CORS) that a cached copy would lose. */
const DOWNLOADS = /^(\/stories\/[^/]+)?\/(export|import)/;
/** Forms have a dozen fields; far more is an attack or a bug, answered with 413. */
const PARAMETER_LIMIT = 100;

/**
 * EJS through a fixed set of options: Express would otherwise let `settings['view options']` in the
 * locals steer the compiler, and locals here never come from the request.
 */
function ejsEngine(production: boolean) {
  return (path: string, locals: object, callback: (error: Error | null, html?: string) => void) => {
    ejs.renderFile(path, locals as ejs.Data, { cache: production, compileDebug: !production, strict: false }, callback);
  };
}

export function createApp(options: AppOptions): Express {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomBytes(9).toString('base64url'));
  const production = options.production ?? false;
  const reader = options.reader ?? createArticleReader();
  const requireSignIn = options.requireSignIn ?? false;
  if (requireSignIn && !options.secret) throw new Error('createApp: requireSignIn needs a secret to sign sessions with');
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const editors = options.editors ?? NO_EDITORS;
  const writeLimit = options.writeLimitPerMinute ?? 120;
  const publicUrl = (options.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const clock = (): ClockContext => {
    const at = now();
    const iso = at.toISOString();
    return { now: iso, today: iso.slice(0, 10), newId };
  };

  const app = express();
  app.disable('x-powered-by');
  app.engine('ejs', ejsEngine(production));
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('query parser', 'simple');
  setPublicUrl(app, publicUrl);

  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);

  app.use(requestLog(options.logger ?? pino()));
  app.use(securityHeaders({ https: publicUrl.startsWith('https:') }));
  app.use(refuseUnknownHosts(publicUrl));
  app.use('/assets', express.static(PUBLIC_DIR, { maxAge: production ? '1h' : 0 }));
  // Guards before any body is read: who is signed in, same-origin writes only, per-client write limit, editors only.
  app.use(editorSessions({ secret, editors, now, requireSignIn }));
  app.use(refuseCrossSiteWrites);
  if (writeLimit > 0) app.use(writeRateLimit(writeLimit, () => now().getTime()));
  app.use(requireEditorForWrites);
  app.use(
    responseCache(store, {
      maxEntries: RESPONSE_CACHE_ENTRIES,
      skip: (path) => DOWNLOADS.test(path),
      issueFormToken: (editor) => issueFormToken(secret, editor, now()),
    }),
  );
  app.use('/api', apiRouter(store, clock, BODY_LIMIT, reader));
  app.use('/api', apiFormatsRouter(store));
  app.post('/documents', documentBodyParser);
  app.post('/documents/read', readingBodyParser);
  app.post('/documents/:id/proposals/accept', proposalsBodyParser);
  app.post('/import', importBodyParser);
  app.get('/import', editorOnly);
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: PARAMETER_LIMIT }));
  app.use(formGuard({ secret, now }));
  app.use(signInRoutes({ secret, editors, now, attemptsPerMinute: options.signInAttemptsPerMinute ?? 10 }));
  app.use(oldExportRedirects(store));
  app.use(pageRoutes(store, clock, reader));
  app.use(exportRoutes(store, clock));

  app.use(notFound);
  app.use(errorHandler({ exposeStack: !production }));
  return app;
}
