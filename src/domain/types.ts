/**
 * Claimline's data model. Plain serialisable records: everything here is stored
 * as JSON as it is, so dates are ISO strings and references are ids.
 */

export const PRECISIONS = ['year', 'quarter', 'month', 'day'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * A date at the precision its writer gave it.
 * `start`/`end` are the first and last ISO days the date covers (inclusive),
 * so a quarter is a three-month span, never its first day.
 */
export interface ClaimDate {
  /** Claimline notation: EDTF (ISO 8601-2 level 1) with `YYYY-Qn` quarters: `2024`, `2024-Q2`, `2024-06`, `2024-06-15`. */
  value: string;
  precision: Precision;
  start: string;
  end: string;
  /** How a reader says it: "2024", "Q2 2024", "June 2024", "15 June 2024". */
  label: string;
  /** The writer's own words, when the date was read from a phrase ("the second quarter last year"). */
  phrase?: string;
  /** The ISO day a relative phrase was read against. */
  reference?: string;
  approximate?: boolean;
  uncertain?: boolean;
  /** The span's start is not known ("by late 2024"). */
  openStart?: boolean;
  /** The span goes on past its end ("since last year"): `end` is the last day the text vouches for. */
  openEnd?: boolean;
  /**
   * Which way a date named without its year was read from `reference`: `back` to the latest one that had
   * started, `forward` to the next one not over, as the sentence it stands in points ("talks will resume on Jan. 20").
   */
  direction?: 'back' | 'forward';
  /** The words that decided `direction` ("will resume", "dipped", "since"); absent when nothing looked forward. */
  directionCue?: string;
}

export const SOURCE_KINDS = [
  'publication',
  'wire-service',
  'company',
  'regulator',
  'government',
  'person',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  /** A readable slug: `the-information`. */
  id: string;
  name: string;
  kind: SourceKind;
  url?: string;
  /** The month (1–12) the source's fiscal year ends in, for companies whose year is not the calendar's (Apple: 9). */
  fiscalYearEnd?: number;
}

/**
 * A developing story: its own timeline, documents and feed. Claims and documents belong to exactly one;
 * sources and editors are shared by all.
 */
export interface Story {
  id: string;
  /** Its address: `/stories/apple-alibaba`. */
  slug: string;
  title: string;
  /** One line saying what the story is about. */
  summary: string;
  createdAt: string;
  /** Set when the story is archived: hidden from the list, still readable and exportable, read-only. */
  archivedAt?: string;
}

/** The article (or filing, post, transcript) a claim was read in. */
export interface Document {
  id: string;
  /** The story it was read for. */
  storyId: string;
  title: string;
  publisherId: string;
  url: string;
  /** ISO day. */
  publishedAt: string;
  /** Byline or credit line as printed: "Reuters, with additional editing and inputs from Vishakha Saxena". */
  credit?: string;
  /** The document's full text, so quotes can be checked against it. */
  text?: string;
  /** Quotes of claims proposed from a reading of it that a person chose not to keep: a later reading does not offer them again. */
  skippedQuotes?: string[];
  createdAt: string;
}

/** Who said what, in which capacity: the origin made the claim, relays passed it on, the publisher printed it. */
export const ROLES = ['origin', 'relay', 'publisher'] as const;
export type Role = (typeof ROLES)[number];

/** W3C Web Annotation TextQuoteSelector, with the offsets where it was last found. */
export interface TextQuoteAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Attribution {
  sourceId: string;
  role: Role;
  /** The verb the text used: "reported", "said", "according to". */
  verb: string;
  documentId?: string;
  /** Where the claim can be read when no stored document holds it. */
  url?: string;
  /** Verbatim text from the document. */
  quote?: string;
  anchor?: TextQuoteAnchor;
  /** ISO day the source made the claim, where known. */
  madeAt?: string;
  /** How this link changed what it passed on ("with additional editing"). */
  note?: string;
}

export const STATUSES = ['reported', 'confirmed', 'denied', 'disputed', 'retracted', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

export interface StatusChange {
  status: Status;
  /** ISO day the status changed. */
  on: string;
  /** Who made the change known, when anyone did. */
  sourceId?: string;
  note?: string;
  recordedAt: string;
}

export interface Claim {
  id: string;
  /** The story it belongs to. */
  storyId: string;
  statement: string;
  /** A few words naming the claim where a whole statement does not fit: beside its mark in the drawing, as a TimelineJS headline. */
  shortName?: string;
  /** When it happened. */
  date: ClaimDate;
  /** When it was claimed: the first source's date, or the document's. */
  claimedAt: ClaimDate;
  actors: string[];
  topics: string[];
  status: Status;
  statusHistory: StatusChange[];
  attributions: Attribution[];
  /** Ids of claims this one replaces (Alibaba chosen supersedes Baidu selected). */
  supersedes: string[];
  /** Bumped on every change, so a stale edit can be told from a fresh one. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface Revision {
  id: string;
  claimId: string;
  /** The claim's revision number this change produced. */
  revision: number;
  at: string;
  editor: string;
  reason: string;
  changes: FieldChange[];
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * How one event stands in time to another, after TimeML's TLINKs: `before`/`after` (the one ends before the other
 * starts), `during` (inside the other's span), `includes` (the other is inside this one's), `same-time`.
 */
export const RELATION_KINDS = ['before', 'after', 'during', 'includes', 'same-time'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** What a text says of the order of two claims' events: `from` happened `relation` `to`, in the words `quote`. */
export interface Relation {
  id: string;
  /** Claim id. */
  from: string;
  relation: RelationKind;
  /** Claim id. */
  to: string;
  /** The words that say so: "After that", "Ultimately", "before recovering in the third quarter". */
  quote?: string;
  /** The document the words are in. */
  documentId?: string;
  /** The source that says so, when no stored document holds the words. */
  sourceId?: string;
  createdAt: string;
}

/** The database file's format; older files are upgraded when opened (database-upgrade.ts). */
export const DATABASE_VERSION = 3;

export interface Database {
  version: typeof DATABASE_VERSION;
  stories: Story[];
  sources: Source[];
  documents: Document[];
  claims: Claim[];
  revisions: Revision[];
  relations: Relation[];
}
