import { claimChanges, updateSorted, type ClaimChanges } from '../../domain/claim-changes.js';
import { lookupsFor, type Lookups } from '../../domain/lookups.js';
import { groupConflict } from '../../domain/sequence/check-sequence.js';
import { describeConflict, type SequenceConflict } from '../../domain/sequence/conflict.js';
import { advanceSequence, startSequence, type LiveSequence } from '../../domain/sequence/live-sequence.js';
import { compareInStory } from '../../domain/sequence/story-order.js';
import { roleCounts } from '../../domain/source-activity.js';
import { adjustReplacements, replacementsOf, type Replacements } from '../../domain/supersession.js';
import { adjustTally, tallyClusters, type ClusterTally } from '../../domain/timeline-layout.js';
import { adjustFacets, claimOrder, countFacets, orderClaims, type Axis, type FacetCounts } from '../../domain/timeline-query.js';
import type { Claim, Database, Relation } from '../../domain/types.js';

/**
 * What the lowdb adapter keeps worked out from the data, per version: indexes, counts and orders a page would
 * otherwise recount over every claim. The data is replaced, never mutated, so a version's object is its key;
 * where a write is small, the next version's value is mended from the previous one and the claims that
 * changed, so the first page after a write costs in proportion to the write, not to the whole database.
 */
export interface Derived {
  lookups(db: Database): Lookups;
  /** Every claim in timeline order on an axis: story order for when it happened, date order for when claimed; one story's alone when given. */
  ordered(db: Database, axis: Axis, storyId?: string): readonly Claim[];
  facetCounts(db: Database, storyId?: string): FacetCounts;
  tally(db: Database, laneBy: ClusterTally['laneBy'], axis: Axis, storyId?: string): ClusterTally;
  roleCounts(db: Database): ReturnType<typeof roleCounts>;
  /** Whether a relation agrees with `db`, from the temporal network kept for it when there is one. */
  relationConflict(db: Database, relation: Relation): SequenceConflict | null;
}

/** Claims of each story, and all of them under the key `ALL`. */
type PerStory<T> = ReadonlyMap<string, T>;
const ALL = '\u0000all';

/** What changed in each story (a claim moved between stories leaves one and joins the other). */
function byStory(changes: ClaimChanges): Map<string, ClaimChanges> {
  const stories = new Map<string, ClaimChanges>();
  const entry = (id: string) => {
    let changed = stories.get(id);
    if (!changed) stories.set(id, (changed = { removed: [], added: [] }));
    return changed;
  };
  for (const claim of changes.removed) entry(claim.storyId).removed.push(claim);
  for (const claim of changes.added) entry(claim.storyId).added.push(claim);
  return stories;
}

function groupedByStory(claims: readonly Claim[]): Map<string, Claim[]> {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.storyId);
    if (group) group.push(claim);
    else groups.set(claim.storyId, [claim]);
  }
  return groups;
}

/**
 * A value per story (and one for all of them) derived from claims, mended per story after a write. `derive`
 * works from a list of claims; `evolve` from the previous value and the claims that left and came.
 */
