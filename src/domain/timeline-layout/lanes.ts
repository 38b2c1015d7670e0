import type { Claim } from '../types.js';
import { round } from './frame.js';
import type { Lane, LayoutOptions } from './shapes.js';

/** The key of the lane for claims with no actor (or no origin): shown as “Other”. */
export const OTHER_LANE = '';
const LANE_PADDING = 4;
const LANE_LABEL_CHARS = 20;

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Claims never change in place, so their lane keys can be kept between layouts. */
const laneKeyCache = { actor: new WeakMap<Claim, string[]>(), source: new WeakMap<Claim, string[]>() };

/** The lanes a claim belongs in: one per actor, or per origin source; “Other” when it names none. */
export function laneKeysOf(claim: Claim, laneBy: LayoutOptions['laneBy']): string[] {
  let keys = laneKeyCache[laneBy].get(claim);
  if (!keys) {
    const named =
      laneBy === 'actor' ? claim.actors.map((actor) => actor.trim()) : claim.attributions.filter((a) => a.role === 'origin').map((a) => a.sourceId);
    const unique = [...new Set(named.filter((key) => key !== ''))];
    keys = unique.length > 0 ? unique : [OTHER_LANE];
    laneKeyCache[laneBy].set(claim, keys);
  }
  return keys;
}

/** A lane's box and label, `rows` rows high, from `top`. */
export function laneAt(key: string, label: string, top: number, rows: number, rowHeight: number): Lane {
  return {
    key,
    label,
    shortLabel: label.length > LANE_LABEL_CHARS ? `${label.slice(0, LANE_LABEL_CHARS - 1)}…` : label,
    y: round(top),
    height: rows * rowHeight + LANE_PADDING * 2,
    labelY: round(top + LANE_PADDING + rowHeight / 2),
  };
}

/** Vertical centre of a row of a lane. */
export const rowCentre = (laneTop: number, row: number, rowHeight: number): number => laneTop + LANE_PADDING + row * rowHeight + rowHeight / 2;

/**
 * Past a dozen lanes a timeline stops being readable: the busiest keep their own lane, the rest share
 * “Other”. Returns the lanes a claim with these lane keys is drawn in, and each lane's label.
 */
export function foldLanes(laneTotals: ReadonlyMap<string, number>, options: LayoutOptions) {
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
    key === OTHER_LANE ? (foldedCount > 0 ? `Other (${foldedCount} more)` : 'Other') : options.laneBy === 'source' ? options.sourceName(key) : key;
  return { lanesOf, laneLabel };
}

/** Busiest lanes first, “Other” last, ties by label: the same order whatever order the claims came in. */
export function orderLanes(present: Iterable<string>, laneTotals: ReadonlyMap<string, number>, laneLabel: (key: string) => string): string[] {
  return [...present].sort(
    (a, b) =>
      Number(a === OTHER_LANE) - Number(b === OTHER_LANE) ||
      (laneTotals.get(b) ?? 0) - (laneTotals.get(a) ?? 0) ||
      laneLabel(a).localeCompare(laneLabel(b), 'en') ||
      compareText(a, b),
  );
}
