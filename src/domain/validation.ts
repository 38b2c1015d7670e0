import type { z } from 'zod';

/** One problem with one field, in words the person who typed it can act on. */
export interface FieldError {
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Turns zod issues into field errors, first message per field, in form order. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({
      field,
      message: issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''}: ${field}` : issue.message,
    });
  }
  return errors;
}

/**
 * Where in a body a problem is, as a person reads it.
 * @example fieldPath(['proposals', 2, 'quote']) //=> 'proposals[2].quote'
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** Only absolute http(s) URLs may become links: no `javascript:`, `data:` or scheme-relative `//host`. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/\s]/i.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
