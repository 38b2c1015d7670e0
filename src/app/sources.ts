import { editSource, validateSourceEdit } from '../domain/source-form.js';
import type { Source } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';

export type EditSourceOutcome = { kind: 'saved'; source: Source } | { kind: 'missing' } | { kind: 'invalid'; errors: FieldError[] };

/** Edits what is recorded of a source (its kind, address and fiscal year end), from its form or `POST /api/sources/:id`. */
export async function editSourceCommand(store: Store, id: string, body: unknown): Promise<EditSourceOutcome> {
  const checked = validateSourceEdit(body);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const source = await store.update({}, (db) => editSource(db, id, checked.value));
  return source ? { kind: 'saved', source } : { kind: 'missing' };
}
