import { z } from 'zod';
import type { ClockContext, Transition } from './add-claim.js';
import { LIMITS, optionalText, text } from './claim-form.js';
import { resolveDate } from './dates/resolve-date.js';
import { slugify } from './slug.js';
import { ensureSource } from './sources.js';
import { storyFor } from './story-choice.js';
import type { Database, Document } from './types.js';
import { fieldErrors, isHttpUrl, type Validated } from './validation.js';

export const DOCUMENT_TEXT_LIMIT = 200_000;
/** Proposals a document remembers as skipped: far more than a long article offers, however often it is read. */
export const SKIPPED_QUOTES_LIMIT = 1000;

/** The add-document form and `POST /api/documents`. */
export const documentFormSchema = z.strictObject({
  story: optionalText('The story', LIMITS.id),
  title: text('The title', 300).min(1, 'Give the document’s title'),
  publisher: text('The publisher', LIMITS.name).min(1, 'Name who published it, e.g. Asia Financial'),
  url: text('The URL', LIMITS.url).refine(isHttpUrl, 'Give a web address starting with http:// or https://'),
  publishedAt: text('The publication date', LIMITS.date).min(1, 'Give the day it was published, e.g. 2025-02-11'),
  credit: optionalText('The credit line', 500),
  text: text('The text', DOCUMENT_TEXT_LIMIT).min(1, 'Paste the document’s full text, so quotes can be checked against it'),
});

export const DOCUMENT_FORM_FIELDS = ['story', 'title', 'publisher', 'url', 'publishedAt', 'credit', 'text'] as const;

export type DocumentForm = z.output<typeof documentFormSchema>;

/**
 * Checks a submitted document: its story, a real publication day that is not in the future, a URL not stored
 * yet. `options.storyId` is the story it is added from, when the form names none.
 */
export function validateDocument(
  body: unknown,
  db: Pick<Database, 'documents' | 'stories'>,
  today: string,
  options: { storyId?: string } = {},
): Validated<DocumentForm & { day: string; storyId: string }> {
  const parsed = documentFormSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const story = storyFor(parsed.data.story, options.storyId, db.stories, 'document');
  if ('field' in story) return { ok: false, errors: [story] };
  const published = publicationDay(parsed.data.publishedAt, today);
  if (!published.ok) return { ok: false, errors: [{ field: 'publishedAt', message: published.message }] };
  const existing = db.documents.find((doc) => doc.url === parsed.data.url);
  if (existing) return { ok: false, errors: [{ field: 'url', message: `This URL is already stored as “${existing.title}”` }] };
  return { ok: true, value: { ...parsed.data, day: published.day, storyId: story.id } };
}

/**
 * The ISO day a document was published, from the day as typed: one day, not after today.
 * @example publicationDay('11 February 2025', '2025-03-01') //=> { ok: true, day: '2025-02-11' }
 * @example publicationDay('2025', '2025-03-01') //=> { ok: false, message: 'The publication date must be one day (you gave 2025)' }
 */
export function publicationDay(written: string, today: string): { ok: true; day: string } | { ok: false; message: string } {
  const published = resolveDate(written, { today });
  if (!published.ok) return { ok: false, message: `The publication date: ${published.message}` };
  if (published.date.precision !== 'day' || published.date.start !== published.date.end) {
    return { ok: false, message: `The publication date must be one day (you gave ${published.date.label})` };
  }
  if (published.date.start > today) return { ok: false, message: 'The publication date cannot be in the future' };
  return { ok: true, day: published.date.start };
}

/** Stores a document; its publisher is matched by name or id, or added as a publication. */
export function addDocument(db: Database, form: DocumentForm & { day: string; storyId: string }, context: ClockContext): Transition<Document> {
  const publisher = ensureSource(db.sources, form.publisher, 'publication');
  const base = slugify(`${form.title}`).slice(0, 60) || 'document';
  const taken = new Set(db.documents.map((doc) => doc.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  const document: Document = {
    id,
    storyId: form.storyId,
    title: form.title,
    publisherId: publisher.source.id,
    url: form.url,
    publishedAt: form.day,
    ...(form.credit && { credit: form.credit }),
    text: form.text,
    createdAt: context.now,
  };
  return { data: { ...db, sources: publisher.sources, documents: [...db.documents, document] }, result: document };
}
