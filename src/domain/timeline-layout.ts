import { compareClaimDates, overlaps } from './dates/claim-date.js';
import { dayNumber } from './dates/day-number.js';
import { quarterStart } from './dates/quarter.js';
import { compareInStory } from './sequence/story-order.js';
import type { Claim, ClaimDate } from './types.js';
import { AXIS_HEIGHT, emptyLayout, finishLayout, frameFor, resolveAxis, round, type Frame } from './timeline-layout/frame.js';
import { clusteredLayout } from './timeline-layout/clusters.js';
import { compareText, foldLanes, laneAt, laneKeysOf, orderLanes, rowCentre } from './timeline-layout/lanes.js';
import { CHAR_PX, fitName, markName, textWidth } from './timeline-layout/mark-name.js';
import { sequencePositions, type SequencePosition } from './timeline-layout/sequence-positions.js';
import type { Arrow, Fade, KeyEntry, Lane, LayoutOptions, Mark, MarkName, TimelineLayout } from './timeline-layout/shapes.js';

export type { Arrow, Cluster, Fade, KeyEntry, Lane, LayoutOptions, Mark, MarkName, Tick, TimelineLayout } from './timeline-layout/shapes.js';
export { adjustTally, layoutFromTally, tallyClusters, type ClusterTally } from './timeline-layout/clusters.js';

const MARK_THICKNESS = 10;
const DOT_RADIUS = 5;
const FADE_PX = 40;
/** Space between a superseded mark's end and the arrow linking to its replacement. */
const REPLACEMENT_GAP = 6;
const REPLACEMENT_PX = 12;
/** Space between a mark and its name. */
const NAME_GAP = 5;
/** Names shorter than this many characters are not worth printing: the number and the key name the mark. */
const MIN_NAME_CHARS = 6;
/** Least room between two dots of a sequence, in px. */
const SEQUENCE_GAP_PX = 14;

interface Placed {
  claim: Claim;
  date: ClaimDate;
}

function originNames(claim: Claim, sourceName: (id: string) => string): string {
  const ids = [...new Set(claim.attributions.filter((a) => a.role === 'origin').map((a) => a.sourceId))];
  return ids.map(sourceName).join(', ');
}

/** The accessible name of a mark: its date, statement, origins and what replaced it. */
function accessibleName(claim: Claim, date: ClaimDate, options: LayoutOptions, replacement: string | undefined, superseded: boolean): string {
  const origins = originNames(claim, options.sourceName);
  return (
    `${options.axis === 'claimed' ? `Claimed ${date.label}` : date.label}: ${claim.statement}` +
    (origins ? ` — ${origins}` : '') +
    (replacement !== undefined ? ` (superseded by “${replacement}”)` : superseded ? ' (superseded)' : '')
  );
}

interface Geometry {
  shape: Mark['shape'];
  x: number;
  width: number;
  /** Left and right edges of everything drawn for the mark, fades and span included. */
  left: number;
  right: number;
  fadeStart?: Fade;
  fadeEnd?: Fade;
  span?: { x: number; width: number };
}

/** Where a claim's mark goes: a dot for a day or a sequence step, a bar for a month, a band for longer spans. */
function geometryOf(date: ClaimDate, frame: Frame, position: SequencePosition | undefined): Geometry {
  const { startDay, endDay, pxPerDay, xOfDay, plotLeft, plotRight } = frame;
  if (position) {
    const x = xOfDay(position.at);
    const spanLeft = xOfDay(Math.max(position.from, startDay));
    const spanRight = xOfDay(Math.min(position.until, endDay + 1));
    return {
      shape: 'dot',
      x,
      width: 0,
      left: Math.min(x - DOT_RADIUS, spanLeft),
      right: Math.max(x + DOT_RADIUS, spanRight),
      ...(spanRight - spanLeft > DOT_RADIUS * 2 && { span: { x: round(spanLeft), width: round(spanRight - spanLeft) } }),
    };
  }
  const first = dayNumber(date.start);
  const last = dayNumber(date.end);
  const isRange = date.value.includes('/');
  const shape: Mark['shape'] = isRange ? 'band' : date.precision === 'day' ? 'dot' : date.precision === 'month' ? 'bar' : 'band';
  if (shape === 'dot') {
    const x = xOfDay(first) + pxPerDay / 2;
    return { shape, x, width: 0, left: x - DOT_RADIUS, right: x + DOT_RADIUS };
  }
  const x = xOfDay(Math.max(first, startDay));
  const right = xOfDay(Math.min(last, endDay) + 1);
  const geometry: Geometry = { shape, x, width: right - x, left: x, right };
  if (date.openStart && first > startDay) {
    const fadeLeft = Math.max(x - FADE_PX, plotLeft);
    geometry.fadeStart = { x: round(fadeLeft), width: round(x - fadeLeft) };
    geometry.left = fadeLeft;
  }
  if (date.openEnd && last < endDay) {
    const fadeRight = Math.min(right + FADE_PX, plotRight);
    geometry.fadeEnd = { x: round(right), width: round(fadeRight - right) };
    geometry.right = fadeRight;
  }
  return geometry;
}

