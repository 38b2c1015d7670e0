import { compareClaimDates } from './dates/claim-date.js';
import type { Claim, Database, Document, Role, Status } from './types.js';

export interface SourceActivity {
  originated: Claim[];
  relayed: Claim[];
  published: Claim[];
  /** How the claims it originated fared: how many are now confirmed, denied, superseded… */
  statusCounts: Record<Status, number>;
  documents: Document[];
}

/** The claims a source made, passed on and printed, each list in timeline order, and what it published. */
export function sourceActivity(db: Pick<Database, 'claims' | 'documents'>, sourceId: string): SourceActivity {
  const withRole = (role: Role) =>
    db.claims
      .filter((claim) => claim.attributions.some((a) => a.sourceId === sourceId && a.role === role))
      .sort((a, b) => compareClaimDates(a.date, b.date));
  const originated = withRole('origin');
  const statusCounts: Record<Status, number> = { reported: 0, confirmed: 0, denied: 0, disputed: 0, retracted: 0, superseded: 0 };
  for (const claim of originated) statusCounts[claim.status] += 1;
  return {
    originated,
    relayed: withRole('relay'),
    published: withRole('publisher'),
    statusCounts,
    documents: db.documents.filter((doc) => doc.publisherId === sourceId).sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1)),
  };
}

/** How many claims each source originated, relayed and published, in one pass over the claims. */
export function roleCounts(db: Pick<Database, 'claims'>): Map<string, Record<Role, number>> {
  const counts = new Map<string, Record<Role, number>>();
  for (const claim of db.claims) {
    const seen = new Set<string>();
    for (const a of claim.attributions) {
      const key = `${a.sourceId}\u0000${a.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(a.sourceId) ?? { origin: 0, relay: 0, publisher: 0 };
      entry[a.role] += 1;
      counts.set(a.sourceId, entry);
    }
  }
  return counts;
}
