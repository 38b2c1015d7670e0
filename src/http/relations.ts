import type { Request, Response } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import { addRelation, relationFrom, removeRelation } from '../domain/sequence/add-relation.js';
import { RELATION_FORM_FIELDS, validateRelation, validateRelationRemoval } from '../domain/sequence/relation-form.js';
import { RELATION_WORDS, relationSentence } from '../domain/sequence/relation-kind.js';
import { RELATION_KINDS, type Claim } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { errorsByField, formValues } from './claims.js';
import { notFound } from './errors.js';
import { lookupsOf, orderedClaims, relationConflict } from './per-data.js';
import { claimHref, claimRow, documentOptions, type Lookups } from './present.js';
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
  function renderForm(req: Request, res: Response, claim: Claim, status: number, values: Record<string, string>, errors: FieldError[]) {
    const lookups = lookupsOf(store.data);
    const search = typeof req.query.q === 'string' && req.query.q.trim() ? req.query.q.trim().slice(0, 200) : undefined;
    const choices = claimChoices(claim, orderedClaims(store.data, 'event'), search);
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
      documentChoices: [{ value: '', label: 'None' }, ...documentOptions(store.data).map((d) => ({ value: d.id, label: d.label }))],
      editorSignedIn: typeof res.locals.editor === 'string',
    });
  }

  const findClaim = (req: Request, lookups: Lookups) => lookups.claim(String(req.params.id));

  /** Asks before a relation goes: the removal is a revision of both claims, made by a named editor. */
  function renderRemoval(req: Request, res: Response, claim: Claim, status: number, values: Record<string, string>, errors: FieldError[]) {
    const lookups = lookupsOf(store.data);
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
    newForm(req: Request, res: Response) {
      const claim = findClaim(req, lookupsOf(store.data));
      if (!claim) return notFound(req, res);
      const document = claim.attributions.find((a) => a.role === 'origin' && a.documentId)?.documentId ?? '';
      renderForm(req, res, claim, 200, { relation: 'after', document }, []);
    },

    async create(req: Request, res: Response) {
      const lookups = lookupsOf(store.data);
      const claim = findClaim(req, lookups);
      if (!claim) return notFound(req, res);
      const body = withSignedInEditor(req, res);
      const values = formValues(body, RELATION_FORM_FIELDS);
      const checked = validateRelation(body, claim.id, { ...lookups, sources: store.data.sources });
      if (!checked.ok) return renderForm(req, res, claim, 422, values, checked.errors);
      const context = clock();
      const outcome = await store.update((db) => addRelation(db, checked.value, context, relationConflict));
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'refused') return renderForm(req, res, claim, 422, values, outcome.errors);
      res.redirect(303, `${claimHref(claim.id)}#relations`);
    },

    removeForm(req: Request, res: Response) {
      const claim = findClaim(req, lookupsOf(store.data));
      if (!claim) return notFound(req, res);
      renderRemoval(req, res, claim, 200, {}, []);
    },

    async remove(req: Request, res: Response) {
      const claim = findClaim(req, lookupsOf(store.data));
      if (!claim) return notFound(req, res);
      const checked = validateRelationRemoval(withSignedInEditor(req, res));
      if (!checked.ok) return renderRemoval(req, res, claim, 422, formValues(req.body, ['editor', 'reason']), checked.errors);
      const outcome = await store.update((db) => removeRelation(db, claim.id, String(req.params.relationId), checked.value, clock()));
      if (outcome.kind === 'missing') return notFound(req, res);
      res.redirect(303, `${claimHref(claim.id)}#relations`);
    },
  };
}
