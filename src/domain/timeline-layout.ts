import { compareClaimDates, labelFor, overlaps } from './dates/claim-date.js';
import type { Claim, ClaimDate } from './types.js';

/**
 * The drawn timeline as plain shapes: claims plus an axis range in, pixel geometry out.
 * No markup here; views/partials/timeline-svg.ejs turns a TimelineLayout into SVG.
 */

export interface LayoutOptions {
  /** First ISO day on the axis; absent = the start of the quarter holding the earliest claim. */
  from?: string;
  /** Last ISO day on the axis (inclusive); absent = the end of the quarter holding the latest claim. */
  to?: string;
  /** One lane per actor, or per origin source. */
  laneBy: 'actor' | 'source';
  sourceName: (id: string) => string;
  /** Whole drawing width in px, lane labels included. */
  width?: number;
  /** Height of one row of marks inside a lane. */
  laneHeight?: number;
  /** More claims than this in view draws one count per lane and quarter instead of marks. */
  clusterAbove?: number;
  /** Place each claim at when it happened (`date`) or when it was claimed (`claimedAt`). */
  axis?: 'event' | 'claimed';
  /** Lanes drawn on their own (the busiest); claims of the others share an “Other” lane. Default 12. */
  maxLanes?: number;
  /** Where a cluster links to; defaults to the timeline zoomed to that quarter. */
  clusterHref?: (from: string, to: string) => string;
}

export interface Tick {
  x: number;
  /** Empty when the ticks are too close for every one to carry a label. */
  label: string;
  kind: 'year' | 'quarter';
}

export interface Lane {
  key: string;
  label: string;
  /** The label cut to fit the gutter; the full one belongs in a tooltip. */
  shortLabel: string;
  y: number;
  height: number;
  /** Vertical centre of the lane's first row, where its label sits. */
  labelY: number;
}

/** A fading extension drawn beside an open end, so "since 2024" visibly goes on without claiming how far. */
export interface Fade {
  x: number;
  width: number;
}

export interface Mark {
  claimId: string;
  /** Left edge of the span; for a dot, its centre. */
  x: number;
  /** The span in px (start day to the day after the end); 0 for a dot. */
  width: number;
  /** Vertical centre of the mark's row. */
  y: number;
  top: number;
  height: number;
  /** Circle radius for dots, corner radius for bars and bands. */
  radius: number;
  lane: string;
  shape: 'dot' | 'bar' | 'band';
  approximate: boolean;
  uncertain: boolean;
  openStart: boolean;
  openEnd: boolean;
  fadeStart?: Fade;
  fadeEnd?: Fade;
  superseded: boolean;
  /** Id of a claim that replaces this one (B supersedes A when B.supersedes includes A.id). */
  supersededBy?: string;
  /** A small link beside a superseded mark to the claim that replaced it, placed just past its end. */
  replacement?: { href: string; label: string; x: number };
  /** Accessible name: "<date label>: <statement> — <origin source names>". */
  label: string;
  href: string;
}

export interface Cluster {
  lane: string;
  x: number;
  width: number;
  /** Vertical centre, where the count is written. */
  y: number;
  top: number;
  height: number;
  /** Horizontal centre, where the count is written. */
  textX: number;
  count: number;
  label: string;
  href: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** First and last ISO day on the axis; both empty when there is nothing to draw and no range was asked for. */
  start: string;
  end: string;
  /** The drawing's name for screen readers. */
  title: string;
  /** Claims with at least one day on the axis. */
  claimCount: number;
  clustered: boolean;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  tickLabelY: number;
  ticks: Tick[];
  lanes: Lane[];
  marks: Mark[];
  clusters: Cluster[];
}

