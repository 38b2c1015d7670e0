import type { Sequence } from '../sequence/sequence.js';
import type { RelationKind } from '../types.js';

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
  /** Where a mark links to; defaults to `/claims/:id`. */
  claimHref?: (id: string) => string;
  /** What relations say of the claims' order and dates; claims in a sequence are drawn in its order. */
  sequence?: Sequence;
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

/** The words beside a mark: its short name on a wide screen, its number in the key on a narrow one. */
export interface MarkName {
  text: string;
  x: number;
  anchor: 'start' | 'end';
  /** Printed on the band itself, which is long enough to hold it. */
  inside: boolean;
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
  /**
   * For a claim placed by its sequence: the span its date (narrowed by its relations) allows, drawn as a thin
   * line behind the dot that stands where the sequence puts it.
   */
  span?: { x: number; width: number };
  superseded: boolean;
  /** Id of a claim that replaces this one (B supersedes A when B.supersedes includes A.id). */
  supersededBy?: string;
  /** A small link beside a superseded mark to the claim that replaced it, placed just past its end. */
  replacement?: { href: string; label: string; x: number };
  /** Accessible name: "<date label>: <statement> — <origin source names>". */
  label: string;
  /** The short name printed beside the mark. */
  name: MarkName;
  /** Its number in the key under the drawing, printed beside the mark where names do not fit. */
  number: number;
  href: string;
}

/** A line from one mark to another for a relation between their claims, arrowed from the earlier to the later. */
export interface Arrow {
  lane: string;
  /** SVG path data. */
  path: string;
  relation: RelationKind;
  /** Arrowhead at the end: for before/after; during and same-time are drawn as plain dashed lines. */
  arrowhead: boolean;
}

/** One line of the key: a mark's number and what it names. */
export interface KeyEntry {
  number: number;
  name: string;
  date: string;
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
  arrows: Arrow[];
  /** The marked claims by number, in story order. */
  key: KeyEntry[];
  clusters: Cluster[];
}
