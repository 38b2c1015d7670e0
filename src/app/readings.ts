import type { ClockContext } from '../domain/add-claim.js';
import { publicationDay } from '../domain/add-document.js';
import { LIMITS } from '../domain/claim-form.js';
import { AcceptanceRefusedError, acceptProposals } from '../domain/extract/accept-proposals.js';
import { validateAcceptance } from '../domain/extract/acceptance-form.js';
import { trackedBy } from '../domain/extract/already-tracked.js';
import { extractSchema } from '../domain/extract/extract-form.js';
import type { ClaimProposal, ProposedRelation } from '../domain/extract/types.js';
import type { SequenceConflict } from '../domain/sequence/conflict.js';
import type { Claim, Document, Relation, Story } from '../domain/types.js';
import { fieldErrors, type FieldError } from '../domain/validation.js';
import { PageTooLargeError, ReadTimeoutError, type ArticleReader } from '../reading/article-reader.js';
import type { ReadArticle } from '../reading/read-article.js';
import type { Store } from '../store/store.js';

/** What a reading found for the person to check: the document's fields as read, and the claims it proposes. */
export interface ArticleReading {
  document: { title: string | null; publisher: string | null; publishedAt: string | null; credit: string | null; url: string | null; text: string };
  proposals: ClaimProposal[];
  relations: ProposedRelation[];
}

/** What is read: pasted text, a saved page as uploaded (bytes, and the charset the upload declared), or a page's HTML. */
export type ArticleSource = { text: string } | { page: Uint8Array; charset: string | null } | { html: string };

export type ReadOutcome =
  | { kind: 'read'; reading: ArticleReading }
  /** Nothing to read, or nothing that reads as an article: the field says which input. */
  | { kind: 'invalid'; errors: FieldError[] }
  /** The upload is larger than the reader takes. */
  | { kind: 'too-large'; message: string };

/** Where a problem with the source is reported: the field the person gave it in. */
const sourceField = (source: ArticleSource) => ('text' in source ? 'text' : 'page' in source ? 'page' : 'html');

/** The source as an article, or why it cannot be read: too large (413), or too tangled to read in time. */
async function readSource(reader: ArticleReader, source: ArticleSource, today: string): Promise<ReadArticle | Exclude<ReadOutcome, { kind: 'read' }>> {
  try {
    if ('text' in source) return await reader.readText(source.text, { today });
    const bytes = 'page' in source ? source.page : new TextEncoder().encode(source.html);
    return await reader.readPage(bytes, 'page' in source ? source.charset : 'utf-8', { today });
  } catch (error) {
    if (error instanceof PageTooLargeError) return { kind: 'too-large', message: error.message };
    if (error instanceof ReadTimeoutError) return { kind: 'invalid', errors: [{ field: sourceField(source), message: `${error.message}: the page is too large or too tangled to read` }] };
    throw error;
  }
}

/** Quotes of the claims stored from a document: a proposal quoting the same passage is already tracked. */
async function trackedQuotes(store: Store, documentId: string | undefined): Promise<string[]> {
  if (!documentId) return [];
  const page = await (await store.read()).document(documentId);
  return page ? page.anchors.map(({ anchor }) => anchor.exact) : [];
}

/**
 * Reads an article and proposes its claims; stores nothing. Fields given (`given`) win over what the page says,
 * and the publication day they give is what relative dates are read against. When a stored document has the
 * article's URL, proposals quoting what its claims quote are marked already tracked.
 */
export async function readArticleCommand(
  store: Store,
  reader: ArticleReader,
  source: ArticleSource,
  given: { title?: string; publisher?: string; publishedAt?: string; credit?: string; url?: string },
  today: string,
): Promise<ReadOutcome> {
  const read = await readSource(reader, source, today);
  if ('kind' in read) return read;
  const document = {
    title: given.title ?? read.title,
    publisher: given.publisher ?? read.publisher,
    publishedAt: given.publishedAt ?? read.publishedAt,
    credit: given.credit ?? read.credit,
    url: given.url ?? read.url,
    text: read.text,
  };
  const stored = document.url ? (await store.load({ documentIds: { urls: [document.url] } })).documents.find((doc) => doc.url === document.url) : undefined;
  const outcome = await reader.proposeClaims(
    { text: document.text, publishedAt: document.publishedAt, publisher: document.publisher, credit: document.credit, title: document.title },
    { today, trackedQuotes: await trackedQuotes(store, stored?.id) },
  );
  if (!outcome.ok) return { kind: 'invalid', errors: [{ field: sourceField(source), message: outcome.message }] };
  return { kind: 'read', reading: { document, proposals: outcome.proposals, relations: outcome.relations } };
}

