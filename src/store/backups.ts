import { crc32 } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import { parseDatabaseFile } from './database-file.js';
import { databasePaths, resolveDatabasePath } from './database-paths.js';
import { fsyncDirectory, isMissing, nodeFileOps, type FileOps } from './file-ops.js';
import { decodeJournal, JournalFile } from './journal.js';
import { acquireLock } from './lock-file.js';

/** One last good copy of a database file. */
export interface Backup {
  /** 1 is the newest. */
  number: number;
  file: string;
  /** When the database file it preserves was replaced. */
  takenAt: Date;
  bytes: number;
  /** `null` when the copy cannot be read as a database; `problem` says why. */
  claims: number | null;
  problem: string | null;
}

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;
let lastStampMs = 0;

function stampFor(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function stampTime(stamp: string): Date | null {
  const match = STAMP.exec(stamp);
  if (!match) return null;
  const [year, month, day, hour, minute, second, milli] = match.slice(1).map(Number) as number[];
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second, milli));
}

/**
 * A new, unique backup name beside the database: `claims.json.20261103T101500123Z.bak`. Names sort by time.
 * @example backupPath('data/claims.json', Date.UTC(2026, 10, 3, 10, 15)) //=> 'data/claims.json.20261103T101500000Z.bak'
 */
export function backupPath(path: string, now = Date.now()): string {
  // Two backups in the same millisecond (tiny databases, tests) still get distinct, ordered names.
  lastStampMs = Math.max(now, lastStampMs + 1);
  return `${path}.${stampFor(lastStampMs)}.bak`;
}

async function backupFiles(ops: FileOps, path: string): Promise<Array<{ file: string; takenAt: Date }>> {
  const prefix = `${basename(path)}.`;
  const found: Array<{ file: string; takenAt: Date }> = [];
  for (const name of await ops.readdir(dirname(path))) {
    if (!name.startsWith(prefix) || !name.endsWith('.bak')) continue;
    const takenAt = stampTime(name.slice(prefix.length, -'.bak'.length));
    if (takenAt) found.push({ file: join(dirname(path), name), takenAt });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.file < b.file ? 1 : -1));
}

/**
 * Deletes all but the newest `keep` backups of a database.
 * @example await pruneBackups(nodeFileOps, 'data/claims.json', 5)
 */
