import type { ClockContext } from '../domain/add-claim.js';
import { addDocument, validateDocument } from '../domain/add-document.js';
import { slugify } from '../domain/slug.js';
import type { Document } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';

export type AddDocumentOutcome = { kind: 'added'; document: Document } | { kind: 'invalid'; errors: FieldError[] };

const fieldOf = (body: unknown, field: string) => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * Stores a document from the document form or `POST /api/documents`, in the story it names or is added from.
 * The documents whose id or URL it could clash with are read first, so its id is new and its URL not stored yet.
 */
export async function addDocumentCommand(store: Store, body: unknown, context: ClockContext, options: { storyId?: string } = {}): Promise<AddDocumentOutcome> {
  const url = fieldOf(body, 'url');
  const scope = { documentIds: { prefix: slugify(fieldOf(body, 'title')).slice(0, 60) || 'document', urls: url ? [url] : [] } };
  const checked = validateDocument(body, await store.load(scope), context.today, options);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  return { kind: 'added', document: await store.update(scope, (db) => addDocument(db, checked.value, context)) };
}
