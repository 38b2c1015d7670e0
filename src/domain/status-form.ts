import { z } from 'zod';
import { LIMITS, optionalText, text } from './claim-form.js';
import { resolveDate } from './dates/resolve-date.js';
import type { StatusChangeInput } from './edit-claim.js';
import { findSource } from './sources.js';
import { STATUSES, type Database } from './types.js';
import { fieldErrors, type FieldError, type Validated } from './validation.js';

/** The status-change form and `POST /api/claims/:id/status`. */
export const statusFormSchema = z.strictObject({
  status: z.enum(STATUSES, { error: `Choose a status: ${STATUSES.join(', ')}` }),
  on: text('The date of the change', LIMITS.date).min(1, 'Give the day the status changed, e.g. 2025-02-13'),
  source: optionalText('The source', LIMITS.name),
  note: optionalText('The note', LIMITS.reason),
  supersededBy: optionalText('The replacing claim', LIMITS.id),
  editor: text('Your name', LIMITS.name).min(1, 'Say who is recording this change'),
});

export const STATUS_FORM_FIELDS = ['status', 'on', 'source', 'note', 'supersededBy', 'editor'] as const;

export interface StatusSubmission extends StatusChangeInput {
  /** A source name that matched none: created when the change is stored. */
  newSourceName?: string;
}

/** Checks a status change for claim `claimId`: a real day, a known replacing claim, the source by name. */
export function validateStatusChange(body: unknown, db: Pick<Database, 'sources' | 'claims'>, claimId: string, today: string): Validated<StatusSubmission> {
  const parsed = statusFormSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const form = parsed.data;
  const errors: FieldError[] = [];
  const on = resolveDate(form.on, { reference: today, today });
  if (!on.ok) errors.push({ field: 'on', message: `The date of the change: ${on.message}` });
  else if (on.date.precision !== 'day' || on.date.start !== on.date.end) {
    errors.push({ field: 'on', message: `The date of the change must be one day (you gave ${on.date.label})` });
  } else if (on.date.start > today) errors.push({ field: 'on', message: 'The date of the change cannot be in the future' });
  if (form.supersededBy) {
    if (form.supersededBy === claimId) errors.push({ field: 'supersededBy', message: 'A claim cannot supersede itself' });
    else if (!db.claims.some((claim) => claim.id === form.supersededBy)) {
      errors.push({ field: 'supersededBy', message: `There is no claim with id “${form.supersededBy}”` });
    }
    if (form.status !== 'superseded') errors.push({ field: 'supersededBy', message: 'Only a superseded claim has a replacing claim' });
  }
  if (errors.length > 0 || !on.ok) return { ok: false, errors };
  const source = form.source ? findSource(db.sources, form.source) : undefined;
  return {
    ok: true,
    value: {
      status: form.status,
      on: on.date.start,
      editor: form.editor,
      ...(source && { sourceId: source.id }),
      ...(form.source && !source && { newSourceName: form.source }),
      ...(form.note && { note: form.note }),
      ...(form.supersededBy && { supersededBy: form.supersededBy }),
    },
  };
}
