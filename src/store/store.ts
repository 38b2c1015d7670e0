import type { Database } from '../domain/types.js';

/**
 * What the app needs from persistence. The data is replaced, never mutated in place, so a write that
 * fails leaves the previous object standing: memory keeps matching disk.
 */
export interface Store {
  /** The last committed data. Treat as read-only. */
  readonly data: Database;
  /** Grows by one with every committed write; caches key on it. */
  readonly version: number;
  /**
   * Computes the next data from the current one and resolves once it is durable on disk.
   * A change that throws stores nothing; a write that fails rejects with StoreWriteError and keeps the old data.
   */
  update<T>(change: (data: Database) => Change<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Change<T> {
  data: Database;
  result: T;
}

/** The disk refused a write (full, read-only, I/O error): nothing was stored. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
}
