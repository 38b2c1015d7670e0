import { z } from 'zod';
import { anchorQuote } from '../anchor.js';
import { LIMITS, optionalText, text } from '../claim-form.js';
import { findSource } from '../sources.js';
import type { Lookups } from '../lookups.js';
import { RELATION_KINDS, type RelationKind } from '../types.js';
import { fieldErrors, type FieldError, type Validated } from '../validation.js';

/** Who records a change: missing and empty get the same plain request. */
export const editorName = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : 'Your name must be text') })
    .trim()
    .min(1, missing)
    .max(LIMITS.name, `Your name must be at most ${LIMITS.name} characters`);

/**
 * One schema for the relation form and `POST /api/claims/:id/relations`. `claim` is the other claim's id; the
 * relation reads from the claim whose page it is added on: “this happened after <claim>”.
 */
export const relationFormSchema = z.strictObject({
  relation: z.enum(RELATION_KINDS, { error: 'Choose how the two events stand: before, after, during or at the same time as' }),
  claim: text('The other claim', LIMITS.id).min(1, 'Choose the other claim'),
  quote: optionalText('The words that say so', LIMITS.quote),
  document: optionalText('The document', LIMITS.id),
  source: optionalText('The source', LIMITS.name),
  editor: editorName('Say who is recording this relation'),
  reason: optionalText('The reason', LIMITS.reason),
});

/** Removing a relation: who removes it, and why (optional). The same for the page's button and `DELETE`. */
export const relationRemovalSchema = z.strictObject({
  editor: editorName('Say who is removing this relation'),
  reason: optionalText('The reason', LIMITS.reason),
});

export function validateRelationRemoval(body: unknown): Validated<{ editor: string; reason?: string }> {
  const parsed = relationRemovalSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, value: { editor: parsed.data.editor, ...(parsed.data.reason && { reason: parsed.data.reason }) } };
}

export const RELATION_FORM_FIELDS = ['relation', 'claim', 'quote', 'document', 'source', 'editor', 'reason'] as const;

/** A relation as submitted, checked against the claims and documents it names; `source` may be a new name. */
export interface RelationInput {
  from: string;
  relation: RelationKind;
  to: string;
  quote?: string;
  documentId?: string;
  source?: { sourceId: string } | { name: string };
  editor: string;
  reason?: string;
}

export type RelationLookups = Pick<Lookups, 'claim' | 'document' | 'records'>;

const shorten = (words: string, max = 160) => (words.length > max ? `${words.slice(0, max - 1)}…` : words);

/**
 * Checks a relation submitted on claim `from`'s page: the schema, then that the other claim and the document
 * exist, that the claim is not related to itself, and that the quote is in the document. Whether it agrees with
 * the dates and the other relations is checked when it is stored (see addRelation).
 */
export function validateRelation(body: unknown, from: string, lookups: RelationLookups): Validated<RelationInput> {
  const parsed = relationFormSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const form = parsed.data;
  const errors: FieldError[] = [];
  const other = lookups.claim(form.claim);
  if (!other) errors.push({ field: 'claim', message: `There is no claim with id “${form.claim}”` });
  else if (other.id === from) errors.push({ field: 'claim', message: 'A claim cannot be related to itself; choose another claim' });
  else if (other.storyId !== lookups.claim(from)?.storyId) errors.push({ field: 'claim', message: 'That claim belongs to another story: relations stay inside a story' });
  const document = form.document ? lookups.document(form.document) : undefined;
  if (form.document && !document) errors.push({ field: 'document', message: `There is no document with id “${form.document}”` });
  if (document && form.quote) {
    const found = anchorQuote(document.text ?? '', form.quote);
    if (!found.found) {
      const closest = found.closest ? ` The closest passage is: “${shorten(found.closest.passage)}”` : '';
      errors.push({ field: 'quote', message: `The words are not in “${document.title}”.${closest}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const known = form.source ? findSource(lookups.records.sources, form.source) : undefined;
  return {
    ok: true,
    value: {
      from,
      relation: form.relation,
      to: form.claim,
      ...(form.quote && { quote: form.quote }),
      ...(document && { documentId: document.id }),
      ...(form.source && { source: known ? { sourceId: known.id } : { name: form.source } }),
      editor: form.editor,
      ...(form.reason && { reason: form.reason }),
    },
  };
}
