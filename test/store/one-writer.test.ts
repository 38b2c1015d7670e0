import { readFileSync } from 'node:fs';
import { link, lstat, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
import { DatabaseLinkedError, DatabaseLockedError } from '../../src/store/lock-file.js';
import type { DatabaseStore as Store } from '../../src/store/database-store.js';
import { exited, runScript, runUnreaped, waitForLine } from './child-process.js';
import { addClaim, emptyDatabase, makeClaim, tempDir, validateShape } from './database-fixtures.js';

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

/** Runs `test` while a server process holds `path`, and ends that server after. */
async function whileHeld(path: string, test: (pid: number) => Promise<void>): Promise<void> {
  const server = runScript('test/faults/hold-open.ts', [path]);
  try {
    await waitForLine(server, 'open');
    await test(server.pid!);
  } finally {
    server.kill('SIGKILL');
    await exited(server);
  }
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

describe('one writer, whatever name the database is opened by', () => {
  it('when a server holds the database and another process opens it through a symbolic link, then it is refused', async () => {
    await symlink(db, join(dir, 'linked.json'));
    await whileHeld(db, async (pid) => {
      const error = await openStore(join(dir, 'linked.json')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(`process ${pid}`);
    });
  }, 20_000);

  it('when a server holds the database through a symbolic link and another process opens the file itself, then it is refused', async () => {
    await openStore().then((store) => store.close());
    open.splice(0);
    const linked = join(dir, 'linked.json');
    await symlink(db, linked);
    await whileHeld(linked, async (pid) => {
      const error = await openStore().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(`process ${pid}`);
    });
  }, 20_000);

  it('when a server holds the database and another process opens a hard link to it, then it is refused', async () => {
    await whileHeld(db, async () => {
      await link(db, join(dir, 'other-name.json'));
      const error = await openStore(join(dir, 'other-name.json')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseLinkedError);
      expect((error as Error).message).toContain('has another name (a hard link)');
    });
  }, 20_000);

  it('when the database is opened through a symbolic link, then its writes go to the file it points at and the link stays a link', async () => {
    const linked = join(dir, 'linked.json');
    await symlink(db, linked);
    const store = await openStore(linked);
    await store.update(addClaim(makeClaim('through-the-link')));
    await store.close();
    expect((await lstat(linked)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(db, 'utf8')).claims.map((claim: { id: string }) => claim.id)).toEqual(['through-the-link']);
  });
});
