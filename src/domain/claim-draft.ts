import type { z } from 'zod';
import { anchorQuote } from './anchor.js';
import { claimFormSchema, type ClaimForm } from './claim-form.js';
import { claimDateReading } from './dates/claim-reading.js';
import { type DateResolution, resolveDate } from './dates/resolve-date.js';
import { findSource } from './sources.js';
import { storyFor } from './story-choice.js';
import type { ClaimDate, Database, Document, TextQuoteAnchor } from './types.js';
import { fieldErrors, type FieldError } from './validation.js';

/** A submitted claim, checked against the database: dates read, source and document found, quote anchored. */
export interface ClaimDraft {
  /** The story the claim goes in: named by the form, or the one it is added from. */
  storyId: string;
  statement: string;
  shortName?: string;
  date: ClaimDate;
  claimedAt: ClaimDate;
  /** An existing source's id, or the name of a source to create. */
  origin: { sourceId: string } | { name: string };
  verb: string;
  document?: Document;
  anchor?: TextQuoteAnchor;
  quote?: string;
  url?: string;
  relayedBy: string[];
  actors: string[];
  topics: string[];
}

const NO_SOURCE = 'Name who made the claim, e.g. The Information';

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The fields the event date is read with, as text: from the parsed form, or picked from a body the schema refused. */
interface DateInput {
  date?: string | undefined;
  dateReference?: string | undefined;
  document?: string | undefined;
  quote?: string | undefined;
  statement?: string | undefined;
  source?: string | undefined;
  sourceId?: string | undefined;
  actors: string[];
}

/** The date's fields of a body the schema refused, where they are text, so the date is still read and shown. */
function looseDateInput(body: unknown): DateInput {
  const given = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const textOf = (field: string) => (typeof given[field] === 'string' ? (given[field] as string).trim() || undefined : undefined);
  const actors = given.actors;
  const names = typeof actors === 'string' ? actors.split(',') : Array.isArray(actors) ? actors.filter((a): a is string => typeof a === 'string') : [];
  return {
    date: textOf('date'),
    dateReference: textOf('dateReference'),
    document: textOf('document'),
    quote: textOf('quote'),
    statement: textOf('statement'),
    source: textOf('source'),
    sourceId: textOf('sourceId'),
    actors: names.map((name) => name.trim()).filter(Boolean),
  };
}

type Lookup = Pick<Database, 'sources' | 'documents' | 'stories'>;

/**
 * Reads the event date once, the way the stored claim will have it: against the document's day (or the
 * reference given), in the direction its quote or statement looks, with its company's fiscal calendar.
 */
function readEventDate(input: DateInput, db: Lookup, today: string): { event?: DateResolution; document?: Document } {
  const document = input.document ? db.documents.find((doc) => doc.id === input.document) : undefined;
  if (!input.date) return document ? { document } : {};
  const reference = input.dateReference ?? document?.publishedAt;
  const origin = input.sourceId ? db.sources.find((s) => s.id === input.sourceId) : input.source ? findSource(db.sources, input.source) : undefined;
  const reading = claimDateReading({ quote: input.quote, statement: input.statement, actors: input.actors, originSourceId: origin?.id }, db.sources);
  const event = resolveDate(input.date, { today, ...(reference && { reference }), ...reading });
  return document ? { event, document } : { event };
}