const GUTTER = 140;
const RIGHT_PADDING = 16;
const AXIS_HEIGHT = 32;
const TICK_LABEL_Y = 18;
const BOTTOM_PADDING = 8;
const LANE_PADDING = 4;
const MARK_THICKNESS = 10;
const DOT_RADIUS = 5;
const FADE_PX = 40;
const LANE_LABEL_CHARS = 20;
const MIN_LABEL_SPACING_PX = 40;
const MIN_QUARTER_LABEL_PX = 24;
const MAX_YEARS_WITH_QUARTER_TICKS = 12;
const YEAR_LABEL_STEPS = [1, 2, 5, 10, 20, 50, 100];
const OTHER_LANE = '';
/** Space between a superseded mark's end and the arrow linking to its replacement. */
const REPLACEMENT_GAP = 6;
const MS_PER_DAY = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, in UTC so daylight saving never makes a day 23 or 25 hours long. */
function dayNumber(iso: string): number {
  const match = ISO_DAY.exec(iso);
  const [year, month, day] = (match?.slice(1) ?? []).map(Number) as [number?, number?, number?];
  const time = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN);
  if (!match || Number.isNaN(time) || isoFromDayNumber(time / MS_PER_DAY) !== iso) {
    throw new RangeError(`timeline-layout: “${iso}” is not an ISO day (YYYY-MM-DD)`);
  }
  return time / MS_PER_DAY;
}

function isoFromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** First and last ISO day of the quarter holding an ISO day. */
function quarterBounds(iso: string): { start: string; end: string } {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3) + 1;
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}`,
  };
}

const QUARTER_FIRST_DAYS = ['01-01', '01-01', '01-01', '04-01', '04-01', '04-01', '07-01', '07-01', '07-01', '10-01', '10-01', '10-01'];

/** The first ISO day of the quarter holding an ISO day, by string slicing: clustering calls it per claim. */
function quarterStartOf(iso: string): string {
  return `${iso.slice(0, 5)}${QUARTER_FIRST_DAYS[Number(iso.slice(5, 7)) - 1] ?? '01-01'}`;
}

/** A reader's label for an ISO day or quarter; local-time Date because labelFor formats in local time. */
function readerLabel(iso: string, precision: 'day' | 'quarter'): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return labelFor(new Date(year, month - 1, day), precision);
}

const round = (px: number): number => Math.round(px * 100) / 100;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Placed {
  claim: Claim;
  date: ClaimDate;
}

function resolveAxis(placed: Placed[], from?: string, to?: string): { start: string; end: string } | null {
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const { date } of placed) {
    if (earliest === undefined || date.start < earliest) earliest = date.start;
    if (latest === undefined || date.end > latest) latest = date.end;
  }
  let start = from ?? (earliest ? quarterBounds(earliest).start : to ? quarterBounds(to).start : undefined);
  let end = to ?? (latest ? quarterBounds(latest).end : from ? quarterBounds(from).end : undefined);
  if (start === undefined || end === undefined) return null;
  // Fail on a malformed from/to here, before it can turn into NaN geometry.
  dayNumber(start);
  dayNumber(end);
  // Only one end was asked for and every claim lies on the other side of it: keep the asked-for end's quarter.
  if (start > end && from === undefined) start = quarterBounds(end).start;
  if (start > end && to === undefined) end = quarterBounds(start).end;
  if (start > end) [start, end] = [end, start];
  return { start, end };
}

/** Claims never change in place, so their lane keys can be kept between layouts. */
const laneKeyCache = { actor: new WeakMap<Claim, string[]>(), source: new WeakMap<Claim, string[]>() };

function laneKeysOf(claim: Claim, laneBy: LayoutOptions['laneBy']): string[] {
  let keys = laneKeyCache[laneBy].get(claim);
  if (!keys) {
    keys = computeLaneKeys(claim, laneBy);
    laneKeyCache[laneBy].set(claim, keys);
  }
  return keys;
}

function computeLaneKeys(claim: Claim, laneBy: LayoutOptions['laneBy']): string[] {
  const keys =
    laneBy === 'actor'
      ? claim.actors.map((actor) => actor.trim())
      : claim.attributions.filter((a) => a.role === 'origin').map((a) => a.sourceId);
  const unique = [...new Set(keys.filter((key) => key !== ''))];
  return unique.length > 0 ? unique : [OTHER_LANE];
}

function originNames(claim: Claim, sourceName: (id: string) => string): string {
  const ids = [...new Set(claim.attributions.filter((a) => a.role === 'origin').map((a) => a.sourceId))];
  return ids.map(sourceName).join(', ');
}

function buildTicks(startDay: number, endDay: number, xOfDay: (day: number) => number, pxPerDay: number): Tick[] {
  const firstYear = Number(isoFromDayNumber(startDay).slice(0, 4));
  const lastYear = Number(isoFromDayNumber(endDay).slice(0, 4));
  const years = (endDay - startDay + 1) / 365.25;
  const withQuarters = years <= MAX_YEARS_WITH_QUARTER_TICKS;
  const yearStep = YEAR_LABEL_STEPS.find((step) => step * 365.25 * pxPerDay >= MIN_LABEL_SPACING_PX) ?? 1000;
  const quarterLabels = 91 * pxPerDay >= MIN_QUARTER_LABEL_PX;
  const ticks: Tick[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const month of [1, 4, 7, 10]) {
      const day = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
      if (day < startDay || day > endDay) continue;
      if (month === 1) {
        ticks.push({ x: round(xOfDay(day)), label: year % yearStep === 0 ? String(year) : '', kind: 'year' });
      } else if (withQuarters) {
        const quarter = (month - 1) / 3 + 1;
        ticks.push({ x: round(xOfDay(day)), label: quarterLabels ? `Q${quarter}` : '', kind: 'quarter' });
      }
    }
  }
  return ticks;
}

/** Where on the page a layout draws: the axis range and its scale. */
interface Frame {
  width: number;
  rowHeight: number;
  plotLeft: number;
  plotRight: number;
  axis: { start: string; end: string };
  startDay: number;
  endDay: number;
  pxPerDay: number;
  xOfDay: (day: number) => number;
  clusterHref: (from: string, to: string) => string;
}

/** The drawing area for an axis range: where each day falls across the plot. */
function frameFor(axis: { start: string; end: string }, options: LayoutOptions): Frame {
  const width = options.width ?? 960;
  const plotLeft = GUTTER;
  const plotRight = Math.max(width - RIGHT_PADDING, plotLeft + 1);
  const startDay = dayNumber(axis.start);
  const endDay = dayNumber(axis.end);
  const pxPerDay = (plotRight - plotLeft) / (endDay - startDay + 1);
  return {
    width,
    rowHeight: options.laneHeight ?? 22,
    plotLeft,
    plotRight,
    axis,
    startDay,
    endDay,
    pxPerDay,
    xOfDay: (day) => plotLeft + (day - startDay) * pxPerDay,
    clusterHref:
      options.clusterHref ?? ((from: string, to: string) => `/?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  };
}

