import { compareClaimDates } from '../dates/claim-date.js';
import type { Claim, Relation } from '../types.js';
import type { NetworkBounds } from './temporal-network.js';

/**
 * Story order: the order that agrees with every date and every relation.
 *
 * Each claim is placed at the earliest day its event can start (its date narrowed by its relations), or, where
 * nothing gives it a start ("by February 2025"), at the earlier of its date's first day and its latest end. A
 * claim that must come after another is never placed before it: its place is pushed up to its predecessor's,
 * and among claims at the same place each comes one step deeper than what must precede it. This agrees with
 * every date, because a claim's predecessors can always end before its own date ends, so whatever is wholly
 * earlier than another claim keeps a place before it. A span that holds another (“during”) comes first when
 * both start on the same day, but never pushes it later. Ties fall back to the date (coarser first), then to
 * where the claims' quotes stand in their document, then to the id, so the order never depends on insertion order.
 */

export interface StoryPlace {
  /** ISO day. */
  start: string;
  /** Steps of “must come after” behind it among claims placed on the same day; 0 for most claims. */
  depth: number;
}

/** Where a claim with no relation stands: its own date's first day. */
export const placeOnItsOwn = (claim: Pick<Claim, 'date'>): StoryPlace => ({ start: claim.date.start, depth: 0 });

function ownPlace(claim: Claim, bounds: NetworkBounds | undefined): string {
  if (bounds?.start) return bounds.start;
  const latestEnd = bounds?.end ?? claim.date.end;
  return latestEnd < claim.date.start ? latestEnd : claim.date.start;
}

/**
 * The places of the claims of one group linked by relations, given the bounds the relations give them.
 * Relations between claims not in `claims` are ignored; a loop of “before” (which a consistent network cannot
 * hold) leaves the claims on it at their own places rather than failing.
 * @example storyPlaces([baiduSelected, baiduFellShort], [fellShortAfterSelected], bounds).get('baidu-fell-short') //=> { start: '2024-01-01', depth: 1 }
 */
/** Which relation puts which claim first: “before”/“after” push the later claim on; “during” only orders a tie. */
function firstAndThen(relation: Relation): { first: string; then: string; pushes: boolean } | null {
  switch (relation.relation) {
    case 'before':
      return { first: relation.from, then: relation.to, pushes: true };
    case 'after':
      return { first: relation.to, then: relation.from, pushes: true };
    case 'during':
      return { first: relation.to, then: relation.from, pushes: false };
    case 'includes':
      return { first: relation.from, then: relation.to, pushes: false };
    case 'same-time':
      return null;
  }
}

