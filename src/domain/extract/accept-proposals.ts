import { addClaim, type ClockContext, type Transition } from '../add-claim.js';
import { SKIPPED_QUOTES_LIMIT } from '../add-document.js';
import { addRelation, type RelationCheck } from '../sequence/add-relation.js';
import type { SequenceConflict } from '../sequence/conflict.js';
import type { Claim, Database, Relation, Revision } from '../types.js';
import type { FieldError } from '../validation.js';
import type { Acceptance } from './acceptance-form.js';

/** A relation among the proposals kept disagrees with their dates or closes a loop: nothing is stored. */
export class AcceptanceRefusedError extends Error {
  override name = 'AcceptanceRefusedError';
  constructor(
    readonly errors: FieldError[],
    readonly conflict?: SequenceConflict,
  ) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/** The revision reason of a claim kept from a reading. */
export const readingReason = (title: string) => `From a reading of “${title}”`;

/**
 * Stores the proposals a person kept from a reading of document `documentId`, in one change: each an ordinary
 * claim of the document's story (origin, relays and the document's publisher, quote anchored), with a first
 * revision saying it came from the reading; then the relations between them, each checked against the dates and
 * relations like one added by hand. The document remembers `skipped`, the quotes of proposals not kept, so the
 * next reading does not offer them again.
 * @throws AcceptanceRefusedError when a relation is refused (the change then stores nothing)
 */
export function acceptProposals(
  db: Database,
  documentId: string,
  acceptance: Acceptance,
  skipped: readonly string[],
  context: ClockContext,
  check?: RelationCheck,
): Transition<{ claims: Claim[]; relations: Relation[] }> {
  const document = db.documents.find((doc) => doc.id === documentId);
  if (!document) throw new Error(`acceptProposals: no document ${documentId}`);
  let data = db;
  const ids: string[] = [];
  const revisions: Revision[] = [];
  for (const accepted of acceptance.claims) {
    const added = addClaim(data, accepted.draft, context);
    const claim = accepted.citing ? citingNoted(added.result, accepted.citing) : added.result;
    data = claim === added.result ? added.data : { ...added.data, claims: added.data.claims.map((c) => (c === added.result ? claim : c)) };
    ids.push(claim.id);
    revisions.push({ id: context.newId(), claimId: claim.id, revision: claim.revision, at: context.now, editor: acceptance.editor, reason: readingReason(document.title), changes: [] });
  }
  data = { ...data, revisions: data.revisions.concat(revisions) };
  const relations: Relation[] = [];
  acceptance.relations.forEach((wanted, index) => {
    const input = {
      from: ids[wanted.from]!,
      relation: wanted.relation,
      to: ids[wanted.to]!,
      ...(wanted.quote && { quote: wanted.quote }),
      documentId,
      editor: acceptance.editor,
      reason: readingReason(document.title),
    };
    const added = addRelation(data, input, context, check);
    if (added.result.kind === 'refused') {
      throw new AcceptanceRefusedError(
        added.result.errors.map((error) => ({ field: `relations[${index}]`, message: error.message })),
        added.result.conflict,
      );
    }
    if (added.result.kind !== 'added') throw new Error(`acceptProposals: adding a relation gave ${added.result.kind}`);
    relations.push(added.result.relation);
    data = added.data;
  });
  // The newest are kept when a document has been read very often: the oldest skips may be offered again.
  const remembered = [...new Set([...(document.skippedQuotes ?? []), ...skipped])].slice(-SKIPPED_QUOTES_LIMIT);
  if (remembered.some((quote, i) => quote !== document.skippedQuotes?.[i])) {
    const changed = { ...document, skippedQuotes: remembered };
    data = { ...data, documents: data.documents.map((doc) => (doc.id === documentId ? changed : doc)) };
  }
  const stored = new Map(data.claims.map((claim) => [claim.id, claim]));
  return { data, result: { claims: ids.map((id) => stored.get(id)!), relations } };
}

/** The origin's link says whom the origin cites, as the text does ("citing people familiar with the matter"). */
function citingNoted(claim: Claim, citing: string): Claim {
  return { ...claim, attributions: claim.attributions.map((a, i) => (i === 0 && a.role === 'origin' && !a.note ? { ...a, note: `citing ${citing}` } : a)) };
}
