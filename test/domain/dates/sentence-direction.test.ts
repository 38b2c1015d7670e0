import { describe, expect, it } from 'vitest';
import { sentenceDirection } from '../../../src/domain/dates/sentence-direction.js';

describe('sentenceDirection', () => {
  it.each([
    ['Talks will resume on Jan. 20.', 'Jan. 20', 'forward', 'will resume'],
    ['The deal was signed on Jan. 20.', 'Jan. 20', 'back', 'signed'],
    ['Being able to roll out its AI tools will be crucial for Apple as iPhone sales dipped in the holiday quarter.', 'the holiday quarter', 'back', 'dipped'],
    ['Apple said on Tuesday it will launch the service in March.', 'on Tuesday', 'back', 'said'],
    ['Apple said on Tuesday it will launch the service in March.', 'in March', 'forward', 'will launch'],
    ['The deal is expected to close in the first quarter.', 'the first quarter', 'forward', 'expected to close'],
    ['Production is set to start in the second half.', 'the second half', 'forward', 'set to start'],
    ['The law takes effect in January.', 'in January', 'forward', 'takes effect'],
    ['The rules took effect in October.', 'in October', 'back', 'took'],
    ['The company could cut prices in May, analysts said.', 'in May', 'forward', 'could cut'],
    ['Officials could have acted in May.', 'in May', 'back', 'acted'],
    ['Apple, which launched the phone in May, will expand it across China.', 'in May', 'back', 'launched'],
    ['The company is based in Cupertino and reports in July.', 'in July', 'back', undefined],
    ['Apple plans a cheaper model, after sales slumped in November.', 'in November', 'back', 'slumped'],
    ['In March, the company will open a store.', 'In March', 'forward', 'will open'],
    ['It’ll open in June.', 'in June', 'forward', 'itll open'],
    ['Shareholders will vote on the merger, which was announced last year, in June.', 'in June', 'forward', 'will vote'],
    ['Demand should pick up in the second half, the CEO told analysts.', 'the second half', 'forward', 'should pick'],
    ['The launch has been pushed back to May.', 'May', 'forward', 'pushed back to'],
    ['The strike, which began in August, ended on Monday.', 'on Monday', 'back', 'ended'],
  ] as const)('when “%s” holds “%s”, then it is read %s on “%s”', (sentence, phrase, direction, cue) => {
    expect(sentenceDirection(sentence, phrase)).toEqual(cue ? { direction, cue } : { direction });
  });

  it('when the sentence does not hold the date’s words, then its first cue decides', () => {
    expect(sentenceDirection('Apple will launch its AI features in China.', 'Q2')).toEqual({ direction: 'forward', cue: 'will launch' });
  });

  it('when nothing in the sentence looks either way, then the date points back with no cue', () => {
    expect(sentenceDirection('Storms hit the coast over the weekend.', 'over the weekend')).toEqual({ direction: 'back' });
  });

  it('when the sentence is very long, then only its start is read', () => {
    const long = `${'Prices are steady. '.repeat(200)}Talks will resume in March.`;

    expect(sentenceDirection(long, 'in March')).toEqual({ direction: 'back' });
  });
});
