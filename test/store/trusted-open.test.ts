import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_VALIDATION } from '../../src/domain/database-check.js';
import { DatabaseFileError } from '../../src/store/database-file.js';
import { openFileStore } from '../../src/store/file-store.js';
import { addClaim, emptyDatabase, makeClaim, tempDir } from './database-fixtures.js';

let dir: string;
let removeDir: () => Promise<void>;
let db: string;

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  db = join(dir, 'claims.json');
});
afterEach(() => removeDir());

/** The app's real checks, counting how often the whole-file check runs. */
function countingValidation() {
  const counts = { whole: 0, shape: 0 };
  return {
    counts,
    options: {
      seed: emptyDatabase,
      validate: (data: unknown) => {
        counts.whole += 1;
        return DATABASE_VALIDATION.validate(data);
      },
      checks: {
        shape: (data: unknown) => {
          counts.shape += 1;
          return DATABASE_VALIDATION.checks.shape(data);
        },
        changes: DATABASE_VALIDATION.checks.changes,
      },
    },
  };
}

async function storeWithOneClaim() {
  const store = await openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION });
  await store.update((data) => ({
    data: { ...data, sources: [{ id: 'reuters', name: 'Reuters', kind: 'wire-service' as const }] },
    result: null,
  }));
  await store.update(addClaim(makeClaim('one', { attributions: [{ sourceId: 'reuters', role: 'origin', verb: 'said' }] })));
  await store.close();
}

describe('files the store wrote itself', () => {
  it('open on a shape check, since every update in them was checked when it was written', async () => {
    await storeWithOneClaim();
    const { counts, options } = countingValidation();
    const store = await openFileStore(db, options);
    expect(store.data.claims.map((c) => c.id)).toEqual(['one']);
    expect(counts).toEqual({ whole: 0, shape: 1 });
    await store.close();
  });

  it('are checked whole again once edited by hand, and refused when the edit broke a record', async () => {
    await storeWithOneClaim();
    const text = await readFile(db, 'utf8');
    await writeFile(db, text.replace('"precision":"quarter"', '"precision":"decade"'));
    const { counts, options } = countingValidation();
    await expect(openFileStore(db, options)).rejects.toThrow(DatabaseFileError);
    expect(counts.whole).toBe(1);
    expect(await readFile(db, 'utf8')).toContain('"decade"');
  });

  it('never take in an update that would store an invalid record or a broken reference', async () => {
    const store = await openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION });
    const before = store.data;
    await expect(store.update(addClaim(makeClaim('orphan', { attributions: [{ sourceId: 'nobody', role: 'origin', verb: 'said' }] })))).rejects.toThrow(
      /refused to store invalid data.*source nobody does not exist/,
    );
    await expect(store.update(addClaim({ ...makeClaim('bad'), statement: '' }))).rejects.toThrow(/claims\.0\.statement/);
    expect(store.data).toBe(before);
    await store.close();
    const reopened = await openFileStore(db, { seed: emptyDatabase, ...DATABASE_VALIDATION });
    expect(reopened.data.claims).toEqual([]);
    await reopened.close();
  });
});
