import { z } from 'zod';
import { corroborationLevel, CORROBORATION_LEVELS, type CorroborationLevel } from './corroboration.js';
import { compareClaimDates, overlaps } from './dates/claim-date.js';
import { resolveDate } from './dates/resolve-date.js';
import { slugify } from './slug.js';
import { STATUSES, type Claim, type ClaimDate, type Database, type Status } from './types.js';
import type { FieldError, Validated } from './validation.js';
import { fieldErrors } from './validation.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const optionalWord = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .optional()
  .transform((value) => value || undefined);

const pageNumber = (field: string, fallback: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        context.addIssue({ code: 'custom', message: `${field} must be a whole number from 1 to ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** Timeline filters as they arrive in a URL; anything not listed here is ignored so shared links keep working. */
const timelineQuerySchema = z.object({
  source: optionalWord,
  actor: optionalWord,
  topic: optionalWord,
  from: optionalWord,
  to: optionalWord,
  q: optionalWord,
  page: pageNumber('page', 1, 1_000_000),
  limit: pageNumber('limit', DEFAULT_LIMIT, MAX_LIMIT),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).optional().default('asc'),
  axis: z.enum(['event', 'claimed'], { error: 'axis must be event or claimed' }).optional().default('event'),
  corroboration: z.enum(CORROBORATION_LEVELS, { error: 'corroboration must be none, single or multiple' }).optional(),
  status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}` }).optional(),
  lanes: z.enum(['actor', 'source'], { error: 'lanes must be actor or source' }).optional().default('actor'),
});

/** Which date of a claim a timeline is about: when it happened, or when it was claimed. */
export type Axis = 'event' | 'claimed';

export const dateOnAxis = (claim: Claim, axis: Axis): ClaimDate => (axis === 'claimed' ? claim.claimedAt : claim.date);

export interface TimelineQuery {
  /** Claims of this story only; every story's when absent. Set by the page or route, never read from the query string. */
  storyId?: string;
  source?: string;
  actor?: string;
  topic?: string;
  from?: ClaimDate;
  to?: ClaimDate;
  q?: string;
  page: number;
  limit: number;
  order: 'asc' | 'desc';
  axis: Axis;
  corroboration?: CorroborationLevel;
  status?: Status;
  lanes: 'actor' | 'source';
}

/** Keeps only the first value of repeated parameters (`?actor=a&actor=b`), as links never repeat them. */
function firstValues(query: Record<string, unknown>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    // A GET form sends every field, empty ones too (`corroboration=`): an empty filter is no filter.
    flat[key] = typeof first === 'string' && first.trim() !== '' ? first : undefined;
  }
  return flat;
}

/** A range bound in any accepted notation or phrase; relative phrases (“last year”) read against today. */
function readBound(field: 'from' | 'to', text: string | undefined, today: string, errors: FieldError[]): ClaimDate | undefined {
  if (!text) return undefined;
  const read = resolveDate(text, { reference: today, today });
  if (read.ok) return read.date;
  errors.push({ field, message: `${field === 'from' ? 'From' : 'To'}: ${read.message}` });
  return undefined;
}

/** Reads timeline filters from a URL query. */
export function parseTimelineQuery(query: Record<string, unknown>, today: string): Validated<TimelineQuery> {
  const parsed = timelineQuerySchema.safeParse(firstValues(query));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const errors: FieldError[] = [];
  const from = readBound('from', parsed.data.from, today, errors);
  const to = readBound('to', parsed.data.to, today, errors);
  if (from && to && to.end < from.start) errors.push({ field: 'to', message: 'To: the range ends before it starts' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, from, to } };
}

function matchesName(names: readonly string[], wanted: string): boolean {
  const slug = slugify(wanted);
  return names.some((name) => slugify(name) === slug);
}

function matchesText(claim: Claim, needle: string): boolean {
  const haystack = [claim.statement, ...claim.actors, ...claim.topics, ...claim.attributions.map((a) => a.quote ?? '')]
    .join('\n')
    .toLowerCase();
  return haystack.includes(needle.toLowerCase());
}

/** True when the claim passes every filter of the query (pagination aside). */
export function claimMatches(claim: Claim, query: TimelineQuery): boolean {
  if (query.storyId !== undefined && claim.storyId !== query.storyId) return false;
  if (query.source && !claim.attributions.some((a) => a.sourceId === slugify(query.source ?? '') || a.sourceId === query.source)) {
    return false;
  }
  if (query.actor && !matchesName(claim.actors, query.actor)) return false;
  if (query.topic && !matchesName(claim.topics, query.topic)) return false;
  if ((query.from || query.to) && !overlaps(dateOnAxis(claim, query.axis), query.from?.start, query.to?.end)) return false;
  if (query.q && !matchesText(claim, query.q)) return false;
  if (query.corroboration && corroborationLevel(claim) !== query.corroboration) return false;
  if (query.status && claim.status !== query.status) return false;
  return true;
}

