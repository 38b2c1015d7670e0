import { Low } from 'lowdb';
import type { Database } from '../domain/types.js';
import { DatabaseFileError, type DatabaseUpgrade } from './database-file.js';
import { applyPatches, CollectionIds, diffDatabase, type Patch } from './database-diff.js';
import { databasePaths, resolveDatabasePath } from './database-paths.js';
import { deepFreeze } from './deep-freeze.js';
import { isMissing, nodeFileOps, type FileOps } from './file-ops.js';
import { encodeLine, JournalFile, type JournalContents, type SnapshotStamp } from './journal.js';
import { acquireLock, type Lock } from './lock-file.js';
import { SnapshotFile } from './snapshot-file.js';
import type { DatabaseStore } from './database-store.js';
import { StoreWriteError, type Change } from './store.js';

export interface FileStoreOptions {
  /** Builds the data for a database file that does not exist yet. */
  seed: () => Database;
  /** `null` when the data is a valid database, else a message naming the problem. */
  validate: (data: unknown) => string | null;
  /**
   * Turns the data of a file in an older format into the current one before it is checked. A file that needed it
   * is rewritten in the current format as soon as it is opened, the old file kept as a backup.
   */
  upgrade?: DatabaseUpgrade;
  /**
   * Cheaper checks that make files the store wrote itself trusted. With them, the records every update
   * changes are checked before they are written, so the data is valid by construction, and a database
   * file whose checksum and length the journal vouches for opens on `shape` alone instead of `validate`.
   * Any other file (hand-edited, restored from a backup, older) is still checked whole.
   */
  checks?: StoreChecks;
  /** Last good copies of the database file to keep; 0 keeps none. Default 5. */
  backups?: number;
  /** File operations; tests pass ones that fail on purpose. Default: the real file system. */
  fs?: FileOps;
  /**
   * Journal bytes past which the journal is folded into the database file. Default: the database
   * file's size, at least 4 MiB, so folding costs about as much as the appends it replaces.
   */
  journalLimit?: number;
}

export interface StoreChecks {
  /** The top level of the data only. */
  shape: (data: unknown) => string | null;
  /** The records a change wrote, by collection, within the data they are now part of. */
  changes: (data: Database, changed: ReadonlyMap<string, readonly unknown[]>) => string | null;
}

/** The records patches upsert, by collection; null when a patch replaces, removes or deletes, which needs a whole check. */
function upsertedRecords(patches: readonly Patch[]): Map<string, readonly unknown[]> | null {
  const changed = new Map<string, readonly unknown[]>();
  for (const patch of patches) {
    if (!('u' in patch) || patch.d.length > 0) return null;
    if (patch.u.length > 0) changed.set(patch.k, patch.u);
  }
  return changed;
}

/** Why data after some patches is not valid, checking only what they changed where that suffices. */
function patchedProblem(data: Database, patches: readonly Patch[], options: FileStoreOptions): string | null {
  const changed = options.checks ? upsertedRecords(patches) : null;
  return changed && options.checks ? options.checks.changes(data, changed) : options.validate(data);
}

const MIN_JOURNAL_LIMIT = 4 * 1024 * 1024;

interface Pending {
  change: (data: Database) => Change<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Opens the database file as a durable Store, the only writer of it until `close()`.
 *
 * Each update is appended to `<db>.journal` and fsynced before it resolves; updates made in the same
 * tick share one append and one fsync. The journal is folded into the lowdb database file (a durable
 * atomic replace that keeps the replaced file as a backup) when it grows past `journalLimit`, at
 * open and at close, so the cost of an update does not grow with the database.
 * @throws DatabaseFileError when the database file or its journal is damaged or invalid; neither is touched.
 * @throws DatabaseLockedError when another live process has the database open, by any name.
 * @throws DatabaseLinkedError when the database file has another name (a hard link) than its own.
 * @example const store = await openFileStore('data/claims.json', { seed: () => emptyDatabase(), validate })
 */
export async function openFileStore(given: string, options: FileStoreOptions): Promise<DatabaseStore> {
  const ops = options.fs ?? nodeFileOps;
  const path = await resolveDatabasePath(ops, given);
  const lock = await acquireLock(ops, path);
  try {
    return await FileStore.open(path, options, ops, lock);
  } catch (error) {
    // The open failure is what the caller needs to see; a lock we fail to remove names our own pid and is taken over once we exit.
    await lock.release().catch(() => undefined);
    throw error;
  }
}

class FileStore implements DatabaseStore {
  private committed: Database;
  private ids: CollectionIds;
  private committedVersion = 0;
  private pending: Pending[] = [];
  private draining: Promise<void> | null = null;
  private closing = false;
  /** Set after any failed write: the files may hold more than memory until the database file is rewritten. */
  private needsFold = false;

