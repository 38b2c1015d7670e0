import type { Attribution, Claim, Database, Document } from '../types.js';
import { claimUrl } from './claim-url.js';
import { codePointOffset } from './code-point-offset.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Why the annotations are made, in the model's own words (https://www.w3.org/TR/annotation-vocab/#named-individuals):
 * each describes the quoted passage with the claim it supports.
 */
export const ANNOTATION_MOTIVATION = 'describing';

export type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export type AnnotationBody =
  | { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'describing' }
  | { type: 'SpecificResource'; source: { id: string; type: 'Text'; format: 'text/html' }; purpose: 'linking' };

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: typeof ANNOTATION_MOTIVATION;
  created: string;
  body: AnnotationBody[];
  target: { source: string; selector: Selector | Selector[] };
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection the page belongs to; given on the page served at its own id. */
  partOf?: { id: string; total: number; label: string };
  startIndex: 0;
  items: Annotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: AnnotationPage;
  last?: string;
}

/**
 * A claim's quotes as a W3C Web Annotation collection, all in one page: one annotation per attribution whose quote
 * sits in a known document, targeting the words in that document by TextQuoteSelector (the stored anchor's
 * exact/prefix/suffix, or the bare quote when it was never anchored), described by the claim's statement and linked
 * to its page through a SpecificResource. Anchored quotes add a TextPositionSelector counted in Unicode code points,
 * as the model counts characters, in the text Claimline stored, which may differ from the live page, so readers
 * should prefer the quote selector.
 * @example claimAnnotations(db, claim, { baseUrl: 'http://localhost:3000' }).first?.items[0].target.selector
 */
export function claimAnnotations(db: Pick<Database, 'documents'>, claim: Claim, options: { baseUrl: string }): AnnotationCollection {
  const collectionId = annotationsUrl(options.baseUrl, claim.id);
  const items = annotationsOf(db, claim, options.baseUrl);
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: claim.statement,
    total: items.length,
  };
  if (items.length > 0) {
    collection.first = { id: pageId(collectionId), type: 'AnnotationPage', startIndex: 0, items };
    collection.last = pageId(collectionId);
  }
  return collection;
}

/**
 * The one page of a claim's annotation collection, as served at the id its `first` gives: an AnnotationPage that
 * says which collection it is part of. Undefined when the claim has no annotations, so no page.
 * @example claimAnnotationPage(db, claim, { baseUrl: 'http://localhost:3000' })?.partOf?.id //=> 'http://localhost:3000/api/claims/x/annotations'
 */
export function claimAnnotationPage(
  db: Pick<Database, 'documents'>,
  claim: Claim,
  options: { baseUrl: string },
): ({ '@context': typeof ANNOTATION_CONTEXT } & AnnotationPage) | undefined {
  const collection = claimAnnotations(db, claim, options);
  if (!collection.first) return undefined;
  return {
    '@context': ANNOTATION_CONTEXT,
    ...collection.first,
    partOf: { id: collection.id, total: collection.total, label: collection.label },
  };
}

function annotationsUrl(baseUrl: string, claimId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/claims/${encodeURIComponent(claimId)}/annotations`;
}

const pageId = (collectionId: string): string => `${collectionId}?page=0`;

function annotationsOf(db: Pick<Database, 'documents'>, claim: Claim, baseUrl: string): Annotation[] {
  const page = claimUrl(baseUrl, claim.id);
  const collectionId = annotationsUrl(baseUrl, claim.id);
  const documents = new Map(db.documents.map((document) => [document.id, document]));
  const usedIds = new Map<string, number>();
  return claim.attributions.flatMap((attribution): Annotation[] => {
    const document = attribution.documentId ? documents.get(attribution.documentId) : undefined;
    const exact = attribution.anchor?.exact ?? attribution.quote;
    if (!document || !exact) return [];
    return [
      {
        id: `${collectionId}#${annotationKey(attribution, usedIds)}`,
        type: 'Annotation',
        motivation: ANNOTATION_MOTIVATION,
        created: claim.createdAt,
        body: [
          { type: 'TextualBody', value: claim.statement, format: 'text/plain', purpose: 'describing' },
          { type: 'SpecificResource', source: { id: page, type: 'Text', format: 'text/html' }, purpose: 'linking' },
        ],
        target: { source: document.url, selector: selectorsFor(attribution, exact, document) },
      },
    ];
  });
}

/** Attributions carry no id of their own; the source (numbered when it quotes twice) keeps each fragment distinct and readable. */
function annotationKey(attribution: Attribution, used: Map<string, number>): string {
  const base = encodeURIComponent(attribution.sourceId);
  const count = (used.get(base) ?? 0) + 1;
  used.set(base, count);
  return count === 1 ? base : `${base}-${count}`;
}

function selectorsFor(attribution: Attribution, exact: string, document: Document): Selector | Selector[] {
  const anchor = attribution.anchor;
  if (!anchor) return { type: 'TextQuoteSelector', exact };
  const quote: Selector = { type: 'TextQuoteSelector', exact };
  if (anchor.prefix) quote.prefix = anchor.prefix;
  if (anchor.suffix) quote.suffix = anchor.suffix;
  const text = document.text ?? '';
  // Anchors count UTF-16 code units, as JavaScript strings do; the model counts code points.
  return [quote, { type: 'TextPositionSelector', start: codePointOffset(text, anchor.start), end: codePointOffset(text, anchor.end) }];
}
