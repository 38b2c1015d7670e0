import { claimChanges, updateSorted, type ClaimChanges } from '../domain/claim-changes.js';
import { roleCounts } from '../domain/source-activity.js';
import {
  adjustFacets,
  claimOrder,
  countFacets,
  facetLists,
  orderClaims,
  type Axis,
  type FacetCounts,
} from '../domain/timeline-query.js';
import { adjustReplacements, replacementsOf, type Replacements } from '../domain/supersession.js';
import { adjustTally, tallyClusters, type ClusterTally } from '../domain/timeline-layout.js';
import type { Claim, Database } from '../domain/types.js';
import { lookupsFor, type Lookups } from './present.js';

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

/**
 * Like perData, but a new version is derived from the previous one and the claims that changed, so the
 * first page after a write costs in proportion to the write, not to the whole database.
 */
function evolving<T>(derive: (db: Database) => T, evolve: (previous: T, changes: ClaimChanges, db: Database) => T): (db: Database) => T {
  let last: { db: Database; value: T } | undefined;
  return (db) => {
    if (last?.db === db) return last.value;
    const changes = last ? claimChanges(last.db.claims, db.claims) : null;
    const value = last && changes ? evolve(last.value, changes, db) : derive(db);
    last = { db, value };
    return value;
  };
}

export const sourceRoleCounts = perData(roleCounts);

const replacementIndex = evolving<Replacements>(
  (db) => replacementsOf(db.claims),
  (index, changes) => adjustReplacements(index, changes.removed, changes.added),
);

export const lookupsOf: (db: Database) => Lookups = perData((db) => lookupsFor(db, () => replacementIndex(db)));

const facetCounts = evolving<FacetCounts>(
  (db) => countFacets(db.claims),
  (counts, changes) => adjustFacets(counts, changes.removed, changes.added),
);

export const facets = perData((db) => {
  const lookups = lookupsOf(db);
  return facetLists(facetCounts(db), (id) => lookups.source(id)?.name ?? id);
});

function orderOn(axis: Axis) {
  const compare = claimOrder(axis);
  return evolving<Claim[]>(
    (db) => orderClaims(db.claims, axis),
    (ordered, changes) => updateSorted(ordered, changes.removed, changes.added, compare),
  );
}

const byEvent = orderOn('event');
const byClaim = orderOn('claimed');

/** Every claim in timeline order on an axis, shared by all requests until the next write. */
export const orderedClaims = (db: Database, axis: Axis): Claim[] => (axis === 'claimed' ? byClaim(db) : byEvent(db));

function tallyOn(laneBy: ClusterTally['laneBy'], axis: Axis) {
  return evolving<ClusterTally>(
    (db) => tallyClusters(db.claims, laneBy, axis),
    (tally, changes) => adjustTally(tally, changes.removed, changes.added),
  );
}

const tallies = {
  actor: { event: tallyOn('actor', 'event'), claimed: tallyOn('actor', 'claimed') },
  source: { event: tallyOn('source', 'event'), claimed: tallyOn('source', 'claimed') },
};

/** Cluster counts of the whole timeline, kept up to date by each write, for the unfiltered drawing. */
export const clusterTally = (db: Database, laneBy: ClusterTally['laneBy'], axis: Axis): ClusterTally => tallies[laneBy][axis](db);
