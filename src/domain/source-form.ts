import { z } from 'zod';
import type { Transition } from './add-claim.js';
import { LIMITS, text } from './claim-form.js';
import { MONTH_NAMES } from './dates/month-names.js';
import { SOURCE_KINDS, type Database, type Source, type SourceKind } from './types.js';
import { fieldErrors, isHttpUrl, type Validated } from './validation.js';

const FISCAL_MESSAGE = 'The fiscal year end must be a month: 1–12 or its name (Apple’s is 9, September); leave it empty for the calendar year';

/** A month as a number (1–12), or as its name or first three letters. */
function monthOf(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 12 ? value : undefined;
  if (/^\d{1,2}$/.test(value)) return monthOf(Number(value));
  const index = MONTH_NAMES.findIndex((name) => value.length >= 3 && name.toLowerCase().startsWith(value.toLowerCase()));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * The source edit form and `POST /api/sources/:id`: the same fields, the same messages. A field left out is
 * kept; an empty one (or `null` in JSON) is cleared. The name is not edited here, since claims find sources by it.
 */
export const sourceFormSchema = z.strictObject({
  kind: z.enum(SOURCE_KINDS, { error: `The kind must be one of: ${SOURCE_KINDS.join(', ')}` }).optional(),
  url: z
    .union([z.null(), text('The website', LIMITS.url)], { error: 'The website must be text' })
    .optional()
    .transform((url) => (url === '' ? null : url))
    .refine((url) => url === undefined || url === null || isHttpUrl(url), 'Give a web address starting with http:// or https://'),
  fiscalYearEnd: z
    .union([z.null(), z.number(), z.string().trim().max(20)], { error: FISCAL_MESSAGE })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === null || value === '') return value === undefined ? undefined : null;
      const month = monthOf(value);
      if (month === undefined) context.addIssue({ code: 'custom', message: FISCAL_MESSAGE });
      return month ?? null;
    }),
});
/** A checked source edit: each field absent (kept), `null` (cleared) or its new value. */
export interface SourceEdit {
  kind?: SourceKind | undefined;
  url?: string | null | undefined;
  fiscalYearEnd?: number | null | undefined;
}

/** Form fields in display order, for echoing what was typed. */
export const SOURCE_FORM_FIELDS = ['kind', 'url', 'fiscalYearEnd'] as const;

/** Checks a submitted source edit; every problem is reported at once, each naming its field. */
export function validateSourceEdit(body: unknown): Validated<SourceEdit> {
  const parsed = sourceFormSchema.safeParse(body ?? {});
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/**
 * The source with the edit applied; the list is replaced, never changed, so lookups built on the old one stay true.
 * @returns the edited source, or undefined when there is no source with that id (and the data unchanged)
 */
export function editSource(db: Database, id: string, form: SourceEdit): Transition<Source | undefined> {
  const current = db.sources.find((source) => source.id === id);
  if (!current) return { data: db, result: undefined };
  const url = form.url === undefined ? current.url : (form.url ?? undefined);
  const fiscalYearEnd = form.fiscalYearEnd === undefined ? current.fiscalYearEnd : (form.fiscalYearEnd ?? undefined);
  const source: Source = {
    id: current.id,
    name: current.name,
    kind: form.kind ?? current.kind,
    ...(url !== undefined && { url }),
    ...(fiscalYearEnd !== undefined && { fiscalYearEnd }),
  };
  return { data: { ...db, sources: db.sources.map((s) => (s.id === id ? source : s)) }, result: source };
}
