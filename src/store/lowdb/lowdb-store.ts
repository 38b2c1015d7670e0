import { lastChange } from '../../domain/last-change.js';
import type { Lookups } from '../../domain/lookups.js';
import type { RelationCheck } from '../../domain/sequence/add-relation.js';
import { compareClaimDates } from '../../domain/dates/claim-date.js';
import { facetLists, matchingClaims, paginate, type TimelineQuery } from '../../domain/timeline-query.js';
import type { Claim, Database, Document, Role, Status, Story } from '../../domain/types.js';
import type { DatabaseStore } from '../database-store.js';
import { slugify } from '../../domain/slug.js';
import type { ActorPage, Change, DocumentPage, SourcePage, Store, StoreView, StorySummary, TimelineDrawing, WriteScope } from '../store.js';
import { derivedData, type Derived } from './derived.js';

const NO_ROLES = (): Record<Role, number> => ({ origin: 0, relay: 0, publisher: 0 });
const NO_STATUSES = (): Record<Status, number> => ({ reported: 0, confirmed: 0, denied: 0, disputed: 0, retracted: 0, superseded: 0 });

/**
 * The embedded store: the whole database in memory over lowdb, every write made durable by the file store's
 * journal before it resolves. Questions are answered from indexes and orders kept up to date across writes;
 * a write's scope is not needed, since every record is at hand.
 */
export class LowdbStore implements Store {
  private readonly derived: Derived = derivedData();
  private readonly listeners = new Set<(version: number) => void>();

  constructor(readonly engine: DatabaseStore) {}

  get version(): number {
    return this.engine.version;
  }

  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks a relation against the temporal network kept for the committed data, in the time its change takes. */
  readonly checkRelation: RelationCheck = (db, relation) => this.derived.relationConflict(db, relation);

  async read(): Promise<StoreView> {
    return new LowdbView(this.engine.data, this.engine.version, this.derived);
  }

  async load(_scope: WriteScope): Promise<Database> {
    return this.engine.data;
  }

  async update<T>(_scope: WriteScope, change: (data: Database) => Change<T>): Promise<T> {
    const result = await this.engine.update(change);
    for (const listener of this.listeners) listener(this.engine.version);
    return result;
  }

