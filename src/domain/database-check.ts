import { z } from 'zod';
import { upgradeDatabase } from './database-upgrade.js';
import { ClaimSchema, DocumentSchema, RelationSchema, RevisionSchema, SourceSchema, StorySchema } from './formats/claimline-schema.js';
import { wholeSequenceConflict } from './sequence/check-sequence.js';
import { DATABASE_VERSION, type Claim, type Database, type Document, type Relation } from './types.js';

/** The top level only: records are checked one at a time below, so a large file is never copied whole. */
const databaseShape = z.strictObject({
  version: z.literal(DATABASE_VERSION, { error: `version must be ${DATABASE_VERSION}` }),
  stories: z.array(z.unknown()),
  sources: z.array(z.unknown()),
  documents: z.array(z.unknown()),
  claims: z.array(z.unknown()),
  revisions: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});

const RECORD_SCHEMAS = {
  stories: StorySchema,
  sources: SourceSchema,
  documents: DocumentSchema,
  claims: ClaimSchema,
  revisions: RevisionSchema,
  relations: RelationSchema,
} as const;

function firstIssue(error: z.ZodError, prefix: PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'the data does not have the shape of a Claimline database';
  const path = [...prefix, ...issue.path];
  const where = path.length > 0 ? path.map(String).join('.') : 'the top level';
  return `${where}: ${issue.message}`;
}

/** The first record of `records` its collection's schema refuses, as a message naming where. */
function recordProblem(collection: string, records: readonly unknown[], offset = 0): string | null {
  const schema = (RECORD_SCHEMAS as Record<string, z.ZodType>)[collection];
  if (!schema) return `${collection}: not a collection of a Claimline database`;
  for (let i = 0; i < records.length; i += 1) {
    const checked = schema.safeParse(records[i]);
    if (!checked.success) return firstIssue(checked.error, [collection, offset + i]);
  }
  return null;
}

/** Relations whose claims, document or source do not exist, or that relate a claim to itself. */
function relationProblem(db: Database, relations: readonly Relation[]): string | null {
  if (relations.length === 0) return null;
  const claimIds = new Set(db.claims.map((c) => c.id));
  const documentIds = new Set(db.documents.map((d) => d.id));
  const sourceIds = new Set(db.sources.map((s) => s.id));
  let storyOf: Map<string, string> | undefined;
  for (const relation of relations) {
    for (const end of [relation.from, relation.to]) if (!claimIds.has(end)) return `relation ${relation.id}: claim ${end} does not exist`;
    if (relation.from === relation.to) return `relation ${relation.id}: relates claim ${relation.from} to itself`;
    storyOf ??= new Map(db.claims.map((c) => [c.id, c.storyId]));
    if (storyOf.get(relation.from) !== storyOf.get(relation.to)) return `relation ${relation.id}: relates claims of two stories`;
    if (relation.documentId && !documentIds.has(relation.documentId)) return `relation ${relation.id}: document ${relation.documentId} does not exist`;
    if (relation.sourceId && !sourceIds.has(relation.sourceId)) return `relation ${relation.id}: source ${relation.sourceId} does not exist`;
  }
  return null;
}

/** Dates and relations that disagree anywhere in the database. */
function sequenceProblem(db: Database): string | null {
  const conflict = wholeSequenceConflict(db.claims, db.relations);
  return conflict && `relations: ${conflict.message}`;
}

