import express, { type Request, type Response } from 'express';
import { highlightSegments } from '../domain/anchor.js';
import type { ClockContext } from '../domain/add-claim.js';
import { addDocumentCommand } from '../app/documents.js';
import { DOCUMENT_FORM_FIELDS } from '../domain/add-document.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { storyView } from './claims.js';
import { claimHref, dayLabel, sourceHref, storyHref } from './present.js';

/** Pasted articles are long: the document form gets a larger body limit than other forms. */
export const DOCUMENT_BODY_LIMIT = '512kb';

export const documentHref = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function documentRoutes(store: Store, clock: () => ClockContext) {
  async function renderNew(res: Response, status: number, values: Record<string, string>, errors: FieldError[]) {
    const view = await store.read();
    const [stories, sources] = [await view.stories(), await view.sources()];
    res.status(status).render('documents/new', {
      title: 'Add a document',
      values,
      errors,
      fieldErrors: errorsByField(errors),
      stories: stories.map(({ story }) => ({ value: story.slug, label: story.title })),
      sourceNames: sources.map(({ source }) => source.name),
    });
  }

  return {
    async list(req: Request, res: Response) {
      const view = await store.read();
      const story = typeof req.query.story === 'string' ? await view.story(req.query.story) : undefined;
      const [documents, sources] = [await view.documents(story?.id), await view.sources()];
      const names = new Map(sources.map(({ source: s }) => [s.id, s.name]));
      res.render('documents/index', {
        title: story ? `Documents: ${story.title}` : 'Documents',
        story: story && { title: story.title, href: storyHref(story.slug), addHref: `/documents/new?story=${encodeURIComponent(story.slug)}` },
        documents: documents.map(({ document: doc, claims }) => ({
          title: doc.title,
          href: documentHref(doc.id),
          publishedAt: dayLabel(doc.publishedAt),
          publisher: { name: names.get(doc.publisherId) ?? doc.publisherId, href: sourceHref(doc.publisherId) },
          claims,
        })),
      });
    },

    async newForm(req: Request, res: Response) {
      const story = typeof req.query.story === 'string' ? req.query.story : '';
      await renderNew(res, 200, story ? { story } : {}, []);
    },

    async create(req: Request, res: Response) {
      const outcome = await addDocumentCommand(store, req.body, clock());
      if (outcome.kind === 'invalid') return renderNew(res, 422, formValues(req.body, DOCUMENT_FORM_FIELDS), outcome.errors);
      res.redirect(303, documentHref(outcome.document.id));
    },

    async show(req: Request, res: Response) {
      const page = await (await store.read()).document(String(req.params.id));
      if (!page) return notFound(req, res);
      const { document, lookups } = page;
      const statement = (id: string) => lookups.claim(id)?.statement ?? id;
      const segments = highlightSegments(document.text ?? '', page.anchors).map((segment) => {
        const first = segment.claimIds[0];
        return {
          text: segment.text,
          link: first && { href: claimHref(first), title: segment.claimIds.map(statement).join(' · ') },
        };
      });
      const claimIds = [...new Set(page.anchors.map((q) => q.claimId))];
      res.render('documents/show', {
        title: document.title,
        story: storyView(page.story),
        document: {
          title: document.title,
          url: document.url,
          publishedAt: dayLabel(document.publishedAt),
          credit: document.credit,
          publisher: { name: lookups.source(document.publisherId)?.name ?? document.publisherId, href: sourceHref(document.publisherId) },
          hasText: Boolean(document.text),
        },
        segments,
        claims: claimIds.map((id) => ({ href: claimHref(id), statement: statement(id) })),
        addClaimHref: `/claims/new?document=${encodeURIComponent(document.id)}&story=${encodeURIComponent(page.story.slug)}`,
      });
    },
  };
}

export const documentBodyParser = express.urlencoded({ extended: false, limit: DOCUMENT_BODY_LIMIT, parameterLimit: 20 });
