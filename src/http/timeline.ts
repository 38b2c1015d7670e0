import type { Request, Response } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import { corroborationLevel } from '../domain/corroboration.js';
import { layoutFromTally, layoutTimeline, type LayoutOptions } from '../domain/timeline-layout.js';
import {
  dateOnAxis,
  matchingClaims,
  paginate,
  parseTimelineQuery,
  DEFAULT_LIMIT,
  type TimelineQuery,
} from '../domain/timeline-query.js';
import type { Sequence } from '../domain/sequence/sequence.js';
import type { Claim, ClaimDate } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { hrefWith } from './links.js';
import { claimHref, claimRow, type ClaimRow } from './present.js';
import { clusterTally, facets as facetsOf, lookupsOf, orderedClaims } from './per-data.js';

/** The filter words exactly as typed, echoed back into the filter form and kept in every link. */
const FILTER_FIELDS = ['q', 'source', 'actor', 'topic', 'from', 'to', 'corroboration', 'status', 'order', 'axis', 'lanes'] as const;
type Filters = Partial<Record<(typeof FILTER_FIELDS)[number], string>>;

function echoFilters(query: Record<string, unknown>): Filters {
  const echo: Filters = {};
  for (const field of FILTER_FIELDS) {
    const value = query[field];
    if (typeof value === 'string' && value.trim()) echo[field] = value.trim().slice(0, 200);
  }
  return echo;
}

interface Period {
  heading: string;
  rows: Array<ClaimRow & { single: boolean }>;
}
interface YearGroup {
  year: string;
  periods: Period[];
}

/** Spans longer than a quarter (a year, a range, an open end) head their year rather than sit in one quarter. */
function periodOf(date: Pick<ClaimDate, 'start' | 'end' | 'precision' | 'openEnd'>): string {
  const year = date.start.slice(0, 4);
  const quarter = Math.floor((Number(date.start.slice(5, 7)) - 1) / 3) + 1;
  const sameQuarter = date.end.slice(0, 4) === year && Math.floor((Number(date.end.slice(5, 7)) - 1) / 3) + 1 === quarter;
  return date.precision === 'year' || !sameQuarter ? `Across ${year}${date.end.slice(0, 4) !== year || date.openEnd ? ' and after' : ''}` : `Q${quarter} ${year}`;
}

/**
 * Year headings, then quarter headings, over consecutive claims in the order shown. On the event axis a claim
 * heads where story order places it: its date as its relations narrow it.
 */
function group(claims: Claim[], rows: Period['rows'], axis: TimelineQuery['axis'], sequence: Sequence): YearGroup[] {
  const years: YearGroup[] = [];
  claims.forEach((claim, i) => {
    const row = rows[i];
    if (!row) return;
    const date = axis === 'event' ? placedSpan(claim, sequence) : claim.claimedAt;
    const year = date.start.slice(0, 4);
    const heading = periodOf(date);
    let current = years.at(-1);
    if (!current || current.year !== year) {
      current = { year, periods: [] };
      years.push(current);
    }
    const period = current.periods.at(-1);
    if (period && period.heading === heading) period.rows.push(row);
    else current.periods.push({ heading, rows: [row] });
  });
  return years;
}

/** The span story order places a claim in: from its place to its latest end. */
function placedSpan(claim: Claim, sequence: Sequence): Pick<ClaimDate, 'start' | 'end' | 'precision' | 'openEnd'> {
  const place = sequence.places.get(claim.id);
  const bounds = sequence.bounds.get(claim.id);
  if (!place) return claim.date;
  const end = bounds?.end ?? claim.date.end;
  return { start: place.start, end: end < place.start ? place.start : end, precision: claim.date.precision, openEnd: claim.date.openEnd === true && !bounds?.end };
}

const EMPTY_QUERY: TimelineQuery = { page: 1, limit: DEFAULT_LIMIT, order: 'asc', axis: 'event', lanes: 'actor' };

