import { z } from 'zod';
import { PRECISIONS, RELATION_KINDS, ROLES, SOURCE_KINDS, STATUSES } from '../types.js';
import type {
  Attribution,
  Claim,
  ClaimDate,
  Document,
  FieldChange,
  Relation,
  Revision,
  Source,
  StatusChange,
  Story,
  TextQuoteAnchor,
} from '../types.js';

/**
 * Zod schemas for the records of types.ts, field for field. Every object is strict, so a file carrying a field
 * Claimline does not know is refused rather than silently losing it on the next write.
 */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO day (YYYY-MM-DD)');
const isoDateTime = z.iso.datetime({ offset: true });
const text = z.string().min(1);

export const ClaimDateSchema = z.strictObject({
  value: text,
  precision: z.enum(PRECISIONS),
  start: isoDay,
  end: isoDay,
  label: text,
  phrase: z.string().optional(),
  reference: isoDay.optional(),
  approximate: z.boolean().optional(),
  uncertain: z.boolean().optional(),
  openStart: z.boolean().optional(),
  openEnd: z.boolean().optional(),
  direction: z.enum(['back', 'forward']).optional(),
  directionCue: z.string().optional(),
}) satisfies z.ZodType<ClaimDate>;

export const SourceSchema = z.strictObject({
  id: text,
  name: text,
  kind: z.enum(SOURCE_KINDS),
  url: z.string().optional(),
  fiscalYearEnd: z.int().min(1).max(12).optional(),
}) satisfies z.ZodType<Source>;

export const StorySchema = z.strictObject({
  id: text,
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case letters and digits joined by hyphens'),
  title: text,
  summary: z.string(),
  createdAt: isoDateTime,
  archivedAt: isoDateTime.optional(),
}) satisfies z.ZodType<Story>;

export const DocumentSchema = z.strictObject({
  id: text,
  storyId: text,
  title: text,
  publisherId: text,
  url: text,
  publishedAt: isoDay,
  credit: z.string().optional(),
  text: z.string().optional(),
  skippedQuotes: z.array(z.string()).optional(),
  createdAt: isoDateTime,
}) satisfies z.ZodType<Document>;

export const TextQuoteAnchorSchema = z.strictObject({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
}) satisfies z.ZodType<TextQuoteAnchor>;

export const AttributionSchema = z.strictObject({
  sourceId: text,
  role: z.enum(ROLES),
  verb: text,
  documentId: z.string().optional(),
  url: z.string().optional(),
  quote: z.string().optional(),
  anchor: TextQuoteAnchorSchema.optional(),
  madeAt: isoDay.optional(),
  note: z.string().optional(),
}) satisfies z.ZodType<Attribution>;

export const StatusChangeSchema = z.strictObject({
  status: z.enum(STATUSES),
  on: isoDay,
  sourceId: z.string().optional(),
  note: z.string().optional(),
  recordedAt: isoDateTime,
}) satisfies z.ZodType<StatusChange>;

export const ClaimSchema = z.strictObject({
  id: text,
  storyId: text,
  statement: text,
  shortName: text.optional(),
  date: ClaimDateSchema,
  claimedAt: ClaimDateSchema,
  actors: z.array(z.string()),
  topics: z.array(z.string()),
  status: z.enum(STATUSES),
  statusHistory: z.array(StatusChangeSchema),
  attributions: z.array(AttributionSchema),
  supersedes: z.array(z.string()),
  revision: z.int().nonnegative(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}) satisfies z.ZodType<Claim>;

/**
 * `from`/`to` may be absent because JSON drops a key whose value is undefined (a field first set, or cleared);
 * the cast restores types.ts's `unknown`, which already admits undefined.
 */
export const FieldChangeSchema = z.strictObject({
  field: text,
  from: z.unknown().optional(),
  to: z.unknown().optional(),
}) as z.ZodType<FieldChange>;

export const RevisionSchema = z.strictObject({
  id: text,
  claimId: text,
  revision: z.int().nonnegative(),
  at: isoDateTime,
  editor: z.string(),
  reason: z.string(),
  changes: z.array(FieldChangeSchema),
}) satisfies z.ZodType<Revision>;

export const RelationSchema = z.strictObject({
  id: text,
  from: text,
  relation: z.enum(RELATION_KINDS),
  to: text,
  quote: z.string().optional(),
  documentId: z.string().optional(),
  sourceId: z.string().optional(),
  createdAt: isoDateTime,
}) satisfies z.ZodType<Relation>;

/** The format version Claimline writes; versions 1 (before relations) and 2 (before stories) are still read. */
export const EXPORT_FORMAT_VERSION = 3;

/** A claim or document in an exchange file: files from before stories carry no story, and take the one they are imported into. */
const ExportedClaimSchema = ClaimSchema.extend({ storyId: text.optional() });
const ExportedDocumentSchema = DocumentSchema.extend({ storyId: text.optional() });

/**
 * Claimline's own exchange file: a self-contained slice of a database. Version 2 added `relations`, version 3
 * `stories` (every claim and document names its story); older files read as if they had none, and go into the
 * story they are imported into.
 */
export const ClaimlineExportSchema = z
  .strictObject({
    format: z.literal('claimline', { error: 'not a Claimline export (format must be "claimline")' }),
    formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'this Claimline reads format versions 1, 2 and 3' }),
    exportedAt: isoDateTime,
    stories: z.array(StorySchema).optional(),
    sources: z.array(SourceSchema),
    documents: z.array(ExportedDocumentSchema),
    claims: z.array(ExportedClaimSchema),
    revisions: z.array(RevisionSchema),
    relations: z.array(RelationSchema).optional(),
  })
  .refine((file) => file.formatVersion >= 2 || file.relations === undefined, {
    path: ['relations'],
    message: 'relations need format version 2',
  })
  .refine((file) => file.formatVersion === 3 || file.stories === undefined, {
    path: ['stories'],
    message: 'stories need format version 3',
  });

export type ClaimlineExport = z.infer<typeof ClaimlineExportSchema>;
