import { describe, expect, it } from 'vitest';
import { bestAlignmentEnd, editDistance } from '../../src/domain/edit-distance.js';

/** The textbook table, one cell at a time: what the bit-vector version must agree with. */
function tableDistance(pattern: string, text: string, anchored: boolean): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const bottom: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const next = [anchored ? j : 0];
    for (let i = 1; i <= pattern.length; i++) {
      next.push(Math.min(column[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1), column[i]! + 1, next[i - 1]! + 1));
    }
    column = next;
    bottom.push(column[pattern.length]!);
  }
  return bottom;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('editDistance', () => {
  const cases: Array<[string, string, number]> = [
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['manpowr', 'manpower', 1],
    ['kitten', 'sitting', 3],
    ['the startup’s team', "the startup's team", 1],
    ['a'.repeat(40), 'a'.repeat(33), 7],
    ['x'.repeat(70), 'y'.repeat(70), 70],
  ];
  for (const [a, b, distance] of cases) {
    it(`when “${a.slice(0, 20)}” is edited into “${b.slice(0, 20)}”, then it takes ${distance}`, () => {
      expect(editDistance(a, b)).toBe(distance);
    });
  }

  it('when strings of every length up to a few blocks are compared, then it agrees with the textbook table', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const word = (n: number) => Array.from({ length: n }, () => 'abcd'[Math.floor(next() * 4)]).join('');
      const a = word(Math.floor(next() * 100));
      const b = word(Math.floor(next() * 100));
      expect(editDistance(a, b), `${a} / ${b}`).toBe(tableDistance(a, b, true).at(-1) ?? a.length);
    }
  });
});

describe('bestAlignmentEnd', () => {
  it('when a misspelt word is looked for in a sentence, then the alignment ends where that word ends, at its cost', () => {
    expect(bestAlignmentEnd('chosen', 'Apple has chsen Alibaba')).toEqual({ end: 15, cost: 1 });
  });

  it('when the pattern is in the text, then it ends where its first occurrence ends, at no cost', () => {
    expect(bestAlignmentEnd('ab', 'xxabyyab')).toEqual({ end: 4, cost: 0 });
  });

  it('when patterns and texts of many lengths are aligned, then the end and cost agree with the textbook table', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const word = (n: number) => Array.from({ length: n }, () => 'abc '[Math.floor(next() * 4)]).join('');
      const pattern = word(1 + Math.floor(next() * 90));
      const text = word(Math.floor(next() * 150));
      const bottom = tableDistance(pattern, text, false);
      const cost = Math.min(pattern.length, ...bottom);
      const end = cost === pattern.length ? 0 : bottom.indexOf(cost) + 1;
      expect(bestAlignmentEnd(pattern, text), `${pattern} / ${text}`).toEqual({ end, cost });
    }
  });
});