/**
 * Where a mark's name goes: inside a band long enough to hold it, else after the mark where it fits before
 * the plot's right edge, else before it, on whichever side has more room, shortened to fit. The edges are
 * the dot's (not the thin span line's) for a sequence step, so names stand beside the dot they belong to.
 */
function nameFor(name: string, geometry: Geometry, anchorLeft: number, anchorRight: number, frame: Frame): MarkName {
  const width = textWidth(name);
  if (geometry.shape !== 'dot' && geometry.width >= width + NAME_GAP * 2) {
    return { text: name, x: round(geometry.x + NAME_GAP), anchor: 'start', inside: true };
  }
  const roomRight = frame.plotRight + 12 - (anchorRight + NAME_GAP);
  const roomLeft = anchorLeft - NAME_GAP - frame.plotLeft;
  if (width <= roomRight || roomRight >= roomLeft) {
    return { text: fitName(name, roomRight), x: round(anchorRight + NAME_GAP), anchor: 'start', inside: false };
  }
  return { text: fitName(name, roomLeft), x: round(anchorLeft - NAME_GAP), anchor: 'end', inside: false };
}

/**
 * A line from one mark to the next in a sequence. It leaves the earlier mark downwards and comes into the later
 * one from its left, so it runs clear of the earlier mark's name, which stands to its right; two marks in one
 * row are joined by a curve dipping below the row.
 */
function arrowPath(from: Mark, to: Mark): string {
  const x1 = round(from.shape === 'dot' ? from.x : from.x + from.width / 2);
  const x2 = round(to.x - (to.shape === 'dot' ? DOT_RADIUS + 2 : 2));
  if (from.y === to.y) {
    const dip = round(from.y + MARK_THICKNESS);
    return `M${x1} ${round(from.y + MARK_THICKNESS / 2)} C${x1} ${dip} ${x2} ${dip} ${x2} ${to.y}`;
  }
  const down = from.y < to.y ? 1 : -1;
  return `M${x1} ${round(from.y + (down * MARK_THICKNESS) / 2)} Q${x1} ${to.y} ${x2} ${to.y}`;
}

/**
 * Lays out claims on a horizontal time axis: one lane per actor (or origin source), each claim a mark as wide
 * as its date's span, with its short name beside it and its number in the key, stacked into rows where marks
 * and names would cover each other. Claims in a sequence (relations that give their order) are drawn as dots
 * in that order inside the span they share, with arrows for the relations. Above `clusterAbove` claims in view,
 * one count per lane and quarter instead. Pure: same input, same shapes, whatever the order of `claims`.
 * @throws RangeError when `from` or `to` is not an ISO day.
 * @example
 * // claims: one claim 'k1' by OpenAI dated 2024-Q2
 * const layout = layoutTimeline(claims, { from: '2024-01-01', to: '2024-12-31', laneBy: 'actor', sourceName: (id) => id });
 * layout.marks[0] //=> { claimId: 'k1', shape: 'band', x: 339.9, width: 199.9, lane: 'OpenAI', name: { text: 'OpenAI releases…', … }, number: 1, … }
 */
