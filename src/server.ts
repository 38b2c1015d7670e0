import { createApp } from './app.js';
import { describeStore, openStore, storeConfig } from './app/open-store.js';
import { loopbackBaseUrl } from './http/security/known-host.js';
import { publicAddressNote, securitySettings } from './http/security/security-settings.js';
import { warmUp } from './http/warm-up.js';
import { editorAccountsFile, editorAccountsPath } from './store/editor-accounts.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const config = storeConfig(process.env);
const production = process.env.NODE_ENV === 'production';

try {
  const security = securitySettings(process.env);
  const store = await openStore(config);
  const app = createApp({
    store,
    production,
    ...security,
    publicUrl: security.publicUrl ?? loopbackBaseUrl(host, port),
    editors: editorAccountsFile(editorAccountsPath(config.file)),
  });
  // The list of stories and the timelines of the stories changed last are what people open first.
  const stories = await (await store.read()).stories();
  await warmUp(app, ['/', ...stories.slice(0, 3).map(({ story }) => `/stories/${encodeURIComponent(story.slug)}`)]);
  const server = app.listen(port, host, () => {
    console.log(`Claimline on http://${host}:${port} (${describeStore(config)})`);
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
            `claimline: stopped without folding the journal into ${config.file} (${(error as Error).message}); ` +
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
