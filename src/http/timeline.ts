import type { Request, Response } from 'express';
import { parseTimelineQuery, selectClaims, timelineFacets, type TimelineQuery } from '../domain/timeline-query.js';
import type { FieldError } from '../domain/validation.js';
import type { Store } from '../store/store.js';
import { hrefWith } from './links.js';
import { claimRow, lookupsFor, type ClaimRow } from './present.js';

/** The filter words exactly as typed, echoed back into the filter form. */
const FILTER_FIELDS = ['q', 'source', 'actor', 'topic', 'from', 'to', 'order'] as const;
type FilterEcho = Partial<Record<(typeof FILTER_FIELDS)[number], string>>;

function echoFilters(query: Record<string, unknown>): FilterEcho {
  const echo: FilterEcho = {};
  for (const field of FILTER_FIELDS) {
    const value = query[field];
    if (typeof value === 'string' && value.trim()) echo[field] = value.trim().slice(0, 200);
  }
  return echo;
}

interface Group {
  heading: string;
  rows: ClaimRow[];
}

/** Consecutive claims of the same year share a heading. */
function groupByYear(rows: ClaimRow[], starts: string[]): Group[] {
  const groups: Group[] = [];
  rows.forEach((row, i) => {
    const year = (starts[i] ?? '').slice(0, 4);
    const last = groups.at(-1);
    if (last && last.heading === year) last.rows.push(row);
    else groups.push({ heading: year, rows: [row] });
  });
  return groups;
}

export function timelineHandler(store: Store) {
  return (req: Request, res: Response) => {
    const db = store.data;
    const parsed = parseTimelineQuery(req.query);
    const errors: FieldError[] = parsed.ok ? [] : parsed.errors;
    const query: TimelineQuery = parsed.ok ? parsed.value : { page: 1, limit: 50, order: 'asc' };
    const page = selectClaims(db, query);
    const lookups = lookupsFor(db);
    const filters = echoFilters(req.query);
    const link = (overrides: Partial<Record<keyof FilterEcho | 'page', string | number | undefined>>) =>
      hrefWith('/', { ...filters, ...overrides });
    const rows = page.claims.map((claim) => claimRow(claim, lookups));
    const facets = timelineFacets(db);
    const active = (['q', 'source', 'actor', 'topic', 'from', 'to'] as const)
      .filter((field) => filters[field])
      .map((field) => ({
        field,
        value:
          field === 'source'
            ? (facets.sources.find((s) => s.key === filters.source)?.label ?? filters.source)
            : filters[field],
        removeHref: link({ [field]: undefined, page: undefined }),
      }));
    res.status(errors.length > 0 ? 400 : 200).render('timeline', {
      title: 'Timeline',
      filters,
      errors,
      facets,
      active,
      groups: groupByYear(rows, page.claims.map((c) => c.date.start)),
      total: page.total,
      page: page.page,
      pages: page.pages,
      order: query.order,
      orderToggle: {
        href: link({ order: query.order === 'asc' ? 'desc' : undefined, page: undefined }),
        label: query.order === 'asc' ? 'Newest first' : 'Oldest first',
      },
      prevHref: page.page > 1 ? link({ page: page.page - 1 }) : undefined,
      nextHref: page.page < page.pages ? link({ page: page.page + 1 }) : undefined,
      clearHref: active.length > 0 ? '/' : undefined,
    });
  };
}
