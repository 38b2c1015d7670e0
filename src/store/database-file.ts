import type { Database } from '../domain/types.js';

/** A database file (or its journal) that cannot be trusted; the store refuses it and leaves its bytes alone. */
export class DatabaseFileError extends Error {
  override name = 'DatabaseFileError';

  /** `recovery` says what to do about it; by default, how to list the last good copies of `path`. */
  constructor(
    readonly path: string,
    readonly problem: string,
    recovery = `Fix the file, or list the last good copies with \`npm run restore -- --db ${path}\`.`,
  ) {
    super(`${path}: ${problem}. Nothing was changed. ${recovery}`);
  }
}

/** Turns data of an older format into the current one; `from` is the version it came from, null when it was current. */
export type DatabaseUpgrade = (data: unknown) => { data: unknown; from: number | null };

/**
 * Reads the bytes of a database file into data in the current format, or says exactly what is wrong with them.
 * @throws DatabaseFileError for an empty file, NUL bytes, broken JSON, `null`, `{}`, a non-object, or data `validate` rejects.
 * @example parseDatabaseFile('claims.json', Buffer.from('null'), validate) // throws: claims.json: holds null instead of a database …
 */
export function parseDatabaseFile(
  path: string,
  bytes: Buffer,
  validate: (data: unknown) => string | null,
  upgrade?: DatabaseUpgrade,
): { data: Database; upgradedFrom: number | null } {
  if (bytes.length === 0) throw new DatabaseFileError(path, 'the file is empty');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new DatabaseFileError(path, `the file contains NUL bytes from offset ${nul} (a crash or a disk fault damaged it)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new DatabaseFileError(path, `the file is not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null) throw new DatabaseFileError(path, 'the file holds null instead of a database');
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DatabaseFileError(path, `the file holds ${Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`}, not a database`);
  }
  if (Object.keys(parsed).length === 0) throw new DatabaseFileError(path, 'the file holds an empty object, not a database');
  const upgraded = upgrade ? upgrade(parsed) : { data: parsed, from: null };
  const problem = validate(upgraded.data);
  if (problem !== null) throw new DatabaseFileError(path, `the file is not a Claimline database: ${problem}`);
  return { data: upgraded.data as Database, upgradedFrom: upgraded.from };
}
