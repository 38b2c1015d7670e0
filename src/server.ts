import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { DATABASE_VALIDATION } from './domain/database-check.js';
import { loopbackBaseUrl } from './http/security/known-host.js';
import { publicAddressNote, securitySettings } from './http/security/security-settings.js';
import { warmUp } from './http/warm-up.js';
import { loadSeedDatabase } from './seed-files.js';
import { editorAccountsFile, editorAccountsPath } from './store/editor-accounts.js';
import { openFileStore } from './store/file-store.js';

const DEFAULT_DB = fileURLToPath(new URL('../data/claimline.db.json', import.meta.url));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const dbPath = resolve(process.env.CLAIMLINE_DB ?? DEFAULT_DB);
const production = process.env.NODE_ENV === 'production';

try {
  const security = securitySettings(process.env);
  // A database path in a folder that does not exist yet is a new installation, not a mistake.
  mkdirSync(dirname(dbPath), { recursive: true });
  const store = await openFileStore(dbPath, {
    seed: () => loadSeedDatabase(new Date().toISOString()),
    ...DATABASE_VALIDATION,
  });
  const app = createApp({
    store,
    production,
    ...security,
    publicUrl: security.publicUrl ?? loopbackBaseUrl(host, port),
    editors: editorAccountsFile(editorAccountsPath(dbPath)),
  });
  await warmUp(app, ['/']);
  const server = app.listen(port, host, () => {
    console.log(`Claimline on http://${host}:${port} (database: ${dbPath})`);
    if (security.requireSignIn) console.log('Writes need a signed-in editor; add one with: npm run editor:add -- NAME');
    const addresses = publicAddressNote(security);
    if (addresses) console.log(addresses);
  });
  const stop = () => {
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        (error: unknown) => {
          // Every acknowledged change is already fsynced in the journal; only folding it into the database file failed.
          console.error(
            `claimline: stopped without folding the journal into ${dbPath} (${(error as Error).message}); ` +
              'no acknowledged change is lost: the journal holds them, and the next start replays it',
          );
          process.exit(1);
        },
      );
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`claimline: ${(error as Error).message}`);
  process.exit(1);
}