  /** The whole database, as stored. */
  async dump(): Promise<Database> {
    return this.engine.data;
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

/** The answers of one version of the data. */
class LowdbView implements StoreView {
  constructor(
    private readonly db: Database,
    readonly version: number,
    private readonly derived: Derived,
  ) {}

  private get lookupsOfAll(): Lookups {
    return this.derived.lookups(this.db);
  }

  async stories(options: { archived?: boolean } = {}): Promise<StorySummary[]> {
    const summaries = new Map<string, StorySummary>(
      this.db.stories
        .filter((story) => (options.archived ?? false) === (story.archivedAt !== undefined))
        .map((story) => [story.id, { story, claims: 0, span: null, updatedAt: story.createdAt }]),
    );
    for (const claim of this.db.claims) {
      const summary = summaries.get(claim.storyId);
      if (!summary) continue;
      summary.claims += 1;
      const { start, end } = claim.date;
      summary.span = summary.span ? { start: start < summary.span.start ? start : summary.span.start, end: end > summary.span.end ? end : summary.span.end } : { start, end };
      if (claim.updatedAt > summary.updatedAt) summary.updatedAt = claim.updatedAt;
    }
    for (const document of this.db.documents) {
      const summary = summaries.get(document.storyId);
      if (summary && document.createdAt > summary.updatedAt) summary.updatedAt = document.createdAt;
    }
    return [...summaries.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.story.title.localeCompare(b.story.title)));
  }

  async story(slugOrId: string): Promise<Story | undefined> {
    return this.db.stories.find((story) => story.slug === slugOrId) ?? this.lookupsOfAll.story(slugOrId);
  }

  async timeline(query: TimelineQuery) {
    const matching = matchingClaims(this.derived.ordered(this.db, query.axis, query.storyId), query);
    const page = paginate(matching, query);
    return { claims: page.claims, total: page.total, lookups: this.lookupsOfAll };
  }

  async drawing(query: TimelineQuery, clusterAbove: number): Promise<TimelineDrawing> {
    const unfiltered = !query.q && !query.source && !query.actor && !query.topic && !query.from && !query.to && !query.status && !query.corroboration;
    const tally = this.derived.tally(this.db, query.lanes, query.axis, query.storyId);
    if (unfiltered && tally.total > clusterAbove) return { tally, lookups: this.lookupsOfAll };
    const claims = matchingClaims(this.derived.ordered(this.db, query.axis, query.storyId), { ...query, order: 'asc' });
    const lookups = this.lookupsOfAll;
    return { claims, sequence: lookups.sequence(), lookups };
  }

  async selected(query: TimelineQuery, order: 'stored' | 'timeline'): Promise<Claim[]> {
    const inOrder = matchingClaims(this.derived.ordered(this.db, query.axis, query.storyId), query);
    if (order === 'timeline') return inOrder;
    const wanted = new Set(inOrder);
    return this.db.claims.filter((claim) => wanted.has(claim));
  }

  async slice(claims: readonly Claim[]): Promise<Database> {
    // An export finds the records its claims refer to itself; the whole database holds every one of them.
    return { ...this.db, claims: [...claims] };
  }

  async facets(storyId?: string) {
    const lookups = this.lookupsOfAll;
    return facetLists(this.derived.facetCounts(this.db, storyId), (id) => lookups.source(id)?.name ?? id);
  }

  async claim(id: string) {
    const lookups = this.lookupsOfAll;
    const claim = lookups.claim(id);
    const story = claim && lookups.story(claim.storyId);
    if (!claim || !story) return undefined;
    return { claim, story, lookups, revisionCount: this.db.revisions.filter((revision) => revision.claimId === id).length };
  }

  async revisions(claimId: string) {
    return this.db.revisions.filter((revision) => revision.claimId === claimId).sort((a, b) => a.revision - b.revision);
  }

  async relation(id: string) {
    return this.lookupsOfAll.relation(id);
  }

  async sources() {
    const counts = this.derived.roleCounts(this.db);
    return this.db.sources.map((source) => ({ source, counts: counts.get(source.id) ?? NO_ROLES() }));
  }

  async source(id: string, limit: number): Promise<SourcePage | undefined> {
    const lookups = this.lookupsOfAll;
    const source = lookups.source(id);
    if (!source) return undefined;
    const byStory = new Map<string, { counts: Record<Role, number>; claims: Record<Role, Claim[]> }>();
    const counts = NO_ROLES();
    const statusCounts = NO_STATUSES();
    for (const claim of this.db.claims) {
      const roles = new Set(claim.attributions.filter((a) => a.sourceId === id).map((a) => a.role));
      if (roles.size === 0) continue;
      let entry = byStory.get(claim.storyId);
      if (!entry) byStory.set(claim.storyId, (entry = { counts: NO_ROLES(), claims: { origin: [], relay: [], publisher: [] } }));
      for (const role of roles) {
        entry.counts[role] += 1;
        counts[role] += 1;
        entry.claims[role].push(claim);
      }
      if (roles.has('origin')) statusCounts[claim.status] += 1;
    }
    const latest = (claims: Claim[]) => [...claims].sort((a, b) => compareClaimDates(b.date, a.date)).slice(0, limit);
    const stories = [...byStory].flatMap(([storyId, entry]) => {
      const story = lookups.story(storyId);
      return story ? [{ story, counts: entry.counts, latest: { origin: latest(entry.claims.origin), relay: latest(entry.claims.relay), publisher: latest(entry.claims.publisher) } }] : [];
    });
    stories.sort((a, b) => b.counts.origin + b.counts.relay + b.counts.publisher - (a.counts.origin + a.counts.relay + a.counts.publisher) || a.story.title.localeCompare(b.story.title));
    const documents = this.db.documents.filter((doc) => doc.publisherId === id).sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1));
    return { source, stories, counts, statusCounts, documents, lookups };
  }

  async search(q: string, limit: number) {
    const query: TimelineQuery = { q, page: 1, limit: 1, order: 'asc', axis: 'event', lanes: 'actor' };
    const byStory = new Map<string, Claim[]>();
    for (const claim of matchingClaims(this.derived.ordered(this.db, 'event'), query)) {
      const claims = byStory.get(claim.storyId);
      if (claims) claims.push(claim);
      else byStory.set(claim.storyId, [claim]);
    }
    const lookups = this.lookupsOfAll;
    const stories = [...byStory].flatMap(([storyId, claims]) => {
      const story = lookups.story(storyId);
      return story && !story.archivedAt ? [{ story, total: claims.length, claims: claims.slice(0, limit) }] : [];
    });
    stories.sort((a, b) => b.total - a.total || a.story.title.localeCompare(b.story.title));
    return { stories, lookups };
  }

  async actor(name: string, limit: number): Promise<ActorPage | undefined> {
    const key = slugify(name);
    const byStory = new Map<string, Claim[]>();
    let label: string | undefined;
    for (const claim of this.db.claims) {
      const named = claim.actors.find((actor) => slugify(actor) === key);
      if (!named) continue;
      label ??= named;
      const claims = byStory.get(claim.storyId);
      if (claims) claims.push(claim);
      else byStory.set(claim.storyId, [claim]);
    }
    if (label === undefined) return undefined;
    const lookups = this.lookupsOfAll;
    const stories = [...byStory].flatMap(([storyId, claims]) => {
      const story = lookups.story(storyId);
      return story ? [{ story, count: claims.length, latest: [...claims].sort((a, b) => compareClaimDates(b.date, a.date)).slice(0, limit) }] : [];
    });
    stories.sort((a, b) => b.count - a.count || a.story.title.localeCompare(b.story.title));
    return { name: label, stories, total: stories.reduce((sum, entry) => sum + entry.count, 0), lookups };
  }

  async documents(storyId?: string) {
    const counts = new Map<string, number>();
    for (const claim of this.db.claims) {
      for (const id of new Set(claim.attributions.flatMap((a) => (a.documentId ? [a.documentId] : [])))) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return this.db.documents
      .filter((document) => storyId === undefined || document.storyId === storyId)
      .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
      .map((document) => ({ document: withoutText(document), claims: counts.get(document.id) ?? 0, textLength: document.text?.length ?? 0 }));
  }

  async document(id: string): Promise<DocumentPage | undefined> {
    const lookups = this.lookupsOfAll;
    const document = lookups.document(id);
    const story = document && lookups.story(document.storyId);
    if (!document || !story) return undefined;
    const anchors = this.db.claims.flatMap((claim) =>
      claim.attributions.flatMap((a) => (a.documentId === id && a.anchor ? [{ claimId: claim.id, sourceId: a.sourceId, anchor: a.anchor }] : [])),
    );
    return { document, story, anchors, lookups };
  }

  async lastChange(storyId?: string): Promise<string | null> {
    if (storyId === undefined) return lastChange(this.db) ?? null;
    const inStory = <T extends { storyId: string }>(records: readonly T[]) => records.filter((record) => record.storyId === storyId);
    const claims = inStory(this.db.claims);
    const ids = new Set(claims.map((claim) => claim.id));
    return lastChange({ claims, documents: inStory(this.db.documents), revisions: this.db.revisions.filter((r) => ids.has(r.claimId)) }) ?? null;
  }
}

function withoutText(document: Document): Document {
  const { text: _text, ...rest } = document;
  return rest;
}
