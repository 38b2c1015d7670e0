import type { Claim, Database, Relation } from '../types.js';
import { describeConflict, type SequenceConflict } from './conflict.js';
import { groupOf, indexRelations } from './sequence.js';
import { solveNetwork } from './temporal-network.js';

/**
 * Whether claims as they would be after a write, with relations as they would be, still agree: every group of
 * related claims holding a changed claim or an end of an added relation is solved again. Null when they agree.
 * @param claimOf the claims as they would be after the write
 * @param relations every relation as it would be after the write
 * @param changed ids of claims whose dates change and ends of relations that are added
 * @example sequenceConflict(claimOf, [...db.relations, loopClosing], ['a', 'c'])?.message //=> 'These relations go round in a loop, …'
 */
export function sequenceConflict(
  claimOf: (id: string) => Claim | undefined,
  relations: readonly Relation[],
  changed: Iterable<string>,
): SequenceConflict | null {
  const relationsOf = indexRelations(relations);
  const done = new Set<string>();
  for (const id of changed) {
    if (done.has(id) || !relationsOf.has(id)) continue;
    const group = groupOf(id, relationsOf);
    for (const member of group) done.add(member);
    const within = new Set<Relation>();
    for (const member of group) for (const relation of relationsOf.get(member) ?? []) within.add(relation);
    const claims = [...group].flatMap((member) => claimOf(member) ?? []);
    const solved = solveNetwork(claims, [...within]);
    if (!solved.ok) {
      const byId = new Map([...within].map((relation) => [relation.id, relation]));
      return describeConflict(solved.cycle, claimOf, (relationId) => byId.get(relationId));
    }
  }
  return null;
}

/**
 * Whether every date and relation of a database agree, in one network of all the related claims: cheaper than
 * group by group when all of them are to be checked. Null when they agree.
 */
export function wholeSequenceConflict(claims: readonly Claim[], relations: readonly Relation[]): SequenceConflict | null {
  if (relations.length === 0) return null;
  const related = new Set(relations.flatMap((relation) => [relation.from, relation.to]));
  const solved = solveNetwork(
    claims.filter((claim) => related.has(claim.id)),
    relations,
  );
  if (solved.ok) return null;
  const claimsById = new Map(claims.map((claim) => [claim.id, claim]));
  const relationsById = new Map(relations.map((relation) => [relation.id, relation]));
  return describeConflict(solved.cycle, (id) => claimsById.get(id), (id) => relationsById.get(id));
}

/**
 * Whether one more relation agrees with the dates and relations of a database, solving the group it would join.
 * @example groupConflict(db, { id: 'r', from: 'a', relation: 'after', to: 'b', createdAt })?.message
 */
export function groupConflict(db: Pick<Database, 'claims' | 'relations'>, relation: Relation): SequenceConflict | null {
  const byId = new Map(db.claims.map((claim) => [claim.id, claim]));
  return sequenceConflict((id) => byId.get(id), [...db.relations, relation], [relation.from, relation.to]);
}
