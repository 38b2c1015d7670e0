import type { Request, Response } from 'express';
import { addClaim, validateNewClaim, type ClockContext } from '../domain/add-claim.js';
import { CLAIM_FORM_FIELDS } from '../domain/claim-form.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { attributionViews, claimHref, claimRow, dayLabel, lookupsFor } from './present.js';
import { notFound } from './errors.js';

type FormValues = Partial<Record<(typeof CLAIM_FORM_FIELDS)[number], string>>;

/** What the person typed, as text, so a rejected form comes back exactly as they left it. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const field of CLAIM_FORM_FIELDS) {
    const value: unknown = Object.hasOwn(body, field) ? (body as Record<string, unknown>)[field] : undefined;
    if (typeof value === 'string') values[field] = value;
    else if (Array.isArray(value)) values[field] = value.filter((v) => typeof v === 'string').join(', ');
  }
  return values;
}

function errorsByField(errors: FieldError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field, e.message]));
}

function renderForm(res: Response, status: number, values: FormValues, errors: FieldError[], store: Store) {
  res.status(status).render('claims/new', {
    title: errors.length > 0 ? 'Add a claim (check the form)' : 'Add a claim',
    values,
    errors,
    fieldErrors: errorsByField(errors),
    sourceNames: store.data.sources.map((s) => s.name),
  });
}

export function claimRoutes(store: Store, clock: () => ClockContext) {
  return {
    newForm(_req: Request, res: Response) {
      renderForm(res, 200, {}, [], store);
    },

    async create(req: Request, res: Response) {
      const checked = validateNewClaim(req.body);
      if (!checked.ok) return renderForm(res, 422, formValues(req.body), checked.errors, store);
      const context = clock();
      const claim = await store.update((db) => addClaim(db, checked.value, context));
      res.redirect(303, claimHref(claim.id));
    },

    show(req: Request, res: Response) {
      const db = store.data;
      const lookups = lookupsFor(db);
      const claim = lookups.claim(String(req.params.id));
      if (!claim) return notFound(req, res);
      const supersededBy = db.claims.filter((other) => other.supersedes.includes(claim.id));
      res.render('claims/show', {
        title: claim.statement,
        claim: claimRow(claim, lookups),
        date: {
          label: claim.date.label,
          value: claim.date.value,
          precision: claim.date.precision,
          start: dayLabel(claim.date.start),
          end: dayLabel(claim.date.end),
          phrase: claim.date.phrase,
          reference: claim.date.reference && dayLabel(claim.date.reference),
        },
        claimedAt: claim.claimedAt.label,
        recordedAt: dayLabel(claim.createdAt),
        attributions: attributionViews(claim, lookups),
        supersedes: claim.supersedes.flatMap((id) => {
          const other = lookups.claim(id);
          return other ? [{ href: claimHref(id), statement: other.statement }] : [];
        }),
        supersededBy: supersededBy.map((other) => ({ href: claimHref(other.id), statement: other.statement })),
      });
    },
  };
}