/** `POST /api/extract`: the body checked by its schema, then read as `readArticleCommand` reads. */
export async function extractCommand(store: Store, reader: ArticleReader, body: unknown, today: string): Promise<ReadOutcome> {
  const parsed = extractSchema.safeParse(body ?? {});
  if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error) };
  const { text, html, publishedAt, ...given } = parsed.data;
  let day: string | undefined;
  if (publishedAt !== undefined) {
    const published = publicationDay(publishedAt, today);
    if (!published.ok) return { kind: 'invalid', errors: [{ field: 'publishedAt', message: published.message }] };
    day = published.day;
  }
  const source: ArticleSource = html !== undefined ? { html } : { text: text ?? '' };
  return readArticleCommand(store, reader, source, { ...given, ...(day && { publishedAt: day }) }, today);
}

/**
 * Proposals offered at once for a stored document: more than a 2,000-word article gives, and few enough that their
 * editable page renders in a few tens of milliseconds. The rest are offered once these are kept or skipped.
 */
export const OFFER_LIMIT = 50;

export type DocumentProposalsOutcome =
  | {
      kind: 'proposed';
      document: Document;
      story: Story;
      publisher: string;
      proposals: ClaimProposal[];
      relations: ProposedRelation[];
      /** Proposals past the first OFFER_LIMIT, offered once these are kept or skipped. */
      more: number;
    }
  | { kind: 'missing' }
  | { kind: 'unreadable'; document: Document; story: Story; message: string };

/**
 * Proposes the claims of a stored document: proposals a person skipped before are not offered again, and those
 * whose quote a stored claim of the document already quotes are marked. At most OFFER_LIMIT are offered at once.
 */
export async function documentProposalsCommand(store: Store, reader: ArticleReader, id: string, today: string): Promise<DocumentProposalsOutcome> {
  const page = await (await store.read()).document(id);
  if (!page) return { kind: 'missing' };
  const { document, story } = page;
  const publisher = page.lookups.source(document.publisherId)?.name ?? document.publisherId;
  const outcome = await reader.proposeClaims(
    { text: document.text ?? '', publishedAt: document.publishedAt, publisher, credit: document.credit ?? null, title: document.title },
    { today, trackedQuotes: page.anchors.map(({ anchor }) => anchor.exact) },
  );
  if (!outcome.ok) return { kind: 'unreadable', document, story, message: outcome.message };
  const skipped = new Set(document.skippedQuotes ?? []);
  const offered = outcome.proposals.flatMap((proposal, index) => (skipped.has(proposal.quote) ? [] : [{ proposal, index }]));
  const shown = offered.slice(0, OFFER_LIMIT);
  const position = new Map(shown.map(({ index }, at) => [index, at]));
  const relations = outcome.relations.flatMap((relation) => {
    const [from, to] = [position.get(relation.from), position.get(relation.to)];
    return from === undefined || to === undefined ? [] : [{ ...relation, from, to }];
  });
  return { kind: 'proposed', document, story, publisher, proposals: shown.map(({ proposal }) => proposal), relations, more: offered.length - shown.length };
}

export type AcceptOutcome =
  | { kind: 'accepted'; claims: Claim[]; relations: Relation[]; story: Story; document: Document }
  | { kind: 'missing' }
  | { kind: 'invalid'; errors: FieldError[]; conflict?: SequenceConflict };

/**
 * Stores the proposals a person kept from a reading of document `id`, all or nothing (see acceptProposals). The
 * proposals offered now and not kept (nor already tracked) are remembered as skipped: the document is read again
 * for them, so a script need only send what it keeps.
 */
export async function acceptProposalsCommand(store: Store, reader: ArticleReader, id: string, body: unknown, context: ClockContext): Promise<AcceptOutcome> {
  const scope = { documents: [id] };
  const records = await store.load(scope);
  const document = records.documents.find((doc) => doc.id === id);
  const story = document && records.stories.find((candidate) => candidate.id === document.storyId);
  if (!document || !story) return { kind: 'missing' };
  if (story.archivedAt) return { kind: 'invalid', errors: [{ field: 'story', message: `“${story.title}” is archived, so it takes nothing new` }] };
  // setImmediate, not a microtask: the other requests' I/O only runs once this turn of the event loop ends.
  const checked = await validateAcceptance(body, records, document, context.today, () => new Promise((resolve) => setImmediate(resolve)));
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const offered = await documentProposalsCommand(store, reader, id, context.today);
  const kept = trackedBy(checked.value.claims.map(({ draft }) => draft.quote ?? ''));
  const skipped =
    offered.kind === 'proposed'
      ? offered.proposals.filter((p) => !p.alreadyTracked && !kept(p.quote) && p.quote.length <= LIMITS.quote).map((p) => p.quote)
      : [];
  try {
    const stored = await store.update(scope, (db) => acceptProposals(db, id, checked.value, skipped, context, store.checkRelation));
    return { kind: 'accepted', ...stored, story, document };
  } catch (error) {
    if (error instanceof AcceptanceRefusedError) return { kind: 'invalid', errors: error.errors, ...(error.conflict && { conflict: error.conflict }) };
    throw error;
  }
}
