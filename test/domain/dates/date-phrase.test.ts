import { describe, expect, it } from 'vitest';
import { MissingReferenceError, UnreadPhraseError, readPhrase } from '../../../src/domain/dates/date-phrase.js';

describe('readPhrase', () => {
  it('when a range gives its year once, then both ends are read in that year rather than relative to the reference', () => {
    expect(readPhrase('October – December 2024', '2025-02-11')).toMatchObject({ value: '2024-10/2024-12', label: 'October – December 2024' });
  });

  it('when an absolute phrase is read with a reference, then the reference is not stored', () => {
    const date = readPhrase('June 15, 2024', '2025-02-11');

    expect(date.phrase).toBe('June 15, 2024');
    expect(date.reference).toBeUndefined();
  });

  it('when several words are unknown, then each run of them is named', () => {
    expect(() => readPhrase('the blue moon of last fortnight', '2025-02-11')).toThrow('did not understand “blue moon”, “fortnight”');
  });

  it('when an unknown word is met, then the error carries the first unknown part', () => {
    try {
      readPhrase('next fortnight', '2025-02-11');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadPhraseError);
      expect((error as UnreadPhraseError).unparsed).toBe('fortnight');
    }
  });

  it('when a relative phrase has no reference, then it says a reference is missing', () => {
    expect(() => readPhrase('the current quarter')).toThrow(MissingReferenceError);
  });
});
