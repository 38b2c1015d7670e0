import { dayNumber } from '../dates/day-number.js';
import { quarterEnd, quarterLabel, quarterStart } from '../dates/quarter.js';
import type { Claim } from '../types.js';
import { AXIS_HEIGHT, finishLayout, frameFor, plural, round, type Frame } from './frame.js';
import { compareText, foldLanes, laneAt, laneKeysOf, orderLanes, rowCentre } from './lanes.js';
import type { Cluster, Lane, LayoutOptions, TimelineLayout } from './shapes.js';

const CLUSTER_HALF_HEIGHT = 10;

/** One count per lane and quarter, for timelines with too many claims in view to draw one by one. */
export function clusteredLayout(
  frame: Frame,
  laneOrder: readonly string[],
  perLane: ReadonlyMap<string, ReadonlyMap<string, number>>,
  laneLabel: (key: string) => string,
  inView: number,
  options: LayoutOptions,
): TimelineLayout {
  // Every lane clusters over the same few dozen quarters: work each one out once.
  const quarters = new Map<string, { start: string; end: string; firstDay: number; lastDay: number; label: string }>();
  const quarterAt = (start: string) => {
    let quarter = quarters.get(start);
    if (!quarter) {
      const end = quarterEnd(start);
      quarter = { start, end, firstDay: dayNumber(start), lastDay: dayNumber(end), label: quarterLabel(start) };
      quarters.set(start, quarter);
    }
    return quarter;
  };
  const lanes: Lane[] = [];
  const clusters: Cluster[] = [];
  let laneTop = AXIS_HEIGHT;
  for (const key of laneOrder) {
    const y = round(rowCentre(laneTop, 0, frame.rowHeight));
    const counts = [...(perLane.get(key) ?? [])].sort(([a], [b]) => compareText(a, b));
    for (const [start, count] of counts) {
      const quarter = quarterAt(start);
      const left = frame.xOfDay(Math.max(quarter.firstDay, frame.startDay));
      const right = frame.xOfDay(Math.min(quarter.lastDay, frame.endDay) + 1);
      clusters.push({
        lane: key,
        x: round(left),
        width: round(right - left),
        y,
        top: round(y - CLUSTER_HALF_HEIGHT),
        height: CLUSTER_HALF_HEIGHT * 2,
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
  return finishLayout(frame, { laneTop, lanes, marks: [], arrows: [], key: [], clusters }, inView, true, options);
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
  bump(quarters, quarterStart(date.start));
  if (quarters.size === 0) maps.bySignature.delete(signature);
  bump(maps.firstQuarters, quarterStart(date.start));
  bump(maps.lastQuarters, quarterStart(date.end));
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
 * The same layout as `layoutTimeline` gives for all the tallied claims, from the counts alone, or null where
 * counts are not enough: a zoomed axis, or few enough claims to draw one by one.
 */
export function layoutFromTally(tally: ClusterTally, options: LayoutOptions): TimelineLayout | null {
  if (options.from !== undefined || options.to !== undefined || tally.total <= (options.clusterAbove ?? 300)) return null;
  if (options.laneBy !== tally.laneBy || (options.axis ?? 'event') !== tally.axis) return null;
  const earliest = [...tally.firstQuarters.keys()].reduce((a, b) => (b < a ? b : a));
  const latest = [...tally.lastQuarters.keys()].reduce((a, b) => (b > a ? b : a));
  const frame = frameFor({ start: earliest, end: quarterEnd(latest) }, options);
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
