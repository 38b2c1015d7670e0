import type { Request, Response } from 'express';
import { addClaim, type ClockContext } from '../domain/add-claim.js';
import { claimEditSchema, CLAIM_EDIT_FIELDS, CLAIM_FORM_FIELDS } from '../domain/claim-form.js';
import { validateClaim, validateNewClaim } from '../domain/claim-draft.js';
import { chainLinks, describeChain, isPrepositionalVerb } from '../domain/chain.js';
import { independentOrigins } from '../domain/corroboration.js';
import { describeResolution } from '../domain/dates/describe-resolution.js';
import { changeStatus, editClaim, supersedesErrors } from '../domain/edit-claim.js';
import { STATUS_FORM_FIELDS, validateStatusChange } from '../domain/status-form.js';
import { STATUSES, type Claim, type ClaimDate, type Revision } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { withSignedInEditor } from './signed-in-editor.js';
import { publicBaseUrl } from './public-url.js';
import { claimJsonLdScriptFor } from './structured-data.js';
import { lookupsOf } from './per-data.js';
import {
  attributionViews,
  claimFormValues,
  claimHref,
  claimRow,
  dayLabel,
  derivedDateOf,
  documentOptions,
  relationsSeenFrom,
  sourceHref,
  type Lookups,
} from './present.js';
import type { RelationView } from '../domain/sequence/add-relation.js';
import { relationSentence, relationSentenceAround } from '../domain/sequence/relation-kind.js';

type Values = Record<string, string>;

/** What the person typed, as text, so a rejected form comes back exactly as they left it. */
export function formValues(body: unknown, fields: readonly string[]): Values {
  const values: Values = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const field of fields) {
    const value: unknown = Object.hasOwn(body, field) ? (body as Record<string, unknown>)[field] : undefined;
    if (typeof value === 'string') values[field] = value;
    else if (Array.isArray(value)) values[field] = value.filter((v) => typeof v === 'string').join(', ');
  }
  return values;
}

/** Each field's message, for printing beside the field. */
export const errorsByField = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.message]));

function revisionView(revision: Revision, lookups: Lookups) {
  const show = (value: unknown) => {
    if (value === undefined) return '—';
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || '—';
    if (value && typeof value === 'object' && 'label' in value) return String((value as { label: unknown }).label);
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'sourceId' in v)) {
      return describeChain(value as Claim['attributions'], (id) => lookups.source(id)?.name ?? id);
    }
    if (value && typeof value === 'object' && 'relation' in value && 'claim' in value) {
      const { relation, claim: other, quote } = value as RelationView;
      const sentence = relationSentence('This', relation, `“${lookups.claim(other)?.statement ?? other}”`);
      return quote ? `${sentence} (“${quote}”)` : sentence;
    }
    return JSON.stringify(value);
  };
  return {
    revision: revision.revision,
    at: dayLabel(revision.at),
    atIso: revision.at,
    editor: revision.editor,
    reason: revision.reason,
    changes: revision.changes.map((change) => ({ field: change.field, from: show(change.from), to: show(change.to) })),
  };
}

/** A claim's relations as its page lists them: a sentence each, the words that say so, where they are, and a way to remove it. */
function relationViews(claim: Claim, lookups: Lookups) {
  return relationsSeenFrom(claim, lookups).map(({ relation, view }) => {
    const other = lookups.claim(view.claim);
    const document = relation.documentId ? lookups.document(relation.documentId) : undefined;
    const source = relation.sourceId ? lookups.source(relation.sourceId) : undefined;
    return {
      ...relationSentenceAround('This', view.relation),
      other: { href: claimHref(view.claim), statement: other?.statement ?? view.claim, date: other?.date.label ?? '' },
      ...(view.quote && { quote: view.quote }),
      ...(document && { document: { title: document.title, href: `/documents/${encodeURIComponent(document.id)}` } }),
      ...(source && { source: { name: source.name, href: sourceHref(source.id) } }),
      removeHref: `${claimHref(claim.id)}/relations/${encodeURIComponent(relation.id)}/remove`,
    };
  });
}

