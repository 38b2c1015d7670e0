import { z } from 'zod';
import type { Claim, Database } from '../types.js';
import { ClaimlineExportSchema, EXPORT_FORMAT_VERSION } from './claimline-schema.js';
import type { ClaimlineExport } from './claimline-schema.js';
import { fieldPath } from '../validation.js';

export type { ClaimlineExport } from './claimline-schema.js';

export interface ExportProblem {
  /** Where in the file: `claims[2].date.start`, or '' for the whole file. */
  path: string;
  message: string;
}

export type ParseExportResult = { ok: true; value: ClaimlineExport } | { ok: false; errors: ExportProblem[] };

/**
 * Claimline's own export of `claims`, carrying exactly the sources, documents, revisions and relations (those
 * between two of the claims) they reference, so the file stands on its own. Given all of `db.claims`, it is the
 * whole database.
 * @example toExportJson(db, db.claims, { exportedAt: '2025-03-01T12:00:00.000Z' }).formatVersion //=> 2
 */
export function toExportJson(db: Database, claims: Claim[], options: { exportedAt: string }): ClaimlineExport {
  const claimIds = new Set(claims.map((claim) => claim.id));
  const relations = db.relations.filter((relation) => claimIds.has(relation.from) && claimIds.has(relation.to));
  const documentIds = new Set([
    ...claims.flatMap((claim) => claim.attributions.flatMap((a) => a.documentId ?? [])),
    ...relations.flatMap((relation) => relation.documentId ?? []),
  ]);
  const documents = db.documents.filter((document) => documentIds.has(document.id));
  const sourceIds = new Set([
    ...claims.flatMap((claim) => claim.attributions.map((a) => a.sourceId)),
    ...claims.flatMap((claim) => claim.statusHistory.flatMap((change) => change.sourceId ?? [])),
    ...documents.map((document) => document.publisherId),
    ...relations.flatMap((relation) => relation.sourceId ?? []),
  ]);
  const storyIds = new Set([...claims.map((claim) => claim.storyId), ...documents.map((document) => document.storyId)]);
  return {
    format: 'claimline',
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: options.exportedAt,
    stories: db.stories.filter((story) => storyIds.has(story.id)),
    sources: db.sources.filter((source) => sourceIds.has(source.id)),
    documents,
    claims,
    revisions: db.revisions.filter((revision) => claimIds.has(revision.claimId)),
    relations,
  };
}

/**
 * The export as text: keys in the schema's order whatever order the records were built in, 2-space indent and a
 * final newline, so exporting, importing and exporting again gives the same bytes apart from `exportedAt`.
 * @example stringifyExport(toExportJson(db, db.claims, { exportedAt })).endsWith('}\n') //=> true
 */
export function stringifyExport(exported: ClaimlineExport): string {
  return `${JSON.stringify(inSchemaOrder(exported, ClaimlineExportSchema), null, 2)}\n`;
}

/**
 * Reads a Claimline export, refusing anything the schema does not describe and any reference to a source,
 * document or claim the file does not carry. Every problem is listed, not just the first.
 * @example parseExport('{"format":"claimline"}').ok //=> false
 */
export function parseExport(text: string): ParseExportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not JSON: ${(error as Error).message}` }] };
  }
  const parsed = ClaimlineExportSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: fieldPath([...issue.path, key]), message: `“${key}” is not a field Claimline knows` }))
          : [{ path: fieldPath(issue.path), message: issue.message }],
      ),
    };
  }
  const errors = referenceProblems(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

function referenceProblems(exported: ClaimlineExport): ExportProblem[] {
  const problems: ExportProblem[] = [];
  const idsOf = (list: 'stories' | 'sources' | 'documents' | 'claims' | 'revisions' | 'relations'): Set<string> => {
    const seen = new Set<string>();
    (exported[list] ?? []).forEach((record, index) => {
      if (seen.has(record.id)) problems.push({ path: `${list}[${index}].id`, message: `id “${record.id}” appears twice` });
      seen.add(record.id);
    });
    return seen;
  };
  const storyIds = idsOf('stories');
  const needStory = (path: string, id: string | undefined): void => {
    if (exported.formatVersion < 3) return;
    if (id === undefined) problems.push({ path, message: 'a claim or document of format 3 names its story' });
    else if (!storyIds.has(id)) problems.push({ path, message: `no story “${id}” in this file` });
  };
  const sourceIds = idsOf('sources');
  const documentIds = idsOf('documents');
  const claimIds = idsOf('claims');
  idsOf('revisions');
  idsOf('relations');
  const needSource = (path: string, id: string | undefined): void => {
    if (id !== undefined && !sourceIds.has(id)) problems.push({ path, message: `no source “${id}” in this file` });
  };
  exported.documents.forEach((document, d) => {
    needSource(`documents[${d}].publisherId`, document.publisherId);
    needStory(`documents[${d}].storyId`, document.storyId);
  });
  exported.claims.forEach((claim, c) => {
    needStory(`claims[${c}].storyId`, claim.storyId);
    claim.attributions.forEach((attribution, a) => {
      needSource(`claims[${c}].attributions[${a}].sourceId`, attribution.sourceId);
      if (attribution.documentId !== undefined && !documentIds.has(attribution.documentId)) {
        problems.push({
          path: `claims[${c}].attributions[${a}].documentId`,
          message: `no document “${attribution.documentId}” in this file`,
        });
      }
    });
    claim.statusHistory.forEach((change, s) => needSource(`claims[${c}].statusHistory[${s}].sourceId`, change.sourceId));
  });
  (exported.relations ?? []).forEach((relation, r) => {
    for (const end of ['from', 'to'] as const) {
      if (!claimIds.has(relation[end])) problems.push({ path: `relations[${r}].${end}`, message: `no claim “${relation[end]}” in this file` });
    }
    if (relation.documentId !== undefined && !documentIds.has(relation.documentId)) {
      problems.push({ path: `relations[${r}].documentId`, message: `no document “${relation.documentId}” in this file` });
    }
    needSource(`relations[${r}].sourceId`, relation.sourceId);
  });
  exported.revisions.forEach((revision, r) => {
    if (!claimIds.has(revision.claimId)) {
      problems.push({ path: `revisions[${r}].claimId`, message: `no claim “${revision.claimId}” in this file` });
    }
  });
  return problems;
}

/** Rebuilds `value` with its keys in the order `schema` declares them; values the schema leaves open get sorted keys. */
function inSchemaOrder(value: unknown, schema: z.core.$ZodType): unknown {
  if (schema instanceof z.ZodOptional) return inSchemaOrder(value, schema.unwrap());
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item: unknown) => inSchemaOrder(item, schema.element));
  }
  if (schema instanceof z.ZodObject && isRecord(value)) {
    const shape = schema.shape as Record<string, z.core.$ZodType>;
    const ordered: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      if (value[key] !== undefined) ordered[key] = inSchemaOrder(value[key], field);
    }
    for (const key of Object.keys(value).sort()) {
      if (!(key in shape) && value[key] !== undefined) ordered[key] = sortedKeys(value[key]);
    }
    return ordered;
  }
  return sortedKeys(value);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
