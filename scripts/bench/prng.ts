/**
 * A small seeded random source (mulberry32), so a synthetic database is the same bytes for the same seed
 * on every machine and Node version; `Math.random` cannot be seeded.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn with the given relative weights. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** An index in [0, n) where low indexes are much more likely, as names in the news are: a few dominate. */
  skewedIndex(n: number): number;
}

/**
 * A seeded random source.
 * @example createRandom(7).int(1, 6) //=> the same number every time for seed 7
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick: no items to pick from');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = entries.at(-1);
      if (!last) throw new Error('weighted: no entries to pick from');
      return last[0];
    },
    skewedIndex: (n) => Math.min(n - 1, Math.floor(n * next() ** 2.5)),
  };
}
