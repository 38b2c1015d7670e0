import { slugify } from './slug.js';
import { DATABASE_VERSION } from './types.js';

type Upgrade = (data: Record<string, unknown>) => Record<string, unknown>;

/** Each step turns a database of one version into the next; step n reads version n. */
const STEPS: Record<number, Upgrade> = {
  // Version 2 keeps relations between claims.
  1: (data) => ({ ...data, version: 2, relations: [] }),
  // Version 3 holds many stories: what there was becomes one, named after its first document.
  2: (data) => intoOneStory(data),
};

interface Titled {
  title?: unknown;
  createdAt?: unknown;
}

function intoOneStory(data: Record<string, unknown>): Record<string, unknown> {
  const documents = Array.isArray(data.documents) ? (data.documents as Titled[]) : [];
  const claims = Array.isArray(data.claims) ? (data.claims as Titled[]) : [];
  if (documents.length === 0 && claims.length === 0) return { ...data, version: 3, stories: [] };
  const first = documents[0];
  const title = typeof first?.title === 'string' && first.title.trim() ? first.title.trim() : 'Story';
  const createdAt = [first?.createdAt, claims[0]?.createdAt].find((at): at is string => typeof at === 'string') ?? new Date(0).toISOString();
  const slug = slugify(title).slice(0, 60).replace(/-+$/, '') || 'story';
  const story = { id: slug, slug, title, summary: '', createdAt };
  const inStory = (records: unknown) => (Array.isArray(records) ? records.map((record) => ({ ...(record as object), storyId: story.id })) : records);
  return { ...data, version: 3, stories: [story], documents: inStory(data.documents), claims: inStory(data.claims) };
}

/**
 * A database file's data in the current format, from any older version Claimline wrote; anything else (the
 * current version, a newer one, not a database at all) comes back as it was, for validation to judge.
 * @example upgradeDatabase({ version: 1, sources: [], documents: [], claims: [], revisions: [] })
 * //=> { data: { version: 3, stories: [], sources: [], documents: [], claims: [], revisions: [], relations: [] }, from: 1 }
 */
export function upgradeDatabase(data: unknown): { data: unknown; from: number | null } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { data, from: null };
  const start = (data as { version?: unknown }).version;
  if (typeof start !== 'number' || start >= DATABASE_VERSION || !STEPS[start]) return { data, from: null };
  let upgraded = data as Record<string, unknown>;
  for (let version = start; version < DATABASE_VERSION; version += 1) {
    const step = STEPS[version];
    if (!step) return { data, from: null };
    upgraded = step(upgraded);
  }
  return { data: upgraded, from: start };
}