function laneAt(key: string, label: string, top: number, rows: number, rowHeight: number): Lane {
  return {
    key,
    label,
    shortLabel: label.length > LANE_LABEL_CHARS ? `${label.slice(0, LANE_LABEL_CHARS - 1)}…` : label,
    y: round(top),
    height: rows * rowHeight + LANE_PADDING * 2,
    labelY: round(top + LANE_PADDING + rowHeight / 2),
  };
}

/**
 * Past a dozen lanes a timeline stops being readable: the busiest keep their own lane, the rest share
 * “Other”. Returns the lanes a claim with these lane keys is drawn in, and each lane's label.
 */
function foldLanes(laneTotals: ReadonlyMap<string, number>, options: LayoutOptions) {
  const maxLanes = options.maxLanes ?? 12;
  const ownLanes = new Set(
    [...laneTotals.keys()]
      .filter((key) => key !== OTHER_LANE)
      .sort((a, b) => (laneTotals.get(b) ?? 0) - (laneTotals.get(a) ?? 0) || compareText(a, b))
      .slice(0, maxLanes),
  );
  const foldedCount = [...laneTotals.keys()].filter((key) => key !== OTHER_LANE && !ownLanes.has(key)).length;
  const lanesOf = (keys: readonly string[]): readonly string[] =>
    keys.every((key) => ownLanes.has(key)) ? keys : [...new Set(keys.map((key) => (ownLanes.has(key) ? key : OTHER_LANE)))];
  const laneLabel = (key: string) =>
    key === OTHER_LANE
      ? foldedCount > 0
        ? `Other (${foldedCount} more)`
        : 'Other'
      : options.laneBy === 'source'
        ? options.sourceName(key)
        : key;
  return { lanesOf, laneLabel };
}

