import { describeChain } from '../domain/chain.js';
import { dayLabel } from '../domain/dates/day-label.js';
import { corroborationLevel, independentOrigins } from '../domain/corroboration.js';
import { relationFrom } from '../domain/sequence/add-relation.js';
import { derivedDate, type DerivedDate } from '../domain/sequence/derived-date.js';
import { sequenceOf, type Sequence } from '../domain/sequence/sequence.js';
import { replacementsOf, type Replacements } from '../domain/supersession.js';
import type { Attribution, Claim, Database, Document, Relation, Source } from '../domain/types.js';

/**
 * Turns stored records into the plain, already formatted objects views print.
 * Views only loop and test; every href and label is made here.
 */
export interface Lookups {
  source: (id: string) => Source | undefined;
  document: (id: string) => Document | undefined;
  claim: (id: string) => Claim | undefined;
  /** Ids of the claims that list this one in their `supersedes`. */
  supersededBy: (id: string) => string[];
  /** What the relations say: each claim's relations, derived bounds and story place. */
  sequence: () => Sequence;
  relation: (id: string) => Relation | undefined;
}

/**
 * Lookups over one version of the data; each index is built on first use, so a write's answer pays only
 * for what it reads. `replacements` may come from a cache kept up to date across writes.
 */
export function lookupsFor(
  db: Database,
  replacements: () => Replacements = () => replacementsOf(db.claims),
  sequence: () => Sequence = () => sequenceOf(db.claims, db.relations),
): Lookups {
  let sources: Map<string, Source> | undefined;
  let documents: Map<string, Document> | undefined;
  let claims: Map<string, Claim> | undefined;
  let relations: Map<string, Relation> | undefined;
  let replaced: Replacements | undefined;
  let sequenced: Sequence | undefined;
  return {
    source: (id) => (sources ??= new Map(db.sources.map((s) => [s.id, s]))).get(id),
    document: (id) => (documents ??= new Map(db.documents.map((d) => [d.id, d]))).get(id),
    claim: (id) => (claims ??= new Map(db.claims.map((c) => [c.id, c]))).get(id),
    supersededBy: (id) => [...((replaced ??= replacements()).get(id) ?? [])],
    sequence: () => (sequenced ??= sequence()),
    relation: (id) => (relations ??= new Map(db.relations.map((r) => [r.id, r]))).get(id),
  };
}

/** The relations of a claim as it sees them (an `after` stored on B is `before` on A), in story order of the other claim. */
export function relationsSeenFrom(claim: Claim, lookups: Lookups) {
  return (lookups.sequence().relationsOf.get(claim.id) ?? []).map((relation) => ({ relation, view: relationFrom(claim.id, relation) }));
}

/** The date a claim's relations imply, where they narrow its own. */
export const derivedDateOf = (claim: Claim, lookups: Lookups): DerivedDate | null =>
  derivedDate(claim, lookups.sequence().bounds.get(claim.id), lookups.relation, lookups.claim);

export const claimHref = (id: string) => `/claims/${encodeURIComponent(id)}`;
export const sourceHref = (id: string) => `/sources/${encodeURIComponent(id)}`;

export { dayLabel };

export interface SourceLink {
  id: string;
  name: string;
  href: string;
}

function sourceLink(lookups: Lookups, id: string): SourceLink {
  return { id, name: lookups.source(id)?.name ?? id, href: sourceHref(id) };
}

function linksByRole(claim: Claim, lookups: Lookups, role: Attribution['role']): SourceLink[] {
  const ids = [...new Set(claim.attributions.filter((a) => a.role === role).map((a) => a.sourceId))];
  return ids.map((id) => sourceLink(lookups, id));
}

export interface ClaimRow {
  id: string;
  href: string;
  statement: string;
  dateLabel: string;
  dateValue: string;
  precision: string;
  status: string;
  origins: SourceLink[];
  relays: SourceLink[];
  publishers: SourceLink[];
  actors: string[];
  topics: string[];
  superseded: boolean;
}

