import { crc32 } from 'node:zlib';
import type { Adapter } from 'lowdb';
import type { Database } from '../domain/types.js';
import { backupPath, pruneBackups } from './backups.js';
import { parseDatabaseFile, type DatabaseUpgrade } from './database-file.js';
import { databasePaths } from './database-paths.js';
import { fsyncDirectory, isMissing, removeTemp, type FileOps } from './file-ops.js';
import type { SnapshotStamp } from './journal.js';

/**
 * lowdb adapter for the database file that lowdb's own JSONFile is not: reads refuse damaged or
 * invalid files instead of falling back to defaults, and writes are durable (temp file fsynced,
 * renamed, directory fsynced) and keep the replaced file as a backup, by hard link, before the rename.
 */
export class SnapshotFile implements Adapter<Database> {
  /** Checksum and length of the file as last read or written; `null` while there is no file. */
  stamp: SnapshotStamp | null = null;
  /** The format version the file was in when it was last read, when that was older than the current one. */
  upgradedFrom: number | null = null;

  constructor(
    private readonly path: string,
    private readonly ops: FileOps,
    private readonly validate: (data: unknown) => string | null,
    private readonly backups: number,
    private readonly upgrade?: DatabaseUpgrade,
  ) {}

  /**
   * Reads the file, checked whole with `validate`, or with `trust.shape` alone when `trust.trusted` vouches
   * for its checksum and length (a file this store wrote from data it had checked record by record).
   */
  async read(trust?: { trusted: (stamp: SnapshotStamp) => boolean; shape: (data: unknown) => string | null }): Promise<Database | null> {
    let bytes: Buffer;
    try {
      bytes = await this.ops.readFile(this.path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const stamp = { checksum: crc32(bytes), bytes: bytes.length };
    const { data, upgradedFrom } = parseDatabaseFile(this.path, bytes, trust?.trusted(stamp) ? trust.shape : this.validate, this.upgrade);
    this.stamp = stamp;
    this.upgradedFrom = upgradedFrom;
    return data;
  }

  async write(data: Database): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(data), 'utf8');
    const { temp } = databasePaths(this.path);
    try {
      const fd = await this.ops.open(temp, 'w');
      try {
        await this.ops.write(fd, bytes);
        await this.ops.fsync(fd);
      } finally {
        await this.ops.close(fd);
      }
      if (this.stamp !== null && this.backups > 0) await this.ops.link(this.path, backupPath(this.path));
      await this.ops.rename(temp, this.path);
    } catch (error) {
      // A temp file that never became the database is litter; best effort, as the next open removes it anyway.
      await removeTemp(this.ops, temp);
      throw error;
    }
    await fsyncDirectory(this.ops, this.path);
    this.stamp = { checksum: crc32(bytes), bytes: bytes.length };
    // An old backup left behind is harmless and goes at the next write; it must not fail a durable write.
    if (this.backups > 0) await pruneBackups(this.ops, this.path, this.backups).catch(() => undefined);
  }
}
