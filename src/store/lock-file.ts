import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMissing, type FileOps } from './file-ops.js';

/** Another live process holds the database: two writers would overwrite each other's claims. */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';

  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(
      `${path} is in use by process ${pid} (lock file ${path}.lock). ` +
        'Stop that Claimline first; if no Claimline is running, that process is not ours and the lock file can be deleted.',
    );
  }
}

/**
 * The database file has a name besides its own and Claimline's backups (a hard link): a process that opened it by
 * that name would take another lock and miss this one's journal, so neither may write it.
 */
export class DatabaseLinkedError extends Error {
  override name = 'DatabaseLinkedError';

  constructor(
    readonly path: string,
    readonly otherNames: number,
  ) {
    super(
      `${path} has ${otherNames === 1 ? 'another name' : `${otherNames} other names`} (a hard link), so another Claimline could be writing it under that name. ` +
        'Give the database one name: remove the other link, or copy the file instead of linking it.',
    );
  }
}

export interface Lock {
  readonly path: string;
  /** Removes the lock file if it is still ours; safe to call again after a failure. */
  release(): Promise<void>;
}

/**
 * The state letter Linux gives a process in `/proc/PID/stat` (R, S, D, Z…), or null where there is no /proc.
 * The command name before it is in parentheses and may itself hold spaces and parentheses, so the state is read
 * after the last `)`.
 */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null;
  } catch {
    return null;
  }
}

/**
 * Whether `pid` is a process that could still write. A killed server stays a zombie until its parent reaps it,
 * and `kill(pid, 0)` succeeds on a zombie, but a zombie writes nothing: its lock is free.
 */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X';
}

async function readOwner(ops: FileOps, lockPath: string): Promise<number | null | 'gone'> {
  try {
    const pid = Number.parseInt((await ops.readFile(lockPath)).toString('utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if (isMissing(error)) return 'gone';
    throw error;
  }
}

async function removeIfPresent(ops: FileOps, path: string): Promise<void> {
  try {
    await ops.unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/**
 * Makes this process the only writer of a database: `<db>.lock` holds our pid. The pid is written to a
 * private file first and hard-linked into place, so the lock appears whole or not at all, and two
 * processes racing for it cannot both win. A lock left by a dead process is taken over.
 * @throws DatabaseLockedError when a live process holds the lock.
 * @example const lock = await acquireLock(nodeFileOps, 'data/claims.json'); … await lock.release()
 */
export async function acquireLock(ops: FileOps, databasePath: string): Promise<Lock> {
  const lockPath = `${databasePath}.lock`;
  const mine = `${lockPath}.${process.pid}`;
  try {
    const fd = await ops.open(mine, 'w');
    try {
      await ops.write(fd, Buffer.from(`${process.pid}\n`));
    } finally {
      await ops.close(fd);
    }
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await ops.link(mine, lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = await readOwner(ops, lockPath);
        if (typeof owner === 'number' && isAlive(owner)) throw new DatabaseLockedError(databasePath, owner);
        // A dead owner, or a lock damaged by a power cut (it is never written in place), holds nothing.
        if (owner !== 'gone') await removeIfPresent(ops, lockPath);
        continue;
      }
      const lock = ownLock(ops, lockPath);
      const others = await otherNames(ops, databasePath).catch(async (error: unknown) => {
        await lock.release().catch(() => undefined);
        throw error;
      });
      if (others > 0) {
        await lock.release();
        throw new DatabaseLinkedError(databasePath, others);
      }
      return lock;
    }
    throw new DatabaseLockedError(databasePath, Number((await readOwner(ops, lockPath)) ?? 0));
  } finally {
    // Best effort: a leftover private file is never mistaken for the lock, so failing to remove it harms nothing.
    await removeIfPresent(ops, mine).catch(() => undefined);
  }
}

/**
 * How many names the database file has besides its own and the backups beside it (which share its inode for a
 * moment while it is replaced, or after a crash in that moment). Backups are named `<file>.<time>.bak`.
 */
async function otherNames(ops: FileOps, databasePath: string): Promise<number> {
  const file = await ops.lstat(databasePath).catch((error: unknown) => {
    if (isMissing(error)) return null;
    throw error;
  });
  if (file === null || file.nlink <= 1) return 0;
  const prefix = `${basename(databasePath)}.`;
  let backups = 0;
  for (const name of await ops.readdir(dirname(databasePath))) {
    if (!name.startsWith(prefix) || !name.endsWith('.bak')) continue;
    const backup = await ops.lstat(join(dirname(databasePath), name)).catch(() => null);
    if (backup?.ino === file.ino) backups += 1;
  }
  return Math.max(0, file.nlink - 1 - backups);
}

function ownLock(ops: FileOps, lockPath: string): Lock {
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      const owner = await readOwner(ops, lockPath);
      if (owner === process.pid) await removeIfPresent(ops, lockPath);
      released = true;
    },
  };
}
