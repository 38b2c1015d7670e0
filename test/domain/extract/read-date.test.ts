import { describe, expect, it } from 'vitest';
import { findDatePhrases } from '../../../src/domain/extract/date-phrases.js';
import { bestPhrase, readDate } from '../../../src/domain/extract/read-date.js';

const TODAY = '2026-01-01';

describe('findDatePhrases', () => {
  it.each([
    ['fell out of the top five in the second quarter last year, before recovering in the third quarter', ['the second quarter last year', 'the third quarter']],
    ['has been searching for a local partner since last year', ['since last year']],
    ['Shares rose 4.2% on Tuesday', ['Tuesday']],
    ['could be announced as early as next month', ['next month']],
    ['aims to double capacity by 2027 and reported revenue in March 2022', ['by 2027', 'March 2022']],
    ['the deal may close soon, with 2,100 members and $610 million', []],
    ['the March quarter and the first half of the year', ['the March quarter', 'the first half of the year']],
    ['has lost subscribers for six straight quarters', ['six straight quarters']],
    ['closed before March and reopened after 2024', ['before March', 'after 2024']],
    ['will decide by the end of the second quarter', ['by the end of the second quarter']],
  ])('when a clause reads “%s”, then the date-like phrases are %j', (text, expected) => {
    expect(findDatePhrases(text).map((c) => c.phrase)).toEqual(expected);
  });

  it.each([
    ['a 31% premium to its closing price on Monday', true],
    ['up from the close on Friday', true],
    ['the deal is expected to close in the third quarter', false],
    ['prices rose in March', false],
  ])('when a phrase stands in “%s”, then whether it dates a closing price rather than the event is %s', (text, expected) => {
    expect(findDatePhrases(text)[0]?.ofReference).toBe(expected);
  });

  it('when a quarter qualifies a noun, then it is not the adverbial phrase that dates the clause', () => {
    const [results, day] = findDatePhrases('Voltaris is scheduled to report third-quarter results on Oct. 22');

    expect([results?.phrase, results?.adverbial, day?.phrase, day?.adverbial]).toEqual(['third-quarter', false, 'Oct. 22', true]);
  });
});

describe('readDate', () => {
  it.each([
    ['the second quarter last year', '2025-02-11', '2024-Q2'],
    ['since last year', '2025-02-11', '2024/..'],
    ['the first half of the year', '2025-09-18', '2025-01/2025-06'],
    ['2024/2025-02-11', undefined, '2024/2025-02-11'],
    ['before the end of this year', '2025-11-06', '../2025'],
  ])('when “%s” is read against %s, then it is %s', (text, reference, value) => {
    expect(readDate(text, text, reference, TODAY)?.value).toBe(value);
  });

  it.each([['a fortnight hence'], ['in the coming months']])('when the resolver cannot read “%s”, then nothing is guessed', (text) => {
    expect(readDate(text, text, '2025-02-11', TODAY)).toBeNull();
  });
});

describe('bestPhrase', () => {
  it('when a clause has a phrase after a preposition and a bare one, then the first after a preposition dates it', () => {
    expect(bestPhrase('report third-quarter results on Oct. 22', '', '2025-09-18', TODAY)?.phrase).toBe('Oct. 22');
  });

  it('when the clause looks forward, then a phrase that ended before the reference day does not date it', () => {
    const text = 'would examine the deal under rules that took effect in 2023 and apply them by 2027';

    expect(bestPhrase(text, '', '2025-06-10', TODAY, { forward: true })?.phrase).toBe('by 2027');
    expect(bestPhrase(text, '', '2025-06-10', TODAY)?.phrase).toBe('2023');
  });

  it('when the first phrase cannot be read, then a later one is not taken instead', () => {
    const best = bestPhrase('prices will rise in the coming months to their highest level since 2023', '', '2025-11-06', TODAY);

    expect(best).toEqual({ phrase: 'in the coming months'.replace('in ', ''), date: null });
  });

  it.each([
    ['values Maasgate at 18 euros per share, a 31% premium to its closing price on Monday', null],
    ['has lost subscribers for six straight quarters', null],
    ['has lost subscribers for six straight quarters since 2024', 'since 2024'],
  ])('when a clause reads “%s”, then the phrase that dates it is %s', (text, phrase) => {
    expect(bestPhrase(text, text, '2025-06-10', TODAY)?.phrase ?? null).toBe(phrase);
  });
});
