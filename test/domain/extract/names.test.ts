import { describe, expect, it } from 'vitest';
import { NameBook, capitalisedInside, nameMentions } from '../../../src/domain/extract/names.js';
import { segment } from '../../../src/domain/extract/segment.js';

describe('nameMentions', () => {
  it.each([
    ['After that, Apple considered models developed by Tencent, TikTok-parent ByteDance, Alibaba and Deepseek.', ['Apple', 'Tencent', 'ByteDance', 'Alibaba', 'Deepseek']],
    ['Voltaris Motors Inc. is considering postponing construction of a plant in Texas.', ['Voltaris Motors']],
    ['But the Chinese company’s progress fell short, The Information reported.', ['The Information']],
    ['The airline carried 9.4 million passengers, according to the U.S. Department of Transportation.', ['U.S. Department of Transportation']],
    ['Capt. Dana Whitfield leads the Regional Pilots Association in Chicago.', ['Dana Whitfield', 'Regional Pilots Association']],
    ['Kestrel posted a net profit of S$212 million in September.', ['Kestrel']],
  ])('when a sentence reads “%s”, then it names %j', (text, expected) => {
    const sentences = segment(`${text} Apple and Kestrel did well.`);

    expect(nameMentions(sentences[0]!, capitalisedInside(sentences)).map((m) => m.name)).toEqual(expected);
  });

  it('when a name is printed next to a word for a newspaper, then it is a news outlet', () => {
    const sentences = segment('Kestrel confirmed the talks, a day after the Straits Ledger newspaper reported them.');

    const mentions = nameMentions(sentences[0]!, capitalisedInside(sentences));

    expect(mentions.map((m) => [m.name, m.media])).toEqual([['Straits Ledger', true]]);
  });
});

describe('NameBook', () => {
  it('when a short form follows the full name, then it is the full name; a short name used first stays itself', () => {
    const book = new NameBook();
    for (const name of ['Veridian Micro', 'Apple', 'Apple Intelligence', 'Dana Whitfield']) book.note(name);

    expect(['Veridian', 'Apple', 'Whitfield', 'Baidu'].map((n) => book.canonical(n))).toEqual(['Veridian Micro', 'Apple', 'Dana Whitfield', 'Baidu']);
  });
});
