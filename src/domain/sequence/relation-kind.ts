import type { RelationKind } from '../types.js';

const CONVERSE: Record<RelationKind, RelationKind> = {
  before: 'after',
  after: 'before',
  during: 'includes',
  includes: 'during',
  'same-time': 'same-time',
};

/**
 * The same relation stated from the other claim: “A after B” is “B before A”.
 * @example converseOf('during') //=> 'includes'
 */
export const converseOf = (relation: RelationKind): RelationKind => CONVERSE[relation];

/** The words between two events, for the relations a person picks on a form. */
export const RELATION_WORDS: Record<RelationKind, string> = {
  before: 'before',
  after: 'after',
  during: 'during',
  includes: 'around',
  'same-time': 'at the same time as',
};

/**
 * A relation as a sentence about two events, with `includes` turned round so it reads naturally.
 * @example relationSentence('This', 'after', '“Baidu fell short”') //=> 'This happened after “Baidu fell short”'
 * @example relationSentence('This', 'includes', '“Baidu fell short”') //=> '“Baidu fell short” happened during this'
 */
export function relationSentence(subject: string, relation: RelationKind, other: string): string {
  const { before, after } = relationSentenceAround(subject, relation);
  return `${before}${other}${after}`;
}

/**
 * The words of a relation's sentence before and after the other event, for a page that links it in between.
 * @example relationSentenceAround('This', 'after') //=> { before: 'This happened after ', after: '' }
 */
export function relationSentenceAround(subject: string, relation: RelationKind): { before: string; after: string } {
  if (relation === 'includes') return { before: '', after: ` happened during ${subject === 'This' ? 'this' : subject}` };
  return { before: `${subject} happened ${RELATION_WORDS[relation]} `, after: '' };
}
