import type { ClockContext } from '../domain/add-claim.js';
import { contentId } from '../domain/formats/content-id.js';
import type { ColumnMapping } from '../domain/formats/spreadsheet.js';
import { applyImport, ImportRefusedError, planImport, quotesToAnchor, readImport, type ImportPlan, type ImportTarget, type IncomingImport } from '../domain/import-plan.js';
import { QuoteAnchors } from '../domain/quote-anchors.js';
import type { Document } from '../domain/types.js';
import type { Store, WriteScope } from '../store/store.js';

/**
 * Reads an import file (any format readImport knows; a spreadsheet's columns as `mapping` says), plans it against
 * the stored data and, unless it is a dry run or anything is refused, stores it all in one write. The page and the
 * command line both import this way.
 */
export async function runImport(
  store: Store,
  input: { text: string; name: string },
  options: { dryRun: boolean; context: ClockContext; mapping?: ColumnMapping; target?: ImportTarget },
): Promise<{ plan: ImportPlan; stored: boolean }> {
  const { context } = options;
  const incoming = readImport(input.text, { name: input.name, today: context.today, ...(options.mapping && { mapping: options.mapping }) });
  const scope = importScope(incoming, options.target);
  const db = await store.load(scope);
  const anchors = await anchorAhead(quotesToAnchor(db, incoming));
  const plan = planImport(db, incoming, context, anchors, options.target);
  if (!plan.ok || options.dryRun) return { plan, stored: false };
  try {
    return { plan: await store.update(scope, (current) => applyImport(current, plan, context)), stored: true };
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

/**
 * What planning an import reads: the story it goes into and every record the file names by id, whatever story
 * those are in now, so an update is recognised as one.
 */
function importScope(incoming: IncomingImport, target: ImportTarget | undefined): WriteScope {
  const story = target && 'story' in target ? [target.story] : [];
  if (incoming.format === 'claimline-json') {
    const file = incoming.file;
    if (!file) return { stories: story };
    return {
      stories: [...story, ...(file.stories ?? []).map((s) => s.id)],
      claims: [...file.claims.map((c) => c.id), ...file.claims.flatMap((c) => c.supersedes)],
      documents: file.documents.map((d) => d.id),
      revisions: file.revisions.map((r) => r.id),
      relations: (file.relations ?? []).map((r) => r.id),
    };
  }
  if (incoming.format === 'csv') {
    return {
      stories: story,
      claims: [...incoming.claims.map((c) => c.id), ...incoming.claims.flatMap((c) => c.supersedes)],
      documents: incoming.claims.flatMap((c) => c.attributions.flatMap((a) => a.documentId ?? [])),
    };
  }
  if (incoming.format === 'unknown') return { stories: story };
  return {
    stories: story,
    claims: incoming.rows.map((row) => row.id ?? contentId(row.body)),
    documents: incoming.rows.flatMap((row) => (typeof row.body.document === 'string' ? [row.body.document] : [])),
  };
}
