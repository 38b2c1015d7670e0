import { describe, expect, it } from 'vitest';
import { fieldPath } from '../../src/domain/validation.js';

describe('fieldPath', () => {
  it.each([
    [['statement'], 'statement'],
    [['proposals', 2, 'quote'], 'proposals[2].quote'],
    [['relations', 0], 'relations[0]'],
    [['attributions', 0, 'anchor', 'start'], 'attributions[0].anchor.start'],
    [[], ''],
  ])('when a problem is at %j, then a person reads it as “%s”', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});
