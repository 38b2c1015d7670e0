import { nodeFileOps, type FileOps } from '../../src/store/file-ops.js';

export type FaultCode = 'ENOSPC' | 'EACCES' | 'EIO' | 'EROFS';

export interface FaultyFileOps {
  ops: FileOps;
  /** Makes operation number `at` (counting from 1 since creation) fail; `sticky` keeps failing every later one until `clear()`. */
  failAt(at: number, code: FaultCode, sticky?: boolean): void;
  /** Makes the disk read-only from now on, as a remount after errors does: every change fails with EROFS, reads work, until `clear()`. */
  turnReadOnly(): void;
  clear(): void;
  /** Operations so far, by name. */
  readonly calls: Readonly<Record<string, number>>;
  readonly total: number;
  /** How many operations were made to fail. */
  readonly tripped: number;
}

/**
 * The real file operations, with injected failures the way a full, read-only or dying disk fails:
 * a failing write first writes part of its bytes, a failing close still closes.
 */
export function faultyFileOps(base: FileOps = nodeFileOps): FaultyFileOps {
  let total = 0;
  let tripped = 0;
  let failAt = Number.POSITIVE_INFINITY;
  let code: FaultCode = 'EIO';
  let sticky = false;
  let readOnly = false;
  const calls: Record<string, number> = {};
  /** What a read-only disk still does. */
  const READS = new Set(['readFile', 'open r', 'readdir', 'realpath', 'readlink', 'lstat', 'close']);

  const shouldFail = (name: string): boolean => {
    total += 1;
    calls[name] = (calls[name] ?? 0) + 1;
    const fail = total === failAt || (sticky && total > failAt) || (readOnly && !READS.has(name));
    if (fail) tripped += 1;
    return fail;
  };
  const fault = (name: string) =>
    Object.assign(new Error(`${readOnly ? 'EROFS' : code}: injected fault, ${name}`), { code: readOnly ? 'EROFS' : code, syscall: name });

  const ops: FileOps = {
    async readFile(path) {
      if (shouldFail('readFile')) throw fault('readFile');
      return base.readFile(path);
    },
    async open(path, flags) {
      if (shouldFail(flags === 'r' ? 'open r' : 'open')) throw fault('open');
      return base.open(path, flags);
    },
    async write(fd, data) {
      if (shouldFail('write')) {
        await base.write(fd, data.subarray(0, Math.floor(data.length / 2)));
        throw fault('write');
      }
      return base.write(fd, data);
    },
    async fsync(fd) {
      if (shouldFail('fsync')) throw fault('fsync');
      return base.fsync(fd);
    },
    async truncate(fd, length) {
      if (shouldFail('truncate')) throw fault('truncate');
      return base.truncate(fd, length);
    },
    async close(fd) {
      if (shouldFail('close')) {
        await base.close(fd);
        throw fault('close');
      }
      return base.close(fd);
    },
    async rename(from, to) {
      if (shouldFail('rename')) throw fault('rename');
      return base.rename(from, to);
    },
    async link(existing, newPath) {
      if (shouldFail('link')) throw fault('link');
      return base.link(existing, newPath);
    },
    async unlink(path) {
      if (shouldFail('unlink')) throw fault('unlink');
      return base.unlink(path);
    },
    async readdir(dir) {
      if (shouldFail('readdir')) throw fault('readdir');
      return base.readdir(dir);
    },
    async realpath(path) {
      if (shouldFail('realpath')) throw fault('realpath');
      return base.realpath(path);
    },
    async readlink(path) {
      if (shouldFail('readlink')) throw fault('readlink');
      return base.readlink(path);
    },
    async lstat(path) {
      if (shouldFail('lstat')) throw fault('lstat');
      return base.lstat(path);
    },
  };

  return {
    ops,
    failAt(at, faultCode, keepFailing = false) {
      failAt = at;
      code = faultCode;
      sticky = keepFailing;
    },
    turnReadOnly() {
      readOnly = true;
    },
    clear() {
      failAt = Number.POSITIVE_INFINITY;
      sticky = false;
      readOnly = false;
    },
    get calls() {
      return calls;
    },
    get total() {
      return total;
    },
    get tripped() {
      return tripped;
    },
  };
}
