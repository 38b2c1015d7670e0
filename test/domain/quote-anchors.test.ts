import { describe, expect, it } from 'vitest';
import { QuoteAnchors } from '../../src/domain/quote-anchors.js';
import type { Document } from '../../src/domain/types.js';

const document: Document = {
  id: 'wire',
  storyId: 'story',
  title: 'Helios Grid opens in Porto Vale',
  publisherId: 'wire',
  url: 'https://news.example/helios',
  publishedAt: '2025-02-11',
  text: 'Helios Grid said on Tuesday it would open an office in Porto Vale.',
  createdAt: '2025-02-11T10:00:00.000Z',
};

describe('QuoteAnchors', () => {
  it('when a quote is asked for twice in the same document, then the same answer comes back', () => {
    const anchors = new QuoteAnchors();
    const first = anchors.anchor(document, 'open an office in Porto Vale');
    expect(first).toMatchObject({ found: true, anchor: { start: 37, end: 65 } });
    expect(anchors.anchor(document, 'open an office in Porto Vale')).toBe(first);
  });

  it('when the document was replaced by one with other text, then the quote is looked for in the new text', () => {
    const anchors = new QuoteAnchors();
    anchors.anchor(document, 'open an office in Porto Vale');
    const edited = { ...document, text: 'Helios Grid denied it would open an office in Porto Vale.' };
    expect(anchors.anchor(edited, 'open an office in Porto Vale')).toMatchObject({ found: true, anchor: { start: 28, end: 56 } });
  });
});