/** Checks the parts of a claim that need the database and the calendar, after the schema has passed. */
function draftFrom(
  form: ClaimForm,
  db: Lookup,
  today: string,
  event: DateResolution,
  document: Document | undefined,
  inStory: string | undefined,
): { ok: true; value: ClaimDraft } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const story = storyFor(form.story, inStory, db.stories, 'claim');
  if ('field' in story) errors.push(story);
  if (form.document && !document) errors.push({ field: 'document', message: `There is no document with id “${form.document}”` });
  if (document && 'id' in story && document.storyId !== story.id) {
    const other = db.stories.find((candidate) => candidate.id === document.storyId);
    errors.push({ field: 'document', message: `“${document.title}” was read for another story (${other?.title ?? document.storyId}); choose a document of this story` });
  }

  const reference = form.dateReference ?? document?.publishedAt;
  if (!event.ok) errors.push({ field: 'date', message: `The date: ${event.message}` });
  const claimed = resolveDate(form.claimedAt ?? document?.publishedAt ?? today, { today, ...(reference && { reference }) });
  if (!claimed.ok) errors.push({ field: 'claimedAt', message: `The claim date: ${claimed.message}` });

  let origin: ClaimDraft['origin'] | undefined;
  if (form.sourceId) {
    const source = db.sources.find((s) => s.id === form.sourceId);
    if (source) origin = { sourceId: source.id };
    else errors.push({ field: 'sourceId', message: `There is no source with id “${form.sourceId}”; give a name in “source” to add one` });
  } else if (form.source) {
    const source = findSource(db.sources, form.source);
    origin = source ? { sourceId: source.id } : { name: form.source };
  } else {
    errors.push({ field: 'source', message: NO_SOURCE });
  }

  let anchor: TextQuoteAnchor | undefined;
  if (document && form.quote) {
    const found = anchorQuote(document.text ?? '', form.quote);
    if (found.found) anchor = found.anchor;
    else {
      const closest = found.closest ? ` The closest passage is: “${shorten(found.closest.passage)}”` : '';
      errors.push({ field: 'quote', message: `The quote is not in “${document.title}”.${closest}` });
    }
  }

  if (errors.length > 0 || !event.ok || !claimed.ok || !origin || !('id' in story)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      storyId: story.id,
      statement: form.statement,
      ...(form.shortName && { shortName: form.shortName }),
      date: event.date,
      claimedAt: claimed.date,
      origin,
      verb: form.verb ?? 'said',
      ...(document && { document }),
      ...(anchor && { anchor }),
      ...((anchor?.exact ?? form.quote) && { quote: anchor?.exact ?? form.quote }),
      ...(form.url && { url: form.url }),
      relayedBy: form.relayedBy,
      actors: form.actors,
      topics: form.topics,
    },
  };
}

/**
 * A checked claim, or every problem with it. A refused claim still carries its event date when that was
 * read, so the form can show how it reads without reading it again.
 */
export type ClaimCheck<F> = { ok: true; value: { form: F; draft: ClaimDraft } } | { ok: false; errors: FieldError[]; date?: ClaimDate };

/**
 * Checks a submitted claim against a schema (the add or the edit form's) and the database.
 * Every problem is reported at once, each naming its field; nothing is stored. The event date is read once.
 */
export function validateClaim<S extends z.ZodType<ClaimForm>>(
  schema: S,
  body: unknown,
  db: Lookup,
  today: string,
  options: { storyId?: string } = {},
): ClaimCheck<z.output<S>> {
  const parsed = schema.safeParse(body ?? {});
  const { event, document } = readEventDate(parsed.success ? parsed.data : looseDateInput(body), db, today);
  const read = event?.ok ? { date: event.date } : {};
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (event && !event.ok && !errors.some((e) => e.field === 'date')) errors.push({ field: 'date', message: `The date: ${event.message}` });
    const given = body as { source?: unknown; sourceId?: unknown } | null;
    const named = [given?.source, given?.sourceId].some((v) => typeof v === 'string' && v.trim());
    if (!named && !errors.some((e) => e.field === 'source')) errors.push({ field: 'source', message: NO_SOURCE });
    return { ok: false, errors, ...read };
  }
  // The schema makes the date required, so a form that passed it has had its date read.
  const draft = draftFrom(parsed.data, db, today, event as DateResolution, document, options.storyId);
  return draft.ok ? { ok: true, value: { form: parsed.data, draft: draft.value } } : { ...draft, ...read };
}

export const validateNewClaim = (body: unknown, db: Lookup, today: string, options: { storyId?: string } = {}) =>
  validateClaim(claimFormSchema, body, db, today, options);
