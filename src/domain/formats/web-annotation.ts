import type { Attribution, Claim, Database } from '../types.js';
import { claimUrl } from './claim-url.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'quoting';
  created: string;
  body: Array<
    | { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'describing' }
    | { id: string; type: 'Text'; format: 'text/html'; purpose: 'linking' }
  >;
  target: { source: string; selector: Selector | Selector[] };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/**
 * A claim's quotes as a W3C Web Annotation collection (one page holding them all): one `quoting` annotation per
 * attribution whose quote sits in a known document, targeting the words in that document by TextQuoteSelector
 * (the stored anchor's exact/prefix/suffix, or the bare quote when it was never anchored), with the claim's
 * statement and page as bodies. Anchored quotes add a TextPositionSelector; its offsets count in the text Claimline
 * stored, which may differ from the live page, so readers should prefer the quote selector.
 * @example claimAnnotations(db, claim, { baseUrl: 'http://localhost:3000' }).first?.items[0].target.selector
 */
export function claimAnnotations(db: Database, claim: Claim, options: { baseUrl: string }): AnnotationCollection {
  const page = claimUrl(options.baseUrl, claim.id);
  const collectionId = `${options.baseUrl.replace(/\/+$/, '')}/api/claims/${encodeURIComponent(claim.id)}/annotations`;
  const documents = new Map(db.documents.map((document) => [document.id, document]));
  const usedIds = new Map<string, number>();
  const items = claim.attributions.flatMap((attribution): Annotation[] => {
    const document = attribution.documentId ? documents.get(attribution.documentId) : undefined;
    const exact = attribution.anchor?.exact ?? attribution.quote;
    if (!document || !exact) return [];
    return [
      {
        id: `${collectionId}#${annotationKey(attribution, usedIds)}`,
        type: 'Annotation',
        motivation: 'quoting',
        created: claim.createdAt,
        body: [
          { type: 'TextualBody', value: claim.statement, format: 'text/plain', purpose: 'describing' },
          { id: page, type: 'Text', format: 'text/html', purpose: 'linking' },
        ],
        target: { source: document.url, selector: selectorsFor(attribution, exact) },
      },
    ];
  });
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: claim.statement,
    total: items.length,
  };
  if (items.length > 0) collection.first = { id: `${collectionId}?page=0`, type: 'AnnotationPage', startIndex: 0, items };
  return collection;
}

/** Attributions carry no id of their own; the source (numbered when it quotes twice) keeps each fragment distinct and readable. */
function annotationKey(attribution: Attribution, used: Map<string, number>): string {
  const base = encodeURIComponent(attribution.sourceId);
  const count = (used.get(base) ?? 0) + 1;
  used.set(base, count);
  return count === 1 ? base : `${base}-${count}`;
}

function selectorsFor(attribution: Attribution, exact: string): Selector | Selector[] {
  const anchor = attribution.anchor;
  if (!anchor) return { type: 'TextQuoteSelector', exact };
  const quote: Selector = { type: 'TextQuoteSelector', exact };
  if (anchor.prefix) quote.prefix = anchor.prefix;
  if (anchor.suffix) quote.suffix = anchor.suffix;
  return [quote, { type: 'TextPositionSelector', start: anchor.start, end: anchor.end }];
}
