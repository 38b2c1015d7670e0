import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/domain/extract/segment.js';
import { gerundStatement, statementFrom, subjectOf } from '../../../src/domain/extract/statement.js';

describe('statementFrom', () => {
  it.each([
    ['After that, Apple considered models developed by Tencent', {}, 'Apple considered models developed by Tencent.'],
    ['But the Chinese company’s progress fell short of its standards', {}, 'The Chinese company’s progress fell short of its standards.'],
    ['that it was in talks to merge with Brightline', { subject: 'Kestrel Telecom' }, 'Kestrel Telecom was in talks to merge with Brightline.'],
    ['Apple is reportedly partnering with Alibaba', {}, 'Apple is partnering with Alibaba.'],
    ['"It is a very good fit on paper, but the price is steep,"', {}, 'It is a very good fit on paper, but the price is steep.'],
    ['the company "continually reviews its capital plans" and declined to comment further', {}, 'The company "continually reviews its capital plans".'],
    ['went public on the Nasdaq in 2019', { subject: 'Veridian', subjectMissing: true }, 'Veridian went public on the Nasdaq in 2019.'],
  ])('when the clause is “%s”, then the statement reads as a sentence', (clause, options, expected) => {
    expect(statementFrom(clause, options)).toBe(expected);
  });
});

describe('subjectOf', () => {
  it.each([
    ['The iPhone-maker has been searching for a local partner', 'The iPhone-maker'],
    ['After that, Apple considered models', 'Apple'],
    ['Veridian, based in San Jose, California, designs chips', 'Veridian'],
    ['Under federal law, airline workers cannot walk off the job', 'airline workers'],
  ])('when the clause is “%s”, then its subject is “%s”', (clause, expected) => {
    expect(subjectOf(segment(clause)[0]!.tokens)).toBe(expected);
  });
});

describe('gerundStatement', () => {
  it('when an event is told as a gerund, then the statement tells it in the past about its subject', () => {
    expect(gerundStatement('before recovering in the third quarter', 'Apple')).toBe('Apple recovered in the third quarter.');
  });
});