export async function pruneBackups(ops: FileOps, path: string, keep: number): Promise<void> {
  for (const { file } of (await backupFiles(ops, path)).slice(keep)) {
    try {
      await ops.unlink(file);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
}

const hasClaims = (data: unknown): string | null =>
  Array.isArray((data as { claims?: unknown }).claims) ? null : 'it has no claims list';

/**
 * The backups of a database, newest first, each read to count its claims.
 * @example (await listBackups('data/claims.json'))[0] //=> { number: 1, file: 'data/claims.json.20261103T101500123Z.bak', claims: 412, … }
 */
export async function listBackups(given: string, ops: FileOps = nodeFileOps): Promise<Backup[]> {
  const path = await resolveDatabasePath(ops, given);
  const backups: Backup[] = [];
  for (const [index, { file, takenAt }] of (await backupFiles(ops, path)).entries()) {
    const bytes = await ops.readFile(file);
    let claims: number | null = null;
    let problem: string | null = null;
    try {
      claims = parseDatabaseFile(file, bytes, hasClaims).data.claims.length;
    } catch (error) {
      problem = (error as Error & { problem?: string }).problem ?? (error as Error).message;
    }
    backups.push({ number: index + 1, file, takenAt, bytes: bytes.length, claims, problem });
  }
  return backups;
}

export interface Restored {
  backup: Backup;
  /** The database file that was replaced, kept as a backup so the restore can be undone; `null` if there was none. */
  previous: string | null;
  /** Changes committed after the replaced file was written, moved aside rather than lost; `null` if there were none. */
  journalSetAside: string | null;
}

/**
 * Puts backup number `which` (1 = newest, as listed) back as the database file. Takes the database's
 * lock for the duration, so it refuses while a server has the database open.
 * @throws DatabaseLockedError while a live process holds the database.
 * @example await restoreBackup('data/claims.json', 2)
 */
export async function restoreBackup(given: string, which: number, ops: FileOps = nodeFileOps): Promise<Restored> {
  const path = await resolveDatabasePath(ops, given);
  const lock = await acquireLock(ops, path);
  try {
    const backups = await listBackups(path, ops);
    const backup = backups[which - 1];
    if (!backup) {
      throw new Error(`there is no backup ${which} of ${path}; there ${backups.length === 1 ? 'is 1' : `are ${backups.length}`}`);
    }
    if (backup.problem !== null) throw new Error(`backup ${which} (${backup.file}) cannot be restored: ${backup.problem}`);
    const paths = databasePaths(path);
    const current = await readIfPresent(ops, path);
    const journal = await JournalFile.read(ops, paths.journal);
    const journalHasChanges =
      journal !== null &&
      journal.groups.length > 0 &&
      current !== null &&
      journal.base?.checksum === crc32(current) &&
      journal.base.bytes === current.length;

    const fd = await ops.open(paths.temp, 'w');
    try {
      await ops.write(fd, await ops.readFile(backup.file));
      await ops.fsync(fd);
    } finally {
      await ops.close(fd);
    }
    const previous = current === null ? null : backupPath(path);
    if (previous !== null) await ops.link(path, previous);
    await ops.rename(paths.temp, path);
    let journalSetAside: string | null = null;
    if (journalHasChanges) {
      journalSetAside = `${paths.journal}.${stampFor(Date.now())}.set-aside`;
      await ops.rename(paths.journal, journalSetAside);
    } else if (journal !== null) {
      await ops.unlink(paths.journal);
    }
    await fsyncDirectory(ops, path);
    return { backup, previous, journalSetAside };
  } finally {
    await lock.release();
  }
}

export interface Salvaged {
  /** Groups of changes kept, to be replayed at the next start. */
  kept: number;
  /** The damaged journal, byte for byte. */
  setAside: string;
}

/**
 * Recovers from a damaged journal, which the store refuses to open: the damaged journal is kept aside under a new
 * name, and in its place goes a journal of its whole groups before the damage (none when its header is damaged or
 * it continues another database file). Takes the database's lock, so it refuses while a server has it open.
 * @throws DatabaseLockedError while a live process holds the database; an Error when the journal is not damaged.
 * @example await salvageJournal('data/claims.json') //=> { kept: 2, setAside: 'data/claims.json.journal.20261103T101500123Z.damaged' }
 */
export async function salvageJournal(given: string, ops: FileOps = nodeFileOps): Promise<Salvaged> {
  const path = await resolveDatabasePath(ops, given);
  const lock = await acquireLock(ops, path);
  try {
    const paths = databasePaths(path);
    const bytes = await readIfPresent(ops, paths.journal);
    if (bytes === null) throw new Error(`${path} has no journal to salvage`);
    const contents = decodeJournal(bytes);
    if (contents.problem === null) throw new Error(`the journal of ${path} is not damaged; Claimline replays it as it is`);
    const current = await readIfPresent(ops, path);
    const continues = current !== null && contents.base?.checksum === crc32(current) && contents.base.bytes === current.length;
    const setAside = `${paths.journal}.${stampFor(Date.now())}.damaged`;
    await ops.link(paths.journal, setAside);
    if (continues) {
      const fd = await ops.open(paths.journalTemp, 'w');
      try {
        await ops.write(fd, bytes.subarray(0, contents.soundBytes));
        await ops.fsync(fd);
      } finally {
        await ops.close(fd);
      }
      await ops.rename(paths.journalTemp, paths.journal);
    } else {
      await ops.unlink(paths.journal);
    }
    await fsyncDirectory(ops, path);
    return { kept: continues ? contents.groups.length : 0, setAside };
  } finally {
    await lock.release();
  }
}

async function readIfPresent(ops: FileOps, path: string): Promise<Buffer | null> {
  try {
    return await ops.readFile(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}
