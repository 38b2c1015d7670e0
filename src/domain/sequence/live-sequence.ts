import type { Claim, ClaimDate, Relation } from '../types.js';
import { IncrementalNetwork } from './incremental-network.js';
import { indexRelations, sequenceOf, updateSequence, type Sequence } from './sequence.js';
import { storyPlaces, updatePlaces } from './story-order.js';

/**
 * A sequence kept up to date write after write: with its temporal network kept too, a new relation costs what
 * it changes. Without a network (a database whose relations conflict, from a file edited by hand), groups are
 * solved one by one instead.
 */
export interface LiveSequence {
  sequence: Sequence;
  network: IncrementalNetwork | null;
}

/**
 * The live sequence of a whole database.
 * @example startSequence(db.claims, db.relations).sequence.places.get('apple-chose-alibaba') //=> { start: '2024-01-01', depth: 5 }
 */
export function startSequence(claims: readonly Claim[], relations: readonly Relation[]): LiveSequence {
  const relationsOf = indexRelations(relations);
  const related = claims.filter((claim) => relationsOf.has(claim.id));
  const built = IncrementalNetwork.of(related, relations);
  if (!('network' in built)) return { sequence: sequenceOf(claims, relations), network: null };
  const { network } = built;
  network.takeChanged();
  const bounds = new Map(related.flatMap((claim) => {
    const own = network.bounds(claim.id);
    return own ? [[claim.id, own] as const] : [];
  }));
  return { sequence: { relationsOf, bounds, places: storyPlaces(related, relations, bounds) }, network };
}

const sameSpan = (a: Pick<ClaimDate, 'start' | 'end' | 'openStart' | 'openEnd'> | undefined, b: ClaimDate) =>
  a !== undefined && a.start === b.start && a.end === b.end && a.openStart === b.openStart && a.openEnd === b.openEnd;

/**
 * The live sequence after a write, and the ids whose place in story order may have moved; null where the write
 * cannot be followed (a relation removed, a related claim given another date) and the sequence must be started
 * again. The network is advanced in place: the previous sequence's maps stay as they were.
 * @param changed claims the write added or changed, as they are now
 */
export function advanceSequence(
  live: LiveSequence,
  relations: readonly Relation[],
  claimOf: (id: string) => Claim | undefined,
  changed: { claims: readonly Claim[]; added: readonly Relation[]; removed: readonly Relation[] },
): { live: LiveSequence; moved: Set<string> } | null {
  const { network } = live;
  if (!network) {
    const { sequence, touched } = updateSequence(live.sequence, relations, claimOf, {
      claims: changed.claims.map((claim) => claim.id),
      relations: [...changed.removed, ...changed.added],
    });
    return { live: { sequence, network: null }, moved: touched };
  }
  if (changed.removed.length > 0) return null;
  for (const claim of changed.claims) {
    if (network.has(claim.id) && !sameSpan(network.dateOf(claim.id), claim.date) && !network.redate(claim)) return null;
  }
  let relationsOf = live.sequence.relationsOf;
  if (changed.added.length > 0) {
    const index = new Map(relationsOf);
    for (const relation of changed.added) {
      for (const id of [relation.from, relation.to]) index.set(id, [...(index.get(id) ?? []), relation]);
      for (const id of [relation.from, relation.to]) {
        const claim = claimOf(id);
        if (claim) network.addClaim(claim);
      }
      if (network.add(relation)) return null;
    }
    relationsOf = index;
  }
  const seeds = network.takeChanged();
  for (const relation of changed.added) seeds.add(relation.from).add(relation.to);
  for (const claim of changed.claims) if (relationsOf.has(claim.id)) seeds.add(claim.id);
  const bounds = new Map(live.sequence.bounds);
  for (const id of seeds) {
    const own = relationsOf.has(id) ? network.bounds(id) : undefined;
    if (own) bounds.set(id, own);
  }
  const { places, moved } = updatePlaces(live.sequence.places, seeds, claimOf, relationsOf, (id) => bounds.get(id));
  return { live: { sequence: { relationsOf, bounds, places }, network }, moved };
}
