import { describe, expect, it } from 'vitest';
import { trackedBy } from '../../../src/domain/extract/already-tracked.js';
import { MAX_ARTICLE_LENGTH, articleProblem } from '../../../src/domain/extract/article-problem.js';
import { looksForward } from '../../../src/domain/extract/looks-forward.js';
import { segment } from '../../../src/domain/extract/segment.js';
import { citedSource, looksLikeSource } from '../../../src/domain/extract/source-phrase.js';
import { agencyName, wireName } from '../../../src/domain/extract/wire-names.js';

describe('looksForward', () => {
  it.each([
    ['The acquisition would give Hanul a foothold in AI chips', true],
    ['The companies aimed to sign an agreement', true],
    ['Voltaris is scheduled to report results', true],
    ['We expect the deal to pay for itself within three years', true],
    ['Discussions are at an early stage and there is no certainty that any transaction will result', false],
    ['The authority said it had not received any application and would not comment', false],
    ['Hanul has hired advisers', false],
  ])('when the clause reads “%s”, then it looks forward: %s', (clause, expected) => {
    expect(looksForward(segment(clause)[0]!.tokens)).toBe(expected);
  });
});

describe('trackedBy', () => {
  const tracked = trackedBy(['had initially selected Baidu as its main partner', 'the company said']);

  it.each([
    ['had initially selected Baidu as its main partner', true],
    ['The iPhone-maker had initially  selected Baidu as its main partner.', true],
    ['HAD INITIALLY SELECTED BAIDU AS ITS MAIN PARTNER', true],
    ['initially selected Baidu', true],
    ['Apple passed on Deepseek, the company said.', false],
    ['Apple chose Alibaba.', false],
  ])('when a proposal quotes “%s”, then it is already tracked: %s', (quote, expected) => {
    expect(tracked(quote)).toBe(expected);
  });
});

describe('articleProblem', () => {
  it.each([
    ['', /empty/],
    ['Home\nMarkets\nSubscribe', /no sentence of running text/],
    ['<div class="x"></div><div class="y"></div>', /no sentence of running text/],
    ['x'.repeat(MAX_ARTICLE_LENGTH + 1), /at most 150,000/],
  ])('when the text is %j…, then it is refused with a reason', (text, reason) => {
    expect(articleProblem(text)).toMatch(reason);
  });

  it('when the text has running sentences, then it is an article', () => {
    expect(articleProblem('Apple chose Alibaba, the report said. Shares of Apple rose 3% on the news.')).toBeNull();
  });
});

describe('looksLikeSource and citedSource', () => {
  it.each([
    ['two people familiar with the matter', true],
    ['The Information', true],
    ['its annual filing', true],
    ['it', true],
    ['as prices of memory chips', false],
    ['in what would be the largest deal', false],
    ['the deal, which', false],
  ])('when the phrase is “%s”, then it can be a source: %s', (phrase, expected) => {
    expect(looksLikeSource(phrase, segment(`${phrase} said.`)[0]!.tokens.slice(0, -1))).toBe(expected);
  });

  it.each([
    ['people familiar with the matter', true],
    ['an internal memo', true],
    ['Nikkei', true],
    ['permitting delays', false],
  ])('when "citing" names “%s”, then it is a source: %s', (phrase, expected) => {
    expect(citedSource(phrase)).toBe(expected);
  });
});

describe('wireName', () => {
  it.each([
    ['AP', 'The Associated Press'],
    ['Agence France-Presse', 'AFP'],
    ['Reuters', 'Reuters'],
    ['Nikkei Asia', 'Nikkei Asia'],
  ])('when a dateline names “%s”, then the wire is “%s”', (printed, expected) => {
    expect(wireName(printed)).toBe(expected);
  });

  it('when a credit line names a person, then no agency is taken from it', () => {
    expect(agencyName('Vishakha Saxena')).toBeNull();
  });
});
