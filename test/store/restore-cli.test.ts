import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
import { runToEnd } from './child-process.js';
import { addClaim, emptyDatabase, makeClaim, tempDir, validateShape } from './database-fixtures.js';

let removeDir: () => Promise<void>;
let db: string;

beforeEach(async () => {
  const temp = await tempDir();
  removeDir = temp.remove;
  db = join(temp.dir, 'claims.json');
  const store = await openFileStore(db, { seed: emptyDatabase, validate: validateShape, journalLimit: 0 });
  for (const id of ['a', 'b', 'c']) await store.update(addClaim(makeClaim(id)));
  await store.close();
});

afterEach(() => removeDir());

const restore = (...args: string[]) => runToEnd('src/cli/restore.ts', args);

describe('npm run restore', () => {
  it('when run with only --db, then it lists the backups newest first with their time and claim count', async () => {
    const { code, out } = await restore('--db', db);
    expect(code).toBe(0);
    expect(out).toMatch(/ {2}1 {2}\d{4}-\d\d-\d\dT[\d:.]+Z {2}2 claims/);
    expect(out).toMatch(/ {2}3 {2}\S+ {2}0 claims/);
  }, 20_000);

  it('when run with --from, then the database holds that backup afterwards', async () => {
    const { code, out } = await restore('--db', db, '--from', '2');
    expect(code).toBe(0);
    expect(out).toContain('Restored');
    const store = await openFileStore(db, { seed: emptyDatabase, validate: validateShape });
    expect(store.data.claims.map((claim) => claim.id)).toEqual(['a']);
    await store.close();
  }, 20_000);

  it('when a server has the database open, then the restore is refused with exit code 1', async () => {
    const store = await openFileStore(db, { seed: emptyDatabase, validate: validateShape });
    try {
      const { code, err } = await restore('--db', db, '--from', '1');
      expect(code).toBe(1);
      expect(err).toContain(`in use by process ${process.pid}`);
    } finally {
      await store.close();
    }
  }, 20_000);
});