/** Busiest lanes first, “Other” last, ties by label: the same order whatever order the claims came in. */
function orderLanes(present: Iterable<string>, laneTotals: ReadonlyMap<string, number>, laneLabel: (key: string) => string): string[] {
  return [...present].sort(
    (a, b) =>
      Number(a === OTHER_LANE) - Number(b === OTHER_LANE) ||
      (laneTotals.get(b) ?? 0) - (laneTotals.get(a) ?? 0) ||
      laneLabel(a).localeCompare(laneLabel(b), 'en') ||
      compareText(a, b),
  );
}

/** One count per lane and quarter, for timelines with too many claims in view to draw one by one. */
function clusteredLayout(
  frame: Frame,
  laneOrder: readonly string[],
  perLane: ReadonlyMap<string, ReadonlyMap<string, number>>,
  laneLabel: (key: string) => string,
  inView: number,
  options: LayoutOptions,
): TimelineLayout {
  // Every lane clusters over the same few dozen quarters: work each one out once.
  const quarters = new Map<string, { start: string; end: string; firstDay: number; lastDay: number; label: string }>();
  const quarterOf = (quarterStart: string) => {
    let quarter = quarters.get(quarterStart);
    if (!quarter) {
      const bounds = quarterBounds(quarterStart);
      quarter = { ...bounds, firstDay: dayNumber(bounds.start), lastDay: dayNumber(bounds.end), label: readerLabel(bounds.start, 'quarter') };
      quarters.set(quarterStart, quarter);
    }
    return quarter;
  };
  const lanes: Lane[] = [];
  const clusters: Cluster[] = [];
  let laneTop = AXIS_HEIGHT;
  for (const key of laneOrder) {
    const y = round(laneTop + LANE_PADDING + frame.rowHeight / 2);
    const counts = [...(perLane.get(key) ?? [])].sort(([a], [b]) => compareText(a, b));
    for (const [quarterStart, count] of counts) {
      const quarter = quarterOf(quarterStart);
      const left = frame.xOfDay(Math.max(quarter.firstDay, frame.startDay));
      const right = frame.xOfDay(Math.min(quarter.lastDay, frame.endDay) + 1);
      clusters.push({
        lane: key,
        x: round(left),
        width: round(right - left),
        y,
        top: round(y - MARK_THICKNESS),
        height: MARK_THICKNESS * 2,
        textX: round((left + right) / 2),
        count,
        label: `${quarter.label}: ${plural(count, 'claim')}`,
        href: frame.clusterHref(quarter.start, quarter.end),
      });
    }
    const lane = laneAt(key, laneLabel(key), laneTop, 1, frame.rowHeight);
    lanes.push(lane);
    laneTop += lane.height;
  }
  return finishLayout(frame, laneTop, lanes, [], clusters, inView, true, options);
}

function finishLayout(
  frame: Frame,
  laneTop: number,
  lanes: Lane[],
  marks: Mark[],
  clusters: Cluster[],
  inView: number,
  clustered: boolean,
  options: LayoutOptions,
): TimelineLayout {
  const grouping = options.laneBy === 'actor' ? 'actor' : 'source';
  return {
    width: frame.width,
    height: round(laneTop + BOTTOM_PADDING),
    start: frame.axis.start,
    end: frame.axis.end,
    title:
      `Timeline of ${plural(inView, 'claim')} by ${grouping}, ` +
      `${readerLabel(frame.axis.start, 'day')} to ${readerLabel(frame.axis.end, 'day')}` +
      (clustered ? ', counted per quarter' : ''),
    claimCount: inView,
    clustered,
    plotLeft: frame.plotLeft,
    plotRight: frame.plotRight,
    axisY: AXIS_HEIGHT,
    tickLabelY: TICK_LABEL_Y,
    ticks: buildTicks(frame.startDay, frame.endDay, frame.xOfDay, frame.pxPerDay),
    lanes,
    marks,
    clusters,
  };
}

/**
 * Lays out claims on a horizontal time axis: one lane per actor (or origin source), each claim a mark
 * as wide as its date's span, stacked into rows where marks would cover each other; above
 * `clusterAbove` claims in view, one count per lane and quarter instead. Pure: same input, same shapes,
 * whatever the order of `claims`.
 * @throws RangeError when `from` or `to` is not an ISO day.
 * @example
 * // claims: one claim 'k1' by OpenAI dated 2024-Q2
 * const layout = layoutTimeline(claims, { from: '2024-01-01', to: '2024-12-31', laneBy: 'actor', sourceName: (id) => id });
 * layout.marks[0] //=> { claimId: 'k1', shape: 'band', x: 339.9, width: 199.9, lane: 'OpenAI', href: '/claims/k1', ... }
 */
