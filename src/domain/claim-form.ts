import { z } from 'zod';
import { isHttpUrl } from './validation.js';

export const LIMITS = {
  statement: 600,
  name: 120,
  verb: 40,
  url: 2000,
  quote: 2000,
  listItems: 20,
  date: 100,
} as const;

/** Splits “Apple, Alibaba” (form) or ["Apple", "Alibaba"] (API) into trimmed, de-duplicated names. */
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

function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
}

function optionalText(label: string, max: number) {
  return text(label, max)
    .optional()
    .transform((value) => value || undefined);
}

/**
 * One schema for the add-claim form and `POST /api/claims`: the same fields, the same messages.
 * Unknown fields are refused so a typo in a script is caught rather than silently dropped.
 */
export const claimFormSchema = z.strictObject({
  statement: text('The statement', LIMITS.statement).min(1, 'Write what was claimed'),
  date: text('The date', LIMITS.date).min(1, 'Give the date of the event, e.g. 2024, 2024-Q2, 2024-06 or 2024-06-15'),
  source: text('The source', LIMITS.name).min(1, 'Name who made the claim, e.g. The Information'),
  verb: optionalText('The verb', LIMITS.verb),
  url: optionalText('The URL', LIMITS.url).refine(
    (url) => url === undefined || isHttpUrl(url),
    'Give a web address starting with http:// or https://',
  ),
  quote: optionalText('The quote', LIMITS.quote),
  relayedBy: nameList('relays'),
  actors: nameList('actors'),
  topics: nameList('topics'),
});

export type ClaimForm = z.output<typeof claimFormSchema>;

/** The form's fields in display order, for echoing what was typed. */
export const CLAIM_FORM_FIELDS = ['statement', 'date', 'source', 'verb', 'url', 'quote', 'relayedBy', 'actors', 'topics'] as const;
