import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

/**
 * Every file operation the durable store makes, as one small surface so tests can make the n-th
 * operation fail (ENOSPC, EACCES, EIO) the way a full or dying disk would.
 */
export interface FileOps {
  readFile(path: string): Promise<Buffer>;
  /** `'w'` truncates or creates, `'a'` appends (O_APPEND, so writes after a truncate land at the end), `'r'` reads. */
  open(path: string, flags: 'r' | 'w' | 'a'): Promise<number>;
  /** Writes every byte or rejects. */
  write(fd: number, data: Uint8Array): Promise<void>;
  fsync(fd: number): Promise<void>;
  truncate(fd: number, length: number): Promise<void>;
  close(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Hard link; fails with EEXIST when `newPath` exists, which is what makes it a lock primitive. */
  link(existing: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** The path with every symbolic link in it resolved; rejects with ENOENT when it leads nowhere. */
  realpath(path: string): Promise<string>;
  /** Where a symbolic link points, as written in it. */
  readlink(path: string): Promise<string>;
  /** What a name is, not following it: a symbolic link or not, its inode, and how many names that inode has. */
  lstat(path: string): Promise<{ symbolicLink: boolean; ino: bigint; nlink: number }>;
}

function writeChunk(fd: number, data: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    fs.write(fd, data, (error, written) => (error ? reject(error) : resolve(written)));
  });
}

/**
 * The real file system.
 * @example const store = await openFileStore('data/claims.json', { seed, validate, fs: nodeFileOps })
 */
export const nodeFileOps: FileOps = {
  readFile: (path) => fs.promises.readFile(path),
  open: (path, flags) => promisify(fs.open)(path, flags, 0o644),
  async write(fd, data) {
    let offset = 0;
    while (offset < data.length) {
      offset += await writeChunk(fd, data.subarray(offset));
    }
  },
  fsync: promisify(fs.fsync),
  truncate: promisify(fs.ftruncate),
  close: promisify(fs.close),
  rename: (from, to) => fs.promises.rename(from, to),
  link: (existing, newPath) => fs.promises.link(existing, newPath),
  unlink: (path) => fs.promises.unlink(path),
  readdir: (dir) => fs.promises.readdir(dir),
  realpath: (path) => fs.promises.realpath(path),
  readlink: (path) => fs.promises.readlink(path),
  async lstat(path) {
    const stats = await fs.promises.lstat(path, { bigint: true });
    return { symbolicLink: stats.isSymbolicLink(), ino: stats.ino, nlink: Number(stats.nlink) };
  },
};

/**
 * Makes a rename or a new name durable: the name lives in the directory, so the directory is synced too.
 * @example await fsyncDirectory(nodeFileOps, 'data/claims.json')
 */
export async function fsyncDirectory(ops: FileOps, fileInDirectory: string): Promise<void> {
  const fd = await ops.open(dirname(fileInDirectory), 'r');
  try {
    await ops.fsync(fd);
  } finally {
    await ops.close(fd);
  }
}

/** True for the error a missing file gives. */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * Removes a temp file a failed write leaves behind, if there is one. Best effort: the write's own failure is the
 * one to report, and the next open removes leftovers anyway.
 * @example await removeTemp(nodeFileOps, 'data/claims.json.tmp')
 */
export async function removeTemp(ops: FileOps, temp: string): Promise<void> {
  await ops.unlink(temp).catch(() => undefined);
}