export function layoutTimeline(claims: Claim[], options: LayoutOptions): TimelineLayout {
  const rowHeight = options.laneHeight ?? 22;
  const clusterAbove = options.clusterAbove ?? 300;
  const claimHref = options.claimHref ?? ((id: string) => `/claims/${encodeURIComponent(id)}`);
  const sequence = options.axis === 'claimed' ? undefined : options.sequence;
  const placed: Placed[] = claims.map((claim) => ({ claim, date: options.axis === 'claimed' ? claim.claimedAt : claim.date }));
  const storyOrder = compareInStory((id) => sequence?.places.get(id));
  const byTimelineOrder = (a: Placed, b: Placed) =>
    (options.axis === 'claimed' ? compareClaimDates(a.date, b.date) : storyOrder(a.claim, b.claim)) || compareText(a.claim.id, b.claim.id);

  const axis = resolveAxis(placed.map((p) => p.date), options.from, options.to);
  if (!axis) return emptyLayout(options);
  const frame = frameFor(axis, options);

  const inView = placed.filter((p) => overlaps(p.date, axis.start, axis.end)).sort(byTimelineOrder);
  const clustered = inView.length > clusterAbove;

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
        const quarter = quarterStart(date.start < axis.start ? axis.start : date.start);
        perQuarter.set(quarter, (perQuarter.get(quarter) ?? 0) + 1);
      }
      perLane.set(key, perQuarter);
    }
    return clusteredLayout(frame, laneOrder, perLane, laneLabel, inView.length, options);
  }

  const positions = sequence
    ? sequencePositions(
        inView.map((p) => p.claim),
        sequence,
        SEQUENCE_GAP_PX / frame.pxPerDay,
      )
    : new Map<string, SequencePosition>();
  const replacedBy = new Map<string, string>();
  for (const { claim } of placed.filter((p) => p.claim.supersedes.length > 0).sort(byTimelineOrder)) {
    for (const id of claim.supersedes) if (!replacedBy.has(id)) replacedBy.set(id, claim.id);
  }
  let statements: Map<string, string> | undefined;
  const statementOf = (id: string) => (statements ??= new Map(claims.map((claim) => [claim.id, claim.statement]))).get(id);
  const numbers = new Map(inView.map((p, i) => [p.claim.id, i + 1]));
  const key: KeyEntry[] = inView.map((p, i) => ({ number: i + 1, name: markName(p.claim), date: p.date.label, href: claimHref(p.claim.id) }));

  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  const arrows: Arrow[] = [];
  let laneTop = AXIS_HEIGHT;
  for (const laneKey of laneOrder) {
    const rowEnds: number[] = [];
    const laneMarks = new Map<string, Mark>();
    for (const { claim, date } of laneMembers.get(laneKey) ?? []) {
      const geometry = geometryOf(date, frame, positions.get(claim.id));
      const supersededBy = replacedBy.get(claim.id);
      const superseded = claim.status === 'superseded' || supersededBy !== undefined;
      const replacement = supersededBy !== undefined ? statementOf(supersededBy) : undefined;
      const markRight = geometry.span ? geometry.x + DOT_RADIUS : geometry.right;
      const markLeft = geometry.span ? geometry.x - DOT_RADIUS : geometry.left;
      const replacementX = round(Math.min(markRight + REPLACEMENT_GAP, frame.plotRight - REPLACEMENT_GAP));
      const name = nameFor(markName(claim), geometry, markLeft, supersededBy !== undefined ? replacementX + REPLACEMENT_PX : markRight, frame);
      const shown: MarkName = name.text.length >= MIN_NAME_CHARS ? name : { ...name, text: '' };
      const nameWidth = name.inside ? 0 : Math.max(textWidth(shown.text), textWidth(String(numbers.get(claim.id) ?? '')) + CHAR_PX);
      const extentLeft = Math.min(geometry.left, shown.anchor === 'end' ? shown.x - nameWidth : geometry.left);
      const extentRight = Math.max(geometry.right, shown.anchor === 'start' ? shown.x + nameWidth : geometry.right);
      // Marks that only touch (2024 then Q1 2025) share a row: their rounded ends keep them apart.
      let row = rowEnds.findIndex((end) => end <= extentLeft);
      if (row === -1) row = rowEnds.push(extentRight) - 1;
      else rowEnds[row] = extentRight;
      const y = rowCentre(laneTop, row, rowHeight);
      const mark: Mark = {
        claimId: claim.id,
        x: round(geometry.x),
        width: round(geometry.width),
        y: round(y),
        top: round(y - MARK_THICKNESS / 2),
        height: MARK_THICKNESS,
        radius: geometry.shape === 'dot' ? DOT_RADIUS : round(Math.min(MARK_THICKNESS / 2, geometry.width / 2)),
        lane: laneKey,
        shape: geometry.shape,
        approximate: date.approximate === true,
        uncertain: date.uncertain === true,
        openStart: date.openStart === true,
        openEnd: date.openEnd === true,
        ...(geometry.fadeStart && { fadeStart: geometry.fadeStart }),
        ...(geometry.fadeEnd && { fadeEnd: geometry.fadeEnd }),
        ...(geometry.span && { span: geometry.span }),
        superseded,
        ...(supersededBy !== undefined && {
          supersededBy,
          replacement: { href: claimHref(supersededBy), label: `Replaced by: ${replacement ?? supersededBy}`, x: replacementX },
        }),
        label: accessibleName(claim, date, options, replacement, superseded),
        name: shown,
        number: numbers.get(claim.id) ?? 0,
        href: claimHref(claim.id),
      };
      marks.push(mark);
      laneMarks.set(claim.id, mark);
    }
    for (const [id, from] of laneMarks) {
      for (const relation of sequence?.relationsOf.get(id) ?? []) {
        if (relation.from !== id) continue;
        const to = laneMarks.get(relation.to);
        if (!to) continue;
        // Drawn from the earlier event to the later one, or from the span to what happened during it.
        const [first, then] = relation.relation === 'after' || relation.relation === 'during' ? [to, from] : [from, to];
        arrows.push({ lane: laneKey, path: arrowPath(first, then), relation: relation.relation, arrowhead: relation.relation === 'before' || relation.relation === 'after' });
      }
    }
    const lane = laneAt(laneKey, laneLabel(laneKey), laneTop, Math.max(rowEnds.length, 1), rowHeight);
    lanes.push(lane);
    laneTop += lane.height;
  }
  return finishLayout(frame, { laneTop, lanes, marks, arrows, key, clusters: [] }, inView.length, false, options);
}