  private constructor(
    private readonly path: string,
    private readonly low: Low<Database>,
    private readonly snapshot: SnapshotFile,
    private readonly journal: JournalFile,
    private readonly journalLimit: number | undefined,
    private readonly lock: Lock,
    private readonly options: FileStoreOptions,
  ) {
    this.committed = low.data;
    this.ids = new CollectionIds(low.data);
  }

  static async open(path: string, options: FileStoreOptions, ops: FileOps, lock: Lock): Promise<FileStore> {
    const paths = databasePaths(path);
    // Left by a crash mid-write: never renamed in, so never part of the data.
    for (const leftover of [paths.temp, paths.journalTemp]) {
      await ops.unlink(leftover).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    }
    const snapshot = new SnapshotFile(path, ops, options.validate, options.backups ?? 5, options.upgrade);
    const journalContents = await JournalFile.read(ops, paths.journal);
    const writtenByUs = (stamp: SnapshotStamp) =>
      journalContents?.base?.checksum === stamp.checksum && journalContents.base.bytes === stamp.bytes;
    const stored = await snapshot.read(options.checks && { trusted: writtenByUs, shape: options.checks.shape });
    const created = stored === null;
    // Read before building Low, so the seed is only built for a database that does not exist yet.
    const low = new Low<Database>(snapshot, stored ?? options.seed());
    if (created) {
      const problem = options.validate(low.data);
      if (problem !== null) throw new Error(`the seed for ${path} is not a valid database: ${problem}`);
    }
    const contents = created ? null : journalContents;
    const continues =
      contents !== null &&
      contents.base !== null &&
      contents.base.checksum === snapshot.stamp?.checksum &&
      contents.base.bytes === snapshot.stamp.bytes;
    if (contents !== null && (contents.base === null || continues) && contents.problem !== null) {
      throw new DatabaseFileError(paths.journal, contents.problem, salvageAdvice(path, contents));
    }
    if (continues && contents.groups.length > 0) {
      const replayed = contents.groups.map((group) => group.c);
      low.data = applyPatches(low.data, replayed);
      const problem = patchedProblem(low.data, replayed.flat(), options);
      if (problem !== null) {
        throw new DatabaseFileError(paths.journal, `replaying it onto ${path} gives data that is not valid: ${problem}`);
      }
    }
    deepFreeze(low.data);
    const journal = new JournalFile(ops, paths.journal, paths.journalTemp);
    const store = new FileStore(path, low, snapshot, journal, options.journalLimit, lock, options);
    try {
      await store.startJournal(created || snapshot.upgradedFrom !== null, continues ? contents : null);
    } catch (error) {
      await journal.close().catch(() => undefined);
      throw store.writeError(error);
    }
    return store;
  }

  /** Folds what the journal held (or a new or upgraded database) into the database file, or continues a journal that holds nothing. */
  private async startJournal(rewrite: boolean, contents: JournalContents | null): Promise<void> {
    if (rewrite || (contents !== null && (contents.groups.length > 0 || contents.tornBytes > 0))) {
      await this.fold();
    } else if (contents !== null) {
      await this.journal.resume(contents.headerBytes);
    } else {
      // No journal, or one a finished fold replaced the database file under: nothing in it is ours.
      await this.journal.start(this.snapshotStamp());
    }
  }

  get data(): Database {
    return this.committed;
  }

  get version(): number {
    return this.committedVersion;
  }

