import { fileURLToPath } from 'node:url';
import express from 'express';
import type { ClockContext } from '../../src/domain/add-claim.js';
import type { Database } from '../../src/domain/types.js';
import { apiFormatsRouter } from '../../src/http/api-formats.js';
import { exportRoutes } from '../../src/http/exports.js';
import { publicUrlOf, setPublicUrl } from '../../src/http/public-url.js';
import { TEST_NOW, makeApp, type TestApp } from './app.js';

const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

export interface FormatsApp extends TestApp {
  /** The app createApp built, without the routes in front of it. */
  core: TestApp['app'];
}

/**
 * The app from makeApp with the export, import and API-format routes in front of it, on the same store and clock,
 * so these tests run whether or not createApp mounts them yet. The routes here see no form guard.
 */
export async function makeFormatsApp(options: { seed?: () => Database; publicUrl?: string } = {}): Promise<FormatsApp> {
  const made = await makeApp(options);
  let n = 0;
  const clock = (): ClockContext => ({
    now: TEST_NOW.toISOString(),
    today: TEST_NOW.toISOString().slice(0, 10),
    newId: () => `formats-${++n}`,
  });
  const app = express();
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('query parser', 'simple');
  setPublicUrl(app, publicUrlOf(made.app));
  app.use('/api', apiFormatsRouter(made.store));
  app.use(exportRoutes(made.store, clock));
  app.use(made.app);
  return { ...made, app: app as unknown as TestApp['app'], core: made.app };
}
