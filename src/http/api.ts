import express, { type Request, type Response } from 'express';
import { addClaim, type ClockContext } from '../domain/add-claim.js';
import { addDocument, validateDocument } from '../domain/add-document.js';
import { LIMITS, claimEditSchema } from '../domain/claim-form.js';
import { validateClaim, validateNewClaim } from '../domain/claim-draft.js';
import { claimDateReading } from '../domain/dates/claim-reading.js';
import { describeResolution } from '../domain/dates/describe-resolution.js';
import { DATE_TEXT_LIMIT, resolveDate } from '../domain/dates/resolve-date.js';
import { SENTENCE_LIMIT } from '../domain/dates/sentence-direction.js';
import { changeStatus, editClaim, supersedesErrors } from '../domain/edit-claim.js';
import { addRelation, removeRelation } from '../domain/sequence/add-relation.js';
import { validateRelation, validateRelationRemoval } from '../domain/sequence/relation-form.js';
import { sourceActivity } from '../domain/source-activity.js';
import { editSource, validateSourceEdit } from '../domain/source-form.js';
import { findSource } from '../domain/sources.js';
import { validateStatusChange } from '../domain/status-form.js';
import { matchingClaims, paginate, parseTimelineQuery } from '../domain/timeline-query.js';
import type { Database, Document } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { DOCUMENT_BODY_LIMIT } from './documents.js';
import { claimJson } from './present.js';
import { withSignedInEditor } from './signed-in-editor.js';
import { lookupsOf, orderedClaims, relationConflict, sourceRoleCounts } from './per-data.js';

function missing(res: Response, what: string, id: string) {
  res.status(404).json({ error: `no ${what} with id ${JSON.stringify(id)}` });
}

/** A document in JSON: its text is long, so lists leave it out and say how long it is. */
function documentJson(doc: Document, db: Database, withText: boolean) {
  const { text, ...rest } = doc;
  return {
    ...rest,
    publisher: { id: doc.publisherId, name: db.sources.find((s) => s.id === doc.publisherId)?.name ?? doc.publisherId },
    textLength: text?.length ?? 0,
    ...(withText && text !== undefined && { text }),
  };
}

