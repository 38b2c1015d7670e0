import express, { type Request, type Response } from 'express';
import { addClaimCommand, changeStatusCommand, editClaimCommand } from '../app/claims.js';
import { addDocumentCommand } from '../app/documents.js';
import { acceptProposalsCommand, documentProposalsCommand, extractCommand } from '../app/readings.js';
import { addRelationCommand, removeRelationCommand } from '../app/relations.js';
import { editSourceCommand } from '../app/sources.js';
import { archiveStoryCommand, createStoryCommand, moveClaimCommand } from '../app/stories.js';
import type { ClockContext } from '../domain/add-claim.js';
import { LIMITS } from '../domain/claim-form.js';
import { claimDateReading } from '../domain/dates/claim-reading.js';
import { describeResolution } from '../domain/dates/describe-resolution.js';
import { DATE_TEXT_LIMIT, resolveDate } from '../domain/dates/resolve-date.js';
import { SENTENCE_LIMIT } from '../domain/dates/sentence-direction.js';
import type { Lookups } from '../domain/lookups.js';
import { findSource } from '../domain/sources.js';
import { parseTimelineQuery } from '../domain/timeline-query.js';
import type { Document } from '../domain/types.js';
import type { ArticleReader } from '../reading/article-reader.js';
import type { Store } from '../store/store.js';
import { DOCUMENT_BODY_LIMIT } from './documents.js';
import { claimJson, storyJson } from './present.js';
import { withSignedInEditor } from './signed-in-editor.js';

function missing(res: Response, what: string, id: string) {
  res.status(404).json({ error: `no ${what} with id ${JSON.stringify(id)}` });
}

/** A document in JSON: its text is long, so lists leave it out and say how long it is. */
function documentJson(doc: Document, lookups: Lookups, withText: boolean, textLength = doc.text?.length ?? 0) {
  const { text, ...rest } = doc;
  return {
    ...rest,
    publisher: { id: doc.publisherId, name: lookups.source(doc.publisherId)?.name ?? doc.publisherId },
    textLength,
    ...(withText && text !== undefined && { text }),
  };
}

/** What a reading found, in the shape `POST /api/extract` answers with: the document's fields as read, the proposals and their order. */
function readingJson(document: { title: string | null; publisher: string | null; publishedAt: string | null; credit: string | null; text: string }, proposals: unknown[], relations: unknown[]) {
  const { title, publisher, publishedAt, credit, text } = document;
  return { document: { title, publisher, publishedAt, credit, text }, proposals, relations };
}

/** A saved page sent as JSON text is larger than the page (escapes); the page itself is limited by the reader. */
const EXTRACT_BODY_LIMIT = '3mb';
/** A hundred proposals of a few kB each. */
const ACCEPT_BODY_LIMIT = '1mb';

