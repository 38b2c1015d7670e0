import { describe, expect, it } from 'vitest';
import { inStoryOrder } from '../../src/domain/sequence/sequence.js';
import { facetLists, orderClaims, timelineFacets } from '../../src/domain/timeline-query.js';
import type { Database } from '../../src/domain/types.js';
import { tallyClusters } from '../../src/domain/timeline-layout.js';
import { derivedData } from '../../src/store/lowdb/derived.js';
import { loadSeedDatabase } from '../../src/app/seed-files.js';

const derived = derivedData();
const orderedClaims = derived.ordered;
const clusterTally = derived.tally;
const facets = (db: Database) => {
  const names = new Map(db.sources.map((source) => [source.id, source.name]));
  return facetLists(derived.facetCounts(db), (id) => names.get(id) ?? id);
};

describe('derived data kept up to date across writes', () => {
  it('gives the same order, filter menus and cluster counts as computing from scratch after adds and edits', () => {
    let db: Database = loadSeedDatabase('2025-03-01T00:00:00.000Z');
    expect(orderedClaims(db, 'event')).toEqual(inStoryOrder(db.claims, db.relations));
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
      expect(orderedClaims(db, 'event')).toEqual(inStoryOrder(db.claims, db.relations));
      expect(orderedClaims(db, 'claimed')).toEqual(orderClaims(db.claims, 'claimed'));
      const fresh = timelineFacets(db);
      const kept = facets(db);
      expect(kept.actors.map((f) => [f.key, f.count])).toEqual(fresh.actors.map((f) => [f.key, f.count]));
      expect(kept.sources).toEqual(fresh.sources);
      expect(clusterTally(db, 'actor', 'event')).toEqual(tallyClusters(db.claims, 'actor', 'event'));
    }
  });

  it('keeps story order right as relations come and go and related claims change their dates', () => {
    let db: Database = loadSeedDatabase('2025-03-01T00:00:00.000Z');
    const ids = db.claims.map((claim) => claim.id);
    const createdAt = '2025-03-01T00:00:00.000Z';
    for (let i = 0; i < 30; i += 1) {
      if (i % 3 === 0 && db.relations.length > 0) {
        db = { ...db, relations: db.relations.filter((_, at) => at !== (i * 5) % db.relations.length) };
      } else if (i % 3 === 1) {
        const from = ids[(i * 7) % ids.length]!;
        const to = ids[(i * 11 + 3) % ids.length]!;
        if (from !== to) db = { ...db, relations: [...db.relations, { id: `r${i}`, from, relation: i % 2 ? 'after' : 'during', to, createdAt }] };
      } else {
        const claims = [...db.claims];
        const at = (i * 3) % claims.length;
        claims[at] = { ...claims[at]!, date: claims[(at + 4) % claims.length]!.date };
        db = { ...db, claims };
      }
      expect(orderedClaims(db, 'event').map((c) => c.id)).toEqual(inStoryOrder(db.claims, db.relations).map((c) => c.id));
    }
  });
});