export function layoutTimeline(claims: Claim[], options: LayoutOptions): TimelineLayout {
  const width = options.width ?? 960;
  const rowHeight = options.laneHeight ?? 22;
  const clusterAbove = options.clusterAbove ?? 300;
  const plotLeft = GUTTER;
  const plotRight = Math.max(width - RIGHT_PADDING, plotLeft + 1);

  const placed: Placed[] = claims.map((claim) => ({
    claim,
    date: options.axis === 'claimed' ? claim.claimedAt : claim.date,
  }));
  const byTimelineOrder = (a: Placed, b: Placed) => compareClaimDates(a.date, b.date) || compareText(a.claim.id, b.claim.id);

  const axis = resolveAxis(placed, options.from, options.to);
  if (!axis) {
    return {
      width,
      height: AXIS_HEIGHT + BOTTOM_PADDING,
      start: '',
      end: '',
      title: 'Timeline: no dated claims to draw',
      claimCount: 0,
      clustered: false,
      plotLeft,
      plotRight,
      axisY: AXIS_HEIGHT,
      tickLabelY: TICK_LABEL_Y,
      ticks: [],
      lanes: [],
      marks: [],
      clusters: [],
    };
  }

  const frame = frameFor(axis, options);
  const { startDay, endDay, pxPerDay, xOfDay } = frame;

  const inView = placed.filter((p) => overlaps(p.date, axis.start, axis.end)).sort(byTimelineOrder);
  const clustered = inView.length > clusterAbove;

  const replacedBy = new Map<string, string>();
  for (const { claim } of placed.filter((p) => p.claim.supersedes.length > 0).sort(byTimelineOrder)) {
    for (const id of claim.supersedes) if (!replacedBy.has(id)) replacedBy.set(id, claim.id);
  }
  let statements: Map<string, string> | undefined;
  const statementOf = (id: string) => (statements ??= new Map(claims.map((claim) => [claim.id, claim.statement]))).get(id);

  // Lane order counts every claim given, not only those in view, so zooming never reshuffles the lanes.
  const laneTotals = new Map<string, number>();
  for (const { claim } of placed) {
    for (const key of laneKeysOf(claim, options.laneBy)) laneTotals.set(key, (laneTotals.get(key) ?? 0) + 1);
  }
  const { lanesOf, laneLabel } = foldLanes(laneTotals, options);
  const laneMembers = new Map<string, Placed[]>();
  for (const p of inView) {
    for (const key of lanesOf(laneKeysOf(p.claim, options.laneBy))) {
      const members = laneMembers.get(key);
      if (members) members.push(p);
      else laneMembers.set(key, [p]);
    }
  }
  const laneOrder = orderLanes(laneMembers.keys(), laneTotals, laneLabel);

  if (clustered) {
    const perLane = new Map<string, Map<string, number>>();
    for (const key of laneOrder) {
      const perQuarter = new Map<string, number>();
      for (const { date } of laneMembers.get(key) ?? []) {
        const quarter = quarterStartOf(date.start < axis.start ? axis.start : date.start);
        perQuarter.set(quarter, (perQuarter.get(quarter) ?? 0) + 1);
      }
      perLane.set(key, perQuarter);
    }
    return clusteredLayout(frame, laneOrder, perLane, laneLabel, inView.length, options);
  }

  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  let laneTop = AXIS_HEIGHT;

  for (const key of laneOrder) {
    const members = laneMembers.get(key) ?? [];
    const rowCentre = (row: number) => laneTop + LANE_PADDING + row * rowHeight + rowHeight / 2;
    const rowEnds: number[] = [];
    for (const { claim, date } of members) {
      const first = dayNumber(date.start);
      const last = dayNumber(date.end);
      const isRange = date.value.includes('/');
      const shape: Mark['shape'] = isRange ? 'band' : date.precision === 'day' ? 'dot' : date.precision === 'month' ? 'bar' : 'band';
      let x: number;
      let spanWidth: number;
      let extentLeft: number;
      let extentRight: number;
      let fadeStart: Fade | undefined;
      let fadeEnd: Fade | undefined;
      if (shape === 'dot') {
        x = xOfDay(first) + pxPerDay / 2;
        spanWidth = 0;
        extentLeft = x - DOT_RADIUS;
        extentRight = x + DOT_RADIUS;
      } else {
        x = xOfDay(Math.max(first, startDay));
        const right = xOfDay(Math.min(last, endDay) + 1);
        spanWidth = right - x;
        extentLeft = x;
        extentRight = right;
        if (date.openStart && first > startDay) {
          const fadeLeft = Math.max(x - FADE_PX, plotLeft);
          fadeStart = { x: round(fadeLeft), width: round(x - fadeLeft) };
          extentLeft = fadeLeft;
        }
        if (date.openEnd && last < endDay) {
          const fadeRight = Math.min(right + FADE_PX, plotRight);
          fadeEnd = { x: round(right), width: round(fadeRight - right) };
          extentRight = fadeRight;
        }
      }
      // Marks that only touch (2024 then Q1 2025) share a row: their rounded ends keep them apart.
      let row = rowEnds.findIndex((end) => end <= extentLeft);
      if (row === -1) row = rowEnds.push(extentRight) - 1;
      else rowEnds[row] = extentRight;

      const supersededBy = replacedBy.get(claim.id);
      const superseded = claim.status === 'superseded' || supersededBy !== undefined;
      const origins = originNames(claim, options.sourceName);
      const replacement = supersededBy !== undefined ? statementOf(supersededBy) : undefined;
      const label =
        `${options.axis === 'claimed' ? `Claimed ${date.label}` : date.label}: ${claim.statement}` +
        (origins ? ` — ${origins}` : '') +
        (replacement !== undefined ? ` (superseded by “${replacement}”)` : superseded ? ' (superseded)' : '');
      const y = rowCentre(row);
      marks.push({
        claimId: claim.id,
        x: round(x),
        width: round(spanWidth),
        y: round(y),
        top: round(y - MARK_THICKNESS / 2),
        height: MARK_THICKNESS,
        radius: shape === 'dot' ? DOT_RADIUS : round(Math.min(MARK_THICKNESS / 2, spanWidth / 2)),
        lane: key,
        shape,
        approximate: date.approximate === true,
        uncertain: date.uncertain === true,
        openStart: date.openStart === true,
        openEnd: date.openEnd === true,
        ...(fadeStart && { fadeStart }),
        ...(fadeEnd && { fadeEnd }),
        superseded,
        ...(supersededBy !== undefined && {
          supersededBy,
          replacement: {
            href: `/claims/${encodeURIComponent(supersededBy)}`,
            label: `Replaced by: ${replacement ?? supersededBy}`,
            x: round(Math.min(extentRight + REPLACEMENT_GAP, plotRight - REPLACEMENT_GAP)),
          },
        }),
        label,
        href: `/claims/${encodeURIComponent(claim.id)}`,
      });
    }
    const rows = Math.max(rowEnds.length, 1);

    const lane = laneAt(key, laneLabel(key), laneTop, rows, rowHeight);
    lanes.push(lane);
    laneTop += lane.height;
  }

  return finishLayout(frame, laneTop, lanes, marks, [], inView.length, false, options);
}

