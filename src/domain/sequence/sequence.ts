import type { Claim, Relation } from '../types.js';
import { compareInStory, storyPlaces, type StoryPlace } from './story-order.js';
import { solveNetwork, type NetworkBounds } from './temporal-network.js';

/**
 * What the relations of a database say, worked out once per version of the data: each claim's relations, the
 * bounds they narrow its date to, and its place in story order. Relations tie claims into groups; a write only
 * works out again the groups it touched, so its cost follows the size of those groups, not of the database.
 */
export interface Sequence {
  /** Relations by the id of either of their claims. */
  relationsOf: ReadonlyMap<string, readonly Relation[]>;
  /** For claims with relations only. */
  bounds: ReadonlyMap<string, NetworkBounds>;
  /** For claims with relations only; the others stand at their own date. */
  places: ReadonlyMap<string, StoryPlace>;
}

export const EMPTY_SEQUENCE: Sequence = { relationsOf: new Map(), bounds: new Map(), places: new Map() };

export function indexRelations(relations: readonly Relation[]): Map<string, Relation[]> {
  const index = new Map<string, Relation[]>();
  for (const relation of relations) {
    for (const id of [relation.from, relation.to]) {
      const list = index.get(id);
      if (list) list.push(relation);
      else index.set(id, [relation]);
    }
  }
  return index;
}

/**
 * The ids of the claims linked to `start` by relations, itself included.
 * @example groupOf('b', relationsOf) //=> Set { 'b', 'a', 'c' } when a after b and b after c
 */
export function groupOf(start: string, relationsOf: ReadonlyMap<string, readonly Relation[]>): Set<string> {
  const group = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    for (const relation of relationsOf.get(queue[i] as string) ?? []) {
      for (const id of [relation.from, relation.to]) {
        if (!group.has(id)) {
          group.add(id);
          queue.push(id);
        }
      }
    }
  }
  return group;
}

/** The relations among the claims of a group. */
function relationsWithin(group: ReadonlySet<string>, relationsOf: ReadonlyMap<string, readonly Relation[]>): Relation[] {
  const seen = new Set<Relation>();
  for (const id of group) for (const relation of relationsOf.get(id) ?? []) seen.add(relation);
  return [...seen];
}

/** Works out one group's bounds and places into the given maps; a group whose relations conflict keeps its own dates. */
function solveGroup(
  group: ReadonlySet<string>,
  claimOf: (id: string) => Claim | undefined,
  relationsOf: ReadonlyMap<string, readonly Relation[]>,
  bounds: Map<string, NetworkBounds>,
  places: Map<string, StoryPlace>,
) {
  const claims = [...group].flatMap((id) => claimOf(id) ?? []);
  const relations = relationsWithin(group, relationsOf);
  const solved = solveNetwork(claims, relations);
  // Stored data is checked on every write, so a conflict here comes from a file edited by hand: show it as dated.
  const groupBounds = solved.ok ? solved.bounds : new Map<string, NetworkBounds>();
  for (const claim of claims) {
    const own = groupBounds.get(claim.id);
    if (own) bounds.set(claim.id, own);
  }
  for (const [id, place] of storyPlaces(claims, relations, groupBounds)) places.set(id, place);
}

/**
 * The sequence of a whole database.
 * @example sequenceOf(db.claims, db.relations).places.get('apple-chose-alibaba') //=> { start: '2024-01-01', depth: 4 }
 */
export function sequenceOf(claims: readonly Claim[], relations: readonly Relation[]): Sequence {
  if (relations.length === 0) return EMPTY_SEQUENCE;
  const relationsOf = indexRelations(relations);
  const related = claims.filter((claim) => relationsOf.has(claim.id));
  // Groups share no constraint, so one network of them all solves each; only a conflict (a file edited by hand) needs them one by one.
  const solved = solveNetwork(related, relations);
  if (solved.ok) return { relationsOf, bounds: solved.bounds, places: storyPlaces(related, relations, solved.bounds) };
  const byId = new Map(related.map((claim) => [claim.id, claim]));
  const bounds = new Map<string, NetworkBounds>();
  const places = new Map<string, StoryPlace>();
  const done = new Set<string>();
  for (const id of relationsOf.keys()) {
    if (done.has(id)) continue;
    const group = groupOf(id, relationsOf);
    for (const member of group) done.add(member);
    solveGroup(group, (member) => byId.get(member), relationsOf, bounds, places);
  }
  return { relationsOf, bounds, places };
}

/**
 * The sequence after a write, working out again only the groups holding a changed claim or an end of an added
 * or removed relation. Returns the ids whose place may have moved, so an ordered list can be mended around them.
 */
export function updateSequence(
  previous: Sequence,
  relations: readonly Relation[],
  claimOf: (id: string) => Claim | undefined,
  changed: { claims: Iterable<string>; relations: Iterable<Relation> },
): { sequence: Sequence; touched: Set<string> } {
  const relationsChanged = [...changed.relations];
  const relationsOf = relationsChanged.length > 0 ? indexRelations(relations) : previous.relationsOf;
  const seeds = new Set<string>();
  for (const id of changed.claims) if (relationsOf.has(id) || previous.relationsOf.has(id)) seeds.add(id);
  for (const relation of relationsChanged) {
    seeds.add(relation.from);
    seeds.add(relation.to);
  }
  if (seeds.size === 0) return { sequence: relationsOf === previous.relationsOf ? previous : { ...previous, relationsOf }, touched: seeds };
  const bounds = new Map(previous.bounds);
  const places = new Map(previous.places);
  const touched = new Set<string>();
  // Members of the groups the seeds were in before the write: a removed relation can split a group, and a claim left with none goes back to its own date.
  for (const seed of seeds) {
    for (const id of previous.relationsOf.has(seed) ? groupOf(seed, previous.relationsOf) : [seed]) {
      touched.add(id);
      bounds.delete(id);
      places.delete(id);
    }
  }
  const done = new Set<string>();
  for (const seed of seeds) {
    if (done.has(seed) || !relationsOf.has(seed)) continue;
    const group = groupOf(seed, relationsOf);
    for (const id of group) {
      done.add(id);
      touched.add(id);
    }
    solveGroup(group, claimOf, relationsOf, bounds, places);
  }
  return { sequence: { relationsOf, bounds, places }, touched };
}

/**
 * Every claim in story order, worked out from scratch (the app keeps it up to date across writes instead).
 * @example inStoryOrder(db.claims, db.relations).map((claim) => claim.id) //=> ['huawei-ai-phones-since-2024', 'apple-searching-for-local-partner', 'apple-selected-baidu', …]
 */
export function inStoryOrder(claims: readonly Claim[], relations: readonly Relation[]): Claim[] {
  const sequence = sequenceOf(claims, relations);
  return [...claims].sort(compareInStory((id) => sequence.places.get(id)));
}
