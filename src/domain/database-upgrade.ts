import { DATABASE_VERSION } from './types.js';

type Upgrade = (data: Record<string, unknown>) => Record<string, unknown>;

/** Each step turns a database of one version into the next; step n reads version n. */
const STEPS: Record<number, Upgrade> = {
  // Version 2 keeps relations between claims.
  1: (data) => ({ ...data, version: 2, relations: [] }),
};

/**
 * A database file's data in the current format, from any older version Claimline wrote; anything else (the
 * current version, a newer one, not a database at all) comes back as it was, for validation to judge.
 * @example upgradeDatabase({ version: 1, sources: [], documents: [], claims: [], revisions: [] })
 * //=> { data: { version: 2, sources: [], documents: [], claims: [], revisions: [], relations: [] }, from: 1 }
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
