import type { Claim, Database, Document, Source } from '../types.js';
import { claimUrl } from './claim-url.js';

type JsonLdNode = Record<string, unknown>;

const RATINGS = {
  confirmed: { ratingValue: 5, alternateName: 'Confirmed' },
  denied: { ratingValue: 1, alternateName: 'Denied' },
} as const;

/**
 * A claim as schema.org JSON-LD, for its page: a `Claim` (its text, when it was first claimed, the sources it
 * originated with as authors, and every document it appears in, earliest as `firstAppearance`), and, once the
 * claim is confirmed or denied, a `ClaimReview` rating it 5 or 1 out of 5 on behalf of Claimline. Each source and
 * each document is one node of the graph with an `@id` (the source's page here, the document's own URL), and
 * everything else refers to it by that id, so a publisher cited by two documents is still one node.
 * @example claimJsonLd(db, claim, { baseUrl: 'http://localhost:3000' })['@graph'][0]['@type'] //=> 'Claim'
 */
export function claimJsonLd(
  db: Pick<Database, 'sources' | 'documents'>,
  claim: Claim,
  options: { baseUrl: string },
): { '@context': 'https://schema.org'; '@graph': JsonLdNode[] } {
  const sources = new Map(db.sources.map((source) => [source.id, source]));
  const home = options.baseUrl.replace(/\/+$/, '');
  const url = claimUrl(options.baseUrl, claim.id);
  const sourceId = (source: Source): string => `${home}/sources/${encodeURIComponent(source.id)}`;
  const ref = (id: string): JsonLdNode => ({ '@id': id });
  const authors = unique(claim.attributions.filter((a) => a.role === 'origin').map((a) => a.sourceId)).flatMap((id) => sources.get(id) ?? []);
  const documentIds = unique(claim.attributions.flatMap((a) => a.documentId ?? []));
  const documents = db.documents
    .filter((document) => documentIds.includes(document.id))
    .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
  const publishers = documents.flatMap((document) => sources.get(document.publisherId) ?? []);
  const parties = [...new Map([...authors, ...publishers].map((source) => [source.id, source])).values()];

  const claimNode: JsonLdNode = { '@type': 'Claim', '@id': url, url, text: claim.statement, datePublished: claim.claimedAt.start };
  if (authors.length > 0) claimNode.author = authors.map((source) => ref(sourceId(source)));
  if (documents.length > 0) {
    claimNode.appearance = documents.map((document) => ref(document.url));
    claimNode.firstAppearance = ref((documents[0] as Document).url);
  }
  const nodes: JsonLdNode[] = [
    claimNode,
    ...documents.map((document) => {
      const publisher = sources.get(document.publisherId);
      return creativeWork(document, publisher && ref(sourceId(publisher)));
    }),
    ...parties.map((source) => party(source, sourceId(source))),
  ];
  if (claim.status !== 'confirmed' && claim.status !== 'denied') {
    return { '@context': 'https://schema.org', '@graph': nodes };
  }
  const decided = claim.statusHistory.filter((change) => change.status === claim.status).at(-1);
  const review: JsonLdNode = {
    '@type': 'ClaimReview',
    '@id': `${url}#review`,
    url,
    claimReviewed: claim.statement,
    // Embedded rather than referenced by @id: not every structured-data reader resolves references.
    itemReviewed: claimNode,
    reviewRating: { '@type': 'Rating', bestRating: 5, worstRating: 1, ...RATINGS[claim.status] },
    author: { '@type': 'Organization', name: 'Claimline', url: options.baseUrl },
    datePublished: decided?.on ?? claim.updatedAt.slice(0, 10),
  };
  return { '@context': 'https://schema.org', '@graph': [claimNode, review, ...nodes.slice(1)] };
}

function party(source: Source, id: string): JsonLdNode {
  const node: JsonLdNode = { '@type': source.kind === 'person' ? 'Person' : 'Organization', '@id': id, name: source.name };
  if (source.url) node.url = source.url;
  return node;
}

function creativeWork(document: Document, publisher: JsonLdNode | undefined): JsonLdNode {
  const node: JsonLdNode = {
    '@type': 'CreativeWork',
    '@id': document.url,
    url: document.url,
    headline: document.title,
    datePublished: document.publishedAt,
  };
  if (publisher) node.publisher = publisher;
  return node;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&` and the line separators U+2028/U+2029
 * become \u escapes, which JSON reads back as the same characters but HTML can never take for `</script>` or a
 * comment opener.
 * @example jsonLdScript({ text: '</script>' }) //=> '{"text":"\\u003c/script\\u003e"}'
 */
export function jsonLdScript(value: object): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