/**
 * What a clustered timeline fitted to all its claims needs, counted per lane signature (a claim's lane
 * keys together) so that a write adjusts the counts instead of going over every claim again.
 */
export interface ClusterTally {
  laneBy: LayoutOptions['laneBy'];
  axis: NonNullable<LayoutOptions['axis']>;
  /** A claim's lane keys joined by NUL → the quarter its date starts in → claims. */
  bySignature: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Claims per quarter of their first day, and of their last day: the fitted axis runs from the first to the last. */
  firstQuarters: ReadonlyMap<string, number>;
  lastQuarters: ReadonlyMap<string, number>;
  total: number;
}

const SIGNATURE_JOIN = '\u0000';

function addToTally(
  maps: { bySignature: Map<string, Map<string, number>>; firstQuarters: Map<string, number>; lastQuarters: Map<string, number> },
  claim: Claim,
  laneBy: ClusterTally['laneBy'],
  axis: ClusterTally['axis'],
  step: 1 | -1,
  copied?: Set<string>,
) {
  const date = axis === 'claimed' ? claim.claimedAt : claim.date;
  const signature = laneKeysOf(claim, laneBy).join(SIGNATURE_JOIN);
  let quarters = maps.bySignature.get(signature);
  if (copied && !copied.has(signature)) {
    quarters = new Map(quarters);
    maps.bySignature.set(signature, quarters);
    copied.add(signature);
  } else if (!quarters) {
    quarters = new Map();
    maps.bySignature.set(signature, quarters);
  }
  const bump = (map: Map<string, number>, key: string) => {
    const count = (map.get(key) ?? 0) + step;
    if (count > 0) map.set(key, count);
    else map.delete(key);
  };
  bump(quarters, quarterStartOf(date.start));
  if (quarters.size === 0) maps.bySignature.delete(signature);
  bump(maps.firstQuarters, quarterStartOf(date.start));
  bump(maps.lastQuarters, quarterStartOf(date.end));
}

