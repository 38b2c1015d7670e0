import type { ClockContext } from './domain/add-claim.js';
import type { ColumnMapping } from './domain/formats/spreadsheet.js';
import { applyImport, ImportRefusedError, planImport, readImport, type ImportPlan } from './domain/import-plan.js';
import type { Store } from './store/store.js';

/**
 * Reads an import file (any format readImport knows; a spreadsheet's columns as `mapping` says), plans it against
 * the stored data and, unless it is a dry run or anything is refused, stores it all in one write. The page and the
 * command line both import this way.
 */
export async function runImport(
  store: Store,
  input: { text: string; name: string },
  options: { dryRun: boolean; context: ClockContext; mapping?: ColumnMapping },
): Promise<{ plan: ImportPlan; stored: boolean }> {
  const { context } = options;
  const read = readImport(input.text, { name: input.name, today: context.today, ...(options.mapping && { mapping: options.mapping }) });
  const plan = planImport(store.data, read, context);
  if (!plan.ok || options.dryRun) return { plan, stored: false };
  try {
    return { plan: await store.update((db) => applyImport(db, plan, context)), stored: true };
  } catch (error) {
    // The data moved on between planning and storing, and the new plan refuses something: nothing was stored.
    if (error instanceof ImportRefusedError) return { plan: error.plan, stored: false };
    throw error;
  }
}
