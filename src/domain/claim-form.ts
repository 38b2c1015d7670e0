import { z } from 'zod';
import { isHttpUrl } from './validation.js';

export const LIMITS = {
  statement: 600,
  shortName: 40,
  name: 120,
  verb: 40,
  url: 2000,
  quote: 2000,
  listItems: 20,
  date: 100,
  id: 100,
  reason: 500,
} as const;

/** Splits “Apple, Alibaba” (form) or ["Apple", "Alibaba"] (API) into trimmed names, first spelling kept. */
function nameList(field: string) {
  return z
    .union([z.string(), z.array(z.string())], { error: `${field} must be text or a list of text` })
    .optional()
    .transform((value) => {
      const parts = (Array.isArray(value) ? value : (value ?? '').split(',')).map((part) => part.trim()).filter(Boolean);
      const firstSpellings = new Map<string, string>();
      for (const part of parts) if (!firstSpellings.has(part.toLowerCase())) firstSpellings.set(part.toLowerCase(), part);
      return [...firstSpellings.values()];
    })
    .refine((names) => names.length <= LIMITS.listItems, `list at most ${LIMITS.listItems} ${field}`)
    .refine((names) => names.every((name) => name.length <= LIMITS.name), `each of the ${field} must be at most ${LIMITS.name} characters`);
}

export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
}

export function optionalText(label: string, max: number) {
  return text(label, max)
    .optional()
    .transform((value) => value || undefined);
}

export function optionalUrl(label: string) {
  return optionalText(label, LIMITS.url).refine(
    (url) => url === undefined || isHttpUrl(url),
    'Give a web address starting with http:// or https://',
  );
}

/** The fields the add and edit forms share, and `POST /api/claims` takes. */
export const claimFields = {
  story: optionalText('The story', LIMITS.id),
  statement: text('The statement', LIMITS.statement).min(1, 'Write what was claimed'),
  shortName: optionalText('The short name', LIMITS.shortName),
  date: text('The date', LIMITS.date).min(1, 'Give the date of the event, as written (“the second quarter last year”) or as 2024-Q2'),
  dateReference: optionalText('The reference date', LIMITS.date),
  claimedAt: optionalText('The claim date', LIMITS.date),
  source: optionalText('The source', LIMITS.name),
  sourceId: optionalText('The source id', LIMITS.id),
  verb: optionalText('The verb', LIMITS.verb),
  document: optionalText('The document', LIMITS.id),
  url: optionalUrl('The URL'),
  quote: optionalText('The quote', LIMITS.quote),
  relayedBy: nameList('relays'),
  actors: nameList('actors'),
  topics: nameList('topics'),
};

/**
 * One schema for the add-claim form and `POST /api/claims`: the same fields, the same messages.
 * Unknown fields are refused so a typo in a script is caught rather than silently dropped.
 */
export const claimFormSchema = z.strictObject(claimFields);
export type ClaimForm = z.output<typeof claimFormSchema>;

/** The edit form: the add form's fields, who edits and why, and the revision the form was opened on. */
export const claimEditSchema = z.strictObject({
  ...claimFields,
  supersedes: nameList('superseded claims'),
  editor: text('Your name', LIMITS.name).min(1, 'Say who is making this edit'),
  reason: optionalText('The reason', LIMITS.reason),
  revision: z
    .union([z.string(), z.number()], { error: 'The form lost its revision number; open the edit form again' })
    .transform(String)
    .pipe(z.string().regex(/^\d{1,9}$/, 'The form lost its revision number; open the edit form again'))
    .transform(Number),
});
export type ClaimEditForm = z.output<typeof claimEditSchema>;

/** Form fields in display order, for echoing what was typed. */
export const CLAIM_FORM_FIELDS = [
  'story',
  'statement',
  'shortName',
  'date',
  'dateReference',
  'claimedAt',
  'source',
  'verb',
  'document',
  'url',
  'quote',
  'relayedBy',
  'actors',
  'topics',
] as const;
export const CLAIM_EDIT_FIELDS = [...CLAIM_FORM_FIELDS, 'supersedes', 'editor', 'reason', 'revision'] as const;
