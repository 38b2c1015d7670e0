import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseFromSeed, parseSeed } from '../domain/seed.js';
import { DATABASE_VERSION, type Database } from '../domain/types.js';

/** data/seed in the source tree; the same path from src/ and from dist/. */
export const SEED_DIR = fileURLToPath(new URL('../../data/seed/', import.meta.url));

/** Builds the default database from every story seed (`*.json`) in a seed folder. */
export function loadSeedDatabase(now: string, dir: string = SEED_DIR): Database {
  const databases = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const seed = parseSeed(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      const texts = Object.fromEntries(
        seed.documents.flatMap((doc) => (doc.textFile ? [[doc.textFile, readFileSync(join(dir, doc.textFile), 'utf8')]] : [])),
      );
      return databaseFromSeed(seed, texts, now);
    });
  return {
    version: DATABASE_VERSION,
    stories: databases.flatMap((db) => db.stories),
    sources: databases.flatMap((db) => db.sources).filter((s, i, all) => all.findIndex((t) => t.id === s.id) === i),
    documents: databases.flatMap((db) => db.documents),
    claims: databases.flatMap((db) => db.claims),
    revisions: [],
    relations: databases.flatMap((db) => db.relations),
  };
}