export function apiRouter(store: Store, clock: () => ClockContext, bodyLimit: string) {
  const router = express.Router();
  const json = express.json({ limit: bodyLimit, strict: true });
  const documentJsonParser = express.json({ limit: DOCUMENT_BODY_LIMIT, strict: true });
  router.use((req, res, next) => (req.method === 'POST' && req.path === '/documents' ? documentJsonParser : json)(req, res, next));

  router.get('/claims', (req: Request, res: Response) => {
    const parsed = parseTimelineQuery(req.query, clock().today);
    if (!parsed.ok) return void res.status(400).json({ errors: parsed.errors });
    const db = store.data;
    const page = paginate(matchingClaims(orderedClaims(db, parsed.value.axis), parsed.value), parsed.value);
    const lookups = lookupsOf(db);
    res.json({ claims: page.claims.map((c) => claimJson(c, lookups)), page: page.page, pages: page.pages, total: page.total });
  });

  router.get('/claims/:id', (req: Request, res: Response) => {
    const lookups = lookupsOf(store.data);
    const claim = lookups.claim(String(req.params.id));
    if (!claim) return missing(res, 'claim', String(req.params.id));
    res.json(claimJson(claim, lookups));
  });

  router.post('/claims', async (req: Request, res: Response) => {
    const context = clock();
    const checked = validateNewClaim(req.body, store.data, context.today);
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const claim = await store.update((db) => addClaim(db, checked.value.draft, context));
    res.status(201).location(`/api/claims/${encodeURIComponent(claim.id)}`).json(claimJson(claim, lookupsOf(store.data)));
  });

  router.post('/claims/:id', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!store.data.claims.some((claim) => claim.id === id)) return missing(res, 'claim', id);
    const context = clock();
    const checked = validateClaim(claimEditSchema, withSignedInEditor(req, res), store.data, context.today);
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const { form, draft } = checked.value;
    const supersedesError = supersedesErrors(store.data, id, form.supersedes);
    if (supersedesError) return void res.status(422).json({ errors: [{ field: 'supersedes', message: supersedesError }] });
    const outcome = await store.update((db) =>
      editClaim(db, id, { draft, supersedes: form.supersedes }, { editor: form.editor, reason: form.reason ?? '', revision: form.revision }, context),
    );
    const lookups = lookupsOf(store.data);
    if (outcome.kind === 'missing') return missing(res, 'claim', id);
    if (outcome.kind === 'stale') {
      return void res.status(409).json({
        error: `the claim is at revision ${outcome.current.revision}, not ${form.revision}: someone else changed it; nothing was saved`,
        current: claimJson(outcome.current, lookups),
      });
    }
    if (outcome.kind === 'conflict') {
      return void res.status(422).json({ errors: [{ field: 'date', message: `The date: ${outcome.conflict.message}` }], conflict: outcome.conflict });
    }
    res.json(claimJson(outcome.claim, lookups));
  });

  router.post('/claims/:id/relations', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const lookups = lookupsOf(store.data);
    if (!lookups.claim(id)) return missing(res, 'claim', id);
    const checked = validateRelation(withSignedInEditor(req, res), id, { ...lookups, sources: store.data.sources });
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const context = clock();
    const outcome = await store.update((db) => addRelation(db, checked.value, context, relationConflict));
    if (outcome.kind === 'missing') return missing(res, 'claim', id);
    if (outcome.kind === 'refused') return void res.status(422).json({ errors: outcome.errors, ...(outcome.conflict && { conflict: outcome.conflict }) });
    if (outcome.kind !== 'added') throw new Error(`adding a relation gave ${outcome.kind}`);
    res.status(201).json({ relation: outcome.relation });
  });

  router.delete('/claims/:id/relations/:relationId', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!lookupsOf(store.data).claim(id)) return missing(res, 'claim', id);
    const checked = validateRelationRemoval(withSignedInEditor(req, res));
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const outcome = await store.update((db) => removeRelation(db, id, String(req.params.relationId), checked.value, clock()));
    if (outcome.kind === 'missing') return missing(res, 'relation of this claim', String(req.params.relationId));
    res.status(204).end();
  });

  router.post('/claims/:id/status', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!store.data.claims.some((claim) => claim.id === id)) return missing(res, 'claim', id);
    const context = clock();
    const checked = validateStatusChange(withSignedInEditor(req, res), store.data, id, context.today);
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const claim = await store.update((db) => changeStatus(db, id, checked.value, context));
    if (!claim) return missing(res, 'claim', id);
    res.json(claimJson(claim, lookupsOf(store.data)));
  });

  router.get('/claims/:id/revisions', (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!store.data.claims.some((claim) => claim.id === id)) return missing(res, 'claim', id);
    res.json({ revisions: store.data.revisions.filter((r) => r.claimId === id).sort((a, b) => a.revision - b.revision) });
  });

  router.get('/sources', (_req: Request, res: Response) => {
    const db = store.data;
    const counts = sourceRoleCounts(db);
    res.json({
      sources: db.sources.map((source) => ({
        ...source,
        counts: counts.get(source.id) ?? { origin: 0, relay: 0, publisher: 0 },
      })),
    });
  });

  router.get('/sources/:id', (req: Request, res: Response) => {
    const db = store.data;
    const lookups = lookupsOf(db);
    const source = lookups.source(String(req.params.id));
    if (!source) return missing(res, 'source', String(req.params.id));
    const activity = sourceActivity(db, source.id);
    res.json({
      ...source,
      statusCounts: activity.statusCounts,
      documents: activity.documents.map((doc) => documentJson(doc, db, false)),
      originated: activity.originated.map((c) => claimJson(c, lookups)),
      relayed: activity.relayed.map((c) => claimJson(c, lookups)),
      published: activity.published.map((c) => claimJson(c, lookups)),
    });
  });

  router.post('/sources/:id', async (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!store.data.sources.some((source) => source.id === id)) return missing(res, 'source', id);
    const checked = validateSourceEdit(req.body);
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const source = await store.update((db) => editSource(db, id, checked.value));
    if (!source) return missing(res, 'source', id);
    res.json(source);
  });

  router.get('/documents', (_req: Request, res: Response) => {
    const db = store.data;
    res.json({ documents: db.documents.map((doc) => documentJson(doc, db, false)) });
  });

  router.get('/documents/:id', (req: Request, res: Response) => {
    const db = store.data;
    const doc = db.documents.find((d) => d.id === String(req.params.id));
    if (!doc) return missing(res, 'document', String(req.params.id));
    const anchors = db.claims.flatMap((claim) =>
      claim.attributions.flatMap((a) => (a.documentId === doc.id && a.anchor ? [{ claimId: claim.id, sourceId: a.sourceId, anchor: a.anchor }] : [])),
    );
    res.json({ ...documentJson(doc, db, true), anchors });
  });

  router.post('/documents', async (req: Request, res: Response) => {
    const context = clock();
    const checked = validateDocument(req.body, store.data, context.today);
    if (!checked.ok) return void res.status(422).json({ errors: checked.errors });
    const doc = await store.update((db) => addDocument(db, checked.value, context));
    res.status(201).location(`/api/documents/${encodeURIComponent(doc.id)}`).json(documentJson(doc, store.data, true));
  });

  router.get('/dates/parse', (req: Request, res: Response) => {
    const param = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const db = store.data;
    const text = param('text');
    const publishedAt = db.documents.find((doc) => doc.id === param('document'))?.publishedAt;
    const reference = param('reference') || publishedAt;
    if (!text.trim()) return void res.status(422).json({ message: 'give the date as text=…', examples: [] });
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
