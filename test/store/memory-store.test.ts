import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../src/store/memory-store.js';
import { addClaim, emptyDatabase, makeClaim } from './database-fixtures.js';

describe('openMemoryStore', () => {
  it('when a claim is added, then the data is replaced, the version grows and the old data is untouched', async () => {
    const store = openMemoryStore(emptyDatabase());
    const before = store.data;
    await expect(store.update(addClaim(makeClaim('a')))).resolves.toBe('a');
    expect(store.data).not.toBe(before);
    expect(before.claims).toEqual([]);
    expect(store.data.claims.map((claim) => claim.id)).toEqual(['a']);
    expect(store.version).toBe(1);
  });

  it('when a change throws, then nothing is stored', async () => {
    const store = openMemoryStore(emptyDatabase());
    await expect(
      store.update(() => {
        throw new Error('invalid');
      }),
    ).rejects.toThrow('invalid');
    expect(store.version).toBe(0);
  });
});
