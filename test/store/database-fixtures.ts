import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateFromValue } from '../../src/domain/dates/claim-date.js';
import type { Claim, Database } from '../../src/domain/types.js';

/** A database with nothing in it. */
export function emptyDatabase(): Database {
  return { version: 3, stories: [{ id: 'story', slug: 'story', title: 'A story', summary: '', createdAt: '2024-06-01T00:00:00.000Z' }], sources: [], documents: [], claims: [], revisions: [], relations: [] };
}

/** A claim shaped like the real ones, with everything but the id defaulted. */
export function makeClaim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    storyId: 'story',
    statement: `Claim ${id}: the regulator opened an inquiry into the merger`,
    date: dateFromValue('2024-Q2'),
    claimedAt: dateFromValue('2024-06-15'),
    actors: ['Regulator'],
    topics: ['merger'],
    status: 'reported',
    statusHistory: [{ status: 'reported', on: '2024-06-15', recordedAt: '2024-06-15T09:00:00.000Z' }],
    attributions: [{ sourceId: 'reuters', role: 'origin', verb: 'reported' }],
    supersedes: [],
    revision: 1,
    createdAt: '2024-06-15T09:00:00.000Z',
    updatedAt: '2024-06-15T09:00:00.000Z',
    ...overrides,
  };
}

/** A shape check standing in for the app's schema. */
export function validateShape(data: unknown): string | null {
  const record = data as Record<string, unknown>;
  if (record.version !== 3) return 'version is not 3';
  for (const key of ['stories', 'sources', 'documents', 'claims', 'revisions', 'relations']) {
    if (!Array.isArray(record[key])) return `${key} is missing or not a list`;
  }
  return null;
}

/** Store checks that trust the store's own files: the whole-file check above is then skipped for them. */
export const TRUSTING_CHECKS = { shape: validateShape, changes: () => null };

/** Adds a claim the way the app does: a new array, the old records untouched. */
export const addClaim = (claim: Claim) => (data: Database) => ({
  data: { ...data, claims: [...data.claims, claim] },
  result: claim.id,
});

/** Replaces one claim by id with a new object. */
export const editClaim = (id: string, statement: string) => (data: Database) => ({
  data: {
    ...data,
    claims: data.claims.map((claim) => (claim.id === id ? { ...claim, statement, revision: claim.revision + 1 } : claim)),
  },
  result: id,
});

export const removeClaim = (id: string) => (data: Database) => ({
  data: { ...data, claims: data.claims.filter((claim) => claim.id !== id) },
  result: id,
});

/** A fresh temp directory, and a function that deletes it. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'claimline-store-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