function perStoryEvolving<T>(derive: (claims: readonly Claim[]) => T, evolve: (previous: T, changes: ClaimChanges) => T) {
  let last: { db: Database; value: PerStory<T> } | undefined;
  return (db: Database): PerStory<T> => {
    if (last?.db === db) return last.value;
    const changes = last ? claimChanges(last.db.claims, db.claims) : null;
    let value: Map<string, T>;
    if (last && changes) {
      value = new Map(last.value);
      value.set(ALL, evolve(last.value.get(ALL) as T, changes));
      for (const [story, changed] of byStory(changes)) {
        const previous = value.get(story);
        value.set(story, previous === undefined ? derive(changed.added) : evolve(previous, changed));
      }
    } else {
      value = new Map([...groupedByStory(db.claims)].map(([story, claims]) => [story, derive(claims)] as const));
      value.set(ALL, derive(db.claims));
    }
    last = { db, value };
    return value;
  };
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

/** What relations say, and every claim in story order: worked out together, since a relation can move claims it never changed. */
interface StoryOrder {
  live: LiveSequence;
  order: Claim[];
  /** Story order of each story's claims, made on first use. */
  byStory: Map<string, Claim[]>;
}

/** The derived data of one store. */
export function derivedData(): Derived {
  const perVersion = new WeakMap<Database, { lookups?: Lookups; roles?: ReturnType<typeof roleCounts> }>();
  const cached = (db: Database) => {
    let entry = perVersion.get(db);
    if (!entry) perVersion.set(db, (entry = {}));
    return entry;
  };

  let lastReplacements: { db: Database; index: Replacements } | undefined;
  const replacements = (db: Database): Replacements => {
    if (lastReplacements?.db === db) return lastReplacements.index;
    const changes = lastReplacements ? claimChanges(lastReplacements.db.claims, db.claims) : null;
    const index = lastReplacements && changes ? adjustReplacements(lastReplacements.index, changes.removed, changes.added) : replacementsOf(db.claims);
    lastReplacements = { db, index };
    return index;
  };

  let lastStory: { db: Database; story: StoryOrder } | undefined;
  const fresh = (db: Database): StoryOrder => {
    const live = startSequence(db.claims, db.relations);
    return { live, order: [...db.claims].sort(compareInStory((id) => live.sequence.places.get(id))), byStory: new Map() };
  };
  /**
   * The story order of a version, mended from the previous version's where the write was small: the relations
   * it added go into the kept temporal network, and only the claims whose place moved are taken out of the
   * order and put back in.
   */
  const storyOrder = (db: Database): StoryOrder => {
    if (lastStory?.db === db) return lastStory.story;
    const previous = lastStory;
    const changes = previous ? claimChanges(previous.db.claims, db.claims) : null;
    let story: StoryOrder | null = null;
    if (previous && changes) {
      const current = lookups(db);
      const advanced = advanceSequence(previous.story.live, db.relations, current.claim, { claims: changes.added, ...relationChanges(previous.db.relations, db.relations) });
      if (advanced) {
        const changedIds = new Set(changes.added.map((claim) => claim.id));
        const moved = [...advanced.moved].filter((id) => !changedIds.has(id));
        const before = moved.length > 0 ? lookups(previous.db) : undefined;
        const removed = [...changes.removed, ...moved.flatMap((id) => before?.claim(id) ?? [])];
        const added = [...changes.added, ...moved.flatMap((id) => current.claim(id) ?? [])];
        const { places } = advanced.live.sequence;
        const order = updateSorted(previous.story.order, removed, added, compareInStory((id) => places.get(id)));
        // Stories untouched by the write keep their order; the others are taken again from the whole order when asked.
        const touched = new Set([...removed, ...added].map((claim) => claim.storyId));
        const byStoryKept = new Map([...previous.story.byStory].filter(([id]) => !touched.has(id)));
        story = { live: advanced.live, order, byStory: byStoryKept };
      }
    }
    story ??= fresh(db);
    lastStory = { db, story };
    return story;
  };

  const lookups = (db: Database): Lookups => {
    const entry = cached(db);
    entry.lookups ??= lookupsFor(db, { replacements: () => replacements(db), sequence: () => storyOrder(db).live.sequence });
    return entry.lookups;
  };

  const claimedOrder = perStoryEvolving<Claim[]>(
    (claims) => orderClaims(claims, 'claimed'),
    (ordered, changes) => updateSorted(ordered, changes.removed, changes.added, claimOrder('claimed')),
  );
  const facets = perStoryEvolving<FacetCounts>(countFacets, (counts, changes) => adjustFacets(counts, changes.removed, changes.added));
  const tallies = {
    actor: {
      event: perStoryEvolving<ClusterTally>((claims) => tallyClusters(claims, 'actor', 'event'), (tally, changes) => adjustTally(tally, changes.removed, changes.added)),
      claimed: perStoryEvolving<ClusterTally>((claims) => tallyClusters(claims, 'actor', 'claimed'), (tally, changes) => adjustTally(tally, changes.removed, changes.added)),
    },
    source: {
      event: perStoryEvolving<ClusterTally>((claims) => tallyClusters(claims, 'source', 'event'), (tally, changes) => adjustTally(tally, changes.removed, changes.added)),
      claimed: perStoryEvolving<ClusterTally>((claims) => tallyClusters(claims, 'source', 'claimed'), (tally, changes) => adjustTally(tally, changes.removed, changes.added)),
    },
  };

  return {
    lookups,
    ordered(db, axis, storyId) {
      if (axis === 'claimed') return claimedOrder(db).get(storyId ?? ALL) ?? [];
      const story = storyOrder(db);
      if (storyId === undefined) return story.order;
      let claims = story.byStory.get(storyId);
      if (!claims) story.byStory.set(storyId, (claims = story.order.filter((claim) => claim.storyId === storyId)));
      return claims;
    },
    facetCounts: (db, storyId) => facets(db).get(storyId ?? ALL) ?? countFacets([]),
    tally: (db, laneBy, axis, storyId) => tallies[laneBy][axis](db).get(storyId ?? ALL) ?? tallyClusters([], laneBy, axis),
    roleCounts(db) {
      const entry = cached(db);
      entry.roles ??= roleCounts(db);
      return entry.roles;
    },
    relationConflict(db, relation) {
      const { network } = storyOrder(db).live;
      if (!network || lastStory?.db !== db) return groupConflict(db, relation);
      const current = lookups(db);
      for (const id of [relation.from, relation.to]) {
        const claim = current.claim(id);
        if (claim) network.addClaim(claim);
      }
      const cycle = network.check(relation);
      return cycle && describeConflict(cycle, current.claim, (id) => (id === relation.id ? relation : current.relation(id)));
    },
  };
}
