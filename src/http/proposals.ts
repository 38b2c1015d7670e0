import express, { type Request, type Response } from 'express';
import { acceptProposalsCommand, documentProposalsCommand } from '../app/readings.js';
import type { ClockContext } from '../domain/add-claim.js';
import { ACCEPT_LIMIT } from '../domain/extract/acceptance-form.js';
import type { FieldError } from '../domain/validation.js';
import type { ArticleReader } from '../reading/article-reader.js';
import type { Store } from '../store/store.js';
import { storyView } from './claims.js';
import { documentHref, proposalsHref } from './documents.js';
import { notFound } from './errors.js';
import { acceptanceFromRows, proposalRows, proposalsView, relationRows, rowsFromForm } from './proposal-form.js';
import { dayLabel, sourceHref, storyHref } from './present.js';
import { withSignedInEditor } from './signed-in-editor.js';

/** A proposal is a dozen fields and a relation five: the accept form of a long article has hundreds. */
export const proposalsBodyParser = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: ACCEPT_LIMIT * 20 + 20 });

/** The proposals page of a stored document: what a reading of it proposes, to edit, tick and keep in one go. */
export function proposalRoutes(store: Store, reader: ArticleReader, clock: () => ClockContext) {
  async function render(
    req: Request,
    res: Response,
    status: number,
    rows: ReturnType<typeof rowsFromForm> | null,
    errors: FieldError[],
    extra: { message?: string; more?: number } = {},
  ) {
    const page = await (await store.read()).document(String(req.params.id));
    if (!page) return notFound(req, res);
    const { document } = page;
    res.status(status).render('documents/proposals', {
      title: `Proposed claims: ${document.title}`,
      story: storyView(page.story),
      document: {
        title: document.title,
        href: documentHref(document.id),
        publishedAt: dayLabel(document.publishedAt),
        publisher: { name: page.lookups.source(document.publisherId)?.name ?? document.publisherId, href: sourceHref(document.publisherId) },
      },
      formAction: `${proposalsHref(document.id)}/accept`,
      list: rows && proposalsView(rows, errors),
      editor: rows?.editor ?? '',
      editorError: errors.find((error) => error.field === 'editor')?.message,
      editorSignedIn: typeof res.locals.editor === 'string',
      message: extra.message,
      more: extra.more ?? 0,
      errors,
    });
  }

  return {
    async show(req: Request, res: Response) {
      const today = clock().today;
      const outcome = await documentProposalsCommand(store, reader, String(req.params.id), today);
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'unreadable') return render(req, res, 200, null, [], { message: outcome.message });
      const proposals = proposalRows(outcome.proposals, outcome.document, today);
      const rows = { proposals, relations: relationRows(outcome.relations, proposals), editor: '' };
      const message = outcome.proposals.length === 0 ? 'Claimline has nothing more to propose from this document: every claim it reads there was kept or skipped before.' : undefined;
      await render(req, res, 200, outcome.proposals.length > 0 ? rows : null, [], { ...(message && { message }), more: outcome.more });
    },

    async accept(req: Request, res: Response) {
      const id = String(req.params.id);
      const rows = rowsFromForm(withSignedInEditor(req, res));
      const mapped = acceptanceFromRows(rows);
      const outcome = await acceptProposalsCommand(store, reader, id, mapped.body, clock());
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'invalid') return render(req, res, 422, rows, outcome.errors.map(mapped.toForm));
      res.redirect(303, outcome.claims.length > 0 ? storyHref(outcome.story.slug) : documentHref(id));
    },
  };
}