export function timelineHandler(store: Store, clock: () => ClockContext) {
  return (req: Request, res: Response) => {
    const db = store.data;
    const parsed = parseTimelineQuery(req.query, clock().today);
    const errors: FieldError[] = parsed.ok ? [] : parsed.errors;
    const query = parsed.ok ? parsed.value : EMPTY_QUERY;
    const all = matchingClaims(orderedClaims(db, query.axis), query);
    const { claims: pageClaims, pages } = paginate(all, query);
    const lookups = lookupsOf(db);
    const filters = echoFilters(req.query);
    const link = (path: string, overrides: Partial<Record<keyof Filters | 'page', string | number | undefined>> = {}) =>
      hrefWith(path, { ...filters, ...overrides });
    const rows = pageClaims.map((claim) => ({
      ...claimRow(claim, lookups),
      single: corroborationLevel(claim) === 'single',
    }));
    const facets = facetsOf(db);
    const sourceLabel = (id: string) => facets.sources.find((s) => s.key === id)?.label ?? id;
    const active = (['q', 'source', 'actor', 'topic', 'from', 'to', 'corroboration', 'status'] as const)
      .filter((field) => filters[field])
      .map((field) => ({
        field,
        value: field === 'source' ? sourceLabel(filters.source ?? '') : filters[field],
        removeHref: link('/', { [field]: undefined, page: undefined }),
      }));
    const layoutOptions: LayoutOptions = {
      ...(query.from && { from: query.from.start }),
      ...(query.to && { to: query.to.end }),
      laneBy: query.lanes,
      axis: query.axis,
      sourceName: (id) => lookups.source(id)?.name ?? id,
      clusterHref: (from, to) => link('/', { from, to, page: undefined }),
      claimHref,
      sequence: lookups.sequence(),
    };
    // The whole, unfiltered timeline is drawn from counts kept up to date by each write.
    const unfiltered = active.length === 0;
    const layout =
      errors.length === 0 && all.length > 0
        ? ((unfiltered ? layoutFromTally(clusterTally(db, query.lanes, query.axis), layoutOptions) : null) ??
          layoutTimeline(query.order === 'desc' ? [...all].reverse() : all, layoutOptions))
        : undefined;
    const otherAxis = query.axis === 'event' ? 'claimed' : 'event';
    res.status(errors.length > 0 ? 400 : 200).render('timeline', {
      title: 'Timeline',
      filters,
      keptFilters: (['order', 'axis', 'lanes', 'status'] as const).flatMap((name) => (filters[name] ? [{ name, value: filters[name] }] : [])),
      errors,
      facets,
      active,
      layout,
      years: group(pageClaims, rows, query.axis, lookups.sequence()),
      total: all.length,
      page: query.page,
      pages,
      order: query.order,
      axis: {
        current: query.axis,
        label: query.axis === 'event' ? 'when it happened' : 'when it was claimed',
        switchHref: link('/', { axis: otherAxis === 'event' ? undefined : otherAxis, page: undefined }),
        switchLabel: otherAxis === 'event' ? 'Show when it happened' : 'Show when it was claimed',
      },
      lanes: {
        current: query.lanes,
        switchHref: link('/', { lanes: query.lanes === 'actor' ? 'source' : undefined }),
        switchLabel: query.lanes === 'actor' ? 'One lane per source' : 'One lane per actor',
      },
      fitHref: filters.from || filters.to ? link('/', { from: undefined, to: undefined, page: undefined }) : undefined,
      orderToggle: {
        href: link('/', { order: query.order === 'asc' ? 'desc' : undefined, page: undefined }),
        label: query.order === 'asc' ? 'Newest first' : 'Oldest first',
      },
      exports: {
        json: link('/export.json', { page: undefined, order: undefined, lanes: undefined }),
        csv: link('/export.csv', { page: undefined, order: undefined, lanes: undefined }),
        timelinejs: link('/export/timelinejs.json', { page: undefined, order: undefined, lanes: undefined }),
        atom: link('/feed.atom', { page: undefined, order: undefined, lanes: undefined, axis: undefined }),
      },
      prevHref: query.page > 1 ? link('/', { page: query.page - 1 }) : undefined,
      nextHref: query.page < pages ? link('/', { page: query.page + 1 }) : undefined,
      clearHref: active.length > 0 ? '/' : undefined,
    });
  };
}
