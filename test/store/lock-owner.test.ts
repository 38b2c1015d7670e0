import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
import type { Store } from '../../src/store/store.js';
import { exited, runUnreaped, waitForLine } from './child-process.js';
import { emptyDatabase, tempDir, validateShape } from './database-fixtures.js';

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

async function openStore(path = db): Promise<Store> {
  const store = await openFileStore(path, { seed: emptyDatabase, validate: validateShape });
  open.push(store);
  return store;
}

/** The state letter of a process in /proc (R, S, Z…), or null once it is gone. */
function processState(pid: number): string | null {
  try {
    return /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the lock of a killed server', () => {
  it('when the server was killed and is a zombie its parent has not reaped yet, then a restart takes the lock over', async () => {
    const parent = runUnreaped('test/faults/hold-open.ts', [db]);
    try {
      await waitForLine(parent, 'open');
      const pid = Number((await readFile(`${db}.lock`, 'utf8')).trim());
      process.kill(pid, 'SIGKILL');
      await until(() => processState(pid) === 'Z', `process ${pid} to be a zombie`);

      const store = await openStore();
      expect(store.data).toEqual(emptyDatabase());
      expect(await readFile(`${db}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    } finally {
      parent.kill('SIGKILL');
      await exited(parent);
    }
  }, 20_000);
});
