import type { z } from 'zod';
import { anchorQuote } from './anchor.js';
import { claimFormSchema, type ClaimForm } from './claim-form.js';
import { resolveDate } from './dates/resolve-date.js';
import { findSource } from './sources.js';
import type { ClaimDate, Database, Document, TextQuoteAnchor } from './types.js';
import { fieldErrors, type FieldError, type Validated } from './validation.js';

/** A submitted claim, checked against the database: dates read, source and document found, quote anchored. */
export interface ClaimDraft {
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

/** Checks the parts of a claim that need the database and the calendar, after the schema has passed. */
function draftFrom(form: ClaimForm, db: Pick<Database, 'sources' | 'documents'>, today: string): Validated<ClaimDraft> {
  const errors: FieldError[] = [];
  const document = form.document ? db.documents.find((doc) => doc.id === form.document) : undefined;
  if (form.document && !document) errors.push({ field: 'document', message: `There is no document with id “${form.document}”` });

  const reference = form.dateReference ?? document?.publishedAt;
  const event = resolveDate(form.date, { ...(reference && { reference }), today });
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

  if (errors.length > 0 || !event.ok || !claimed.ok || !origin) return { ok: false, errors };
  return {
    ok: true,
    value: {
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
 * Checks a submitted claim against a schema (the add or the edit form's) and the database.
 * Every problem is reported at once, each naming its field; nothing is stored.
 */
export function validateClaim<S extends z.ZodType<ClaimForm>>(
  schema: S,
  body: unknown,
  db: Pick<Database, 'sources' | 'documents'>,
  today: string,
): Validated<{ form: z.output<S>; draft: ClaimDraft }> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const date = (body as { date?: unknown } | null)?.date;
    if (typeof date === 'string' && date.trim() && !errors.some((e) => e.field === 'date')) {
      // Read against today only to catch impossible dates early; the real reading waits for a valid form.
      const read = resolveDate(date, { today, reference: today });
      if (!read.ok) errors.push({ field: 'date', message: `The date: ${read.message}` });
    }
    const given = body as { source?: unknown; sourceId?: unknown } | null;
    const named = [given?.source, given?.sourceId].some((v) => typeof v === 'string' && v.trim());
    if (!named && !errors.some((e) => e.field === 'source')) errors.push({ field: 'source', message: NO_SOURCE });
    return { ok: false, errors };
  }
  const draft = draftFrom(parsed.data, db, today);
  return draft.ok ? { ok: true, value: { form: parsed.data, draft: draft.value } } : draft;
}

export const validateNewClaim = (body: unknown, db: Pick<Database, 'sources' | 'documents'>, today: string) =>
  validateClaim(claimFormSchema, body, db, today);
