import type { Claim } from './types.js';

/** Which claims replaced each claim: target id → ids of the claims listing it in `supersedes`. */
export type Replacements = ReadonlyMap<string, readonly string[]>;

function add(index: Map<string, string[]>, claim: Claim) {
  for (const target of claim.supersedes) index.set(target, [...(index.get(target) ?? []), claim.id]);
}

function remove(index: Map<string, string[]>, claim: Claim) {
  for (const target of claim.supersedes) {
    const rest = (index.get(target) ?? []).filter((id) => id !== claim.id);
    if (rest.length > 0) index.set(target, rest);
    else index.delete(target);
  }
}

/**
 * Indexes supersession the other way round, so a claim's page can say what replaced it.
 * @example replacementsOf([{ id: 'b', supersedes: ['a'] }, …]).get('a') //=> ['b']
 */
export function replacementsOf(claims: readonly Claim[]): Replacements {
  const index = new Map<string, string[]>();
  // An indexed loop with an early skip: few claims supersede anything, and this runs over every claim.
  for (let i = 0; i < claims.length; i += 1) {
    const claim = claims[i] as Claim;
    if (claim.supersedes.length > 0) add(index, claim);
  }
  return index;
}

/** The index after some claims left and others came (an edit is both); the old index is left as it was. */
export function adjustReplacements(index: Replacements, removed: readonly Claim[], added: readonly Claim[]): Replacements {
  const next = new Map(index as Map<string, string[]>);
  for (const claim of removed) remove(next, claim);
  for (const claim of added) add(next, claim);
  return next;
}
