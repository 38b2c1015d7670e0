import { z } from 'zod';
import { anchorQuote } from './anchor.js';
import { dateFromValue } from './dates/claim-date.js';
import { claimDateReading } from './dates/claim-reading.js';
import { resolveDate } from './dates/resolve-date.js';
import {
  DATABASE_VERSION,
  RELATION_KINDS,
  ROLES,
  SOURCE_KINDS,
  STATUSES,
  type Attribution,
  type Claim,
  type ClaimDate,
  type Database,
  type Source,
  type Story,
} from './types.js';

const seedSchema = z.strictObject({
  story: z.string(),
  /** The story's address: `/stories/<slug>`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  summary: z.string().default(''),
  sources: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(SOURCE_KINDS),
      url: z.url().optional(),
      /** The month (1–12) its fiscal year ends in. */
      fiscalYearEnd: z.int().min(1).max(12).optional(),
    }),
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
      shortName: z.string().optional(),
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
  /** The order the text gives events in, with the words that give it. */
  relations: z
    .array(
      z.strictObject({
        id: z.string(),
        from: z.string(),
        relation: z.enum(RELATION_KINDS),
        to: z.string(),
        quote: z.string().optional(),
        documentId: z.string().optional(),
      }),
    )
    .default([]),
});

export type Seed = z.output<typeof seedSchema>;

/** Reads seed JSON; throws with every problem listed, since a broken seed is a packaging bug. */
export function parseSeed(json: unknown): Seed {
  const parsed = seedSchema.safeParse(json);
  if (!parsed.success) throw new Error(`seed data is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

type SeedClaim = Seed['claims'][number];

/**
 * A seeded date: the writer's phrase read against the document's date, in its origin's quote as the add form
 * would read it, must give the notation the seed states, so a change in how phrases are read cannot silently
 * move the shipped story.
 */
function seededDate(claim: SeedClaim, reference: string | undefined, sources: readonly Source[]): ClaimDate {
  const { id: claimId, date: value, datePhrase: phrase } = claim;
  if (!phrase) return dateFromValue(value);
  const origin = claim.attributions.find((a) => a.role === 'origin');
  const reading = claimDateReading({ quote: origin?.quote, statement: claim.statement, actors: claim.actors, originSourceId: origin?.sourceId }, sources);
  const read = resolveDate(phrase, { ...(reference && { reference }), today: reference ?? value, ...reading });
  if (!read.ok) throw new Error(`seed claim ${claimId}: “${phrase}”: ${read.message}`);
  if (read.date.value !== dateFromValue(value).value) {
    throw new Error(`seed claim ${claimId}: “${phrase}” reads as ${read.date.value}, but the seed says ${value}`);
  }
  return read.date;
}

/** Every seeded quote must be found in its document; it is stored with its text-quote anchor. */
function anchored(claimId: string, attribution: Attribution, texts: Map<string, string>): Attribution {
  if (!attribution.documentId || !attribution.quote) return attribution;
  const found = anchorQuote(texts.get(attribution.documentId) ?? '', attribution.quote);
  if (!found.found) throw new Error(`seed claim ${claimId}: the quote “${attribution.quote}” is not in ${attribution.documentId}`);
  return { ...attribution, anchor: found.anchor };
}

/**
 * The database a new installation starts from.
 * @param texts document texts by `textFile` name, read by the caller
 * @param now ISO date-time stamped as the records' creation time
 */
export function databaseFromSeed(seed: Seed, texts: Record<string, string>, now: string): Database {
  const story: Story = { id: seed.slug, slug: seed.slug, title: seed.story, summary: seed.summary, createdAt: now };
  const documentDates = new Map(seed.documents.map((doc) => [doc.id, doc.publishedAt]));
  const documentTexts = new Map(seed.documents.map((doc) => [doc.id, doc.textFile ? (texts[doc.textFile] ?? '') : '']));
  const claims = seed.claims.map((entry): Claim => {
    const documentDate = entry.attributions.map((a) => a.documentId && documentDates.get(a.documentId)).find(Boolean);
    return {
      id: entry.id,
      storyId: story.id,
      statement: entry.statement,
      ...(entry.shortName && { shortName: entry.shortName }),
      date: seededDate(entry, documentDate, seed.sources),
      claimedAt: dateFromValue(entry.claimedAt),
      actors: entry.actors,
      topics: entry.topics,
      status: entry.status,
      statusHistory: [{ status: entry.status, on: entry.claimedAt, recordedAt: now }],
      attributions: entry.attributions.map((attribution) => anchored(entry.id, attribution, documentTexts)),
      supersedes: entry.supersedes,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (const relation of seed.relations) {
    if (!relation.quote || !relation.documentId) continue;
    if (!anchorQuote(documentTexts.get(relation.documentId) ?? '', relation.quote).found) {
      throw new Error(`seed relation ${relation.id}: the quote “${relation.quote}” is not in ${relation.documentId}`);
    }
  }
  return {
    version: DATABASE_VERSION,
    stories: [story],
    sources: seed.sources,
    documents: seed.documents.map(({ textFile, ...doc }) => ({
      ...doc,
      storyId: story.id,
      ...(textFile && { text: texts[textFile] ?? '' }),
      createdAt: now,
    })),
    claims,
    revisions: [],
    relations: seed.relations.map((relation) => ({ ...relation, createdAt: now })),
  };
}
