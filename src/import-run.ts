import type { ClockContext } from './domain/add-claim.js';
import type { ColumnMapping } from './domain/formats/spreadsheet.js';
import { applyImport, ImportRefusedError, planImport, quotesToAnchor, readImport, type ImportPlan } from './domain/import-plan.js';
import { QuoteAnchors } from './domain/quote-anchors.js';
import type { Document } from './domain/types.js';
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
  const incoming = readImport(input.text, { name: input.name, today: context.today, ...(options.mapping && { mapping: options.mapping }) });
  const anchors = await anchorAhead(quotesToAnchor(store.data, incoming));
  const plan = planImport(store.data, incoming, context, anchors);
  if (!plan.ok || options.dryRun) return { plan, stored: false };
  try {
    return { plan: await store.update((db) => applyImport(db, plan, context)), stored: true };
  } catch (error) {
    // The data moved on between planning and storing, and the new plan refuses something: nothing was stored.
    if (error instanceof ImportRefusedError) return { plan: error.plan, stored: false };
    throw error;
  }
}

/**
 * Finds every quote in its document one at a time, letting the server answer whatever else came in between
 * two of them: each costs a few milliseconds, but a file may hold thousands.
 */
async function anchorAhead(quotes: Array<{ document: Document; quote: string }>): Promise<QuoteAnchors> {
  const anchors = new QuoteAnchors();
  for (const { document, quote } of quotes) {
    anchors.anchor(document, quote);
    // setImmediate, not a microtask: the other requests' I/O only runs once this turn of the event loop ends.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return anchors;
}
