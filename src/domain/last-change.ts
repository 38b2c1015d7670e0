import type { Database } from './types.js';

/**
 * When the data last changed, as far as its records tell: the newest claim change, document added or revision
 * recorded. Undefined for a database with none of them.
 * @example lastChange({ ...db, claims: [{ ...claim, updatedAt: '2025-02-13T09:00:00.000Z' }] }) //=> '2025-02-13T09:00:00.000Z'
 */
export function lastChange(db: Pick<Database, 'claims' | 'documents' | 'revisions'>): string | undefined {
  let newest: string | undefined;
  const consider = (at: string) => {
    if (newest === undefined || at > newest) newest = at;
  };
  for (const claim of db.claims) consider(claim.updatedAt);
  for (const document of db.documents) consider(document.createdAt);
  for (const revision of db.revisions) consider(revision.at);
  return newest;
}
