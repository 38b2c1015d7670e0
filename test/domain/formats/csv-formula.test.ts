import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from '../../../src/domain/formats/csv-formula.js';

describe('neutraliseFormula and restoreFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
    ["''-1", "'''-1"],
  ])('when a cell is %j, then it is written %j and read back as it was', (cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
    expect(restoreFormula(written)).toBe(cell);
  });

  it.each(['Apple chose Alibaba', "'quoted'", "it's", '2024-Q2', '', ' =padded', 'a=b'])(
    'when a cell is %j, then it is neither changed on the way out nor on the way in',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
      expect(restoreFormula(cell)).toBe(cell);
    },
  );
});
