import { attributionsFrom, type ClockContext, type Transition } from './add-claim.js';
import type { ClaimDraft } from './claim-draft.js';
import { sequenceConflict } from './sequence/check-sequence.js';
import type { SequenceConflict } from './sequence/conflict.js';
import { ensureSource } from './sources.js';
import { isStale, reviseClaim, type RevisedField } from './revisions.js';
import type { Claim, Database, Revision, Status } from './types.js';

export type EditOutcome =
  | { kind: 'saved'; claim: Claim }
  | { kind: 'unchanged'; claim: Claim }
  /** The claim changed since the form was opened: nothing is saved, both versions go back to the editor. */
  | { kind: 'stale'; current: Claim }
  /** The new date disagrees with the claim's relations: nothing is saved. */
  | { kind: 'conflict'; conflict: SequenceConflict }
  | { kind: 'missing' };

export interface EditMeta {
  editor: string;
  reason: string;
  /** The claim's revision when the form was opened. */
  revision: number;
}

function replaceClaims(db: Database, changed: Claim[], revisions: Revision[]): Database {
  const byId = new Map(changed.map((claim) => [claim.id, claim]));
  return {
    ...db,
    claims: db.claims.map((claim) => byId.get(claim.id) ?? claim),
    revisions: [...db.revisions, ...revisions],
  };
}

/** Marks `target` superseded, recording the change in its history and as a revision. */
function supersede(target: Claim, by: Claim, on: string, meta: Omit<EditMeta, 'revision'>, context: ClockContext) {
  if (target.status === 'superseded') return null;
  const next: Claim = {
    ...target,
    status: 'superseded',
    statusHistory: [
      ...target.statusHistory,
      { status: 'superseded', on, note: `superseded by “${by.statement}”`, recordedAt: context.now },
    ],
  };
  const fields: RevisedField[] = ['status', 'statusHistory'];
  return reviseClaim(target, next, { id: context.newId(), at: context.now, editor: meta.editor, reason: meta.reason || `superseded by ${by.id}` }, fields);
}

/** Checks the ids an edit lists in `supersedes`: each must be another existing claim. */
export function supersedesErrors(db: Pick<Database, 'claims'>, id: string, supersedes: string[]): string | null {
  if (supersedes.includes(id)) return 'A claim cannot supersede itself';
  const unknown = supersedes.filter((target) => !db.claims.some((claim) => claim.id === target));
  return unknown.length > 0 ? `There is no claim with id ${unknown.map((u) => `“${u}”`).join(', ')}` : null;
}

/**
 * Applies an edit as a new revision, unless the claim moved on since the form was opened (stale) or the
 * edit changes nothing. Claims newly listed in `supersedes` are marked superseded in the same write.
 */
export function editClaim(
  db: Database,
  id: string,
  edit: { draft: ClaimDraft; supersedes: string[] },
  meta: EditMeta,
  context: ClockContext,
): Transition<EditOutcome> {
  const current = db.claims.find((claim) => claim.id === id);
  if (!current) return { data: db, result: { kind: 'missing' } };
  if (isStale(current, meta.revision)) return { data: db, result: { kind: 'stale', current } };
  const { draft } = edit;
  const { sources, attributions } = attributionsFrom(draft, db.sources, current.attributions);
  const edited: Claim = {
    ...current,
    statement: draft.statement,
    shortName: draft.shortName,
    date: draft.date,
    claimedAt: draft.claimedAt,
    actors: draft.actors,
    topics: draft.topics,
    attributions,
    supersedes: edit.supersedes,
  };
  const revised = reviseClaim(current, edited, { id: context.newId(), at: context.now, editor: meta.editor, reason: meta.reason });
  if (!revised) return { data: db, result: { kind: 'unchanged', claim: current } };
  if (revised.claim.date !== current.date && db.relations.some((r) => r.from === id || r.to === id)) {
    const byId = new Map(db.claims.map((claim) => [claim.id, claim]));
    byId.set(id, revised.claim);
    const conflict = sequenceConflict((other) => byId.get(other), db.relations, [id]);
    if (conflict) return { data: db, result: { kind: 'conflict', conflict } };
  }
  const newlySuperseded = edit.supersedes.filter((target) => !current.supersedes.includes(target));
  const followUps = newlySuperseded.flatMap((targetId) => {
    const target = db.claims.find((claim) => claim.id === targetId);
    const result = target && supersede(target, revised.claim, context.today, meta, context);
    return result ? [result] : [];
  });
  const data = replaceClaims(
    { ...db, sources },
    [revised.claim, ...followUps.map((f) => f.claim)],
    [revised.revision, ...followUps.map((f) => f.revision)],
  );
  return { data, result: { kind: 'saved', claim: revised.claim } };
}

export interface StatusChangeInput {
  status: Status;
  /** ISO day the status changed. */
  on: string;
  sourceId?: string;
  note?: string;
  /** When the status is `superseded`: the claim that replaces this one. */
  supersededBy?: string;
  /** A source named by the editor that does not exist yet: created with the change. */
  newSourceName?: string;
  editor: string;
}

/** Records a status change with its date and source, as a revision; the replacing claim links back. */
export function changeStatus(db: Database, id: string, input: StatusChangeInput, context: ClockContext): Transition<Claim | null> {
  const current = db.claims.find((claim) => claim.id === id);
  if (!current) return { data: db, result: null };
  const named = input.newSourceName ? ensureSource(db.sources, input.newSourceName) : undefined;
  const sourceId = named?.source.id ?? input.sourceId;
  const next: Claim = {
    ...current,
    status: input.status,
    statusHistory: [
      ...current.statusHistory,
      {
        status: input.status,
        on: input.on,
        ...(sourceId && { sourceId }),
        ...(input.note && { note: input.note }),
        recordedAt: context.now,
      },
    ],
  };
  const meta = { id: context.newId(), at: context.now, editor: input.editor, reason: input.note ?? `status: ${input.status}` };
  const revised = reviseClaim(current, next, meta, ['status', 'statusHistory']);
  if (!revised) return { data: db, result: current };
  const changed = [revised.claim];
  const revisions = [revised.revision];
  const replacement = input.supersededBy ? db.claims.find((claim) => claim.id === input.supersededBy) : undefined;
  if (replacement && !replacement.supersedes.includes(id)) {
    const linked = reviseClaim(
      replacement,
      { ...replacement, supersedes: [...replacement.supersedes, id] },
      { id: context.newId(), at: context.now, editor: input.editor, reason: `supersedes ${id}` },
      ['supersedes'],
    );
    if (linked) {
      changed.push(linked.claim);
      revisions.push(linked.revision);
    }
  }
  return { data: replaceClaims({ ...db, sources: named?.sources ?? db.sources }, changed, revisions), result: revised.claim };
}
