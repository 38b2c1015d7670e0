import { appendFile, copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFileError } from '../../src/store/database-file.js';
import { openFileStore, type FileStoreOptions } from '../../src/store/file-store.js';
import { DatabaseLockedError } from '../../src/store/lock-file.js';
import type { DatabaseStore as Store } from '../../src/store/database-store.js';
import { StoreWriteError } from '../../src/store/store.js';
import { exited, runScript, waitForLine } from './child-process.js';
import {
  addClaim,
  editClaim,
  emptyDatabase,
  makeClaim,
  removeClaim,
  tempDir,
  validateShape,
} from './database-fixtures.js';
import { faultyFileOps } from './faulty-file-ops.js';

let dir: string;
let removeDir: () => Promise<void>;
let db: string;
const open: Store[] = [];

beforeEach(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  db = join(dir, 'claims.json');
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  await removeDir();
});

async function openStore(path = db, options: Partial<FileStoreOptions> = {}): Promise<Store> {
  const store = await openFileStore(path, { seed: emptyDatabase, validate: validateShape, ...options });
  open.push(store);
  return store;
}

/** What a crash would leave: the files as they are now, without the lock of the still-running store. */
async function crashImage(): Promise<string> {
  const copy = join(dir, 'crashed.json');
  await copyFile(db, copy);
  await copyFile(`${db}.journal`, `${copy}.journal`);
  return copy;
}

