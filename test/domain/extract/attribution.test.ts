import { describe, expect, it } from 'vitest';
import { findAttribution } from '../../../src/domain/extract/attribution.js';
import { segment } from '../../../src/domain/extract/segment.js';

function attributionOf(text: string) {
  const [sentence] = segment(text);
  if (!sentence) throw new Error('test setup: no sentence');
  const found = findAttribution(sentence);
  return found && {
    form: found.form,
    source: found.source,
    verb: found.verb,
    content: found.content.map((span) => sentence.text.slice(span.start, span.end)),
    ...(found.citing && { citing: found.citing }),
    ...(found.adjunct && { adjunct: found.adjunct }),
    ...(found.objectStatement && { objectStatement: true }),
  };
}

interface Row {
  name: string;
  text: string;
  expected: ReturnType<typeof attributionOf>;
}

const TABLE: Row[] = [
  {
    name: '"X reported" after the content',
    text: 'But the Chinese company’s progress fell short of its standards, The Information reported.',
    expected: { form: 'trailing', source: 'The Information', verb: 'reported', content: ['But the Chinese company’s progress fell short of its standards'] },
  },
  {
    name: '"the report said" after the content',
    text: 'It passed on Deepseek as the startup lacked the manpower, the report said.',
    expected: { form: 'trailing', source: 'the report', verb: 'said', content: ['It passed on Deepseek as the startup lacked the manpower'] },
  },
  {
    name: '"according to" opening the sentence',
    text: 'According to The Information, Apple and Alibaba have submitted the features for approval.',
    expected: { form: 'according-to', source: 'The Information', verb: 'according to', content: ['Apple and Alibaba have submitted the features for approval'] },
  },
  {
    name: '"according to" closing the sentence, the relative clause about the source left out',
    text: 'Meridian has offered raises of 22%, according to a person familiar with the negotiations who was not authorized to speak.',
    expected: { form: 'according-to', source: 'a person familiar with the negotiations', verb: 'according to', content: ['Meridian has offered raises of 22%'] },
  },
  {
    name: '"told" with whom it was told and when',
    text: '"We are tired of waiting," Whitfield told The Associated Press in an interview Tuesday.',
    expected: { form: 'trailing', source: 'Whitfield', verb: 'told', content: ['"We are tired of waiting,"'], adjunct: 'in an interview Tuesday' },
  },
  {
    name: '"told" leading, with "that"',
    text: 'Kestrel chief executive Arjun Menon told analysts in August that the market was crowded.',
    expected: { form: 'leading', source: 'Kestrel chief executive Arjun Menon', verb: 'told', content: ['the market was crowded'], adjunct: 'in August' },
  },
  {
    name: '"citing" after a trailing "reported"',
    text: 'Apple is in talks with Baidu, Bloomberg News reported on Wednesday, citing people familiar with the matter.',
    expected: { form: 'trailing', source: 'Bloomberg News', verb: 'reported', content: ['Apple is in talks with Baidu'], citing: 'people familiar with the matter', adjunct: 'on Wednesday' },
  },
  {
    name: '"citing" between the source and its verb',
    text: 'The newspaper, citing two people with knowledge of the plans, said the companies aimed to sign a deal.',
    expected: { form: 'leading', source: 'The newspaper', verb: 'said', content: ['the companies aimed to sign a deal'], citing: 'two people with knowledge of the plans' },
  },
  {
    name: 'a reason after "citing" is no source',
    text: 'The company later pushed the start to 2027, citing permitting delays.',
    expected: null,
  },
  {
    name: '"confirmed" leading, with the day it was said',
    text: 'Kestrel Telecom confirmed on Thursday that it was in talks to merge with Brightline.',
    expected: { form: 'leading', source: 'Kestrel Telecom', verb: 'confirmed', content: ['it was in talks to merge with Brightline'], adjunct: 'on Thursday' },
  },
  {
    name: '"denied" leading',
    text: 'The company denied in September that it was planning job cuts.',
    expected: { form: 'leading', source: 'The company', verb: 'denied', content: ['it was planning job cuts'], adjunct: 'in September' },
  },
  {
    name: '"announced" with what was announced as a noun phrase',
    text: 'Acme announced a $2 billion share buyback on Monday.',
    expected: { form: 'leading', source: 'Acme', verb: 'announced', content: ['a $2 billion share buyback on Monday'], objectStatement: true },
  },
  {
    name: '"has forecast" with a noun phrase',
    text: 'The company has forecast strong sales growth in the current quarter.',
    expected: { form: 'leading', source: 'The company', verb: 'forecast', content: ['strong sales growth in the current quarter'], objectStatement: true },
  },
  {
    name: 'the verb before its source, an appositive after it',
    text: '"It is a good fit, but the price is steep," said Ji-yeon Kang, an analyst at Mirae Capital.',
    expected: { form: 'trailing', source: 'Ji-yeon Kang', verb: 'said', content: ['"It is a good fit, but the price is steep,"'] },
  },
  {
    name: 'an attribution inside the content',
    text: 'The deal, the company said, would close in March.',
    expected: { form: 'trailing', source: 'the company', verb: 'said', content: ['The deal', 'would close in March'] },
  },
  {
    name: 'a subject with an appositive before its verb',
    text: 'Sunward, which is based in Nagoya, Japan, said in August that it planned to double capacity.',
    expected: { form: 'leading', source: 'Sunward', verb: 'said', content: ['it planned to double capacity'], adjunct: 'in August' },
  },
  {
    name: 'an unnamed source kept as printed',
    text: 'The deal could be announced as early as next month, two people familiar with the matter said, asking not to be named.',
    expected: { form: 'trailing', source: 'two people familiar with the matter', verb: 'said', content: ['The deal could be announced as early as next month'] },
  },
  {
    name: '"reportedly", the source named elsewhere',
    text: 'Apple is reportedly partnering with Alibaba in China.',
    expected: { form: 'reportedly', source: '', verb: 'reported', content: ['Apple is reportedly partnering with Alibaba in China'] },
  },
  {
    name: '"reported by" about the sentence before',
    text: 'The development, reported by The Information, could clear months of uncertainty.',
    expected: { form: 'passive', source: 'The Information', verb: 'reported', content: [] },
  },
  {
    name: 'a ticker after the name and the day before the verb',
    text: 'Apple Inc (AAPL.O) on Tuesday said it would open a store in Seoul.',
    expected: { form: 'leading', source: 'Apple Inc', verb: 'said', content: ['it would open a store in Seoul'], adjunct: 'on Tuesday' },
  },
  {
    name: 'a date opening the sentence, which is when it was said',
    text: 'Earlier this month, the bank announced plans to cut 1,200 jobs by 2026.',
    expected: { form: 'leading', source: 'the bank', verb: 'announced', content: ['plans to cut 1,200 jobs by 2026'], adjunct: 'Earlier this month', objectStatement: true },
  },
  {
    name: '"denied" with what was denied as a noun phrase',
    text: 'The bank denied that report.',
    expected: { form: 'leading', source: 'The bank', verb: 'denied', content: ['that report'], objectStatement: true },
  },
  {
    name: 'a verb that reports nothing',
    text: 'Apple considered models developed by Tencent and Alibaba.',
    expected: null,
  },
  {
    name: 'a clause that only looks like a source',
    text: 'Hanul posted a profit, up from a loss, as prices of memory chips recovered.',
    expected: null,
  },
];

describe('findAttribution', () => {
  it.each(TABLE)('when a sentence attributes with $name, then its source, verb and content are read', ({ text, expected }) => {
    expect(attributionOf(text)).toEqual(expected);
  });

  it('when a dateline opens the sentence, then the source is read after it', () => {
    const text = 'SINGAPORE, Nov 6 (Reuters) - Kestrel Telecom confirmed on Thursday that it was in talks.';
    const [sentence] = segment(text);

    const found = sentence && findAttribution(sentence, text.indexOf('Kestrel'));

    expect(found).toMatchObject({ form: 'leading', source: 'Kestrel Telecom', verb: 'confirmed' });
  });
});
