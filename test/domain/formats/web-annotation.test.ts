import { describe, expect, it } from 'vitest';
import { claimAnnotationPage, claimAnnotations } from '../../../src/domain/formats/web-annotation.js';
import { anchorQuote } from '../../../src/domain/anchor.js';
import { claimById, makeDatabase } from './fixture.js';

const baseUrl = 'http://localhost:3000';
const documentUrl = 'https://www.reuters.com/technology/apple-alibaba-2025-02-11/';

describe('claimAnnotations', () => {
  it('when a quote is anchored, then its annotation targets the document by quote and by position', () => {
    const db = makeDatabase();
    const collection = claimAnnotations(db, claimById(db, 'alibaba-chosen'), { baseUrl });
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://localhost:3000/api/claims/alibaba-chosen/annotations',
      type: 'AnnotationCollection',
      total: 1,
    });
    expect(collection.first?.items).toEqual([
      {
        id: 'http://localhost:3000/api/claims/alibaba-chosen/annotations#reuters',
        type: 'Annotation',
        motivation: 'describing',
        created: '2025-02-11T10:05:00.000Z',
        body: [
          {
            type: 'TextualBody',
            value: 'Apple chose Alibaba as its AI partner in China',
            format: 'text/plain',
            purpose: 'describing',
          },
          {
            type: 'SpecificResource',
            source: { id: 'http://localhost:3000/claims/alibaba-chosen', type: 'Text', format: 'text/html' },
            purpose: 'linking',
          },
        ],
        target: {
          source: documentUrl,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: 'Apple has chosen Alibaba as its AI partner in China',
              suffix: ', The Information reported',
            },
            { type: 'TextPositionSelector', start: 0, end: 51 },
          ],
        },
      },
    ]);
  });

  it('when a quote was never anchored, then the TextQuoteSelector holds the quote alone', () => {
    const db = makeDatabase();
    const [annotation] = claimAnnotations(db, claimById(db, 'china-launch'), { baseUrl }).first?.items ?? [];
    expect(annotation?.target).toEqual({
      source: documentUrl,
      selector: { type: 'TextQuoteSelector', exact: 'citing people familiar with the matter' },
    });
  });

  it('when no attribution quotes a document, then the collection is empty and has no page', () => {
    const db = makeDatabase();
    const collection = claimAnnotations(db, claimById(db, 'baidu-selected'), { baseUrl });
    expect(collection.total).toBe(0);
    expect(collection.first).toBeUndefined();
  });

  it('when one source is quoted twice, then each annotation keeps its own id', () => {
    const db = makeDatabase();
    const claim = claimById(db, 'china-launch');
    claim.attributions.push({ ...claim.attributions[0]!, quote: 'Reuters could not immediately verify the report' });
    const ids = claimAnnotations(db, claim, { baseUrl }).first?.items.map((annotation) => annotation.id);
    expect(ids).toEqual([
      'http://localhost:3000/api/claims/china-launch/annotations#reuters',
      'http://localhost:3000/api/claims/china-launch/annotations#reuters-2',
    ]);
  });

  it('when emoji stand before the quote, then the positions count each emoji as one character, as the model does', () => {
    const db = makeDatabase();
    const text = '🚀🚀 Apple has chosen Alibaba 🇨🇳 as its AI partner, sources said.';
    const quote = 'Alibaba 🇨🇳 as its AI partner';
    const found = anchorQuote(text, quote);
    if (!found.found) throw new Error('the quote is in the text');
    const document = { ...db.documents[0]!, text };
    const claim = claimById(db, 'alibaba-chosen');
    const attribution = { ...claim.attributions[1]!, documentId: document.id, quote, anchor: found.anchor };
    const collection = claimAnnotations({ ...db, documents: [document] }, { ...claim, attributions: [attribution] }, { baseUrl });
    const selectors = collection.first?.items[0]?.target.selector as Array<{ type: string; start?: number; end?: number }>;
    const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
    const codePoints = [...text];
    expect(position).toEqual({ type: 'TextPositionSelector', start: 20, end: 48 });
    expect(codePoints.slice(position?.start, position?.end).join('')).toBe(quote);
  });

  it('when the page the collection calls first is asked for, then it is an AnnotationPage saying which collection it is part of', () => {
    const db = makeDatabase();
    const claim = claimById(db, 'alibaba-chosen');
    const collection = claimAnnotations(db, claim, { baseUrl });
    const page = claimAnnotationPage(db, claim, { baseUrl });
    expect(page).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: collection.first?.id,
      type: 'AnnotationPage',
      startIndex: 0,
      partOf: { id: collection.id, total: 1, label: claim.statement },
    });
    expect(page?.items).toEqual(collection.first?.items);
    expect(collection.last).toBe(collection.first?.id);
    expect(claimAnnotationPage(db, claimById(db, 'baidu-selected'), { baseUrl })).toBeUndefined();
  });
});
