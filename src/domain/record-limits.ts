import { z } from 'zod';
import { documentFormSchema, SKIPPED_QUOTES_LIMIT } from './add-document.js';
import { claimEditSchema, claimFields, LIMITS, optionalText, optionalUrl, text } from './claim-form.js';
import { relationFormSchema } from './sequence/relation-form.js';
import { statusFormSchema } from './status-form.js';
import { fieldPath } from './validation.js';

/**
 * The rules the forms and the API hold typed text to (lengths, http(s)-only links), applied to whole records, so a
 * record that arrives by import is held to exactly what it would have been held to had it been typed in. The
 * fields are the forms' own schema fields: a limit changed there changes here.
 */

const id = text('The id', LIMITS.id).min(1, 'Give an id');
const note = statusFormSchema.shape.note;

const dateText = z.object({ phrase: optionalText('The date as written', LIMITS.date), label: text('The date label', LIMITS.date) });

const attributionText = z.object({
  sourceId: id,
  verb: text('The verb', LIMITS.verb).min(1, 'Give the verb the text used'),
  documentId: optionalText('The document', LIMITS.id),
  url: claimFields.url,
  quote: claimFields.quote,
  note,
});

const claimText = z.object({
  id,
  statement: claimFields.statement,
  shortName: claimFields.shortName,
  date: dateText,
  claimedAt: dateText,
  actors: claimFields.actors,
  topics: claimFields.topics,
  supersedes: claimEditSchema.shape.supersedes,
  statusHistory: z.array(z.object({ note })),
  // The origin, up to the form's twenty relays, and the publisher.
  attributions: z.array(attributionText).max(LIMITS.listItems + 2, `list at most ${LIMITS.listItems + 2} attributions`),
});

const sourceText = z.object({
  id,
  name: text('The name', LIMITS.name).min(1, 'Give the source a name'),
  url: optionalUrl('The URL'),
});

const { title, url, credit, text: documentText } = documentFormSchema.shape;
const documentTextFields = z.object({
  id,
  title,
  url,
  credit,
  text: documentText.optional(),
  publisherId: id,
  skippedQuotes: z.array(claimFields.quote).max(SKIPPED_QUOTES_LIMIT, `list at most ${SKIPPED_QUOTES_LIMIT} skipped quotes`).optional(),
});

const revisionText = z.object({ id, claimId: id, editor: claimEditSchema.shape.editor, reason: optionalText('The reason', LIMITS.reason) });

const relationText = z.object({
  id,
  from: id,
  to: id,
  quote: relationFormSchema.shape.quote,
  documentId: optionalText('The document', LIMITS.id),
  sourceId: optionalText('The source', LIMITS.id),
});

const RECORD_TEXT = {
  claim: claimText,
  source: sourceText,
  document: documentTextFields,
  revision: revisionText,
  relation: relationText,
} as const;

export type LimitedRecord = keyof typeof RECORD_TEXT;

/**
 * What in a record the forms would have refused, one line per field (`statement: The statement must be at most
 * 600 characters`); empty when it would have passed. Only typed text is checked here: the record's shape is the
 * database schema's business.
 * @example recordLimitProblems('source', { id: 'x', name: 'X', kind: 'other', url: 'javascript:alert(1)' })
 * //=> ['url: Give a web address starting with http:// or https://']
 */
export function recordLimitProblems(kind: LimitedRecord, record: unknown): string[] {
  const checked = RECORD_TEXT[kind].safeParse(record);
  if (checked.success) return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of checked.error.issues) {
    const where = fieldPath(issue.path);
    if (seen.has(where)) continue;
    seen.add(where);
    problems.push(`${where}: ${issue.message}`);
  }
  return problems;
}
