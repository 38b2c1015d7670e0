import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_VALIDATION } from '../domain/database-check.js';
import { openFileStore } from '../store/file-store.js';
import { LowdbStore } from '../store/lowdb/lowdb-store.js';
import type { Store } from '../store/store.js';
import { loadSeedDatabase } from './seed-files.js';

/** Where `npm start` keeps its data when CLAIMLINE_DB does not say. */
export const DEFAULT_DATABASE_FILE = fileURLToPath(new URL('../../data/claimline.db.json', import.meta.url));

export interface StoreConfig {
  /** The embedded store's database file (made, with the shipped story, when it does not exist). */
  file: string;
}

/** Where the store lives, from the environment: CLAIMLINE_DB, or the default file. */
export function storeConfig(env: NodeJS.ProcessEnv): StoreConfig {
  return { file: resolve(env.CLAIMLINE_DB ?? DEFAULT_DATABASE_FILE) };
}

/** Opens the store a configuration names; a database file in a folder that does not exist yet is a new installation. */
export async function openStore(config: StoreConfig): Promise<Store> {
  mkdirSync(dirname(config.file), { recursive: true });
  const engine = await openFileStore(config.file, {
    seed: () => loadSeedDatabase(new Date().toISOString()),
    ...DATABASE_VALIDATION,
  });
  return new LowdbStore(engine);
}

/** How a configuration is named in messages. */
export function describeStore(config: StoreConfig): string {
  return `database: ${config.file}`;
}
