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
import { sequenceOf, updateSequence, type Sequence } from '../domain/sequence/sequence.js';
import { compareInStory } from '../domain/sequence/story-order.js';
import { adjustReplacements, replacementsOf, type Replacements } from '../domain/supersession.js';
import { adjustTally, tallyClusters, type ClusterTally } from '../domain/timeline-layout.js';
import type { Claim, Database, Relation } from '../domain/types.js';
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

export const lookupsOf: (db: Database) => Lookups = perData((db) =>
  lookupsFor(
    db,
    () => replacementIndex(db),
    () => storyOf(db).sequence,
  ),
);

const facetCounts = evolving<FacetCounts>(
  (db) => countFacets(db.claims),
  (counts, changes) => adjustFacets(counts, changes.removed, changes.added),
);

export const facets = perData((db) => {
  const lookups = lookupsOf(db);
  return facetLists(facetCounts(db), (id) => lookups.source(id)?.name ?? id);
});

/** What relations say, and every claim in story order: worked out together, since a relation can move claims it never changed. */
interface Story {
  sequence: Sequence;
  order: Claim[];
}


/** Relations added and removed between two versions, by identity: relations are replaced, never changed in place. */
function relationChanges(before: readonly Relation[], after: readonly Relation[]): Relation[] {
  if (before === after) return [];
  const was = new Set(before);
  const now = new Set(after);
  return [...before.filter((r) => !now.has(r)), ...after.filter((r) => !was.has(r))];
}

let lastStory: { db: Database; story: Story } | undefined;

/**
 * The story of a version of the data, mended from the previous version's where the write was small: groups of
 * related claims the write touched are solved again, and the claims whose place may have moved are taken out
 * of the order and put back in.
 */
function storyOf(db: Database): Story {
  if (lastStory?.db === db) return lastStory.story;
  const previous = lastStory;
  const changes = previous ? claimChanges(previous.db.claims, db.claims) : null;
  let story: Story;
  if (!previous || !changes) {
    const sequence = sequenceOf(db.claims, db.relations);
    story = { sequence, order: [...db.claims].sort(compareInStory((id) => sequence.places.get(id))) };
  } else {
    const lookups = lookupsOf(db);
    const { sequence, touched } = updateSequence(previous.story.sequence, db.relations, lookups.claim, {
      claims: changes.added.map((claim) => claim.id),
      relations: relationChanges(previous.db.relations, db.relations),
    });
    const changedIds = new Set(changes.added.map((claim) => claim.id));
    const moved = [...touched].filter((id) => !changedIds.has(id));
    const before = moved.length > 0 ? lookupsOf(previous.db) : undefined;
    const removed = [...changes.removed, ...moved.flatMap((id) => before?.claim(id) ?? [])];
    const added = [...changes.added, ...moved.flatMap((id) => lookups.claim(id) ?? [])];
    story = { sequence, order: updateSorted(previous.story.order, removed, added, compareInStory((id) => sequence.places.get(id))) };
  }
  lastStory = { db, story };
  return story;
}

/** Each claim's relations, derived bounds and place in story order. */
export const sequenceOfData = (db: Database): Sequence => storyOf(db).sequence;

const byClaim = evolving<Claim[]>(
  (db) => orderClaims(db.claims, 'claimed'),
  (ordered, changes) => updateSorted(ordered, changes.removed, changes.added, claimOrder('claimed')),
);

/**
 * Every claim in timeline order on an axis, shared by all requests until the next write: story order for when
 * it happened, date order for when it was claimed.
 */
export const orderedClaims = (db: Database, axis: Axis): Claim[] => (axis === 'claimed' ? byClaim(db) : storyOf(db).order);

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