export function storyPlaces(claims: readonly Claim[], relations: readonly Relation[], bounds: ReadonlyMap<string, NetworkBounds>): Map<string, StoryPlace> {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const followers = new Map<string, Array<{ then: string; pushes: boolean }>>();
  const waiting = new Map<string, number>();
  for (const claim of claims) waiting.set(claim.id, 0);
  for (const relation of relations) {
    const order = firstAndThen(relation);
    if (!order || !byId.has(order.first) || !byId.has(order.then)) continue;
    followers.set(order.first, [...(followers.get(order.first) ?? []), { then: order.then, pushes: order.pushes }]);
    waiting.set(order.then, (waiting.get(order.then) ?? 0) + 1);
  }
  const places = new Map<string, StoryPlace>();
  for (const claim of claims) places.set(claim.id, { start: ownPlace(claim, bounds.get(claim.id)), depth: 0 });
  const ready = claims.filter((claim) => waiting.get(claim.id) === 0).map((claim) => claim.id);
  for (let i = 0; i < ready.length; i += 1) {
    const id = ready[i] as string;
    const place = places.get(id) as StoryPlace;
    for (const { then: next, pushes } of followers.get(id) ?? []) {
      const current = places.get(next) as StoryPlace;
      if (pushes && place.start > current.start) places.set(next, { start: place.start, depth: place.depth + 1 });
      else if (place.start === current.start && place.depth + 1 > current.depth) places.set(next, { start: current.start, depth: place.depth + 1 });
      const left = (waiting.get(next) as number) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return places;
}

/** A claim's place from its own bounds and the places of the claims that must precede it, as storyPlaces gives it. */
function placeAmong(claim: Claim, bounds: NetworkBounds | undefined, before: ReadonlyArray<{ place: StoryPlace; pushes: boolean }>): StoryPlace {
  let start = ownPlace(claim, bounds);
  for (const { place, pushes } of before) if (pushes && place.start > start) start = place.start;
  let depth = 0;
  for (const { place } of before) if (place.start === start && place.depth + 1 > depth) depth = place.depth + 1;
  return { start, depth };
}

/**
 * Places after a write, worked out again from the given claims outwards: a claim whose place changes passes
 * the change on to what must follow it. Returns the new places (the old map is left as it was) and the ids
 * whose place changed, for an ordered list to be mended around them.
 * @param relationsOf every relation by either of its claims, as they are after the write
 */
export function updatePlaces(
  places: ReadonlyMap<string, StoryPlace>,
  start: Iterable<string>,
  claimOf: (id: string) => Claim | undefined,
  relationsOf: ReadonlyMap<string, readonly Relation[]>,
  boundsOf: (id: string) => NetworkBounds | undefined,
): { places: Map<string, StoryPlace>; moved: Set<string> } {
  const next = new Map(places);
  const moved = new Set<string>();
  const queue = [...start];
  const queued = new Set(queue);
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] as string;
    queued.delete(id);
    const claim = claimOf(id);
    const relations = relationsOf.get(id) ?? [];
    if (!claim || relations.length === 0) {
      if (next.delete(id)) moved.add(id);
      continue;
    }
    const before: Array<{ place: StoryPlace; pushes: boolean }> = [];
    const after: string[] = [];
    for (const relation of relations) {
      const order = firstAndThen(relation);
      if (!order) continue;
      if (order.then === id) {
        const other = claimOf(order.first);
        if (other) before.push({ place: next.get(order.first) ?? placeOnItsOwn(other), pushes: order.pushes });
      } else if (order.first === id) {
        after.push(order.then);
      }
    }
    const place = placeAmong(claim, boundsOf(id), before);
    const was = next.get(id);
    if (was && was.start === place.start && was.depth === place.depth) continue;
    next.set(id, place);
    moved.add(id);
    for (const follower of after) {
      if (!queued.has(follower)) {
        queued.add(follower);
        queue.push(follower);
      }
    }
  }
  return { places: next, moved };
}

/** Where a claim's quote stands: the document it was read in and the offset of its first anchored quote. */
function quotePosition(claim: Claim): { document: string; offset: number } {
  const anchored = claim.attributions.find((a) => a.role === 'origin' && a.anchor) ?? claim.attributions.find((a) => a.anchor);
  return { document: anchored?.documentId ?? '', offset: anchored?.anchor?.start ?? Number.MAX_SAFE_INTEGER };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The comparison behind story order, given every claim's place (claims without one stand at their own date).
 * @example [...claims].sort(compareInStory((id) => places.get(id)))
 */
export function compareInStory(placeOf: (id: string) => StoryPlace | undefined): (a: Claim, b: Claim) => number {
  return (a, b) => {
    const pa = placeOf(a.id) ?? placeOnItsOwn(a);
    const pb = placeOf(b.id) ?? placeOnItsOwn(b);
    if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
    if (pa.depth !== pb.depth) return pa.depth - pb.depth;
    const byDate = compareClaimDates(a.date, b.date);
    if (byDate !== 0) return byDate;
    const qa = quotePosition(a);
    const qb = quotePosition(b);
    return (
      compareText(a.claimedAt.start, b.claimedAt.start) ||
      compareText(qa.document, qb.document) ||
      qa.offset - qb.offset ||
      compareText(a.id, b.id)
    );
  };
}
