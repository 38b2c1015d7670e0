import { dayNumberOf, isoFromDayNumber } from '../dates/day-number.js';
import type { ClaimDate, RelationKind } from '../types.js';

/**
 * Dates and relations as a simple temporal problem (Dechter, Meiri and Pearl's STN): every claim's event has a
 * start S and an end E on a continuous time line where day d is [d, d+1); a date bounds them, a relation ties
 * them to another claim's. Each constraint is `x − y ≤ c` and becomes an edge y → x of weight c. The problem has a
 * solution exactly when no cycle has negative weight; the shortest path from the origin Z to a point is its
 * latest possible time, and from the point to Z its earliest.
 *
 * Strict inequalities (one event ends before the next starts) carry an infinitesimal: a weight is days plus a
 * count of ε, compared days first. So "A after B after C after A" is a negative cycle even when every date allows
 * all three on one day, while "B before C" on the same day is fine.
 */

/** A claim as the network sees it: its id and the date it happened. */
export interface TimedClaim {
  id: string;
  date: Pick<ClaimDate, 'start' | 'end' | 'openStart' | 'openEnd'>;
}

/** A relation as the network sees it: `from` happened `relation` `to`. */
export interface TimedRelation {
  id: string;
  from: string;
  relation: RelationKind;
  to: string;
}

/** Why one constraint is in the network: a claim's date, the order of an event's own ends, or a relation. */
export type ConstraintCause =
  | { kind: 'starts'; claim: string }
  | { kind: 'ends'; claim: string }
  | { kind: 'relation'; relation: string };

/** Earliest start and latest end, as ISO days; null where nothing bounds them. */
export interface NetworkBounds {
  start: string | null;
  end: string | null;
  /** The constraints that give `start`, from the claim outwards; empty when its own date does. */
  startBy: ConstraintCause[];
  endBy: ConstraintCause[];
}

export type NetworkSolution =
  | { ok: true; bounds: Map<string, NetworkBounds> }
  /** The constraints of one negative cycle, in cycle order: together they cannot all hold. */
  | { ok: false; cycle: ConstraintCause[] };

/** ε counts stay far below this; a weight is days × EPS_SCALE + ε count, so comparing numbers compares days first. */
const EPS_SCALE = 2 ** 20;
const weight = (days: number, eps = 0) => days * EPS_SCALE + eps;
const daysOf = (w: number) => Math.round(w / EPS_SCALE);
const epsOf = (w: number) => w - daysOf(w) * EPS_SCALE;

/** The origin Z, day 0; a claim in slot i has its start at node 2i + 1 and its end at 2i + 2. */
export const ORIGIN = 0;
export const startNode = (index: number) => 2 * index + 1;
export const endNode = (index: number) => 2 * index + 2;

export interface Edge {
  from: number;
  to: number;
  weight: number;
  cause: ConstraintCause | null;
}

/** The edges for one relation between the claims in slots `from` and `to`, after TimeML: before/after are strict, during/includes/same-time are not. */
export function relationEdges(relation: RelationKind, from: number, to: number, cause: ConstraintCause): Edge[] {
  const edge = (x: number, y: number, eps: number): Edge => ({ from: y, to: x, weight: weight(0, eps), cause });
  const [fromStart, fromEnd, toStart, toEnd] = [startNode(from), endNode(from), startNode(to), endNode(to)];
  switch (relation) {
    case 'before': // E_from < S_to
      return [edge(fromEnd, toStart, -1)];
    case 'after': // E_to < S_from
      return [edge(toEnd, fromStart, -1)];
    case 'during': // S_to ≤ S_from, E_from ≤ E_to
      return [edge(toStart, fromStart, 0), edge(fromEnd, toEnd, 0)];
    case 'includes': // S_from ≤ S_to, E_to ≤ E_from
      return [edge(fromStart, toStart, 0), edge(toEnd, fromEnd, 0)];
    case 'same-time':
      return [edge(fromStart, toStart, 0), edge(toStart, fromStart, 0), edge(fromEnd, toEnd, 0), edge(toEnd, fromEnd, 0)];
  }
}