export interface TimelinePage {
  claims: Claim[];
  page: number;
  pages: number;
  total: number;
}

/** All claims in timeline order on an axis: by span start, coarser first, then id so ties stay put. */
export function orderClaims(claims: readonly Claim[], axis: Axis): Claim[] {
  return [...claims].sort(claimOrder(axis));
}

/** The comparison behind timeline order on an axis. */
export function claimOrder(axis: Axis): (a: Claim, b: Claim) => number {
  return (a, b) => compareClaimDates(dateOnAxis(a, axis), dateOnAxis(b, axis)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every claim a timeline query shows, in timeline order.
 * @param ordered the claims already in order on the query's axis (see orderClaims), so a cached order can serve many queries
 */
export function matchingClaims(ordered: readonly Claim[], query: TimelineQuery): Claim[] {
  const matching = ordered.filter((claim) => claimMatches(claim, query));
  if (query.order === 'desc') matching.reverse();
  return matching;
}

/** The claims a timeline query shows, in timeline order, one page of them. */
export function selectClaims(db: Pick<Database, 'claims'>, query: TimelineQuery): TimelinePage {
  return paginate(matchingClaims(orderClaims(db.claims, query.axis), query), query);
}

/** One page of an ordered list of claims. */
export function paginate(matching: Claim[], query: Pick<TimelineQuery, 'page' | 'limit'>): TimelinePage {
  const pages = Math.max(1, Math.ceil(matching.length / query.limit));
  const start = (query.page - 1) * query.limit;
  return { claims: matching.slice(start, start + query.limit), page: query.page, pages, total: matching.length };
}

export interface Facet {
  key: string;
  label: string;
  count: number;
}

/** Running counts behind the filter menus, kept so a write can adjust them instead of recounting. */
export interface FacetCounts {
  actors: Map<string, Facet>;
  topics: Map<string, Facet>;
  /** Claims per source id (each claim counted once per source, whatever its roles). */
  sources: Map<string, number>;
}

function addNames(counts: Map<string, Facet>, names: readonly string[], step: 1 | -1) {
  for (const name of names) {
    const key = slugify(name);
    const facet = counts.get(key);
    const count = (facet?.count ?? 0) + step;
    if (count <= 0) counts.delete(key);
    else counts.set(key, { key, label: facet?.label ?? name, count });
  }
}

function addClaim(counts: FacetCounts, claim: Claim, step: 1 | -1) {
  addNames(counts.actors, claim.actors, step);
  addNames(counts.topics, claim.topics, step);
  for (const id of new Set(claim.attributions.map((a) => a.sourceId))) {
    const count = (counts.sources.get(id) ?? 0) + step;
    if (count <= 0) counts.sources.delete(id);
    else counts.sources.set(id, count);
  }
}

/** Counts actors, topics and sources over the claims. */
export function countFacets(claims: readonly Claim[]): FacetCounts {
  const counts: FacetCounts = { actors: new Map(), topics: new Map(), sources: new Map() };
  for (const claim of claims) addClaim(counts, claim, 1);
  return counts;
}

/** New counts after some claims left and others came; the old counts are left as they were. */
export function adjustFacets(counts: FacetCounts, removed: readonly Claim[], added: readonly Claim[]): FacetCounts {
  const next: FacetCounts = { actors: new Map(counts.actors), topics: new Map(counts.topics), sources: new Map(counts.sources) };
  for (const claim of removed) addClaim(next, claim, -1);
  for (const claim of added) addClaim(next, claim, 1);
  return next;
}

const byCountThenLabel = (a: Facet, b: Facet) => b.count - a.count || a.label.localeCompare(b.label);

/** The filter menus: most frequent first. Source facets are keyed by id and labelled by name. */
/** The filter menus of a timeline. */
export interface Facets {
  actors: Facet[];
  topics: Facet[];
  sources: Facet[];
}

export function facetLists(counts: FacetCounts, sourceName: (id: string) => string): Facets {
  return {
    actors: [...counts.actors.values()].sort(byCountThenLabel),
    topics: [...counts.topics.values()].sort(byCountThenLabel),
    sources: [...counts.sources].map(([key, count]) => ({ key, label: sourceName(key), count })).sort(byCountThenLabel),
  };
}

/** The actors, topics and sources present in the data, most frequent first, for filter menus. */
export function timelineFacets(db: Pick<Database, 'claims' | 'sources'>): Facets {
  const names = new Map(db.sources.map((source) => [source.id, source.name]));
  return facetLists(countFacets(db.claims), (id) => names.get(id) ?? id);
}