/** Broken references from the given records into `db`: unknown sources, documents, publishers, superseded claims. */
function referenceProblem(db: Database, claims: readonly Claim[], documents: readonly Document[]): string | null {
  const sourceIds = new Set(db.sources.map((s) => s.id));
  const storyIds = new Set(db.stories.map((s) => s.id));
  for (const doc of documents) {
    if (!sourceIds.has(doc.publisherId)) return `document ${doc.id}: publisher ${doc.publisherId} is not a source`;
    if (!storyIds.has(doc.storyId)) return `document ${doc.id}: story ${doc.storyId} does not exist`;
  }
  for (const claim of claims) if (!storyIds.has(claim.storyId)) return `claim ${claim.id}: story ${claim.storyId} does not exist`;
  let documentIds: Set<string> | undefined;
  let claimIds: Set<string> | undefined;
  for (const claim of claims) {
    for (const a of claim.attributions) {
      if (!sourceIds.has(a.sourceId)) return `claim ${claim.id}: source ${a.sourceId} does not exist`;
      documentIds ??= new Set(db.documents.map((d) => d.id));
      if (a.documentId && !documentIds.has(a.documentId)) return `claim ${claim.id}: document ${a.documentId} does not exist`;
    }
    if (claim.supersedes.length > 0) {
      claimIds ??= new Set(db.claims.map((c) => c.id));
      const missing = claim.supersedes.find((id) => !claimIds?.has(id));
      if (missing) return `claim ${claim.id}: supersedes ${missing}, which does not exist`;
    }
  }
  return null;
}

/**
 * Why `data` is not a Claimline database, or null when it is one.
 * Checks the shape of every record and that every reference points at a record that exists.
 */
export function validateDatabase(data: unknown): string | null {
  const problem = validateDatabaseShape(data);
  if (problem !== null) return problem;
  const db = data as Database;
  for (const collection of Object.keys(RECORD_SCHEMAS)) {
    const recordsProblem = recordProblem(collection, db[collection as keyof typeof RECORD_SCHEMAS]);
    if (recordsProblem !== null) return recordsProblem;
  }
  if (new Set(db.sources.map((s) => s.id)).size !== db.sources.length) return 'sources: two sources share an id';
  if (new Set(db.stories.map((s) => s.id)).size !== db.stories.length) return 'stories: two stories share an id';
  if (new Set(db.stories.map((s) => s.slug)).size !== db.stories.length) return 'stories: two stories share a slug';
  const claimIds = new Set<string>();
  for (const claim of db.claims) {
    if (claimIds.has(claim.id)) return `claims: id ${claim.id} is used twice`;
    claimIds.add(claim.id);
  }
  if (new Set(db.relations.map((r) => r.id)).size !== db.relations.length) return 'relations: two relations share an id';
  return referenceProblem(db, db.claims, db.documents) ?? relationProblem(db, db.relations) ?? sequenceProblem(db);
}

/** The top level of a database only: its version and its collections, not their records. */
export function validateDatabaseShape(data: unknown): string | null {
  const shape = databaseShape.safeParse(data);
  return shape.success ? null : firstIssue(shape.error);
}

/**
 * Checks only the records a change wrote (by collection), against the data they are now part of. The
 * store uses it on every update, so data it writes is valid by construction and a file it wrote itself
 * can be opened on a shape check instead of a check of every record.
 */
export function validateChanges(db: Database, changed: ReadonlyMap<string, readonly unknown[]>): string | null {
  for (const [collection, records] of changed) {
    const problem = recordProblem(collection, records);
    if (problem !== null) return problem;
  }
  // Whether dates and relations agree is checked by the command that stores them (addRelation, editClaim,
  // the import), against the network the app keeps; solving a relation's whole group again here would cost
  // every write the size of that group. A whole file is still checked when it opens untrusted.
  if (changed.has('stories') && new Set(db.stories.map((s) => s.slug)).size !== db.stories.length) return 'stories: two stories share a slug';
  return (
    referenceProblem(db, (changed.get('claims') ?? []) as Claim[], (changed.get('documents') ?? []) as Document[]) ??
    relationProblem(db, (changed.get('relations') ?? []) as Relation[])
  );
}

/**
 * Everything a store needs to check Claimline data: `validate` for whole files, and the cheaper checks
 * that let it trust files it wrote itself because every update it stored was checked.
 */
export const DATABASE_VALIDATION = {
  upgrade: upgradeDatabase,
  validate: validateDatabase,
  checks: { shape: validateDatabaseShape, changes: validateChanges },
};
