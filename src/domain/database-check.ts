import { z } from 'zod';
import { ClaimSchema, DocumentSchema, RevisionSchema, SourceSchema } from './formats/claimline-schema.js';
import type { Database } from './types.js';

/** The top level only: records are checked one at a time below, so a large file is never copied whole. */
const databaseShape = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  sources: z.array(z.unknown()),
  documents: z.array(z.unknown()),
  claims: z.array(z.unknown()),
  revisions: z.array(z.unknown()),
});

const RECORD_SCHEMAS = {
  sources: SourceSchema,
  documents: DocumentSchema,
  claims: ClaimSchema,
  revisions: RevisionSchema,
} as const;

function firstIssue(error: z.ZodError, prefix: PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'the data does not have the shape of a Claimline database';
  const path = [...prefix, ...issue.path];
  const where = path.length > 0 ? path.map(String).join('.') : 'the top level';
  return `${where}: ${issue.message}`;
}

/**
 * Why `data` is not a Claimline database, or null when it is one.
 * Checks the shape of every record and that every reference points at a record that exists.
 */
export function validateDatabase(data: unknown): string | null {
  const shape = databaseShape.safeParse(data);
  if (!shape.success) return firstIssue(shape.error);
  for (const [collection, schema] of Object.entries(RECORD_SCHEMAS) as Array<[keyof typeof RECORD_SCHEMAS, z.ZodType]>) {
    const records = shape.data[collection];
    for (let i = 0; i < records.length; i += 1) {
      const checked = schema.safeParse(records[i]);
      if (!checked.success) return firstIssue(checked.error, [collection, i]);
    }
  }
  const db = data as Database;
  const sourceIds = new Set(db.sources.map((s) => s.id));
  const documentIds = new Set(db.documents.map((d) => d.id));
  const claimIds = new Set<string>();
  if (sourceIds.size !== db.sources.length) return 'sources: two sources share an id';
  for (const doc of db.documents) {
    if (!sourceIds.has(doc.publisherId)) return `document ${doc.id}: publisher ${doc.publisherId} is not a source`;
  }
  for (const claim of db.claims) {
    if (claimIds.has(claim.id)) return `claims: id ${claim.id} is used twice`;
    claimIds.add(claim.id);
    for (const a of claim.attributions) {
      if (!sourceIds.has(a.sourceId)) return `claim ${claim.id}: source ${a.sourceId} does not exist`;
      if (a.documentId && !documentIds.has(a.documentId)) return `claim ${claim.id}: document ${a.documentId} does not exist`;
    }
  }
  for (const claim of db.claims) {
    for (const id of claim.supersedes) {
      if (!claimIds.has(id)) return `claim ${claim.id}: supersedes ${id}, which does not exist`;
    }
  }
  return null;
}
