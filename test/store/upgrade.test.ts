import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import { loadSeedDatabase } from '../../src/seed-files.js';
import { listBackups } from '../../src/store/backups.js';
import { openFileStore } from '../../src/store/file-store.js';
import { emptyDatabase, tempDir } from './database-fixtures.js';

let dir: string;
let removeDir: () => Promise<void>;
let db: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  db = join(dir, 'claims.json');
});

afterEach(() => removeDir());

/** The seeded story as a database file of format 1, written before relations existed. */
function versionOneFile(): string {
  const { relations: _relations, ...rest } = loadSeedDatabase('2025-02-12T09:00:00.000Z');
  const claims = rest.claims.map(({ shortName: _name, ...claim }) => claim);
  return JSON.stringify({ ...rest, claims, version: 1 });
}

describe('opening a database file of an older format', () => {
  it('when the file is of format 1, then it opens upgraded with every record kept, is rewritten as format 2, and the old file is kept as a backup', async () => {
    const old = versionOneFile();
    await writeFile(db, old);
    const store = await openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION });
    const before = JSON.parse(old) as { claims: unknown[]; documents: unknown[]; sources: unknown[]; revisions: unknown[] };
    expect(store.data.version).toBe(2);
    expect(store.data.relations).toEqual([]);
    expect(store.data.claims).toEqual(before.claims);
    expect(store.data.documents).toEqual(before.documents);
    expect(store.data.sources).toEqual(before.sources);
    expect(store.data.revisions).toEqual(before.revisions);
    await store.close();
    expect(JSON.parse(await readFile(db, 'utf8'))).toMatchObject({ version: 2, relations: [] });
    const backups = await listBackups(db);
    expect(backups).toHaveLength(1);
    expect(await readFile(backups[0]!.file, 'utf8')).toBe(old);
  });

  it('when the file is of a format newer than this Claimline, then it is refused and left as it was', async () => {
    const newer = JSON.stringify({ ...JSON.parse(versionOneFile()), version: 9, relations: [] });
    await writeFile(db, newer);
    await expect(openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION })).rejects.toThrow(/version must be 2/);
    expect(await readFile(db, 'utf8')).toBe(newer);
  });
});
