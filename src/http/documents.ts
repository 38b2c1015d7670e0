import express, { type Request, type Response } from 'express';
import { highlightSegments } from '../domain/anchor.js';
import type { ClockContext } from '../domain/add-claim.js';
import { addDocument, DOCUMENT_FORM_FIELDS, validateDocument } from '../domain/add-document.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { claimHref, dayLabel, sourceHref } from './present.js';

/** Pasted articles are long: the document form gets a larger body limit than other forms. */
export const DOCUMENT_BODY_LIMIT = '512kb';

export const documentHref = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function documentRoutes(store: Store, clock: () => ClockContext) {
  function renderNew(res: Response, status: number, values: Record<string, string>, errors: FieldError[]) {
    res.status(status).render('documents/new', {
      title: 'Add a document',
      values,
      errors,
      fieldErrors: errorsByField(errors),
      sourceNames: store.data.sources.map((s) => s.name),
    });
  }

  return {
    list(_req: Request, res: Response) {
      const db = store.data;
      const counts = new Map<string, number>();
      for (const claim of db.claims) {
        for (const id of new Set(claim.attributions.flatMap((a) => (a.documentId ? [a.documentId] : [])))) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
      const documents = [...db.documents]
        .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
        .map((doc) => ({
          title: doc.title,
          href: documentHref(doc.id),
          publishedAt: dayLabel(doc.publishedAt),
          publisher: { name: db.sources.find((s) => s.id === doc.publisherId)?.name ?? doc.publisherId, href: sourceHref(doc.publisherId) },
          claims: counts.get(doc.id) ?? 0,
        }));
      res.render('documents/index', { title: 'Documents', documents });
    },

    newForm(_req: Request, res: Response) {
      renderNew(res, 200, {}, []);
    },

    async create(req: Request, res: Response) {
      const context = clock();
      const checked = validateDocument(req.body, store.data, context.today);
      if (!checked.ok) return renderNew(res, 422, formValues(req.body, DOCUMENT_FORM_FIELDS), checked.errors);
      const document = await store.update((db) => addDocument(db, checked.value, context));
      res.redirect(303, documentHref(document.id));
    },

    show(req: Request, res: Response) {
      const db = store.data;
      const document = db.documents.find((doc) => doc.id === String(req.params.id));
      if (!document) return notFound(req, res);
      const quoted = db.claims.flatMap((claim) =>
        claim.attributions.flatMap((a) => (a.documentId === document.id && a.anchor ? [{ anchor: a.anchor, claimId: claim.id }] : [])),
      );
      const statements = new Map(db.claims.map((claim) => [claim.id, claim.statement]));
      const segments = highlightSegments(document.text ?? '', quoted).map((segment) => {
        const first = segment.claimIds[0];
        return {
          text: segment.text,
          link: first && {
            href: claimHref(first),
            title: segment.claimIds.map((id) => statements.get(id) ?? id).join(' · '),
          },
        };
      });
      const claimIds = [...new Set(quoted.map((q) => q.claimId))];
      res.render('documents/show', {
        title: document.title,
        document: {
          title: document.title,
          url: document.url,
          publishedAt: dayLabel(document.publishedAt),
          credit: document.credit,
          publisher: { name: db.sources.find((s) => s.id === document.publisherId)?.name ?? document.publisherId, href: sourceHref(document.publisherId) },
          hasText: Boolean(document.text),
        },
        segments,
        claims: claimIds.map((id) => ({ href: claimHref(id), statement: statements.get(id) ?? id })),
        addClaimHref: `/claims/new?document=${encodeURIComponent(document.id)}`,
      });
    },
  };
}

export const documentBodyParser = express.urlencoded({ extended: false, limit: DOCUMENT_BODY_LIMIT, parameterLimit: 20 });
