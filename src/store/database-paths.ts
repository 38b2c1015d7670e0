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
