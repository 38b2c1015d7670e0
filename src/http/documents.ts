import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { highlightSegments } from '../domain/anchor.js';
import type { ClockContext } from '../domain/add-claim.js';
import { addDocumentCommand } from '../app/documents.js';
import { readArticleCommand } from '../app/readings.js';
import { DOCUMENT_FORM_FIELDS, DOCUMENT_TEXT_LIMIT } from '../domain/add-document.js';
import { LIMITS, optionalText } from '../domain/claim-form.js';
import { fieldErrors, type FieldError } from '../domain/validation.js';
import type { ArticleReader } from '../reading/article-reader.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { multipartForm, type UploadedFile } from './multipart.js';
import { storyView } from './claims.js';
import { claimHref, dayLabel, sourceHref, storyHref } from './present.js';

/** Pasted articles are long: the document form gets a larger body limit than other forms. */
export const DOCUMENT_BODY_LIMIT = '512kb';

export const documentHref = (id: string) => `/documents/${encodeURIComponent(id)}`;
export const proposalsHref = (id: string) => `${documentHref(id)}/proposals`;

/** A page saved from a browser is a few hundred kB; more is refused (413) before it is read. */
export const READING_UPLOAD_LIMIT = 2 * 1024 * 1024;

/** The new-document page's upload and paste: multipart, for the file input. */
export const readingBodyParser = multipartForm({ limit: READING_UPLOAD_LIMIT + 64 * 1024 });

const isUpload = (value: unknown): value is UploadedFile => typeof value === 'object' && value !== null && (value as UploadedFile).data instanceof Uint8Array;

/** One schema for the upload and paste form: the story it was opened from, and a saved page or pasted text. */
const readingFormSchema = z.strictObject({
  story: optionalText('The story', LIMITS.id),
  pasted: z.string({ error: 'The text must be text' }).max(DOCUMENT_TEXT_LIMIT, `The text must be at most ${DOCUMENT_TEXT_LIMIT} characters`).optional(),
  page: z.custom<UploadedFile>(isUpload, 'Choose the page as a file (an .html page saved from a browser)').optional(),
});

/** The page's own upload and paste: what a reading of it found, or why it could not be read. */
interface ReadingState {
  /** Set once a page or text was read: the fields below are filled from it, for the person to check. */
  found?: { fields: string[]; proposals: number };
  errors: FieldError[];
  story?: string;
  pasted?: string;
}

/** Saving a document from a reading goes on to the claims it proposes (`/documents?then=proposals`). */
const THEN_PROPOSALS = 'proposals';

/** The names of the fields a reading filled, as the form labels them. */
const FIELD_LABELS: Record<string, string> = { title: 'title', publisher: 'publisher', publishedAt: 'publication day', credit: 'credit line', url: 'URL' };

export function documentRoutes(store: Store, clock: () => ClockContext, reader: ArticleReader) {
  async function renderNew(res: Response, status: number, values: Record<string, string>, errors: FieldError[], reading: ReadingState = { errors: [] }, then?: string) {
    const view = await store.read();
    const [stories, sources] = [await view.stories(), await view.sources()];
    const fromReading = then === THEN_PROPOSALS || reading.found !== undefined;
    res.status(status).render('documents/new', {
      title: 'Add a document',
      values,
      errors: [...reading.errors, ...errors],
      fieldErrors: errorsByField(errors),
      reading: {
        found: reading.found && {
          fields: reading.found.fields.map((field) => FIELD_LABELS[field] ?? field),
          proposals: reading.found.proposals,
        },
        fieldErrors: errorsByField(reading.errors),
        values: { story: reading.story ?? values.story ?? '', pasted: reading.pasted ?? '' },
        limitMb: Math.floor(READING_UPLOAD_LIMIT / 1024 / 1024),
      },
      formAction: fromReading ? `/documents?then=${THEN_PROPOSALS}` : '/documents',
      submitLabel: fromReading ? 'Save and review the proposed claims' : 'Save document',
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
      const then = req.query.then === THEN_PROPOSALS ? THEN_PROPOSALS : undefined;
      const outcome = await addDocumentCommand(store, req.body, clock());
      if (outcome.kind === 'invalid') return renderNew(res, 422, formValues(req.body, DOCUMENT_FORM_FIELDS), outcome.errors, { errors: [] }, then);
      res.redirect(303, then ? proposalsHref(outcome.document.id) : documentHref(outcome.document.id));
    },

    /**
     * The upload or paste on the new-document page: the page or text is read (on the reader's worker) and the
     * document's fields come back filled for the person to check and save; nothing is stored.
     */
    async read(req: Request, res: Response) {
      const parsed = readingFormSchema.safeParse(req.body ?? {});
      const typed = formValues(req.body, ['story', 'pasted']);
      const story = typed.story ?? '';
      const refuse = (status: number, errors: FieldError[]) => renderNew(res, status, { story }, [], { errors, story, pasted: typed.pasted ?? '' });
      if (!parsed.success) return refuse(422, fieldErrors(parsed.error));
      // A file input left empty may still send an empty part.
      const page = parsed.data.page && parsed.data.page.data.length > 0 ? parsed.data.page : undefined;
      const pasted = parsed.data.pasted;
      if (page && pasted) return refuse(422, [{ field: 'page', message: 'Choose a saved page or paste the text, not both' }]);
      if (!page && !pasted) return refuse(422, [{ field: 'pasted', message: 'Paste the article’s text, or choose a page saved from a browser' }]);
      const outcome = await readArticleCommand(store, reader, page ? { page: page.data, charset: null } : { text: pasted ?? '' }, {}, clock().today);
      if (outcome.kind === 'too-large') return refuse(413, [{ field: 'page', message: `${outcome.message}: save the article alone, or paste its text` }]);
      if (outcome.kind === 'invalid') return refuse(422, outcome.errors.map((error) => (error.field === 'text' ? { ...error, field: 'pasted' } : error)));
      const { document, proposals } = outcome.reading;
      const values = Object.fromEntries(
        Object.entries({ story, title: document.title, publisher: document.publisher, url: document.url, publishedAt: document.publishedAt, credit: document.credit, text: document.text }).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
        ),
      );
      const fields = Object.keys(FIELD_LABELS).filter((field) => values[field] !== undefined);
      await renderNew(res, 200, values, [], { errors: [], found: { fields, proposals: proposals.length }, story });
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
        proposalsHref: document.text ? proposalsHref(document.id) : undefined,
      });
    },
  };
}

export const documentBodyParser = express.urlencoded({ extended: false, limit: DOCUMENT_BODY_LIMIT, parameterLimit: 20 });
