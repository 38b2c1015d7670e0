import type { Request, Response } from 'express';
import { addRelationCommand, removeRelationCommand } from '../app/relations.js';
import type { ClockContext } from '../domain/add-claim.js';
import type { Lookups } from '../domain/lookups.js';
import { relationFrom } from '../domain/sequence/add-relation.js';
import { RELATION_FORM_FIELDS } from '../domain/sequence/relation-form.js';
import { RELATION_WORDS, relationSentence } from '../domain/sequence/relation-kind.js';
import type { TimelineQuery } from '../domain/timeline-query.js';
import { RELATION_KINDS, type Claim } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { claimHref, claimRow, documentOptions } from './present.js';
import { withSignedInEditor } from './signed-in-editor.js';

/** How many claims the form offers to choose from; a search narrows a larger story down. */
const CHOICES = 200;

const RELATION_CHOICES = RELATION_KINDS.map((relation) => ({
  value: relation,
  label: relation === 'includes' ? 'around (the other happened during this)' : RELATION_WORDS[relation],
}));

/**
 * The claims a relation can be made to, by statement, in story order: those matching the search, or else
 * the ones sharing an actor or a document with this claim first, then the rest.
 */
function claimChoices(claim: Claim, ordered: readonly Claim[], search: string | undefined): Array<{ value: string; label: string }> {
  const others = ordered.filter((other) => other.id !== claim.id);
  const needle = search?.toLowerCase();
  const documents = new Set(claim.attributions.flatMap((a) => a.documentId ?? []));
  const near = (other: Claim) => other.actors.some((actor) => claim.actors.includes(actor)) || other.attributions.some((a) => a.documentId && documents.has(a.documentId));
  const chosen = needle
    ? others.filter((other) => `${other.statement}\n${other.shortName ?? ''}`.toLowerCase().includes(needle))
    : [...others.filter(near), ...others.filter((other) => !near(other))];
  return chosen.slice(0, CHOICES).map((other) => ({ value: other.id, label: `${other.date.label} — ${other.statement}` }));
}

export function relationRoutes(store: Store, clock: () => ClockContext) {
  async function renderForm(req: Request, res: Response, claim: Claim, lookups: Lookups, status: number, values: Record<string, string>, errors: FieldError[]) {
    const view = await store.read();
    const search = typeof req.query.q === 'string' && req.query.q.trim() ? req.query.q.trim().slice(0, 200) : undefined;
    // The claims of its own story: relations stay inside a story.
    const query: TimelineQuery = { storyId: claim.storyId, page: 1, limit: 1_000_000, order: 'asc', axis: 'event', lanes: 'actor', ...(search && { q: search }) };
    const storyClaims = (await view.timeline(query)).claims;
    const choices = claimChoices(claim, storyClaims, undefined);
    const documents = (await view.documents(claim.storyId)).map((entry) => entry.document);
    res.status(status).render('relations/new', {
      title: `Relate: ${claim.statement}`,
      claim: claimRow(claim, lookups),
      action: `${claimHref(claim.id)}/relations`,
      searchAction: `${claimHref(claim.id)}/relations/new`,
      search: search ?? '',
      values,
      errors,
      fieldErrors: errorsByField(errors),
      relationChoices: RELATION_CHOICES,
      claimChoices: [{ value: '', label: choices.length > 0 ? 'Choose a claim' : 'No claim matches the search' }, ...choices],
      documentChoices: [{ value: '', label: 'None' }, ...documentOptions(documents, lookups).map((d) => ({ value: d.id, label: d.label }))],
      editorSignedIn: typeof res.locals.editor === 'string',
    });
  }

  const findClaim = async (req: Request) => (await store.read()).claim(String(req.params.id));

  /** Asks before a relation goes: the removal is a revision of both claims, made by a named editor. */
  function renderRemoval(req: Request, res: Response, claim: Claim, lookups: Lookups, status: number, values: Record<string, string>, errors: FieldError[]) {
    const relation = lookups.relation(String(req.params.relationId));
    if (!relation || (relation.from !== claim.id && relation.to !== claim.id)) return notFound(req, res);
    const view = relationFrom(claim.id, relation);
    const other = lookups.claim(view.claim);
    res.status(status).render('relations/remove', {
      title: 'Remove a relation',
      claim: claimRow(claim, lookups),
      sentence: relationSentence('This', view.relation, `“${other?.statement ?? view.claim}”`),
      quote: view.quote,
      action: `${claimHref(claim.id)}/relations/${encodeURIComponent(relation.id)}/delete`,
      values,
      errors,
      fieldErrors: errorsByField(errors),
      editorSignedIn: typeof res.locals.editor === 'string',
    });
  }

  return {
    async newForm(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      const document = page.claim.attributions.find((a) => a.role === 'origin' && a.documentId)?.documentId ?? '';
      await renderForm(req, res, page.claim, page.lookups, 200, { relation: 'after', document }, []);
    },

    async create(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      const body = withSignedInEditor(req, res);
      const outcome = await addRelationCommand(store, page.claim.id, body, clock());
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'refused') return renderForm(req, res, page.claim, page.lookups, 422, formValues(body, RELATION_FORM_FIELDS), outcome.errors);
      res.redirect(303, `${claimHref(page.claim.id)}#relations`);
    },

    async removeForm(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      renderRemoval(req, res, page.claim, page.lookups, 200, {}, []);
    },

    async remove(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      const outcome = await removeRelationCommand(store, page.claim.id, String(req.params.relationId), withSignedInEditor(req, res), clock());
      if (outcome.kind === 'refused') return renderRemoval(req, res, page.claim, page.lookups, 422, formValues(req.body, ['editor', 'reason']), outcome.errors);
      if (outcome.kind === 'missing') return notFound(req, res);
      res.redirect(303, `${claimHref(page.claim.id)}#relations`);
    },
  };
}