/** Counts claims for a clustered, unzoomed timeline. */
export function tallyClusters(claims: readonly Claim[], laneBy: ClusterTally['laneBy'], axis: ClusterTally['axis']): ClusterTally {
  const maps = { bySignature: new Map<string, Map<string, number>>(), firstQuarters: new Map<string, number>(), lastQuarters: new Map<string, number>() };
  for (const claim of claims) addToTally(maps, claim, laneBy, axis, 1);
  return { laneBy, axis, ...maps, total: claims.length };
}

/** The tally after some claims left and others came (an edit is both); the old tally is left as it was. */
export function adjustTally(tally: ClusterTally, removed: readonly Claim[], added: readonly Claim[]): ClusterTally {
  const maps = {
    bySignature: new Map(tally.bySignature) as Map<string, Map<string, number>>,
    firstQuarters: new Map(tally.firstQuarters),
    lastQuarters: new Map(tally.lastQuarters),
  };
  const copied = new Set<string>();
  for (const claim of removed) addToTally(maps, claim, tally.laneBy, tally.axis, -1, copied);
  for (const claim of added) addToTally(maps, claim, tally.laneBy, tally.axis, 1, copied);
  return { laneBy: tally.laneBy, axis: tally.axis, ...maps, total: tally.total - removed.length + added.length };
}

/**
 * The same layout as {@link layoutTimeline} gives for all the tallied claims, from the counts alone, or
 * null where counts are not enough: a zoomed axis, or few enough claims to draw one by one.
 */
export function layoutFromTally(tally: ClusterTally, options: LayoutOptions): TimelineLayout | null {
  if (options.from !== undefined || options.to !== undefined || tally.total <= (options.clusterAbove ?? 300)) return null;
  if (options.laneBy !== tally.laneBy || (options.axis ?? 'event') !== tally.axis) return null;
  const earliest = [...tally.firstQuarters.keys()].reduce((a, b) => (b < a ? b : a));
  const latest = [...tally.lastQuarters.keys()].reduce((a, b) => (b > a ? b : a));
  const frame = frameFor({ start: earliest, end: quarterBounds(latest).end }, options);
  const laneTotals = new Map<string, number>();
  const signatures = [...tally.bySignature].map(([signature, quarters]) => {
    const keys = signature.split(SIGNATURE_JOIN);
    let claims = 0;
    for (const count of quarters.values()) claims += count;
    for (const key of keys) laneTotals.set(key, (laneTotals.get(key) ?? 0) + claims);
    return { keys, quarters };
  });
  const { lanesOf, laneLabel } = foldLanes(laneTotals, options);
  const perLane = new Map<string, Map<string, number>>();
  for (const { keys, quarters } of signatures) {
    for (const lane of lanesOf(keys)) {
      const counts = perLane.get(lane) ?? new Map<string, number>();
      for (const [quarter, count] of quarters) counts.set(quarter, (counts.get(quarter) ?? 0) + count);
      perLane.set(lane, counts);
    }
  }
  return clusteredLayout(frame, orderLanes(perLane.keys(), laneTotals, laneLabel), perLane, laneLabel, tally.total, options);
}