/** Day number of a stored ISO day, read without the round trip `dayNumber` checks with: stored days are valid. */
const storedDay = (iso: string) => dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** The edges a claim in slot `i` brings: its event does not end before it starts, and its date bounds it. */
export function claimEdges(claim: TimedClaim, i: number): Edge[] {
  const s = startNode(i);
  const e = endNode(i);
  // S ≤ E: an event does not end before it starts.
  const edges: Edge[] = [{ from: e, to: s, weight: 0, cause: null }];
  const starts: ConstraintCause = { kind: 'starts', claim: claim.id };
  const ends: ConstraintCause = { kind: 'ends', claim: claim.id };
  // Z − S ≤ −start: it starts on or after the first day its date covers (unless the text gives no start).
  if (!claim.date.openStart) edges.push({ from: s, to: ORIGIN, weight: weight(-storedDay(claim.date.start)), cause: starts });
  const lastDay = storedDay(claim.date.end);
  // An open end ("since 2024") bounds only when it started; otherwise the event is over before the day after its date.
  if (claim.date.openEnd) edges.push({ from: ORIGIN, to: s, weight: weight(lastDay + 1, -1), cause: ends });
  else edges.push({ from: ORIGIN, to: e, weight: weight(lastDay + 1, -1), cause: ends });
  return edges;
}

function buildEdges(claims: readonly TimedClaim[], relations: readonly TimedRelation[], index: Map<string, number>): Edge[] {
  const edges: Edge[] = claims.flatMap((claim, i) => claimEdges(claim, i));
  for (const relation of relations) {
    const from = index.get(relation.from);
    const to = index.get(relation.to);
    if (from === undefined || to === undefined) continue;
    edges.push(...relationEdges(relation.relation, from, to, { kind: 'relation', relation: relation.id }));
  }
  return edges;
}

interface Paths {
  distance: Float64Array;
  /** The edge each node's shortest path arrives by (in the direction searched); -1 for none. */
  via: Int32Array;
}

/**
 * Single-source shortest paths by Bellman–Ford with a queue (SPFA). Returns the edges of a negative cycle
 * instead when one is reachable. `forward` follows edges from → to; otherwise they are walked backwards,
 * which gives shortest paths into the source.
 */
function shortestPaths(nodes: number, edges: readonly Edge[], forward: boolean): Paths | { cycle: number[] } {
  const head = new Int32Array(nodes).fill(-1);
  const next = new Int32Array(edges.length);
  edges.forEach((edge, i) => {
    const tail = forward ? edge.from : edge.to;
    next[i] = head[tail] as number;
    head[tail] = i;
  });
  const distance = new Float64Array(nodes).fill(Infinity);
  const via = new Int32Array(nodes).fill(-1);
  const hops = new Int32Array(nodes);
  const queued = new Uint8Array(nodes);
  const queue: number[] = [ORIGIN];
  distance[ORIGIN] = 0;
  queued[ORIGIN] = 1;
  for (let cursor = 0; cursor < queue.length; cursor += 1) {
    const u = queue[cursor] as number;
    queued[u] = 0;
    for (let i = head[u] as number; i !== -1; i = next[i] as number) {
      const edge = edges[i] as Edge;
      const v = forward ? edge.to : edge.from;
      const candidate = (distance[u] as number) + edge.weight;
      if (candidate >= (distance[v] as number)) continue;
      distance[v] = candidate;
      via[v] = i;
      hops[v] = (hops[u] as number) + 1;
      // A shortest simple path has fewer edges than there are nodes; a longer one goes round a negative cycle.
      if ((hops[v] as number) >= nodes) return { cycle: cycleThrough(v, edges, via, forward, nodes) };
      if (!queued[v]) {
        queued[v] = 1;
        queue.push(v);
      }
    }
    // Keep the queue from growing without bound on long runs: drop what has been read.
    if (cursor > 4096 && cursor * 2 > queue.length) {
      queue.splice(0, cursor + 1);
      cursor = -1;
    }
  }
  return { distance, via };
}

