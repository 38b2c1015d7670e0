import { roleCounts } from '../domain/source-activity.js';
import { orderClaims, timelineFacets, type Axis } from '../domain/timeline-query.js';
import type { Claim, Database } from '../domain/types.js';
import { lookupsFor as buildLookups } from './present.js';

/**
 * Caches a derivation of the database on the database object itself. The store replaces the data on
 * every write and never mutates it, so the object's identity is its version: no invalidation needed.
 */
export function perData<T>(derive: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    if (cache.has(db)) return cache.get(db) as T;
    const value = derive(db);
    cache.set(db, value);
    return value;
  };
}

export const lookupsOf = perData(buildLookups);
export const facets = perData(timelineFacets);
export const sourceRoleCounts = perData(roleCounts);

const byEvent = perData((db) => orderClaims(db.claims, 'event'));
const byClaim = perData((db) => orderClaims(db.claims, 'claimed'));
export const orderedClaims = (db: Database, axis: Axis): Claim[] => (axis === 'claimed' ? byClaim(db) : byEvent(db));
