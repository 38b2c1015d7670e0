import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type AppOptions } from '../../src/app.js';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import type { Database } from '../../src/domain/types.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';
import { openFileStore } from '../../src/store/file-store.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { silentLogger } from './logs.js';

/** The moment tests pretend it is, so dates and "today" never drift. */
export const TEST_NOW = new Date('2025-03-01T12:00:00Z');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  // Last made, first undone: a store closes before its folder goes.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh temp folder removed after the test; never under data/. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimline-test-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: LowdbStore;
  dbPath: string;
}

/** An app on a store in a temp file, seeded with the shipped story unless told otherwise. */
export async function makeApp(
  options: { seed?: () => Database; dbPath?: string } & Omit<Partial<AppOptions>, 'store'> = {},
): Promise<TestApp> {
  const { seed, dbPath: givenPath, ...appOptions } = options;
  const dbPath = givenPath ?? join(tempDir(), 'claimline.db.json');
  const store = new LowdbStore(
    await openFileStore(dbPath, {
      seed: seed ?? (() => loadSeedDatabase(TEST_NOW.toISOString())),
      ...DATABASE_VALIDATION,
    }),
  );
  cleanups.push(() => store.close());
  let n = 0;
  const app = createApp({ store, now: () => TEST_NOW, newId: () => `test-${++n}`, logger: silentLogger, ...appOptions });
  return { app, store, dbPath };
}

export const emptyDatabase = (): Database => ({ version: 3, stories: [], sources: [], documents: [], claims: [], revisions: [], relations: [] });
