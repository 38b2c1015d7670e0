import { basename, dirname, join, resolve } from 'node:path';
import { isMissing, type FileOps } from './file-ops.js';

/** The files that sit beside a database file, named in one place so the store, backups and restore agree. */
export interface DatabasePaths {
  /** The next database file while it is written; renamed over the database once it is durable. */
  temp: string;
  /** Changes committed since the database file was last written. */
  journal: string;
  /** The next journal while its header is written. */
  journalTemp: string;
}

/**
 * @example databasePaths('data/claims.json').journal //=> 'data/claims.json.journal'
 */
export function databasePaths(path: string): DatabasePaths {
  return { temp: `${path}.tmp`, journal: `${path}.journal`, journalTemp: `${path}.journal.tmp` };
}

/** Symbolic links followed before giving up, as the kernel's own limit (ELOOP) does. */
const MAX_LINKS = 40;

/**
 * A database file's own path, every symbolic link (of the file or its folders) resolved: each name for it then
 * leads to the same lock, journal and backups, and replacing the file replaces the file, never a link to it. A
 * link to a file that does not exist yet leads to where that file will be created.
 * @example await resolveDatabasePath(nodeFileOps, 'data/current.json') //=> '/srv/claimline/data/claims.json'
 */
export async function resolveDatabasePath(ops: FileOps, path: string): Promise<string> {
  let absolute = resolve(path);
  for (let links = 0; links < MAX_LINKS; links += 1) {
    try {
      return await ops.realpath(absolute);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    const name = await ops.lstat(absolute).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (!name?.symbolicLink) return join(await ops.realpath(dirname(absolute)), basename(absolute));
    absolute = resolve(dirname(absolute), await ops.readlink(absolute));
  }
  throw new Error(`${path}: more than ${MAX_LINKS} symbolic links in a row`);
}