describe('openFileStore', () => {
  it('when the database file does not exist, then it is created from the seed and holds it on disk', async () => {
    const store = await openStore();
    expect(store.data).toEqual(emptyDatabase());
    expect(JSON.parse(await readFile(db, 'utf8'))).toEqual(emptyDatabase());
  });

  it('when claims are added, edited and removed, then a reopened store has exactly the result', async () => {
    const store = await openStore();
    await store.update(addClaim(makeClaim('a')));
    await store.update(addClaim(makeClaim('b')));
    await store.update(addClaim(makeClaim('c')));
    await store.update(editClaim('a', 'edited'));
    await store.update(removeClaim('b'));
    const expected = store.data;
    await store.close();

    const reopened = await openStore();
    expect(reopened.data).toEqual(expected);
    expect(reopened.data.claims.map((claim) => [claim.id, claim.statement])).toEqual([
      ['a', 'edited'],
      ['c', expect.stringContaining('Claim c')],
    ]);
  });

  it('when an update resolves, then its claim survives a crash before close (the journal is replayed)', async () => {
    const store = await openStore();
    await store.update(addClaim(makeClaim('a')));
    await store.update(editClaim('a', 'second wording'));
    const crashed = await crashImage();

    const recovered = await openStore(crashed);
    expect(recovered.data.claims).toEqual([expect.objectContaining({ id: 'a', statement: 'second wording' })]);
  });

  it('when a crash tore the last journal line, then the store opens with every whole update and drops the torn one', async () => {
    const store = await openStore();
    await store.update(addClaim(makeClaim('a')));
    const crashed = await crashImage();
    await appendFile(`${crashed}.journal`, '1f2e3d4c 512 {"n":1,"c":[{"k":"claims","u":[{"id":"torn"');

    const recovered = await openStore(crashed);
    expect(recovered.data.claims.map((claim) => claim.id)).toEqual(['a']);
    await recovered.update(addClaim(makeClaim('b')));
    await recovered.close();
    expect((await openStore(crashed)).data.claims.map((claim) => claim.id)).toEqual(['a', 'b']);
  });

  it('when a journal line in the middle is damaged, then the store refuses to open and changes no file', async () => {
    const store = await openStore();
    await store.update(addClaim(makeClaim('a')));
    await store.update(addClaim(makeClaim('b')));
    const crashed = await crashImage();
    const journal = await readFile(`${crashed}.journal`, 'utf8');
    const damaged = journal.replace('"id":"a"', '"id":"A"');
    await writeFile(`${crashed}.journal`, damaged);

    const error = await openStore(crashed).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect((error as Error).message).toContain(`${crashed}.journal`);
    expect(await readFile(`${crashed}.journal`, 'utf8')).toBe(damaged);
  });

  it('when several updates are made in the same tick, then all are stored with fewer fsyncs than updates', async () => {
    const faults = faultyFileOps();
    const store = await openStore(db, { fs: faults.ops });
    const fsyncsBefore = faults.calls.fsync ?? 0;
    const ids = Array.from({ length: 50 }, (_, index) => `claim-${index}`);

    const results = await Promise.all(ids.map((id) => store.update(addClaim(makeClaim(id)))));

    expect(results).toEqual(ids);
    expect((faults.calls.fsync ?? 0) - fsyncsBefore).toBeLessThan(5);
    expect(store.version).toBe(50);
    await store.close();
    expect((await openStore()).data.claims.map((claim) => claim.id)).toEqual(ids);
  });

  it('when one change in a group throws, then only that update fails and the others are stored', async () => {
    const store = await openStore();
    const outcomes = await Promise.allSettled([
      store.update(addClaim(makeClaim('a'))),
      store.update(() => {
        throw new Error('stale edit');
      }),
      store.update(addClaim(makeClaim('b'))),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.data.claims.map((claim) => claim.id)).toEqual(['a', 'b']);
  });

  it('when code changes committed data in place, then it fails at once instead of losing the change on restart', async () => {
    const store = await openStore();
    await store.update(addClaim(makeClaim('a')));
    expect(() => store.data.claims.push(makeClaim('b'))).toThrow(TypeError);
    expect(() => {
      (store.data.claims[0] as { statement: string }).statement = 'changed';
    }).toThrow(TypeError);
  });
});

describe('a failed write', () => {
  for (const code of ['ENOSPC', 'EACCES', 'EIO'] as const) {
    it(`when the journal append fails with ${code}, then the update rejects, memory keeps the old data and no phantom claim appears after reopening`, async () => {
      const faults = faultyFileOps();
      const store = await openStore(db, { fs: faults.ops });
      await store.update(addClaim(makeClaim('kept')));
      const before = store.data;
      faults.failAt(faults.total + 1, code);

      const error = await store.update(addClaim(makeClaim('phantom'))).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(StoreWriteError);
      expect((error as Error).message).toContain(code);
      expect(store.data).toBe(before);
      expect(store.version).toBe(1);
      await store.update(addClaim(makeClaim('after')));
      await store.close();
      expect((await openStore()).data.claims.map((claim) => claim.id)).toEqual(['kept', 'after']);
    });
  }

  it('when the disk stays full for a while, then every write in that time fails and the store recovers once there is space', async () => {
    const faults = faultyFileOps();
    const store = await openStore(db, { fs: faults.ops });
    await store.update(addClaim(makeClaim('kept')));
    faults.failAt(faults.total + 1, 'ENOSPC', true);

    for (const id of ['lost-1', 'lost-2']) {
      await expect(store.update(addClaim(makeClaim(id)))).rejects.toBeInstanceOf(StoreWriteError);
    }
    faults.clear();
    await store.update(addClaim(makeClaim('after')));

    expect(store.data.claims.map((claim) => claim.id)).toEqual(['kept', 'after']);
    const crashed = await crashImage();
    expect((await openStore(crashed)).data.claims.map((claim) => claim.id)).toEqual(['kept', 'after']);
  });
});

describe('refusing bad database files', () => {
  const badFiles: Array<[string, Buffer | string, string]> = [
    ['an empty file', '', 'empty'],
    ['NUL bytes', Buffer.alloc(64), 'NUL bytes'],
    ['truncated JSON', '{"version":1,"sources":[],"claims":[{"id":"a"', 'not valid JSON'],
    ['null', 'null', 'null'],
    ['{}', '{}', 'empty object'],
    ['a wrong shape', '{"version":3,"stories":[],"sources":[],"documents":[],"claims":{},"revisions":[],"relations":[]}', 'claims is missing or not a list'],
  ];
  for (const [what, bytes, problem] of badFiles) {
    it(`when the file holds ${what}, then opening fails naming the file and the problem, and the bytes are unchanged`, async () => {
      await writeFile(db, bytes);
      const error = await openStore().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseFileError);
      expect((error as Error).message).toContain(db);
      expect((error as Error).message).toContain(problem);
      expect(await readFile(db)).toEqual(Buffer.from(bytes));
      expect(await readdir(dir)).toEqual(['claims.json']);
    });
  }

  it('when a crash left a half-written temp file, then it is removed and the store opens with the last good data', async () => {
    const store = await openStore();
    await store.update(addClaim(makeClaim('a')));
    await store.close();
    await writeFile(`${db}.tmp`, '{"version":1,"claims":[{"id":"hal');

    const reopened = await openStore();
    expect(reopened.data.claims.map((claim) => claim.id)).toEqual(['a']);
    expect(await readdir(dir)).not.toContain('claims.json.tmp');
  });
});

describe('one writer', () => {
  it('when the database is already open, then a second open fails naming the process that holds it', async () => {
    await openStore();
    const error = await openStore().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseLockedError);
    expect((error as Error).message).toContain(`process ${process.pid}`);
  });

  it('when a lock names a process that has died, then the lock is taken over', async () => {
    const child = runScript('-e', []);
    await exited(child);
    await writeFile(`${db}.lock`, `${child.pid}\n`);

    const store = await openStore();
    expect(store.data).toEqual(emptyDatabase());
    expect(await readFile(`${db}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await store.close();
    expect(await readdir(dir)).not.toContain('claims.json.lock');
  });

  it('when a server process has the database open, then another process is refused until that server is gone', async () => {
    const server = runScript('test/faults/hold-open.ts', [db]);
    try {
      await waitForLine(server, 'open');
      const error = await openStore().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(`process ${server.pid}`);
    } finally {
      server.kill('SIGKILL');
      await exited(server);
    }
    await expect(openStore()).resolves.toBeDefined();
  }, 20_000);
});
