import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/domain/types.js';
import { openFileStore, type FileStoreOptions } from '../../src/store/file-store.js';
import type { DatabaseStore as Store } from '../../src/store/database-store.js';
import { StoreWriteError, type Change } from '../../src/store/store.js';
import { addClaim, editClaim, emptyDatabase, makeClaim, removeClaim, tempDir, validateShape } from '../store/database-fixtures.js';
import { faultyFileOps, type FaultCode, type FaultyFileOps } from '../store/faulty-file-ops.js';

type Step = Array<(data: Database) => Change<string>>;

/** Groups of updates made in the same tick; the journal limit makes some of them fold into the database file. */
const STEPS: Step[] = [
  [addClaim(makeClaim('a1'))],
  [addClaim(makeClaim('b1')), addClaim(makeClaim('b2')), editClaim('a1', 'edited once')],
  [removeClaim('b1')],
  [addClaim(makeClaim('c1', { statement: 'padding '.repeat(200) }))],
  [addClaim(makeClaim('c2')), editClaim('b2', 'edited')],
  [addClaim(makeClaim('d1', { statement: 'padding '.repeat(200) }))],
  [removeClaim('c2'), addClaim(makeClaim('d2'))],
];

const OPTIONS = { seed: emptyDatabase, validate: validateShape, journalLimit: 1024, backups: 2 } satisfies Partial<FileStoreOptions>;

let dir: string;
let removeDir: () => Promise<void>;
let template: string;
let templateData: Database;

beforeAll(async () => {
  ({ dir, remove: removeDir } = await tempDir());
  // The starting point is what a crash leaves: a database file and a journal with updates not yet folded in.
  const origin = join(dir, 'origin.json');
  const store = await openFileStore(origin, { ...OPTIONS, journalLimit: undefined });
  await store.update(addClaim(makeClaim('before-1')));
  await store.update(addClaim(makeClaim('before-2')));
  template = join(dir, 'template.json');
  await copyFile(origin, template);
  await copyFile(`${origin}.journal`, `${template}.journal`);
  templateData = store.data;
  await store.close();
});

afterAll(() => removeDir());

async function freshCopy(run: string): Promise<string> {
  const db = join(dir, run, 'claims.json');
  await rm(join(dir, run), { recursive: true, force: true });
  await mkdir(join(dir, run));
  await copyFile(template, db);
  await copyFile(`${template}.journal`, `${db}.journal`);
  return db;
}

/** Stands in for the process exiting after a failed start: a lock naming this live process would otherwise refuse the reopen. */
async function dropOwnLock(db: string): Promise<void> {
  await rm(`${db}.lock`, { force: true });
}

/** Opens a copy of the files as they are now, as a restart after a crash at this moment would. */
async function openCrashImage(db: string): Promise<Database> {
  const copy = join(db, '..', 'crash-image.json');
  await copyFile(db, copy);
  await copyFile(`${db}.journal`, `${copy}.journal`).catch(() => undefined);
  const store = await openFileStore(copy, { ...OPTIONS, backups: 0 });
  const data = store.data;
  await store.close();
  await rm(copy);
  await rm(`${copy}.journal`, { force: true });
  return data;
}

/** One run with the fault at operation `at`; returns whether the fault was reached. */
async function run(db: string, faults: FaultyFileOps, at: number, code: FaultCode, sticky: boolean): Promise<boolean> {
  faults.failAt(at, code, sticky);
  let store: Store;
  try {
    store = await openFileStore(db, { ...OPTIONS, fs: faults.ops });
  } catch (error) {
    expect(faults.tripped).toBeGreaterThan(0);
    faults.clear();
    await dropOwnLock(db);
    const reopened = await openFileStore(db, OPTIONS);
    expect(reopened.data).toEqual(templateData);
    await reopened.close();
    return true;
  }
  let failedSteps = 0;
  for (const step of STEPS) {
    const before = store.data;
    const version = store.version;
    const outcomes = await Promise.allSettled(step.map((change) => store.update(change)));
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    if (rejected.length > 0) {
      failedSteps += 1;
      expect(rejected).toHaveLength(step.length);
      for (const outcome of rejected) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StoreWriteError);
      expect(store.data).toBe(before);
      expect(store.version).toBe(version);
      // A one-off fault is cut back off the journal at once, so a crash right now would not bring the failed update back.
      if (!sticky) expect(await openCrashImage(db)).toEqual(before);
    } else {
      expect(store.version).toBe(version + step.length);
    }
    if (sticky && faults.tripped > 0) faults.clear();
  }
  expect(failedSteps).toBeLessThanOrEqual(1);
  const final = store.data;
  await store.close().catch(async (error: unknown) => {
    expect(faults.tripped).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(Error);
    faults.clear();
    await store.close();
  });
  faults.clear();
  const reopened = await openFileStore(db, OPTIONS);
  expect(reopened.data).toEqual(final);
  await reopened.close();
  return faults.tripped > 0;
}

describe('I/O errors injected at every file operation', () => {
  const cases: Array<[FaultCode, boolean]> = [
    ['ENOSPC', false],
    ['EACCES', false],
    ['EIO', false],
    ['ENOSPC', true],
  ];
  for (const [code, sticky] of cases) {
    it(`when operation n fails with ${code}${sticky ? ' and keeps failing for the rest of that write' : ''}, for every n until a run completes, then memory equals disk and the store keeps working`, async () => {
      let runs = 0;
      for (let at = 1; ; at += 1) {
        const db = await freshCopy(`${code}-${sticky}-${at}`);
        const faults = faultyFileOps();
        let reached: boolean;
        try {
          reached = await run(db, faults, at, code, sticky);
        } catch (error) {
          throw new Error(`with ${code} at operation ${at}: ${(error as Error).message}`, { cause: error });
        }
        await rm(join(db, '..'), { recursive: true, force: true });
        runs += 1;
        if (!reached) break;
      }
      expect(runs).toBeGreaterThan(50);
      console.info(`${code}${sticky ? ' (sticky)' : ''}: ${runs} runs`);
    });
  }

});
