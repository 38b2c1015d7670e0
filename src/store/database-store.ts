import type { Database } from '../domain/types.js';
import type { Change } from './store.js';

/**
 * A store that holds the whole database in memory: the lowdb adapter's engine. The data is replaced, never
 * mutated in place, so a write that fails leaves the previous object standing: memory keeps matching disk.
 */
export interface DatabaseStore {
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
