import type { Claim } from './types.js';

export interface ClaimChanges {
  removed: Claim[];
  added: Claim[];
}

/**
 * What changed between two versions of the claims list, by object identity: a changed claim is a new
 * object at the same place, a new claim is appended. Claims are replaced, never mutated, so identity is
 * enough. Returns null when the list got shorter (a deletion), where comparing place by place says nothing.
 * @example claimChanges([a, b], [a, b2, c]) //=> { removed: [b], added: [b2, c] }
 */
export function claimChanges(before: readonly Claim[], after: readonly Claim[]): ClaimChanges | null {
  if (after.length < before.length) return null;
  const removed: Claim[] = [];
  const added: Claim[] = [];
  for (let i = 0; i < before.length; i += 1) {
    if (before[i] !== after[i]) {
      removed.push(before[i] as Claim);
      added.push(after[i] as Claim);
    }
  }
  for (let i = before.length; i < after.length; i += 1) added.push(after[i] as Claim);
  return { removed, added };
}

/**
 * A sorted list with some items taken out and others put in, in O(n) plus a binary search per insertion,
 * instead of sorting everything again.
 */
export function updateSorted<T>(sorted: readonly T[], removed: readonly T[], added: readonly T[], compare: (a: T, b: T) => number): T[] {
  const gone = new Set(removed);
  const next = gone.size > 0 ? sorted.filter((item) => !gone.has(item)) : [...sorted];
  for (const item of added) {
    let low = 0;
    let high = next.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(next[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    next.splice(low, 0, item);
  }
  return next;
}
