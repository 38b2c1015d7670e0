/**
 * Edit distances (Levenshtein: insert, delete or substitute one UTF-16 unit at cost 1) by Myers' bit-vector
 * algorithm (J. ACM 46(3), 1999), in blocks of 32 pattern characters: one text character costs a dozen word
 * operations per block instead of one operation per pattern character, so a 1,000-character quote aligned over
 * 3,000 characters of text takes a few milliseconds.
 */

const WORD = 32;

/** For each character of the pattern, the bits of the positions that hold it, block by block. */
function matchMasks(pattern: string, blocks: number): Map<number, Int32Array> {
  const masks = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let mask = masks.get(code);
    if (!mask) {
      mask = new Int32Array(blocks);
      masks.set(code, mask);
    }
    mask[(i / WORD) | 0]! |= 1 << i % WORD;
  }
  return masks;
}

/**
 * The bottom row of the edit-distance table of `pattern` against `text`, column by column: `onColumn(j, cost)` for
 * j = 1…n. `anchored` makes the top row 0, 1, 2… (the whole text is edited into the pattern); otherwise it is all
 * zeros, so the text's part may start anywhere.
 */
function bottomRow(pattern: string, text: string, anchored: boolean, onColumn: (j: number, cost: number) => void): number {
  const m = pattern.length;
  if (m === 0) return anchored ? text.length : 0;
  const blocks = Math.ceil(m / WORD);
  const masks = matchMasks(pattern, blocks);
  const none = new Int32Array(blocks);
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  const lastBit = 1 << (m - 1) % WORD;
  let cost = m;
  for (let j = 1; j <= text.length; j++) {
    const eqs = masks.get(text.charCodeAt(j - 1)) ?? none;
    let carry = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      const pv = plus[b]!;
      const mv = minus[b]!;
      let eq = eqs[b]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const top = b === blocks - 1 ? lastBit : 1 << (WORD - 1);
      const out = ph & top ? 1 : mh & top ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      plus[b] = mh | ~(xv | ph);
      minus[b] = ph & xv;
      carry = out;
    }
    cost += carry;
    onColumn(j, cost);
  }
  return cost;
}

/**
 * Where in `text` a substring that most cheaply edits into `pattern` ends (semi-global: the substring may start
 * and end anywhere), and what it costs. Ties go to the earliest end, so the shortest passage wins.
 * @example bestAlignmentEnd('chosen', 'Apple has chsen Alibaba') //=> { end: 15, cost: 1 }
 */
export function bestAlignmentEnd(pattern: string, text: string): { end: number; cost: number } {
  let best = { end: 0, cost: pattern.length };
  bottomRow(pattern, text, false, (end, cost) => {
    if (cost < best.cost) best = { end, cost };
  });
  return best;
}

/**
 * The edit distance between two strings.
 * @example editDistance('manpowr', 'manpower') //=> 1
 */
export function editDistance(a: string, b: string): number {
  return bottomRow(a, b, true, () => undefined);
}
