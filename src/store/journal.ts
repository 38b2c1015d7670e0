import { crc32 } from 'node:zlib';
import { fsyncDirectory, isMissing, removeTemp, type FileOps } from './file-ops.js';
import type { Patch } from './database-diff.js';

/** Which database file a journal continues: its checksum and length when the journal was started. */
export interface SnapshotStamp {
  checksum: number;
  bytes: number;
}

/** One group commit: `n` updates acknowledged together, and what they changed. */
export interface JournalGroup {
  n: number;
  c: Patch[];
}

export interface JournalContents {
  /** `null` when the header line itself is damaged. */
  base: SnapshotStamp | null;
  groups: JournalGroup[];
  /** Bytes of the header line. */
  headerBytes: number;
  /** Bytes after the last whole line: a write the crash tore, never acknowledged. */
  tornBytes: number;
  /**
   * Set when a whole line (one that reached its newline) fails its check, or the header is missing: a crash only
   * ever cuts the last line short, so this is damage, and what it held is lost unless someone recovers it.
   */
  problem: string | null;
  /** Bytes of the header and the groups before the first damaged line: what can be kept of a damaged journal. */
  soundBytes: number;
}

const NEWLINE = 0x0a;
const LINE_PREFIX = /^([0-9a-f]{8}) (\d+) $/;

/**
 * One self-checking journal line: `crc32 length json\n`, so a line cut short by a crash, or
 * with a flipped byte, is told from a whole one.
 * @example encodeLine({ n: 1, c: [] }).toString() //=> 'e382e981 14 {"n":1,"c":[]}\n'
 */
export function encodeLine(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  const prefix = `${crc32(json).toString(16).padStart(8, '0')} ${json.length} `;
  return Buffer.concat([Buffer.from(prefix, 'latin1'), json, Buffer.from('\n')]);
}

/** The value of a whole line, or `undefined` for a torn or damaged one. */
function decodeLine(line: Buffer): unknown {
  const space = line.indexOf(0x20, 9);
  if (space === -1) return undefined;
  const match = LINE_PREFIX.exec(line.subarray(0, space + 1).toString('latin1'));
  if (!match) return undefined;
  const json = line.subarray(space + 1);
  if (json.length !== Number(match[2]) || crc32(json) !== Number.parseInt(match[1] ?? '', 16)) return undefined;
  try {
    return JSON.parse(json.toString('utf8'));
  } catch {
    return undefined;
  }
}

function isStamp(value: unknown): value is { journal: 1; base: SnapshotStamp } {
  const base = (value as { base?: SnapshotStamp } | null)?.base;
  return (value as { journal?: unknown } | null)?.journal === 1 && typeof base?.checksum === 'number' && typeof base.bytes === 'number';
}

function isGroup(value: unknown): value is JournalGroup {
  return typeof (value as JournalGroup | null)?.n === 'number' && Array.isArray((value as JournalGroup).c);
}

/**
 * Splits journal bytes into its header and groups. An unfinished last line is a torn write and is dropped; a whole
 * line that fails its checksum, or a missing or damaged header (the header is written aside and renamed in, so it
 * is never torn), is damage and is reported in `problem`.
 * @example decodeJournal(Buffer.concat([encodeLine({ journal: 1, base }), encodeLine(group), Buffer.from('3f')])).tornBytes //=> 2
 */
export function decodeJournal(bytes: Buffer): JournalContents {
  const values: unknown[] = [];
  let offset = 0;
  let problem: string | null = null;
  let line = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(NEWLINE, offset);
    if (end === -1) break;
    line += 1;
    const value = decodeLine(bytes.subarray(offset, end));
    if (value === undefined) {
      problem = `line ${line} (at byte ${offset}) is whole but fails its checksum, so the journal is damaged (a crash only ever cuts the last line short)`;
      break;
    }
    values.push(value);
    offset = end + 1;
  }
  const [header, ...rest] = values;
  const base = isStamp(header) ? header.base : null;
  if (bytes.length === 0) problem ??= 'the journal is empty (Claimline always starts one with a header)';
  else if (base === null) problem ??= 'the journal header is damaged or missing';
  const groups: JournalGroup[] = [];
  let soundBytes = base === null ? 0 : bytes.indexOf(NEWLINE) + 1;
  for (const value of rest) {
    if (!isGroup(value)) {
      problem ??= 'a journal line is not a group of changes';
      break;
    }
    groups.push(value);
    soundBytes = bytes.indexOf(NEWLINE, soundBytes) + 1;
  }
  const headerBytes = base === null ? 0 : bytes.indexOf(NEWLINE) + 1;
  return { base, groups, headerBytes, tornBytes: problem === null ? bytes.length - offset : 0, problem, soundBytes };
}

/**
 * The append-only journal of committed changes. Each group is appended and fsynced once; a failed
 * append is cut back off, so the file never keeps a change the caller was told had failed.
 */
export class JournalFile {
  private fd: number | null = null;
  private size = 0;
  private headerSize = 0;

  constructor(
    private readonly ops: FileOps,
    readonly path: string,
    private readonly tempPath: string,
  ) {}

  /**
   * @example const contents = await JournalFile.read(nodeFileOps, 'claims.json.journal')
   */
  static async read(ops: FileOps, path: string): Promise<JournalContents | null> {
    try {
      return decodeJournal(await ops.readFile(path));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  get isOpen(): boolean {
    return this.fd !== null;
  }

  /** Bytes of changes since the header: zero right after a start. */
  get changeBytes(): number {
    return this.size - this.headerSize;
  }

  /**
   * Replaces the journal with an empty one that continues `base`. Written aside and renamed in, so a
   * crash leaves either the old journal or the new one, never half of it.
   */
  async start(base: SnapshotStamp): Promise<void> {
    const header = encodeLine({ journal: 1, base });
    try {
      const fd = await this.ops.open(this.tempPath, 'w');
      try {
        await this.ops.write(fd, header);
        await this.ops.fsync(fd);
      } finally {
        await this.ops.close(fd);
      }
      await this.ops.rename(this.tempPath, this.path);
    } catch (error) {
      await removeTemp(this.ops, this.tempPath);
      throw error;
    }
    await fsyncDirectory(this.ops, this.path);
    await this.reopen(header.length, header.length);
  }

  /** Continues an existing journal that holds only its header. */
  async resume(headerBytes: number): Promise<void> {
    await this.reopen(headerBytes, headerBytes);
  }

  private async reopen(size: number, headerSize: number): Promise<void> {
    const fd = await this.ops.open(this.path, 'a');
    const previous = this.fd;
    this.fd = fd;
    this.size = size;
    this.headerSize = headerSize;
    // The old descriptor points at a file already replaced; failing to close it loses nothing.
    if (previous !== null) await this.ops.close(previous).catch(() => undefined);
  }

  /** Appends one line and makes it durable; on failure, cuts the file back to what it was. */
  async append(line: Buffer): Promise<void> {
    const fd = this.fd;
    if (fd === null) throw new Error(`${this.path} is not open`);
    try {
      await this.ops.write(fd, line);
      await this.ops.fsync(fd);
    } catch (error) {
      // Best effort: if the cut fails too, the store rewrites the database and a fresh journal before its next write.
      await this.ops
        .truncate(fd, this.size)
        .then(() => this.ops.fsync(fd))
        .catch(() => undefined);
      throw error;
    }
    this.size += line.length;
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) await this.ops.close(fd);
  }
}