export function apiRouter(store: Store, clock: () => ClockContext, bodyLimit: string, reader: ArticleReader) {
  const router = express.Router();
  const json = express.json({ limit: bodyLimit, strict: true });
  const documentJsonParser = express.json({ limit: DOCUMENT_BODY_LIMIT, strict: true });
  const extractJsonParser = express.json({ limit: EXTRACT_BODY_LIMIT, strict: true });
  const acceptJsonParser = express.json({ limit: ACCEPT_BODY_LIMIT, strict: true });
  const parserFor = (req: Request) => {
    if (req.method !== 'POST') return json;
    if (req.path === '/documents') return documentJsonParser;
    if (req.path === '/extract') return extractJsonParser;
    return /^\/documents\/[^/]+\/proposals\/accept$/.test(req.path) ? acceptJsonParser : json;
  };
  router.use((req, res, next) => parserFor(req)(req, res, next));

  /** One page of claims a timeline query selects, within one story or all of them. */
  async function claimsPage(req: Request, res: Response, storyId?: string) {
    const parsed = parseTimelineQuery(req.query, clock().today);
    if (!parsed.ok) return void res.status(400).json({ errors: parsed.errors });
    const query = { ...parsed.value, ...(storyId && { storyId }) };
    const page = await (await store.read()).timeline(query);
    const pages = Math.max(1, Math.ceil(page.total / query.limit));
    res.json({ claims: page.claims.map((c) => claimJson(c, page.lookups)), page: query.page, pages, total: page.total });
  }

  router.get('/stories', async (_req: Request, res: Response) => {
    const summaries = await (await store.read()).stories();
    res.json({ stories: summaries.map(storyJson) });
  });

  router.post('/stories', async (req: Request, res: Response) => {
    const outcome = await createStoryCommand(store, req.body, clock());
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    res.status(201).location(`/api/stories/${encodeURIComponent(outcome.story.slug)}`).json({ story: outcome.story });
  });

  router.get('/stories/:slug', async (req: Request, res: Response) => {
    const story = await (await store.read()).story(String(req.params.slug));
    if (!story) return missing(res, 'story', String(req.params.slug));
    res.json({ story });
  });

  /** `{"archived": true}` archives the story (read-only, off the list of stories); `false` brings it back. */
  router.post('/stories/:slug/archive', async (req: Request, res: Response) => {
    const story = await (await store.read()).story(String(req.params.slug));
    if (!story) return missing(res, 'story', String(req.params.slug));
    const archived = (req.body as { archived?: unknown } | undefined)?.archived ?? true;
    if (typeof archived !== 'boolean') return void res.status(422).json({ errors: [{ field: 'archived', message: 'archived: true to archive the story, false to bring it back' }] });
    const changed = await archiveStoryCommand(store, story.id, archived, clock());
    res.json({ story: changed ?? story });
  });

  router.get('/stories/:slug/claims', async (req: Request, res: Response) => {
    const story = await (await store.read()).story(String(req.params.slug));
    if (!story) return missing(res, 'story', String(req.params.slug));
    await claimsPage(req, res, story.id);
  });

  router.get('/claims', (req: Request, res: Response) => claimsPage(req, res));

  router.get('/claims/:id', async (req: Request, res: Response) => {
    const page = await (await store.read()).claim(String(req.params.id));
    if (!page) return missing(res, 'claim', String(req.params.id));
    res.json(claimJson(page.claim, page.lookups));
  });

  router.post('/claims', async (req: Request, res: Response) => {
    const outcome = await addClaimCommand(store, req.body, clock());
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    const page = await (await store.read()).claim(outcome.claim.id);
    res.status(201).location(`/api/claims/${encodeURIComponent(outcome.claim.id)}`).json(page ? claimJson(page.claim, page.lookups) : outcome.claim);
  });

  router.post('/claims/:id', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await editClaimCommand(store, id, withSignedInEditor(req, res), clock());
    if (outcome.kind === 'missing') return missing(res, 'claim', id);
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    if (outcome.kind === 'conflict') {
      return void res.status(422).json({ errors: [{ field: 'date', message: `The date: ${outcome.conflict.message}` }], conflict: outcome.conflict });
    }
    const page = await (await store.read()).claim(id);
    if (outcome.kind === 'stale') {
      return void res.status(409).json({
        error: `the claim is at revision ${outcome.current.revision}, not ${outcome.revision}: someone else changed it; nothing was saved`,
        current: page ? claimJson(page.claim, page.lookups) : outcome.current,
      });
    }
    res.json(page ? claimJson(page.claim, page.lookups) : outcome.claim);
  });

  router.post('/claims/:id/relations', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await addRelationCommand(store, id, withSignedInEditor(req, res), clock());
    if (outcome.kind === 'missing') return missing(res, 'claim', id);
    if (outcome.kind === 'refused') return void res.status(422).json({ errors: outcome.errors, ...(outcome.conflict && { conflict: outcome.conflict }) });
    if (outcome.kind !== 'added') throw new Error(`adding a relation gave ${outcome.kind}`);
    res.status(201).json({ relation: outcome.relation });
  });

  router.delete('/claims/:id/relations/:relationId', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await removeRelationCommand(store, id, String(req.params.relationId), withSignedInEditor(req, res), clock());
    if (outcome.kind === 'refused') return void res.status(422).json({ errors: outcome.errors });
    if (outcome.kind === 'missing') return missing(res, 'relation of this claim', String(req.params.relationId));
    res.status(204).end();
  });

  router.post('/claims/:id/move', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await moveClaimCommand(store, id, withSignedInEditor(req, res), clock());
    if (outcome.kind === 'missing') return missing(res, 'claim', id);
    if (outcome.kind === 'refused') return void res.status(422).json({ errors: outcome.errors });
    const page = await (await store.read()).claim(id);
    res.json({ moved: outcome.claims.map((claim) => claim.id), claim: page ? claimJson(page.claim, page.lookups) : undefined });
  });

  router.post('/claims/:id/status', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await changeStatusCommand(store, id, withSignedInEditor(req, res), clock());
    if (outcome.kind === 'missing') return missing(res, 'claim', id);
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    const page = await (await store.read()).claim(id);
    res.json(page ? claimJson(page.claim, page.lookups) : outcome.claim);
  });

  router.get('/claims/:id/revisions', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const view = await store.read();
    if (!(await view.claim(id))) return missing(res, 'claim', id);
    res.json({ revisions: await view.revisions(id) });
  });

  router.get('/sources', async (_req: Request, res: Response) => {
    const sources = await (await store.read()).sources();
    res.json({ sources: sources.map(({ source, counts }) => ({ ...source, counts })) });
  });

  router.get('/sources/:id', async (req: Request, res: Response) => {
    const page = await (await store.read()).source(String(req.params.id), Number.MAX_SAFE_INTEGER);
    if (!page) return missing(res, 'source', String(req.params.id));
    const claimsOf = (role: 'origin' | 'relay' | 'publisher') => page.stories.flatMap((entry) => entry.latest[role]).map((c) => claimJson(c, page.lookups));
    res.json({
      ...page.source,
      statusCounts: page.statusCounts,
      counts: page.counts,
      stories: page.stories.map((entry) => ({ story: { slug: entry.story.slug, title: entry.story.title }, counts: entry.counts })),
      documents: page.documents.map((doc) => documentJson(doc, page.lookups, false)),
      originated: claimsOf('origin'),
      relayed: claimsOf('relay'),
      published: claimsOf('publisher'),
    });
  });

  router.post('/sources/:id', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await editSourceCommand(store, id, req.body);
    if (outcome.kind === 'missing') return missing(res, 'source', id);
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    res.json(outcome.source);
  });

  router.get('/documents', async (_req: Request, res: Response) => {
    const view = await store.read();
    const [documents, sources] = [await view.documents(), await view.sources()];
    const names = new Map(sources.map(({ source }) => [source.id, source.name]));
    res.json({
      documents: documents.map(({ document, textLength }) => ({
        ...document,
        publisher: { id: document.publisherId, name: names.get(document.publisherId) ?? document.publisherId },
        textLength,
      })),
    });
  });

  router.get('/documents/:id', async (req: Request, res: Response) => {
    const page = await (await store.read()).document(String(req.params.id));
    if (!page) return missing(res, 'document', String(req.params.id));
    res.json({ ...documentJson(page.document, page.lookups, true), anchors: page.anchors });
  });

  router.post('/documents', async (req: Request, res: Response) => {
    const outcome = await addDocumentCommand(store, req.body, clock());
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    const page = await (await store.read()).document(outcome.document.id);
    const body = page ? documentJson(page.document, page.lookups, true) : outcome.document;
    res.status(201).location(`/api/documents/${encodeURIComponent(outcome.document.id)}`).json(body);
  });

  router.post('/extract', async (req: Request, res: Response) => {
    const outcome = await extractCommand(store, reader, req.body, clock().today);
    if (outcome.kind === 'too-large') return void res.status(413).json({ error: outcome.message });
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors });
    res.json(readingJson(outcome.reading.document, outcome.reading.proposals, outcome.reading.relations));
  });

  router.post('/documents/:id/proposals', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await documentProposalsCommand(store, reader, id, clock().today);
    if (outcome.kind === 'missing') return missing(res, 'document', id);
    if (outcome.kind === 'unreadable') return void res.status(422).json({ errors: [{ field: 'text', message: outcome.message }] });
    const { document, publisher, proposals, relations } = outcome;
    res.json(readingJson({ title: document.title, publisher, publishedAt: document.publishedAt, credit: document.credit ?? null, text: document.text ?? '' }, proposals, relations));
  });

  router.post('/documents/:id/proposals/accept', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const outcome = await acceptProposalsCommand(store, reader, id, withSignedInEditor(req, res), clock());
    if (outcome.kind === 'missing') return missing(res, 'document', id);
    if (outcome.kind === 'invalid') return void res.status(422).json({ errors: outcome.errors, ...(outcome.conflict && { conflict: outcome.conflict }) });
    const view = await store.read();
    const claims = await Promise.all(outcome.claims.map(async (claim) => {
      const page = await view.claim(claim.id);
      return page ? claimJson(page.claim, page.lookups) : claim;
    }));
    res.status(201).json({ claims, relations: outcome.relations });
  });

  router.get('/dates/parse', async (req: Request, res: Response) => {
    const param = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const text = param('text');
    if (!text.trim()) return void res.status(422).json({ message: 'give the date as text=…', examples: [] });
    const db = await store.load({ documents: param('document') ? [param('document')] : [] });
    const reference = param('reference') || db.documents.find((doc) => doc.id === param('document'))?.publishedAt;
    // Read as the claim form reads it: in its quote (or statement), with its actors' or source's fiscal calendar.
    const origin = param('source') ? findSource(db.sources, param('source')) : undefined;
    const actors = param('actors').split(',').map((name) => name.trim()).filter(Boolean).slice(0, LIMITS.listItems);
    const reading = claimDateReading({ quote: param('sentence').slice(0, SENTENCE_LIMIT), actors, originSourceId: origin?.id }, db.sources);
    const result = resolveDate(text.slice(0, DATE_TEXT_LIMIT), { today: clock().today, ...(reference && { reference }), ...reading });
    if (!result.ok) return void res.status(422).json(result);
    res.json({ date: result.date, description: describeResolution(result.date) });
  });

  return router;
}
