import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorQuote, highlightSegments, reanchor } from '../../src/domain/anchor.js';
import type { TextQuoteAnchor } from '../../src/domain/types.js';

const ARTICLE = readFileSync('/work/shared/seed/apple-alibaba-article.txt', 'utf8');

function anchorOf(text: string, quote: string): TextQuoteAnchor {
  const result = anchorQuote(text, quote);
  if (!result.found) throw new Error(`test setup: "${quote}" should anchor`);
  return result.anchor;
}

describe('anchorQuote', () => {
  it('when the quote is in the text word for word, then it is anchored with its offsets and context', () => {
    const text = 'The iPhone-maker had initially selected Baidu as its main partner. But it changed course.';

    const result = anchorQuote(text, 'initially selected Baidu as its main partner');

    expect(result).toEqual({
      found: true,
      anchor: {
        exact: 'initially selected Baidu as its main partner',
        prefix: 'The iPhone-maker had ',
        suffix: '. But it changed course.',
        start: 21,
        end: 65,
      },
    });
  });

  it('when the quote has surrounding spaces, then they are ignored', () => {
    const result = anchorQuote('Apple picked Alibaba.', '  Alibaba \n');

    expect(result).toMatchObject({ found: true, anchor: { exact: 'Alibaba', start: 13, end: 20 } });
  });

  it('when the context is long, then prefix and suffix keep the 32 characters next to the quote', () => {
    const text = `${'a'.repeat(50)} Alibaba ${'b'.repeat(50)}`;

    const anchor = anchorOf(text, 'Alibaba');

    expect(anchor.prefix).toBe(`${'a'.repeat(31)} `);
    expect(anchor.suffix).toBe(` ${'b'.repeat(31)}`);
  });

  it('when the document has a curly apostrophe and the quote a straight one, then the quote anchors on the document’s own spelling', () => {
    const result = anchorQuote(ARTICLE, "But the Chinese company's progress in developing models for Apple Intelligence fell short");

    expect(result.found).toBe(true);
    const anchor = anchorOf(ARTICLE, "the Chinese company's progress");
    expect(anchor.exact).toBe('the Chinese company’s progress');
    expect(ARTICLE.slice(anchor.start, anchor.end)).toBe('the Chinese company’s progress');
  });

  it('when the quote has straight double quotes and the document curly ones, then it anchors', () => {
    const text = 'Apple called it “a great partner” on Tuesday.';

    const anchor = anchorOf(text, 'called it "a great partner"');

    expect(anchor.exact).toBe('called it “a great partner”');
  });

  it('when line breaks and non-breaking spaces differ from the quote’s spaces, then it still anchors over the original text', () => {
    const text = 'the Chinese\n  company’s\u00a0progress fell short';

    const anchor = anchorOf(text, 'Chinese company’s progress');

    expect(anchor).toEqual({
      exact: 'Chinese\n  company’s\u00a0progress',
      prefix: 'the ',
      suffix: ' fell short',
      start: 4,
      end: 32,
    });
  });

  it('when the quote uses a hyphen where the document has an en dash, then it anchors', () => {
    const anchor = anchorOf(ARTICLE, "China's ByteDance to Spend $22 Billion on Tech in 2025 - SCMP");

    expect(anchor.exact).toBe('China’s ByteDance to Spend $22 Billion on Tech in 2025 – SCMP');
  });

  it('when the quote appears twice, then the first occurrence is anchored and its context tells it apart', () => {
    const text = 'Huawei gained. Apple lost. Huawei gained again.';

    const anchor = anchorOf(text, 'Huawei gained');

    expect(anchor).toMatchObject({ start: 0, prefix: '', suffix: '. Apple lost. Huawei gained agai' });
  });

  it('when the quote is empty or blank, then it is not found and nothing is offered', () => {
    expect(anchorQuote(ARTICLE, '')).toEqual({ found: false });
    expect(anchorQuote(ARTICLE, ' \n ')).toEqual({ found: false });
  });

  it('when the quote is not in the text, then the closest passage is offered', () => {
    const result = anchorQuote(ARTICLE, 'Apple had first selected Baidu as its primary partner');

    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.closest?.passage).toContain('initially selected Baidu as its main partner');
    expect(result.closest!.passage.length).toBeLessThan(60);
    expect(ARTICLE.slice(result.closest!.start, result.closest!.end)).toBe(result.closest!.passage);
    expect(result.closest!.similarity).toBeGreaterThan(0.5);
    expect(result.closest!.similarity).toBeLessThan(1);
  });

  it('when the quote has a typo, then the closest passage is the one it misspells, in the document’s spelling', () => {
    const result = anchorQuote(ARTICLE, "the startup's team lacked the manpowr and experience");

    expect(result).toMatchObject({
      found: false,
      closest: { passage: 'the startup’s team lacked the manpower and experience' },
    });
    if (!result.found) expect(result.closest!.similarity).toBeGreaterThan(0.9);
  });

  it('when the quote shares no word with the text, then no closest passage is offered', () => {
    expect(anchorQuote(ARTICLE, 'zyxw qvbn')).toEqual({ found: false });
  });

  it('when the document is 10 kB and the quote 300 characters, then a missing quote is answered within 20 ms', () => {
    const document = `${ARTICLE}\n${ARTICLE}\n${ARTICLE}`.slice(0, 10_000);
    const quote = `${ARTICLE.slice(1500, 1800).replaceAll('Apple', 'Apples')}`;
    const timings = Array.from({ length: 5 }, () => {
      const started = performance.now();
      const result = anchorQuote(document, quote);
      const took = performance.now() - started;
      expect(result.found).toBe(false);
      return took;
    });

    expect(Math.min(...timings)).toBeLessThan(20);
  });
});

