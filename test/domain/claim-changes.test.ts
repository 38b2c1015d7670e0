import { describe, expect, it } from 'vitest';
import { claimChanges, updateSorted } from '../../src/domain/claim-changes.js';
import type { Claim } from '../../src/domain/types.js';

const claim = (id: string) => ({ id }) as Claim;

describe('claimChanges', () => {
  it('finds a replaced claim and an appended one by identity', () => {
    const [a, b, b2, c] = [claim('a'), claim('b'), claim('b'), claim('c')];
    expect(claimChanges([a, b], [a, b2, c])).toEqual({ removed: [b], added: [b2, c] });
  });

  it('gives up when the list got shorter, so the caller starts over', () => {
    expect(claimChanges([claim('a'), claim('b')], [claim('a')])).toBeNull();
  });
});

describe('updateSorted', () => {
  it('gives the same list as sorting from scratch', () => {
    const compare = (x: number, y: number) => x - y;
    const before = [1, 3, 5, 7, 9];
    expect(updateSorted(before, [3, 9], [4, 0, 10, 5], compare)).toEqual([0, 1, 4, 5, 5, 7, 10]);
    expect(before).toEqual([1, 3, 5, 7, 9]);
  });
});
