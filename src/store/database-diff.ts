import type { Database } from '../domain/types.js';

type Keyed = { id: string };
type Top = Record<string, unknown>;

/**
 * What one commit changed in one top-level key of the data, small enough to append per update:
 * `u` records upserted by id (replaced in place, or appended when new) and `d` ids removed,
 * or `a` the whole new value, or `x` the key removed.
 */
export type Patch =
  | { k: string; u: Keyed[]; d: string[] }
  | { k: string; a: unknown }
  | { k: string; x: 1 };

const hasId = (value: unknown): value is Keyed =>
  typeof value === 'object' && value !== null && typeof (value as Keyed).id === 'string';

/**
 * The ids held by each collection of the committed data. Diffs rely on ids being unique; a
 * collection without them (`null`) is always written whole.
 */
export class CollectionIds {
  private readonly ids = new Map<string, Set<string> | null>();

  constructor(data: Database) {
    for (const [key, value] of Object.entries(data)) this.index(key, value);
  }

  get(key: string): Set<string> | null {
    return this.ids.get(key) ?? null;
  }

  /** Brings the index up to date with a committed diff. */
  apply(data: Database, patches: Patch[]): void {
    for (const patch of patches) {
      if ('u' in patch) {
        const ids = this.ids.get(patch.k);
        for (const id of patch.d) ids?.delete(id);
        for (const record of patch.u) ids?.add(record.id);
      } else {
        this.index(patch.k, (data as unknown as Top)[patch.k]);
      }
    }
  }

  private index(key: string, value: unknown): void {
    if (!Array.isArray(value)) {
      this.ids.delete(key);
      return;
    }
    const ids = new Set<string>();
    for (const record of value) {
      if (!hasId(record) || ids.has(record.id)) {
        this.ids.set(key, null);
        return;
      }
      ids.add(record.id);
    }
    this.ids.set(key, ids);
  }
}

/**
 * The patches that turn `before` into `after`, found by object identity: the store's change functions
 * return new arrays where only changed records are new objects, so unchanged records cost one `===`.
 * Applying the patches with {@link applyPatches} rebuilds `after` exactly, order included.
 * @example diffDatabase(db, { ...db, claims: [...db.claims, claim] }, new CollectionIds(db)) //=> [{ k: 'claims', u: [claim], d: [] }]
 */
export function diffDatabase(before: Database, after: Database, ids: CollectionIds): Patch[] {
  const was = before as unknown as Top;
  const now = after as unknown as Top;
  const patches: Patch[] = [];
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const old = was[key];
    const next = now[key];
    if (old === next) continue;
    if (!(key in now)) patches.push({ k: key, x: 1 });
    else if (Array.isArray(old) && Array.isArray(next)) patches.push(diffCollection(key, old, next, ids.get(key)));
    else patches.push({ k: key, a: next });
  }
  return patches;
}

function diffCollection(key: string, old: unknown[], next: unknown[], ids: Set<string> | null): Patch {
  if (ids === null) return { k: key, a: next };
  const upserts: Keyed[] = [];
  let i = 0;
  let j = 0;
  // The usual commit appends, replaces in place or removes at the end: one pass, no maps.
  for (; i < old.length && j < next.length; i += 1, j += 1) {
    const was = old[i];
    const now = next[j];
    if (was === now) continue;
    if (!hasId(now) || (was as Keyed).id !== now.id) return diffByIds(key, old, next, ids);
    upserts.push(now);
  }
  const appended = new Set<string>();
  for (; j < next.length; j += 1) {
    const now = next[j];
    if (!hasId(now) || ids.has(now.id) || appended.has(now.id)) return diffByIds(key, old, next, ids);
    appended.add(now.id);
    upserts.push(now);
  }
  const removed = old.slice(i).map((record) => (record as Keyed).id);
  return { k: key, u: upserts, d: removed };
}

/** Insertions or removals in the middle: compare by id, and write the whole collection if the order moved. */
function diffByIds(key: string, old: unknown[], next: unknown[], ids: Set<string>): Patch {
  const byId = new Map<string, Keyed>();
  for (const record of next) {
    if (!hasId(record) || byId.has(record.id)) return { k: key, a: next };
    byId.set(record.id, record);
  }
  const upserts: Keyed[] = [];
  const removed: string[] = [];
  const rebuilt: unknown[] = [];
  for (const record of old as Keyed[]) {
    const now = byId.get(record.id);
    if (now === undefined) {
      removed.push(record.id);
      continue;
    }
    rebuilt.push(now);
    if (now !== record) upserts.push(now);
  }
  for (const record of next as Keyed[]) {
    if (!ids.has(record.id)) {
      rebuilt.push(record);
      upserts.push(record);
    }
  }
  const sameOrder = rebuilt.length === next.length && rebuilt.every((record, index) => record === next[index]);
  return sameOrder ? { k: key, u: upserts, d: removed } : { k: key, a: next };
}

const HOLE = Symbol('removed');

/**
 * Replays journal groups onto the data read from the database file, in order.
 * @example applyPatches(db, [[{ k: 'claims', u: [claim], d: [] }]]).claims.at(-1) === claim //=> true
 */
export function applyPatches(data: Database, groups: Patch[][]): Database {
  const result: Top = { ...(data as unknown as Top) };
  const collections = new Map<string, { records: unknown[]; at: Map<string, number> }>();
  const collection = (key: string) => {
    let entry = collections.get(key);
    if (!entry) {
      const records = Array.isArray(result[key]) ? [...(result[key] as unknown[])] : [];
      const at = new Map<string, number>();
      records.forEach((record, index) => {
        if (hasId(record)) at.set(record.id, index);
      });
      entry = { records, at };
      collections.set(key, entry);
    }
    return entry;
  };
  for (const patches of groups) {
    for (const patch of patches) {
      if ('u' in patch) {
        const { records, at } = collection(patch.k);
        for (const id of patch.d) {
          const index = at.get(id);
          if (index !== undefined) records[index] = HOLE;
          at.delete(id);
        }
        for (const record of patch.u) {
          const index = at.get(record.id);
          if (index === undefined) at.set(record.id, records.push(record) - 1);
          else records[index] = record;
        }
      } else {
        collections.delete(patch.k);
        if ('x' in patch) delete result[patch.k];
        else result[patch.k] = patch.a;
      }
    }
  }
  for (const [key, { records }] of collections) result[key] = records.filter((record) => record !== HOLE);
  return result as unknown as Database;
}
