import { z } from 'zod';
import { dateFromValue } from './dates/claim-date.js';
import { ROLES, SOURCE_KINDS, STATUSES, type Claim, type Database } from './types.js';

const seedSchema = z.strictObject({
  story: z.string(),
  sources: z.array(
    z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(SOURCE_KINDS), url: z.url().optional() }),
  ),
  documents: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      publisherId: z.string(),
      url: z.url(),
      publishedAt: z.iso.date(),
      credit: z.string().optional(),
      /** A text file beside the seed holding the document as captured. */
      textFile: z.string().optional(),
    }),
  ),
  claims: z.array(
    z.strictObject({
      id: z.string(),
      statement: z.string(),
      /** Claimline notation of the resolved date. */
      date: z.string(),
      /** The writer's words, read against the document's publication date. */
      datePhrase: z.string().optional(),
      claimedAt: z.string(),
      actors: z.array(z.string()),
      topics: z.array(z.string()),
      status: z.enum(STATUSES),
      supersedes: z.array(z.string()),
      attributions: z.array(
        z.strictObject({
          sourceId: z.string(),
          role: z.enum(ROLES),
          verb: z.string(),
          documentId: z.string().optional(),
          quote: z.string().optional(),
          madeAt: z.iso.date().optional(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});

export type Seed = z.output<typeof seedSchema>;

/** Reads seed JSON; throws with every problem listed, since a broken seed is a packaging bug. */
export function parseSeed(json: unknown): Seed {
  const parsed = seedSchema.safeParse(json);
  if (!parsed.success) throw new Error(`seed data is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The database a new installation starts from.
 * @param texts document texts by `textFile` name, read by the caller
 * @param now ISO date-time stamped as the records' creation time
 */
export function databaseFromSeed(seed: Seed, texts: Record<string, string>, now: string): Database {
  const documentDates = new Map(seed.documents.map((doc) => [doc.id, doc.publishedAt]));
  const claims = seed.claims.map((entry): Claim => {
    const documentDate = entry.attributions.map((a) => a.documentId && documentDates.get(a.documentId)).find(Boolean);
    const date = dateFromValue(entry.date);
    return {
      id: entry.id,
      statement: entry.statement,
      date: entry.datePhrase
        ? { ...date, phrase: entry.datePhrase, ...(documentDate && { reference: documentDate }) }
        : date,
      claimedAt: dateFromValue(entry.claimedAt),
      actors: entry.actors,
      topics: entry.topics,
      status: entry.status,
      statusHistory: [{ status: entry.status, on: entry.claimedAt, recordedAt: now }],
      attributions: entry.attributions,
      supersedes: entry.supersedes,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  return {
    version: 1,
    sources: seed.sources,
    documents: seed.documents.map(({ textFile, ...doc }) => ({
      ...doc,
      ...(textFile && { text: texts[textFile] ?? '' }),
      createdAt: now,
    })),
    claims,
    revisions: [],
  };
}
