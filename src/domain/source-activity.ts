import { compareClaimDates } from './dates/claim-date.js';
import type { Claim, Database, Role } from './types.js';

export interface SourceActivity {
  originated: Claim[];
  relayed: Claim[];
  published: Claim[];
}

/** The claims a source made, passed on and printed, each list in timeline order. */
export function sourceActivity(db: Pick<Database, 'claims'>, sourceId: string): SourceActivity {
  const withRole = (role: Role) =>
    db.claims
      .filter((claim) => claim.attributions.some((a) => a.sourceId === sourceId && a.role === role))
      .sort((a, b) => compareClaimDates(a.date, b.date));
  return { originated: withRole('origin'), relayed: withRole('relay'), published: withRole('publisher') };
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
