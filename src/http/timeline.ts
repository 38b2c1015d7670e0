import type { Request, Response } from 'express';
import type { ClockContext } from '../domain/add-claim.js';
import { corroborationLevel } from '../domain/corroboration.js';
import { layoutFromTally, layoutTimeline, type LayoutOptions } from '../domain/timeline-layout.js';
import { parseTimelineQuery, DEFAULT_LIMIT, type TimelineQuery } from '../domain/timeline-query.js';
import type { Sequence } from '../domain/sequence/sequence.js';
import type { Claim, ClaimDate, Story } from '../domain/types.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { hrefWith } from './links.js';
import { notFound } from './errors.js';
import { claimHref, claimRow, storyHref, type ClaimRow } from './present.js';

/** The drawing clusters per quarter past this many claims in view. */
const CLUSTER_ABOVE = 300;

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

/** The timeline of one story: `GET /stories/:slug`, with every filter, both axes, the drawing and its exports. */
export function timelineHandler(store: Store, clock: () => ClockContext) {
  return async (req: Request, res: Response) => {
    const view = await store.read();
    const story = await view.story(String(req.params.slug));
    if (!story) return notFound(req, res);
    const base = storyHref(story.slug);
    const parsed = parseTimelineQuery(req.query, clock().today);
    const errors: FieldError[] = parsed.ok ? [] : parsed.errors;
    const query: TimelineQuery = { ...(parsed.ok ? parsed.value : EMPTY_QUERY), storyId: story.id };
    const [page, facets] = [await view.timeline(query), await view.facets(story.id)];
    const pages = Math.max(1, Math.ceil(page.total / query.limit));
    const { lookups } = page;
    const filters = echoFilters(req.query);
    const link = (path: string, overrides: Partial<Record<keyof Filters | 'page', string | number | undefined>> = {}) =>
      hrefWith(path, { ...filters, ...overrides });
    const rows = page.claims.map((claim) => ({
      ...claimRow(claim, lookups),
      single: corroborationLevel(claim) === 'single',
    }));
    const sourceLabel = (id: string) => facets.sources.find((s) => s.key === id)?.label ?? id;
    const active = (['q', 'source', 'actor', 'topic', 'from', 'to', 'corroboration', 'status'] as const)
      .filter((field) => filters[field])
      .map((field) => ({
        field,
        value: field === 'source' ? sourceLabel(filters.source ?? '') : filters[field],
        removeHref: link(base, { [field]: undefined, page: undefined }),
      }));
    let layout;
    if (errors.length === 0 && page.total > 0) {
      const drawing = await view.drawing(query, CLUSTER_ABOVE);
      const layoutOptions: LayoutOptions = {
        ...(query.from && { from: query.from.start }),
        ...(query.to && { to: query.to.end }),
        laneBy: query.lanes,
        axis: query.axis,
        sourceName: (id) => drawing.lookups.source(id)?.name ?? id,
        clusterHref: (from, to) => link(base, { from, to, page: undefined }),
        claimHref,
        clusterAbove: CLUSTER_ABOVE,
        ...('sequence' in drawing && { sequence: drawing.sequence }),
      };
      // The whole, unfiltered timeline of a large story is drawn from counts kept up to date by each write.
      layout = 'tally' in drawing ? (layoutFromTally(drawing.tally, layoutOptions) ?? undefined) : layoutTimeline(drawing.claims, layoutOptions);
    }
    const otherAxis = query.axis === 'event' ? 'claimed' : 'event';
    res.status(errors.length > 0 ? 400 : 200).render('timeline', {
      title: story.title,
      story: storyHeader(story, base),
      filters,
      filterAction: base,
      keptFilters: (['order', 'axis', 'lanes', 'status'] as const).flatMap((name) => (filters[name] ? [{ name, value: filters[name] }] : [])),
      errors,
      facets,
      active,
      layout,
      years: group(page.claims, rows, query.axis, lookups.sequence()),
      total: page.total,
      page: query.page,
      pages,
      order: query.order,
      axis: {
        current: query.axis,
        label: query.axis === 'event' ? 'when it happened' : 'when it was claimed',
        switchHref: link(base, { axis: otherAxis === 'event' ? undefined : otherAxis, page: undefined }),
        switchLabel: otherAxis === 'event' ? 'Show when it happened' : 'Show when it was claimed',
      },
      lanes: {
        current: query.lanes,
        switchHref: link(base, { lanes: query.lanes === 'actor' ? 'source' : undefined }),
        switchLabel: query.lanes === 'actor' ? 'One lane per source' : 'One lane per actor',
      },
      fitHref: filters.from || filters.to ? link(base, { from: undefined, to: undefined, page: undefined }) : undefined,
      orderToggle: {
        href: link(base, { order: query.order === 'asc' ? 'desc' : undefined, page: undefined }),
        label: query.order === 'asc' ? 'Newest first' : 'Oldest first',
      },
      exports: {
        json: link(`${base}/export.json`, { page: undefined, order: undefined, lanes: undefined }),
        csv: link(`${base}/export.csv`, { page: undefined, order: undefined, lanes: undefined }),
        timelinejs: link(`${base}/export/timelinejs.json`, { page: undefined, order: undefined, lanes: undefined }),
        atom: link(`${base}/feed.atom`, { page: undefined, order: undefined, lanes: undefined, axis: undefined }),
      },
      prevHref: query.page > 1 ? link(base, { page: query.page - 1 }) : undefined,
      nextHref: query.page < pages ? link(base, { page: query.page + 1 }) : undefined,
      clearHref: active.length > 0 ? base : undefined,
    });
  };
}

/** What the top of a story's timeline says of it, and where its actions are. */
function storyHeader(story: Story, base: string) {
  return {
    title: story.title,
    summary: story.summary,
    href: base,
    archived: story.archivedAt !== undefined,
    addClaimHref: `/claims/new?story=${encodeURIComponent(story.slug)}`,
    addDocumentHref: `/documents/new?story=${encodeURIComponent(story.slug)}`,
    documentsHref: `/documents?story=${encodeURIComponent(story.slug)}`,
    importHref: `/import?story=${encodeURIComponent(story.slug)}`,
    archiveAction: `${base}/archive`,
  };
}