export function claimRow(claim: Claim, lookups: Lookups): ClaimRow {
  return {
    id: claim.id,
    href: claimHref(claim.id),
    statement: claim.statement,
    dateLabel: claim.date.label,
    dateValue: claim.date.value,
    precision: claim.date.precision,
    status: claim.status,
    origins: linksByRole(claim, lookups, 'origin'),
    relays: linksByRole(claim, lookups, 'relay'),
    publishers: linksByRole(claim, lookups, 'publisher'),
    actors: claim.actors,
    topics: claim.topics,
    superseded: claim.status === 'superseded',
  };
}

export interface AttributionView {
  source: SourceLink;
  role: string;
  verb: string;
  quote?: string;
  note?: string;
  madeAt?: string;
  document?: { title: string; href: string; publishedAt: string; url: string; credit?: string; publisher?: SourceLink };
  url?: string;
}

const ROLE_ORDER = { origin: 0, relay: 1, publisher: 2 } as const;

export function attributionViews(claim: Claim, lookups: Lookups): AttributionView[] {
  return [...claim.attributions]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map((a) => {
      const doc = a.documentId ? lookups.document(a.documentId) : undefined;
      return {
        source: sourceLink(lookups, a.sourceId),
        role: a.role,
        verb: a.verb,
        ...(a.quote && { quote: a.quote }),
        ...(a.note && { note: a.note }),
        ...(a.madeAt && { madeAt: dayLabel(a.madeAt) }),
        ...(a.url && { url: a.url }),
        ...(doc && {
          document: {
            title: doc.title,
            href: `/documents/${encodeURIComponent(doc.id)}`,
            publishedAt: dayLabel(doc.publishedAt),
            url: doc.url,
            ...(doc.credit && { credit: doc.credit }),
            publisher: sourceLink(lookups, doc.publisherId),
          },
        }),
      };
    });
}

/**
 * A claim as the JSON API gives it: attributions carry `source: { id, name }`, with the chain as a
 * sentence, the independent origins behind it and the claims that replaced it.
 */
export function claimJson(claim: Claim, lookups: Lookups) {
  const name = (id: string) => lookups.source(id)?.name ?? id;
  const origins = independentOrigins(claim);
  return {
    ...claim,
    attributions: claim.attributions.map((a) => ({ ...a, source: { id: a.sourceId, name: name(a.sourceId) } })),
    chain: describeChain(claim.attributions, name),
    corroboration: { count: origins.length, level: corroborationLevel(claim), origins: origins.map((id) => ({ id, name: name(id) })) },
    supersededBy: lookups.supersededBy(claim.id),
    relations: relationsSeenFrom(claim, lookups).map(({ view }) => view),
    ...withDerived(derivedDateOf(claim, lookups)),
  };
}

const withDerived = (derived: DerivedDate | null) => (derived ? { derived } : {});

/** A claim as the edit form shows it: the writer's words where there were any, names rather than ids. */
export function claimFormValues(claim: Claim, lookups: Lookups): Record<string, string> {
  const origin = claim.attributions.find((a) => a.role === 'origin');
  const relays = claim.attributions.filter((a) => a.role === 'relay');
  const name = (id: string) => lookups.source(id)?.name ?? id;
  return {
    statement: claim.statement,
    shortName: claim.shortName ?? '',
    date: claim.date.phrase ?? claim.date.value,
    dateReference: claim.date.reference ?? '',
    claimedAt: claim.claimedAt.phrase ?? claim.claimedAt.value,
    source: origin ? name(origin.sourceId) : '',
    verb: origin?.verb ?? '',
    document: origin?.documentId ?? '',
    url: origin?.url ?? '',
    quote: origin?.quote ?? '',
    relayedBy: relays.map((a) => name(a.sourceId)).join(', '),
    actors: claim.actors.join(', '),
    topics: claim.topics.join(', '),
    supersedes: claim.supersedes.join(', '),
    revision: String(claim.revision),
  };
}

export interface DocumentOption {
  id: string;
  label: string;
}

export function documentOptions(db: Database): DocumentOption[] {
  const name = (id: string) => db.sources.find((s) => s.id === id)?.name ?? id;
  return [...db.documents]
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
    .map((doc) => ({ id: doc.id, label: `${doc.title} — ${name(doc.publisherId)}, ${dayLabel(doc.publishedAt)}` }));
}