describe('reanchor', () => {
  it('when the text is unchanged, then the anchor is found at its stored offsets', () => {
    const text = 'Apple picked Alibaba. Alibaba was pleased.';
    const anchor = anchorOf(text, 'Alibaba was pleased');

    expect(reanchor(text, anchor)).toEqual({ start: anchor.start, end: anchor.end });
  });

  it('when text was inserted before the quote, then it is found at its new place', () => {
    const before = 'Apple picked Alibaba. Alibaba was pleased.';
    const anchor = anchorOf(before, 'Alibaba was pleased');
    const after = `UPDATE: corrected. ${before}`;

    const found = reanchor(after, anchor);

    expect(found).not.toBeNull();
    expect(after.slice(found!.start, found!.end)).toBe('Alibaba was pleased');
    expect(found!.start).toBe(anchor.start + 'UPDATE: corrected. '.length);
  });

  it('when the quoted words appear several times after a shift, then the occurrence with the same prefix and suffix is chosen', () => {
    const before = 'Baidu said no. Tencent said no. Alibaba said yes.';
    const anchor = anchorOf(before, 'said');
    const after = 'Apple asked three firms. Baidu said no. Tencent said no. Alibaba said yes.';

    const secondTry = reanchor(after, { ...anchor, prefix: 'Tencent ', suffix: ' no. Alibaba', start: 0, end: 4 });
    const first = reanchor(after, anchor);

    expect(after.slice(0, first!.start)).toBe('Apple asked three firms. Baidu ');
    expect(after.slice(0, secondTry!.start)).toBe('Apple asked three firms. Baidu said no. Tencent ');
  });

  it('when the context changed too, then the quote is found by its words alone', () => {
    const anchor = anchorOf('Reuters: Apple picked Alibaba, sources say.', 'Apple picked Alibaba');

    const found = reanchor('Completely rewritten intro. Apple picked Alibaba!', anchor);

    expect(found).toEqual({ start: 28, end: 48 });
  });

  it('when the document’s quote marks were straightened since, then the quote is still found', () => {
    const anchor = anchorOf('But the Chinese company’s progress fell short', 'the Chinese company’s progress');

    const found = reanchor("Intro. But the Chinese company's progress fell short", anchor);

    expect(found).toEqual({ start: 11, end: 41 });
  });

  it('when the quote was removed from the text, then nothing is found', () => {
    const anchor = anchorOf('Apple picked Alibaba.', 'picked Alibaba');

    expect(reanchor('Apple picked Tencent.', anchor)).toBeNull();
  });
});

describe('highlightSegments', () => {
  it('when no quote is anchored, then the whole text is one unmarked segment', () => {
    expect(highlightSegments('Apple picked Alibaba.', [])).toEqual([{ text: 'Apple picked Alibaba.', claimIds: [] }]);
  });

  it('when quotes overlap, then the shared words list every claim quoting them and the segments give the text back', () => {
    const text = 'Apple picked Alibaba over Baidu last year.';
    const anchors = [
      { claimId: 'alibaba-chosen', anchor: anchorOf(text, 'picked Alibaba') },
      { claimId: 'baidu-dropped', anchor: anchorOf(text, 'Alibaba over Baidu') },
    ];

    const segments = highlightSegments(text, anchors);

    expect(segments).toEqual([
      { text: 'Apple ', claimIds: [] },
      { text: 'picked ', claimIds: ['alibaba-chosen'] },
      { text: 'Alibaba', claimIds: ['alibaba-chosen', 'baidu-dropped'] },
      { text: ' over Baidu', claimIds: ['baidu-dropped'] },
      { text: ' last year.', claimIds: [] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('when one quote lies inside another, then the inner words list both claims', () => {
    const text = 'Apple picked Alibaba over Baidu.';
    const segments = highlightSegments(text, [
      { claimId: 'outer', anchor: anchorOf(text, 'Apple picked Alibaba over Baidu') },
      { claimId: 'inner', anchor: anchorOf(text, 'Alibaba') },
    ]);

    expect(segments).toEqual([
      { text: 'Apple picked ', claimIds: ['outer'] },
      { text: 'Alibaba', claimIds: ['outer', 'inner'] },
      { text: ' over Baidu', claimIds: ['outer'] },
      { text: '.', claimIds: [] },
    ]);
  });

  it('when two claims quote the same passage, then the passage lists both once each', () => {
    const text = 'Apple picked Alibaba.';
    const anchor = anchorOf(text, 'Alibaba');

    const segments = highlightSegments(text, [
      { claimId: 'a', anchor },
      { claimId: 'b', anchor },
      { claimId: 'a', anchor },
    ]);

    expect(segments[1]).toEqual({ text: 'Alibaba', claimIds: ['a', 'b'] });
  });

  it('when an anchor no longer resolves, then its claim is left out and the text is intact', () => {
    const anchor = anchorOf('Apple picked Baidu.', 'Baidu');

    expect(highlightSegments('Apple picked Alibaba.', [{ claimId: 'gone', anchor }])).toEqual([
      { text: 'Apple picked Alibaba.', claimIds: [] },
    ]);
  });

  it('when the seeded article is highlighted, then every quote is marked where it stands', () => {
    const quotes = ["the Chinese company's progress", 'had initially selected Baidu as its main partner', 'The Information reported'];
    const anchors = quotes.map((quote, i) => ({ claimId: `c${i}`, anchor: anchorOf(ARTICLE, quote) }));

    const segments = highlightSegments(ARTICLE, anchors);

    expect(segments.map((s) => s.text).join('')).toBe(ARTICLE);
    expect(segments.filter((s) => s.claimIds.length > 0).map((s) => s.text)).toEqual([
      'had initially selected Baidu as its main partner',
      'the Chinese company’s progress',
      'The Information reported',
    ]);
  });
});
