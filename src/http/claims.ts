import type { Request, Response } from 'express';
import { addClaimCommand, changeStatusCommand, editClaimCommand } from '../app/claims.js';
import type { ClockContext } from '../domain/add-claim.js';
import { CLAIM_EDIT_FIELDS, CLAIM_FORM_FIELDS } from '../domain/claim-form.js';
import { chainLinks, describeChain, isPrepositionalVerb } from '../domain/chain.js';
import { independentOrigins } from '../domain/corroboration.js';
import { describeResolution } from '../domain/dates/describe-resolution.js';
import type { Lookups } from '../domain/lookups.js';
import { STATUS_FORM_FIELDS } from '../domain/status-form.js';
import { STATUSES, type Claim, type ClaimDate, type Revision, type Story } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { withSignedInEditor } from './signed-in-editor.js';
import { publicBaseUrl } from './public-url.js';
import { claimJsonLdScriptFor } from './structured-data.js';
import {
  actorHref,
  attributionViews,
  claimFormValues,
  claimHref,
  claimRow,
  dayLabel,
  derivedDateOf,
  documentOptions,
  relationsSeenFrom,
  sourceHref,
  storyHref,
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
   * What the add and the edit form both show: the typed values, the errors beside them, the choices (stories,
   * sources, the documents of the story), and how the date reads (as the check read it, never read again) when
   * the date itself was fine.
   */
  async function claimFormLocals(values: Values, errors: FieldError[], date: ClaimDate | undefined, storyId?: string) {
    const view = await store.read();
    const [stories, documents, sources] = [await view.stories(), await view.documents(storyId), await view.sources()];
    const lookups = { source: (id: string) => sources.find((entry) => entry.source.id === id)?.source };
    const dateRefused = errors.some((e) => e.field === 'date' || e.field === 'dateReference');
    return {
      values,
      errors,
      fieldErrors: errorsByField(errors),
      stories: stories.map(({ story }) => ({ value: story.slug, label: story.title })),
      sourceNames: sources.map(({ source }) => source.name),
      documents: documentOptions(
        documents.map((entry) => entry.document),
        lookups,
      ),
      preview: date && !dateRefused ? `The date reads as ${describeResolution(date)}.` : undefined,
    };
  }

  async function renderNew(res: Response, status: number, values: Values, errors: FieldError[], date?: ClaimDate) {
    const story = values.story ? await (await store.read()).story(values.story) : undefined;
    res.status(status).render('claims/new', {
      title: errors.length > 0 ? 'Add a claim (check the form)' : 'Add a claim',
      ...(await claimFormLocals(values, errors, date, story?.id)),
      story: story && { title: story.title, href: storyHref(story.slug) },
    });
  }

  async function renderEdit(res: Response, claim: Claim, status: number, values: Values, errors: FieldError[], date: ClaimDate | undefined, conflict?: Claim) {
    const page = await (await store.read()).claim(claim.id);
    const lookups = page?.lookups;
    const saved = conflict && lookups && claimFormValues(conflict, lookups);
    res.status(status).render('claims/edit', {
      title: `Edit: ${claim.statement}`,
      claim: lookups ? claimRow(claim, lookups) : { statement: claim.statement, href: claimHref(claim.id) },
      action: claimHref(claim.id),
      ...(await claimFormLocals(values, errors, date, claim.storyId)),
      editorSignedIn: typeof res.locals.editor === 'string',
      conflict: conflict && {
        values: saved,
        revision: conflict.revision,
        updatedAt: dayLabel(conflict.updatedAt),
        fields: CLAIM_FORM_FIELDS.filter((field) => (saved?.[field] ?? '') !== (values[field] ?? '')),
      },
    });
  }

  async function renderStatus(res: Response, claim: Claim, lookups: Lookups, status: number, values: Values, errors: FieldError[]) {
    res.status(status).render('claims/status', {
      title: `Status: ${claim.statement}`,
      claim: claimRow(claim, lookups),
      action: `${claimHref(claim.id)}/status`,
      statuses: STATUSES,
      values,
      errors,
      fieldErrors: errorsByField(errors),
      editorSignedIn: typeof res.locals.editor === 'string',
    });
  }

  const findClaim = async (req: Request) => (await store.read()).claim(String(req.params.id));

  return {
    async newForm(req: Request, res: Response) {
      const documentId = typeof req.query.document === 'string' ? req.query.document : '';
      const storySlug = typeof req.query.story === 'string' ? req.query.story : '';
      await renderNew(res, 200, { ...(documentId && { document: documentId }), ...(storySlug && { story: storySlug }) }, []);
    },

    async create(req: Request, res: Response) {
      const outcome = await addClaimCommand(store, req.body, clock());
      if (outcome.kind === 'invalid') return renderNew(res, 422, formValues(req.body, CLAIM_FORM_FIELDS), outcome.errors, outcome.date);
      res.redirect(303, claimHref(outcome.claim.id));
    },

    async show(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      const { claim, lookups, story } = page;
      const name = (id: string) => lookups.source(id)?.name ?? id;
      const linked = (ids: string[]) =>
        ids.flatMap((id) => {
          const other = lookups.claim(id);
          return other ? [{ href: claimHref(id), statement: other.statement }] : [];
        });
      res.render('claims/show', {
        title: claim.statement,
        claim: claimRow(claim, lookups),
        story: storyView(story),
        actors: claim.actors.map((actor) => ({ name: actor, href: actorHref(actor) })),
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
        revisionCount: page.revisionCount,
        jsonLd: claimJsonLdScriptFor(lookups.records, claim, publicBaseUrl(req)),
        readOnly: story.archivedAt !== undefined,
        links: {
          edit: `${claimHref(claim.id)}/edit`,
          status: `${claimHref(claim.id)}/status`,
          history: `${claimHref(claim.id)}/history`,
          relate: `${claimHref(claim.id)}/relations/new`,
          move: `${claimHref(claim.id)}/move`,
          json: `/api${claimHref(claim.id)}`,
        },
      });
    },

    async editForm(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      await renderEdit(res, page.claim, 200, claimFormValues(page.claim, page.lookups), [], page.claim.date);
    },

    async update(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      const body = withSignedInEditor(req, res);
      const values = formValues(body, CLAIM_EDIT_FIELDS);
      const outcome = await editClaimCommand(store, page.claim.id, body, clock());
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'invalid') return renderEdit(res, page.claim, 422, values, outcome.errors, outcome.date);
      if (outcome.kind === 'stale') {
        const message = `Someone else saved this claim (revision ${outcome.current.revision}) after you opened the form (revision ${outcome.revision}). Nothing was saved. Compare the two versions, then save again.`;
        return renderEdit(res, outcome.current, 409, { ...values, revision: String(outcome.current.revision) }, [{ field: 'revision', message }], outcome.date, outcome.current);
      }
      if (outcome.kind === 'conflict') return renderEdit(res, page.claim, 422, values, [{ field: 'date', message: `The date: ${outcome.conflict.message}` }], outcome.date);
      res.redirect(303, claimHref(page.claim.id));
    },

    async history(req: Request, res: Response) {
      const view = await store.read();
      const page = await view.claim(String(req.params.id));
      if (!page) return notFound(req, res);
      const revisions = (await view.revisions(page.claim.id)).reverse().map((revision) => revisionView(revision, page.lookups));
      res.render('claims/history', {
        title: `History: ${page.claim.statement}`,
        claim: claimRow(page.claim, page.lookups),
        revisions,
        createdAt: dayLabel(page.claim.createdAt),
      });
    },

    async statusForm(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      await renderStatus(res, page.claim, page.lookups, 200, { status: page.claim.status }, []);
    },

    async changeStatus(req: Request, res: Response) {
      const page = await findClaim(req);
      if (!page) return notFound(req, res);
      const body = withSignedInEditor(req, res);
      const outcome = await changeStatusCommand(store, page.claim.id, body, clock());
      if (outcome.kind === 'missing') return notFound(req, res);
      if (outcome.kind === 'invalid') return renderStatus(res, page.claim, page.lookups, 422, formValues(body, STATUS_FORM_FIELDS), outcome.errors);
      res.redirect(303, claimHref(page.claim.id));
    },
  };
}

/** A story as a claim's page names it: its title, its timeline, and whether it is archived. */
export const storyView = (story: Story) => ({ title: story.title, href: storyHref(story.slug), archived: story.archivedAt !== undefined });
