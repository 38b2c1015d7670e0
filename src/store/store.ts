import type { Lookups } from '../domain/lookups.js';
import type { RelationCheck } from '../domain/sequence/add-relation.js';
import type { Facets, TimelineQuery } from '../domain/timeline-query.js';
import type { ClusterTally } from '../domain/timeline-layout.js';
import type { Sequence } from '../domain/sequence/sequence.js';
import type { Claim, Database, Document, Relation, Revision, Role, Source, Status, Story } from '../domain/types.js';

/**
 * What the application needs from persistence: questions asked of the data (`read`) and changes made to it
 * (`update`). One adapter per engine: lowdb keeps everything in memory and answers from indexes it keeps up to
 * date; PostgreSQL answers with SQL. Neither is ever asked for the whole database.
 */
export interface Store {
  /** Grows with every committed write, on this instance or (for a shared database) any other; caches key on it. */
  readonly version: number;
  /** Called when the version moves, whoever wrote; returns a function that stops listening. */
  onChange(listener: (version: number) => void): () => void;
  /** A view of the committed data for the questions of one request. */
  read(): Promise<StoreView>;
  /**
   * The records `scope` names (with every story and source) as a database, for checking what a form or a file
   * names before changing anything. A store that holds everything may give more.
   */
  load(scope: WriteScope): Promise<Database>;
  /**
   * Computes a change from the data it needs and stores it, durably and all at once, before resolving. `scope`
   * says what the change reads: an adapter that does not hold everything loads that, and no more. A change that
   * throws stores nothing; a store that cannot write rejects with StoreWriteError and stores nothing.
   */
  update<T>(scope: WriteScope, change: (data: Database) => Change<T>): Promise<T>;
  /**
   * Whether one more relation agrees with the dates and relations of the data a change was given; a store
   * answers from what it keeps where it can (see addRelation).
   */
  readonly checkRelation: RelationCheck;
  /** The whole database, for moving an installation and for tests; never for a page. */
  dump(): Promise<Database>;
  close(): Promise<void>;
}

export interface Change<T> {
  data: Database;
  result: T;
}

/**
 * What a change reads. Stories and sources are few and always there; everything else the change names. A
 * record a change reads but did not name is missing from the data it is given: name it, or the change will
 * treat it as absent.
 */
export interface WriteScope {
  /** Claims by id. */
  claims?: readonly string[];
  /** With the claims named, every claim tied to them by relations, and those relations. */
  relationGroups?: boolean;
  /** Documents by id, with their text. */
  documents?: readonly string[];
  /** Documents whose id starts with this (a new document's id is chosen among them), and any with these URLs. */
  documentIds?: { prefix?: string; urls?: readonly string[] };
  /** Revisions by id, and every revision of the claims named. */
  revisions?: readonly string[];
  /** Relations by id, with their claims. */
  relations?: readonly string[];
  /** Whole stories: their claims, documents, relations and revisions. */
  stories?: readonly string[];
}

/** The disk or the database refused a write (full, read-only, gone): nothing was stored. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
}

/** A story as the list of stories shows it. */
export interface StorySummary {
  story: Story;
  claims: number;
  /** First and last day its claims' events cover; null while it has none. */
  span: { start: string; end: string } | null;
  /** When anything in it last changed (ISO date-time). */
  updatedAt: string;
}

/** One page of a timeline, and the records its claims refer to. */
export interface TimelinePage {
  claims: Claim[];
  total: number;
  lookups: Lookups;
}

/** What the drawn timeline needs: every claim in view, or, past `clusterAbove` with nothing filtered, counts per lane and quarter. */
export type TimelineDrawing =
  | { claims: Claim[]; sequence: Sequence; lookups: Lookups }
  | { tally: ClusterTally; lookups: Lookups };

/** A claim with what its page shows of the records around it. */
export interface ClaimPage {
  claim: Claim;
  story: Story;
  lookups: Lookups;
  revisionCount: number;
}

/** A source with how often it originated, relayed and published claims. */
export interface SourceCounts {
  source: Source;
  counts: Record<Role, number>;
}

/** What a source did, story by story: the latest claims per role and how many in all. */
export interface SourcePage {
  source: Source;
  stories: Array<{
    story: Story;
    counts: Record<Role, number>;
    /** The latest claims per role, newest first, at most `limit` each. */
    latest: Record<Role, Claim[]>;
  }>;
  counts: Record<Role, number>;
  /** How the claims it originated fared. */
  statusCounts: Record<Status, number>;
  documents: Document[];
  lookups: Lookups;
}

/** The claims about an actor, story by story. */
export interface ActorPage {
  name: string;
  stories: Array<{ story: Story; count: number; latest: Claim[] }>;
  total: number;
  lookups: Lookups;
}

/** A document (with its text) and the quotes anchored in it. */
export interface DocumentPage {
  document: Document;
  story: Story;
  anchors: Array<{ claimId: string; sourceId: string; anchor: NonNullable<Claim['attributions'][number]['anchor']> }>;
  lookups: Lookups;
}

/** The questions pages, the API and the exports ask, each answered with the records it needs and no more. */
export interface StoreView {
  readonly version: number;
  /** Every story, newest change first; archived ones only when asked. */
  stories(options?: { archived?: boolean }): Promise<StorySummary[]>;
  story(slugOrId: string): Promise<Story | undefined>;
  /** Claims a timeline query selects, one page of them, in its order (story order on the event axis). */
  timeline(query: TimelineQuery): Promise<TimelinePage>;
  drawing(query: TimelineQuery, clusterAbove: number): Promise<TimelineDrawing>;
  /** Every claim a query selects (for exports and feeds), in the order the database keeps them, or the timeline's. */
  selected(query: TimelineQuery, order: 'stored' | 'timeline'): Promise<Claim[]>;
  /** The export of the claims a query selects: they and every record they refer to. */
  slice(claims: readonly Claim[]): Promise<Database>;
  facets(storyId?: string): Promise<Facets>;
  claim(id: string): Promise<ClaimPage | undefined>;
  revisions(claimId: string): Promise<Revision[]>;
  relation(id: string): Promise<Relation | undefined>;
  sources(): Promise<SourceCounts[]>;
  source(id: string, limit: number): Promise<SourcePage | undefined>;
  /** Claims whose words match `q`, story by story (open stories only), the first `limit` of each in story order. */
  search(q: string, limit: number): Promise<{ stories: Array<{ story: Story; total: number; claims: Claim[] }>; lookups: Lookups }>;
  /** The claims about an actor (by name, any case or spelling of its slug), story by story: how many and the latest. */
  actor(name: string, limit: number): Promise<ActorPage | undefined>;
  /** Documents, newest first, without their text, with how many claims quote each and how long the text is. */
  documents(storyId?: string): Promise<Array<{ document: Document; claims: number; textLength: number }>>;
  document(id: string): Promise<DocumentPage | undefined>;
  /** The most recent change to anything in a story (or anywhere), as an ISO date-time; null when there is nothing. */
  lastChange(storyId?: string): Promise<string | null>;
}
