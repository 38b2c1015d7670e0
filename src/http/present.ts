import { slugify } from '../domain/slug.js';
import { describeChain } from '../domain/chain.js';
import { dayLabel } from '../domain/dates/day-label.js';
import { corroborationLevel, independentOrigins } from '../domain/corroboration.js';
import { relationFrom } from '../domain/sequence/add-relation.js';
import { derivedDate, type DerivedDate } from '../domain/sequence/derived-date.js';
import type { Lookups } from '../domain/lookups.js';
import type { Attribution, Claim, Document } from '../domain/types.js';
import type { StorySummary } from '../store/store.js';

/**
 * Turns stored records into the plain, already formatted objects views print.
 * Views only loop and test; every href and label is made here.
 */

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

/** The documents a form offers, newest first, each named by its title, publisher and day. */
export function documentOptions(documents: readonly Document[], lookups: Pick<Lookups, 'source'>): DocumentOption[] {
  return [...documents]
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
    .map((doc) => ({ id: doc.id, label: `${doc.title} — ${lookups.source(doc.publisherId)?.name ?? doc.publisherId}, ${dayLabel(doc.publishedAt)}` }));
}

export const storyHref = (slug: string) => `/stories/${encodeURIComponent(slug)}`;
/** An actor's page, by the slug of its name, so "Alibaba" and "alibaba" are one page. */
export const actorHref = (name: string) => `/actors/${encodeURIComponent(slugify(name))}`;

/** A story in JSON, as `GET /api/stories` lists it. */
export function storyJson(summary: StorySummary) {
  const { story } = summary;
  return {
    slug: story.slug,
    title: story.title,
    summary: story.summary,
    claims: summary.claims,
    span: summary.span,
    updatedAt: summary.updatedAt,
    ...(story.archivedAt && { archivedAt: story.archivedAt }),
  };
}