export function claimRoutes(store: Store, clock: () => ClockContext) {
  /**
   * What the add and the edit form both show: the typed values, the errors beside them, the choices, and how
   * the date reads (as the check read it, never read again) when the date itself was fine.
   */
  function claimFormLocals(values: Values, errors: FieldError[], date: ClaimDate | undefined) {
    const dateRefused = errors.some((e) => e.field === 'date' || e.field === 'dateReference');
    return {
      values,
      errors,
      fieldErrors: errorsByField(errors),
      sourceNames: store.data.sources.map((s) => s.name),
      documents: documentOptions(store.data),
      preview: date && !dateRefused ? `The date reads as ${describeResolution(date)}.` : undefined,
    };
  }

  function renderNew(res: Response, status: number, values: Values, errors: FieldError[], date?: ClaimDate) {
    res.status(status).render('claims/new', {
      title: errors.length > 0 ? 'Add a claim (check the form)' : 'Add a claim',
      ...claimFormLocals(values, errors, date),
    });
  }

  function renderEdit(res: Response, claim: Claim, status: number, values: Values, errors: FieldError[], date: ClaimDate | undefined, conflict?: Claim) {
    const lookups = lookupsOf(store.data);
    const saved = conflict && claimFormValues(conflict, lookups);
    res.status(status).render('claims/edit', {
      title: `Edit: ${claim.statement}`,
      claim: claimRow(claim, lookups),
      action: claimHref(claim.id),
      ...claimFormLocals(values, errors, date),
      editorSignedIn: typeof res.locals.editor === 'string',
      conflict: conflict && {
        values: saved,
        revision: conflict.revision,
        updatedAt: dayLabel(conflict.updatedAt),
        fields: CLAIM_FORM_FIELDS.filter((field) => (saved?.[field] ?? '') !== (values[field] ?? '')),
      },
    });
  }

  function renderStatus(res: Response, claim: Claim, status: number, values: Values, errors: FieldError[]) {
    res.status(status).render('claims/status', {
      title: `Status: ${claim.statement}`,
      claim: claimRow(claim, lookupsOf(store.data)),
      action: `${claimHref(claim.id)}/status`,
      statuses: STATUSES,
      values,
      errors,
      fieldErrors: errorsByField(errors),
      editorSignedIn: typeof res.locals.editor === 'string',
    });
  }

  const findClaim = (req: Request) => store.data.claims.find((claim) => claim.id === String(req.params.id));

  return {
    newForm(req: Request, res: Response) {
      const documentId = typeof req.query.document === 'string' ? req.query.document : '';
      renderNew(res, 200, documentId ? { document: documentId } : {}, []);
    },

    async create(req: Request, res: Response) {
      const context = clock();
      const checked = validateNewClaim(req.body, store.data, context.today);
      if (!checked.ok) return renderNew(res, 422, formValues(req.body, CLAIM_FORM_FIELDS), checked.errors, checked.date);
      const claim = await store.update((db) => addClaim(db, checked.value.draft, context));
      res.redirect(303, claimHref(claim.id));
    },

    show(req: Request, res: Response) {
      const db = store.data;
      const lookups = lookupsOf(db);
      const claim = lookups.claim(String(req.params.id));
      if (!claim) return notFound(req, res);
      const name = (id: string) => lookups.source(id)?.name ?? id;
      const linked = (ids: string[]) =>
        ids.flatMap((id) => {
          const other = lookups.claim(id);
          return other ? [{ href: claimHref(id), statement: other.statement }] : [];
        });
      res.render('claims/show', {
        title: claim.statement,
        claim: claimRow(claim, lookups),
        date: {
          label: claim.date.label,
          value: claim.date.value,
          precision: claim.date.precision,
          start: dayLabel(claim.date.start),
          end: dayLabel(claim.date.end),
          reading: claim.date.phrase ? describeResolution(claim.date) : undefined,
          approximate: claim.date.approximate === true,
          uncertain: claim.date.uncertain === true,
          openStart: claim.date.openStart === true,
          openEnd: claim.date.openEnd === true,
        },
        claimedAt: claim.claimedAt.phrase ? describeResolution(claim.claimedAt) : claim.claimedAt.label,
        recordedAt: dayLabel(claim.createdAt),
        chain: chainLinks(claim.attributions, name).map((link) => ({ ...link, href: sourceHref(link.sourceId), verbFirst: isPrepositionalVerb(link.verb) })),
        chainText: describeChain(claim.attributions, name),
        origins: independentOrigins(claim).map((id) => ({ name: name(id), href: sourceHref(id) })),
        attributions: attributionViews(claim, lookups),
        statusHistory: claim.statusHistory.map((change) => ({
          status: change.status,
          on: dayLabel(change.on),
          source: change.sourceId ? { name: name(change.sourceId), href: sourceHref(change.sourceId) } : undefined,
          note: change.note,
        })),
        supersedes: linked(claim.supersedes),
        supersededBy: linked(lookups.supersededBy(claim.id)),
        derived: derivedDateOf(claim, lookups)?.description,
        relations: relationViews(claim, lookups),
        revisionCount: db.revisions.filter((r) => r.claimId === claim.id).length,
        jsonLd: claimJsonLdScriptFor(db, claim, publicBaseUrl(req)),
        links: {
          edit: `${claimHref(claim.id)}/edit`,
          status: `${claimHref(claim.id)}/status`,
          history: `${claimHref(claim.id)}/history`,
          relate: `${claimHref(claim.id)}/relations/new`,
          json: `/api${claimHref(claim.id)}`,
        },
      });
    },

    editForm(req: Request, res: Response) {
      const claim = findClaim(req);
      if (!claim) return notFound(req, res);
      renderEdit(res, claim, 200, claimFormValues(claim, lookupsOf(store.data)), [], claim.date);
    },

    async update(req: Request, res: Response) {
      const claim = findClaim(req);
      if (!claim) return notFound(req, res);
      const context = clock();
      const body = withSignedInEditor(req, res);
      const values = formValues(body, CLAIM_EDIT_FIELDS);
      const checked = validateClaim(claimEditSchema, body, store.data, context.today);
      const supersedesError = checked.ok ? supersedesErrors(store.data, claim.id, checked.value.form.supersedes) : null;
      if (!checked.ok || supersedesError) {
        const errors = checked.ok ? [] : checked.errors;
        if (supersedesError) errors.push({ field: 'supersedes', message: supersedesError });
        return renderEdit(res, claim, 422, values, errors, checked.ok ? checked.value.draft.date : checked.date);
      }
      const { form, draft } = checked.value;
      const outcome = await store.update((db) =>
        editClaim(db, claim.id, { draft, supersedes: form.supersedes }, { editor: form.editor, reason: form.reason ?? '', revision: form.revision }, context),
      );
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'stale') {
        const message = `Someone else saved this claim (revision ${outcome.current.revision}) after you opened the form (revision ${form.revision}). Nothing was saved. Compare the two versions, then save again.`;
        return renderEdit(res, outcome.current, 409, { ...values, revision: String(outcome.current.revision) }, [{ field: 'revision', message }], draft.date, outcome.current);
      }
      if (outcome.kind === 'conflict') return renderEdit(res, claim, 422, values, [{ field: 'date', message: `The date: ${outcome.conflict.message}` }], draft.date);
      res.redirect(303, claimHref(claim.id));
    },

    history(req: Request, res: Response) {
      const db = store.data;
      const claim = findClaim(req);
      if (!claim) return notFound(req, res);
      const lookups = lookupsOf(db);
      const revisions = db.revisions
        .filter((revision) => revision.claimId === claim.id)
        .sort((a, b) => b.revision - a.revision)
        .map((revision) => revisionView(revision, lookups));
      res.render('claims/history', {
        title: `History: ${claim.statement}`,
        claim: claimRow(claim, lookups),
        revisions,
        createdAt: dayLabel(claim.createdAt),
      });
    },

    statusForm(req: Request, res: Response) {
      const claim = findClaim(req);
      if (!claim) return notFound(req, res);
      renderStatus(res, claim, 200, { status: claim.status }, []);
    },

    async changeStatus(req: Request, res: Response) {
      const claim = findClaim(req);
      if (!claim) return notFound(req, res);
      const context = clock();
      const body = withSignedInEditor(req, res);
      const checked = validateStatusChange(body, store.data, claim.id, context.today);
      if (!checked.ok) return renderStatus(res, claim, 422, formValues(body, STATUS_FORM_FIELDS), checked.errors);
      await store.update((db) => changeStatus(db, claim.id, checked.value, context));
      res.redirect(303, claimHref(claim.id));
    },
  };
}