/** Follows the arrival edges back from a node that went round a negative cycle until the cycle closes. */
function cycleThrough(start: number, edges: readonly Edge[], via: Int32Array, forward: boolean, nodes: number): number[] {
  const back = (node: number) => {
    const edge = edges[via[node] as number] as Edge;
    return forward ? edge.from : edge.to;
  };
  let node = start;
  for (let i = 0; i < nodes; i += 1) node = back(node);
  const cycle: number[] = [];
  const first = node;
  do {
    cycle.push(via[node] as number);
    node = back(node);
  } while (node !== first && cycle.length <= nodes);
  return forward ? cycle.reverse() : cycle;
}

/** The causes along a shortest path, from the claim's own point towards the origin. */
function pathCauses(node: number, paths: Paths, edges: readonly Edge[], forward: boolean): ConstraintCause[] {
  const causes: ConstraintCause[] = [];
  for (let at = node, guard = 0; at !== ORIGIN && guard < edges.length; guard += 1) {
    const edge = edges[paths.via[at] as number];
    if (!edge) break;
    if (edge.cause) causes.push(edge.cause);
    at = forward ? edge.from : edge.to;
  }
  return causes;
}

/**
 * Whether the dates and relations can all hold, and if so the earliest start and latest end each claim's event can
 * have: its own date, narrowed by the relations. Claims of `relations` not in `claims` are ignored.
 * @example
 * solveNetwork(
 *   [{ id: 'a', date: dateFromValue('2024') }, { id: 'b', date: dateFromValue('2024-Q2/2025') }],
 *   [{ id: 'r', from: 'a', relation: 'after', to: 'b' }],
 * ) //=> { ok: true, bounds: Map { 'a' → { start: '2024-04-01', end: '2024-12-31', startBy: [relation r, starts b] }, … } }
 */
export function solveNetwork(claims: readonly TimedClaim[], relations: readonly TimedRelation[]): NetworkSolution {
  const index = new Map(claims.map((claim, i) => [claim.id, i]));
  const edges = buildEdges(claims, relations, index);
  const nodes = claims.length * 2 + 1;
  const latest = shortestPaths(nodes, edges, true);
  if ('cycle' in latest) return { ok: false, cycle: causesOf(latest.cycle, edges) };
  const earliest = shortestPaths(nodes, edges, false);
  if ('cycle' in earliest) return { ok: false, cycle: causesOf(earliest.cycle, edges) };
  const bounds = new Map<string, NetworkBounds>();
  claims.forEach((claim, i) => {
    bounds.set(claim.id, {
      start: earliestDay(earliest.distance[startNode(i)] as number),
      end: latestDay(latest.distance[endNode(i)] as number),
      startBy: narrowedBy(pathCauses(startNode(i), earliest, edges, false)),
      endBy: narrowedBy(pathCauses(endNode(i), latest, edges, true)),
    });
  });
  return { ok: true, bounds };
}

/** The first day a start can fall on, from its shortest path to the origin; null where nothing bounds it. */
export const earliestDay = (toOrigin: number): string | null => (Number.isFinite(toOrigin) ? isoFromDayNumber(-daysOf(toOrigin)) : null);

/** The last day an end can fall on, from the origin's shortest path to it: a strict part (ε < 0) ends it before day c begins. */
export const latestDay = (fromOrigin: number): string | null =>
  Number.isFinite(fromOrigin) ? isoFromDayNumber(daysOf(fromOrigin) - (epsOf(fromOrigin) < 0 ? 1 : 0)) : null;

/** A path that is only a claim's own date narrows nothing. */
export const narrowedBy = (causes: ConstraintCause[]) => (causes.some((cause) => cause.kind === 'relation') ? causes : []);

function causesOf(cycle: readonly number[], edges: readonly Edge[]): ConstraintCause[] {
  return cycle.flatMap((i) => {
    const cause = edges[i]?.cause;
    return cause ? [cause] : [];
  });
}
