import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { ClockContext } from './domain/add-claim.js';
import { apiRouter } from './http/api.js';
import { errorHandler, notFound } from './http/errors.js';
import { pageRoutes } from './http/routes.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  store: Store;
  /** The current time; tests pin it. */
  now?: () => Date;
  /** Fresh ids for new records; tests may make them predictable. */
  newId?: () => string;
  /** Hides stack traces and caches compiled templates. */
  production?: boolean;
  log?: (error: unknown) => void;
}

const VIEWS_DIR = fileURLToPath(new URL('../views/', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const BODY_LIMIT = '64kb';
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

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'none'"],
          'object-src': ["'none'"],
        },
      },
    }),
  );
  app.use('/assets', express.static(PUBLIC_DIR, { maxAge: production ? '1h' : 0 }));
  app.use('/api', apiRouter(store, clock, BODY_LIMIT));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: PARAMETER_LIMIT }));
  app.use(pageRoutes(store, clock));

  app.use(notFound);
  app.use(errorHandler({ exposeStack: !production, log: options.log ?? ((error) => console.error(error)) }));
  return app;
}
