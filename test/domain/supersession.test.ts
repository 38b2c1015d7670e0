import { describe, expect, it } from 'vitest';
import { adjustReplacements, replacementsOf } from '../../src/domain/supersession.js';
import type { Claim } from '../../src/domain/types.js';

const claim = (id: string, supersedes: string[] = []) => ({ id, supersedes }) as unknown as Claim;

describe('supersession seen from the replaced claim', () => {
  it('lists every claim that supersedes a claim', () => {
    const index = replacementsOf([claim('a'), claim('b', ['a']), claim('c', ['a', 'b'])]);
    expect(index.get('a')).toEqual(['b', 'c']);
    expect(index.get('b')).toEqual(['c']);
    expect(index.get('c')).toBeUndefined();
  });

  it('follows an edit that drops and adds supersessions, as if built afresh', () => {
    const before = [claim('a'), claim('b', ['a']), claim('c')];
    const edited = claim('b', []);
    const added = claim('d', ['c']);
    const after = [before[0]!, edited, before[2]!, added];
    const index = adjustReplacements(replacementsOf(before), [before[1]!], [edited, added]);
    expect([...index]).toEqual([...replacementsOf(after)]);
  });
});