  update<T>(change: (data: Database) => Change<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`the store for ${this.path} is closed`));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ change, resolve: resolve as (result: unknown) => void, reject });
      // setImmediate, not a microtask: it runs after every request that arrived in this turn of the event loop has queued its update.
      this.draining ??= new Promise<void>((done) => setImmediate(done)).then(() => this.drain());
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    while (this.draining) await this.draining;
    let failure: unknown = null;
    if (this.journal.isOpen) {
      if (this.needsFold || this.journal.changeBytes > 0) {
        try {
          await this.fold();
        } catch (error) {
          // Still safe: a failed fold leaves the journal the next open replays.
          failure = error;
        }
      }
      await this.journal.close();
    }
    try {
      await this.lock.release();
    } catch (error) {
      // A read-only disk keeps the lock file too; it names this process, and the next start takes it over once this one has exited.
      failure ??= error;
    }
    if (failure !== null) throw this.writeError(failure);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.commit(this.pending.splice(0));
        if (!this.needsFold && this.journal.changeBytes > this.limit()) {
          // The updates are already durable in the journal; a failed fold is retried before the next write.
          await this.fold().catch(() => undefined);
        }
      }
    } finally {
      this.draining = null;
    }
  }

  /** Applies a group of updates in order and makes them durable with one append and one fsync. */
  private async commit(group: Pending[]): Promise<void> {
    const before = this.committed;
    let working = before;
    const accepted: Array<[Pending, unknown]> = [];
    for (const item of group) {
      try {
        const next = item.change(working);
        working = next.data;
        accepted.push([item, next.result]);
      } catch (error) {
        item.reject(error);
      }
    }
    if (accepted.length === 0) return;
    const patches = diffDatabase(before, working, this.ids);
    const problem = patches.length > 0 ? patchedProblem(working, patches, this.options) : null;
    if (problem !== null) {
      // A bug, not bad input (input is checked at the edge): refuse to write data that would not open again.
      const refusal = new Error(`refused to store invalid data in ${this.path}: ${problem}`);
      for (const [item] of accepted) item.reject(refusal);
      return;
    }
    try {
      if (this.needsFold) await this.fold();
      if (patches.length > 0) await this.journal.append(encodeLine({ n: accepted.length, c: patches }));
    } catch (error) {
      this.needsFold = true;
      const failure = this.writeError(error);
      for (const [item] of accepted) item.reject(failure);
      return;
    }
    this.committed = freezeCommitted(working, patches);
    this.ids.apply(working, patches);
    this.committedVersion += accepted.length;
    for (const [item, result] of accepted) item.resolve(result);
  }

  /** Writes the committed data as the new database file, then starts an empty journal on it. */
  private async fold(): Promise<void> {
    this.needsFold = true;
    this.low.data = this.committed;
    await this.low.write();
    await this.journal.start(this.snapshotStamp());
    this.needsFold = false;
  }

  private snapshotStamp() {
    const stamp = this.snapshot.stamp;
    if (stamp === null) throw new Error(`${this.path} has not been written`);
    return stamp;
  }

  private limit(): number {
    return this.journalLimit ?? Math.max(MIN_JOURNAL_LIMIT, this.snapshot.stamp?.bytes ?? 0);
  }

  private writeError(error: unknown): StoreWriteError {
    if (error instanceof StoreWriteError) return error;
    return new StoreWriteError(`could not save to ${this.path}: ${(error as Error).message}`, { cause: error });
  }
}

/** How to start again from a damaged journal, in the words of the error that refuses it. */
function salvageAdvice(path: string, contents: JournalContents): string {
  const kept =
    contents.base === null
      ? 'nothing in it can be replayed'
      : `the ${contents.groups.length} group${contents.groups.length === 1 ? '' : 's'} of changes before the damage can be kept`;
  return (
    `It holds the changes acknowledged since ${path} was last rewritten; ${kept}. ` +
    `\`npm run restore -- --db ${path} --salvage-journal\` keeps what can be kept, sets the damaged journal aside (nothing is deleted), and lets Claimline start.`
  );
}

/**
 * Freezes what a commit made new without walking what was already frozen: at 100k claims a deep walk
 * of the whole data would cost more than the write itself.
 */
function freezeCommitted(data: Database, patches: Patch[]): Database {
  const top = data as unknown as Record<string, unknown>;
  for (const patch of patches) {
    if ('u' in patch) {
      Object.freeze(top[patch.k]);
      for (const record of patch.u) deepFreeze(record);
    } else if ('a' in patch) {
      deepFreeze(patch.a);
    }
  }
  return Object.freeze(data);
}
