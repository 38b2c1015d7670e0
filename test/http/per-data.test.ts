import { describe, expect, it } from 'vitest';
import { orderClaims, timelineFacets } from '../../src/domain/timeline-query.js';
import type { Database } from '../../src/domain/types.js';
import { tallyClusters } from '../../src/domain/timeline-layout.js';
import { clusterTally, facets, orderedClaims } from '../../src/http/per-data.js';
import { loadSeedDatabase } from '../../src/seed-files.js';

describe('derived data kept up to date across writes', () => {
  it('gives the same order, filter menus and cluster counts as computing from scratch after adds and edits', () => {
    let db: Database = loadSeedDatabase('2025-03-01T00:00:00.000Z');
    expect(orderedClaims(db, 'event')).toEqual(orderClaims(db.claims, 'event'));
    const template = db.claims[0]!;
    for (let i = 0; i < 20; i += 1) {
      const claims = [...db.claims];
      if (i % 3 === 0) {
        const target = claims[i % claims.length]!;
        claims[i % claims.length] = { ...target, actors: [...target.actors, `Actor ${i}`], date: claims[(i * 7) % claims.length]!.date };
      } else {
        claims.push({ ...template, id: `added-${i}`, actors: [`Actor ${i % 4}`], date: claims[(i * 5) % claims.length]!.date });
      }
      db = { ...db, claims };
      expect(orderedClaims(db, 'event')).toEqual(orderClaims(db.claims, 'event'));
      expect(orderedClaims(db, 'claimed')).toEqual(orderClaims(db.claims, 'claimed'));
      const fresh = timelineFacets(db);
      const kept = facets(db);
      expect(kept.actors.map((f) => [f.key, f.count])).toEqual(fresh.actors.map((f) => [f.key, f.count]));
      expect(kept.sources).toEqual(fresh.sources);
      expect(clusterTally(db, 'actor', 'event')).toEqual(tallyClusters(db.claims, 'actor', 'event'));
    }
  });
});
