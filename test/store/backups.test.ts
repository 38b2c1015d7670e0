import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, restoreBackup } from '../../src/store/backups.js';
import { openFileStore, type FileStoreOptions } from '../../src/store/file-store.js';
import { DatabaseLockedError } from '../../src/store/lock-file.js';
import { addClaim, emptyDatabase, makeClaim, tempDir, validateShape } from './database-fixtures.js';

let dir: string;
let removeDir: () => Promise<void>;
let db: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  db = join(dir, 'claims.json');
});

afterEach(() => removeDir());

/** A store that folds its journal into the database file after every update, so each update replaces the file. */
const openFolding = (options: Partial<FileStoreOptions> = {}) =>
  openFileStore(db, { seed: emptyDatabase, validate: validateShape, journalLimit: 0, ...options });

async function addClaims(count: number, options: Partial<FileStoreOptions> = {}): Promise<void> {
  const store = await openFolding(options);
  for (let index = 0; index < count; index += 1) await store.update(addClaim(makeClaim(`claim-${index}`)));
  await store.close();
}

describe('backups', () => {
  it('when the database file is replaced many times, then the five newest copies are kept, newest first', async () => {
    await addClaims(8);

    const backups = await listBackups(db);

    expect(backups.map((backup) => backup.claims)).toEqual([7, 6, 5, 4, 3]);
    expect(backups.map((backup) => backup.number)).toEqual([1, 2, 3, 4, 5]);
    expect(backups[0]?.takenAt.getTime()).toBeGreaterThan(backups[4]?.takenAt.getTime() ?? Infinity);
    expect((await readdir(dir)).filter((name) => name.endsWith('.bak'))).toHaveLength(5);
  });

  it('when the store is told to keep two, then only two copies are kept', async () => {
    await addClaims(4, { backups: 2 });
    expect((await listBackups(db)).map((backup) => backup.claims)).toEqual([3, 2]);
  });

  it('when a backup is damaged, then the list says so instead of counting its claims', async () => {
    await addClaims(2);
    const [newest] = await listBackups(db);
    await writeFile(newest?.file ?? '', '{"version":1,');

    const [listed] = await listBackups(db);
    expect(listed?.claims).toBeNull();
    expect(listed?.problem).toContain('not valid JSON');
    await expect(restoreBackup(db, 1)).rejects.toThrow('cannot be restored');
  });

  it('when a backup is restored, then the store opens on it and the replaced file is kept as the newest backup', async () => {
    await addClaims(4);
    const current = await readFile(db);

    const restored = await restoreBackup(db, 2);

    expect(restored.backup.claims).toBe(2);
    const store = await openFolding({ journalLimit: undefined });
    expect(store.data.claims.map((claim) => claim.id)).toEqual(['claim-0', 'claim-1']);
    await store.close();
    expect(await readFile(restored.previous ?? '')).toEqual(current);
    expect((await listBackups(db))[0]?.claims).toBe(4);
  });

  it('when the database is open in a server, then a restore is refused and changes nothing', async () => {
    await addClaims(3);
    const store = await openFolding();
    const before = await readFile(db);

    await expect(restoreBackup(db, 1)).rejects.toBeInstanceOf(DatabaseLockedError);

    expect(await readFile(db)).toEqual(before);
    await store.close();
  });

  it('when there is no such backup, then the restore says how many there are', async () => {
    await addClaims(2);
    await expect(restoreBackup(db, 9)).rejects.toThrow('there are 2');
  });
});
