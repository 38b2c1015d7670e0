import { dayLabel } from '../dates/day-label.js';
import { dayNumber, dayNumberOf, isoFromDayNumber } from '../dates/day-number.js';
import { quarterEnd, quarterStart } from '../dates/quarter.js';
import type { Arrow, Cluster, KeyEntry, Lane, LayoutOptions, Mark, Tick, TimelineLayout } from './shapes.js';

/** Where on the page a layout draws: the axis range and its scale. */
export interface Frame {
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

export const GUTTER = 140;
const RIGHT_PADDING = 16;
export const AXIS_HEIGHT = 32;
const TICK_LABEL_Y = 18;
const BOTTOM_PADDING = 8;
const MIN_LABEL_SPACING_PX = 40;
const MIN_QUARTER_LABEL_PX = 24;
const MAX_YEARS_WITH_QUARTER_TICKS = 12;
const YEAR_LABEL_STEPS = [1, 2, 5, 10, 20, 50, 100];

export const round = (px: number): number => Math.round(px * 100) / 100;

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The axis range: the asked-for ends, or the quarters holding the earliest start and the latest end. Null when
 * there is nothing to draw and no range was asked for.
 * @throws RangeError when `from` or `to` is not an ISO day.
 */
export function resolveAxis(spans: Iterable<{ start: string; end: string }>, from?: string, to?: string): { start: string; end: string } | null {
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const span of spans) {
    if (earliest === undefined || span.start < earliest) earliest = span.start;
    if (latest === undefined || span.end > latest) latest = span.end;
  }
  let start = from ?? (earliest ? quarterStart(earliest) : to ? quarterStart(to) : undefined);
  let end = to ?? (latest ? quarterEnd(latest) : from ? quarterEnd(from) : undefined);
  if (start === undefined || end === undefined) return null;
  // Fail on a malformed from/to here, before it can turn into NaN geometry.
  dayNumber(start);
  dayNumber(end);
  // Only one end was asked for and every claim lies on the other side of it: keep the asked-for end's quarter.
  if (start > end && from === undefined) start = quarterStart(end);
  if (start > end && to === undefined) end = quarterEnd(start);
  if (start > end) [start, end] = [end, start];
  return { start, end };
}

/** The drawing area for an axis range: where each day falls across the plot. */
export function frameFor(axis: { start: string; end: string }, options: LayoutOptions): Frame {
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
    clusterHref: options.clusterHref ?? ((from: string, to: string) => `/?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  };
}

function buildTicks(frame: Frame): Tick[] {
  const { startDay, endDay, xOfDay, pxPerDay } = frame;
  const firstYear = Number(isoFromDayNumber(startDay).slice(0, 4));
  const lastYear = Number(isoFromDayNumber(endDay).slice(0, 4));
  const years = (endDay - startDay + 1) / 365.25;
  const withQuarters = years <= MAX_YEARS_WITH_QUARTER_TICKS;
  const yearStep = YEAR_LABEL_STEPS.find((step) => step * 365.25 * pxPerDay >= MIN_LABEL_SPACING_PX) ?? 1000;
  const quarterLabels = 91 * pxPerDay >= MIN_QUARTER_LABEL_PX;
  const ticks: Tick[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const month of [1, 4, 7, 10]) {
      const day = dayNumberOf(year, month, 1);
      if (day < startDay || day > endDay) continue;
      if (month === 1) {
        ticks.push({ x: round(xOfDay(day)), label: year % yearStep === 0 ? String(year) : '', kind: 'year' });
      } else if (withQuarters) {
        ticks.push({ x: round(xOfDay(day)), label: quarterLabels ? `Q${(month - 1) / 3 + 1}` : '', kind: 'quarter' });
      }
    }
  }
  return ticks;
}

/** What a layout has drawn, in lanes from the top. */
export interface Drawn {
  laneTop: number;
  lanes: Lane[];
  marks: Mark[];
  arrows: Arrow[];
  key: KeyEntry[];
  clusters: Cluster[];
}

/** The finished layout: the drawn parts with the axis, ticks, size and the drawing's name. */
export function finishLayout(frame: Frame, drawn: Drawn, inView: number, clustered: boolean, options: LayoutOptions): TimelineLayout {
  const grouping = options.laneBy === 'actor' ? 'actor' : 'source';
  return {
    width: frame.width,
    height: round(drawn.laneTop + BOTTOM_PADDING),
    start: frame.axis.start,
    end: frame.axis.end,
    title:
      `Timeline of ${plural(inView, 'claim')} by ${grouping}, ` +
      `${dayLabel(frame.axis.start)} to ${dayLabel(frame.axis.end)}` +
      (clustered ? ', counted per quarter' : ''),
    claimCount: inView,
    clustered,
    plotLeft: frame.plotLeft,
    plotRight: frame.plotRight,
    axisY: AXIS_HEIGHT,
    tickLabelY: TICK_LABEL_Y,
    ticks: buildTicks(frame),
    lanes: drawn.lanes,
    marks: drawn.marks,
    arrows: drawn.arrows,
    key: drawn.key,
    clusters: drawn.clusters,
  };
}

/** The layout of a timeline with nothing to draw. */
export function emptyLayout(options: LayoutOptions): TimelineLayout {
  const width = options.width ?? 960;
  return {
    width,
    height: AXIS_HEIGHT + BOTTOM_PADDING,
    start: '',
    end: '',
    title: 'Timeline: no dated claims to draw',
    claimCount: 0,
    clustered: false,
    plotLeft: GUTTER,
    plotRight: Math.max(width - RIGHT_PADDING, GUTTER + 1),
    axisY: AXIS_HEIGHT,
    tickLabelY: TICK_LABEL_Y,
    ticks: [],
    lanes: [],
    marks: [],
    arrows: [],
    key: [],
    clusters: [],
  };
}
