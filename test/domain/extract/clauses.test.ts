import { describe, expect, it } from 'vitest';
import { clauses, relativeClause } from '../../../src/domain/extract/clauses.js';
import { segment } from '../../../src/domain/extract/segment.js';

function cut(text: string) {
  const [sentence] = segment(text);
  if (!sentence) throw new Error('test setup: no sentence');
  const end = sentence.text.replace(/[.]$/, '').length;
  return clauses(sentence, { start: 0, end }, () => true).map((c) => [sentence.text.slice(c.span.start, c.span.end), c.join, c.cue ?? null]);
}

describe('clauses', () => {
  it.each([
    [
      'The iPhone-maker has been searching for a partner since last year and had initially selected Baidu as its main partner.',
      [['The iPhone-maker has been searching for a partner since last year', 'first', null], ['had initially selected Baidu as its main partner', 'shared-subject', null]],
    ],
    [
      'After that, Apple considered models developed by Tencent, Alibaba and Deepseek, but it passed on Deepseek as its team was small.',
      [['After that, Apple considered models developed by Tencent, Alibaba and Deepseek', 'first', null], ['it passed on Deepseek as its team was small', 'own-subject', null]],
    ],
    [
      'Those factors led Apple to fall out of the top five in the second quarter, before recovering in the third quarter.',
      [['Those factors led Apple to fall out of the top five in the second quarter', 'first', null], ['before recovering in the third quarter', 'before', 'before recovering']],
    ],
    [
      'Kestrel confirmed the talks, a day after the Straits Ledger newspaper reported that a deal was close.',
      [['Kestrel confirmed the talks', 'first', null], ['the Straits Ledger newspaper reported that a deal was close', 'reported', 'a day after']],
    ],
    [
      '"It is a very good fit on paper, but the price is steep," he said.',
      [['"It is a very good fit on paper, but the price is steep," he said', 'first', null]],
    ],
    ['Apple considered models developed by Tencent, Alibaba and Deepseek.', [['Apple considered models developed by Tencent, Alibaba and Deepseek', 'first', null]]],
  ])('when a sentence reads “%s”, then it is cut into %j', (text, expected) => {
    expect(cut(text)).toEqual(expected);
  });

  it('when the rule declines a cut, then the sentence stays whole', () => {
    const [sentence] = segment('Veridian was founded in 2011 and went public in 2019.');

    expect(clauses(sentence!, { start: 0, end: 50 }, () => false)).toHaveLength(1);
  });
});

describe('relativeClause', () => {
  it('when a subject has a relative clause the caller wants, then it is cut out with the subject', () => {
    const text = 'Brightline, which was founded in 2004, has lost subscribers';

    const found = relativeClause(text, (words) => words.includes('2004'));

    expect(found && [found.subject, text.slice(found.words.start, found.words.end), text.slice(found.resume)]).toEqual([
      'Brightline',
      'was founded in 2004',
      'has lost subscribers',
    ]);
  });

  it('when the caller does not want it, then nothing is cut', () => {
    expect(relativeClause('Sunward, which is based in Nagoya, said so', () => false)).toBeNull();
  });
});
