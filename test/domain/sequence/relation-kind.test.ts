import { describe, expect, it } from 'vitest';
import { converseOf, relationSentence } from '../../../src/domain/sequence/relation-kind.js';
import { RELATION_KINDS, type RelationKind } from '../../../src/domain/types.js';

describe('relation kinds', () => {
  it.each<[RelationKind, RelationKind]>([
    ['before', 'after'],
    ['after', 'before'],
    ['during', 'includes'],
    ['includes', 'during'],
    ['same-time', 'same-time'],
  ])('“A %s B” is “B %s A”', (relation, converse) => {
    expect(converseOf(relation)).toBe(converse);
  });

  it('turns every relation round and back to itself', () => {
    for (const relation of RELATION_KINDS) expect(converseOf(converseOf(relation))).toBe(relation);
  });

  it.each<[RelationKind, string]>([
    ['after', 'This happened after “Baidu fell short”'],
    ['before', 'This happened before “Baidu fell short”'],
    ['during', 'This happened during “Baidu fell short”'],
    ['same-time', 'This happened at the same time as “Baidu fell short”'],
    ['includes', '“Baidu fell short” happened during this'],
  ])('reads “%s” as a sentence a person would write', (relation, sentence) => {
    expect(relationSentence('This', relation, '“Baidu fell short”')).toBe(sentence);
  });
});
