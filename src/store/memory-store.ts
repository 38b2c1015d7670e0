import type { Database } from '../domain/types.js';
import { deepFreeze } from './deep-freeze.js';
import type { Change, Store } from './store.js';

/**
 * A Store with no disk, for tests of code that does not test persistence. Like the file store it
 * replaces the data on each update and freezes it, so code that mutates data in place fails here too.
 * @example const store = openMemoryStore({ version: 1, sources: [], documents: [], claims: [], revisions: [] })
 */
export function openMemoryStore(data: Database): Store {
  let current = deepFreeze(data);
  let version = 0;
  let closed = false;
  return {
    get data() {
      return current;
    },
    get version() {
      return version;
    },
    async update<T>(change: (data: Database) => Change<T>): Promise<T> {
      if (closed) throw new Error('the memory store is closed');
      const next = change(current);
      current = deepFreeze(next.data);
      version += 1;
      return next.result;
    },
    async close() {
      closed = true;
    },
  };
}
