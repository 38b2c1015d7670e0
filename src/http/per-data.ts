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
import { groupConflict } from '../domain/sequence/check-sequence.js';
import { describeConflict, type SequenceConflict } from '../domain/sequence/conflict.js';
import { advanceSequence, startSequence, type LiveSequence } from '../domain/sequence/live-sequence.js';
import type { Sequence } from '../domain/sequence/sequence.js';
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
    () => storyOf(db).live.sequence,
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
  live: LiveSequence;
  order: Claim[];
}

/** Relations added and removed between two versions, by identity: relations are replaced, never changed in place. */
function relationChanges(before: readonly Relation[], after: readonly Relation[]): { added: Relation[]; removed: Relation[] } {
  if (before === after) return { added: [], removed: [] };
  // The common write appends: comparing place by place then needs no sets of every relation.
  if (after.length >= before.length && before.every((relation, i) => after[i] === relation)) return { added: after.slice(before.length), removed: [] };
  const was = new Set(before);
  const now = new Set(after);
  return { removed: before.filter((r) => !now.has(r)), added: after.filter((r) => !was.has(r)) };
}

let lastStory: { db: Database; story: Story } | undefined;

function freshStory(db: Database): Story {
  const live = startSequence(db.claims, db.relations);
  return { live, order: [...db.claims].sort(compareInStory((id) => live.sequence.places.get(id))) };
}

/**
 * The story of a version of the data, mended from the previous version's where the write was small: the
 * relations it added go into the kept temporal network, and only the claims whose place moved are taken out
 * of the order and put back in.
 */
function storyOf(db: Database): Story {
  if (lastStory?.db === db) return lastStory.story;
  const previous = lastStory;
  const changes = previous ? claimChanges(previous.db.claims, db.claims) : null;
  let story: Story | null = null;
  if (previous && changes) {
    const lookups = lookupsOf(db);
    const advanced = advanceSequence(previous.story.live, db.relations, lookups.claim, {
      claims: changes.added,
      ...relationChanges(previous.db.relations, db.relations),
    });
    if (advanced) {
      const changedIds = new Set(changes.added.map((claim) => claim.id));
      const moved = [...advanced.moved].filter((id) => !changedIds.has(id));
      const before = moved.length > 0 ? lookupsOf(previous.db) : undefined;
      const removed = [...changes.removed, ...moved.flatMap((id) => before?.claim(id) ?? [])];
      const added = [...changes.added, ...moved.flatMap((id) => lookups.claim(id) ?? [])];
      const { places } = advanced.live.sequence;
      story = { live: advanced.live, order: updateSorted(previous.story.order, removed, added, compareInStory((id) => places.get(id))) };
    }
  }
  story ??= freshStory(db);
  lastStory = { db, story };
  return story;
}

/**
 * Whether a relation agrees with the dates and relations of `db`, checked in the kept temporal network: in the
 * time it takes to follow what the relation changes, not to solve its whole group. For a version of the data
 * other than the one kept (or one whose relations conflict already), the group is solved as a whole.
 */
export function relationConflict(db: Database, relation: Relation): SequenceConflict | null {
  const { network } = storyOf(db).live;
  if (!network || lastStory?.db !== db) return groupConflict(db, relation);
  const lookups = lookupsOf(db);
  for (const id of [relation.from, relation.to]) {
    const claim = lookups.claim(id);
    if (claim) network.addClaim(claim);
  }
  const cycle = network.check(relation);
  return cycle && describeConflict(cycle, lookups.claim, (id) => (id === relation.id ? relation : lookups.relation(id)));
}

/** Each claim's relations, derived bounds and place in story order. */
export const sequenceOfData = (db: Database): Sequence => storyOf(db).live.sequence;

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
