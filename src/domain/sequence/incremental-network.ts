import {
  claimEdges,
  earliestDay,
  endNode,
  latestDay,
  narrowedBy,
  ORIGIN,
  relationEdges,
  startNode,
  type ConstraintCause,
  type Edge,
  type NetworkBounds,
  type TimedClaim,
  type TimedRelation,
} from './temporal-network.js';

/** Distances and the edges they arrive by, for the nodes a propagation changed, over the network's own. */
interface Overlay {
  distance: Map<number, number>;
  via: Map<number, number>;
}

/**
 * The temporal network of solveNetwork kept between writes, so a relation is added in the time it takes to
 * follow what it changes rather than to solve its whole group again.
 *
 * The shortest paths from and to the origin are feasible potentials: adding an edge u → v can only shorten
 * paths through it, so it is enough to relax from v. The network had no negative cycle before; a new one must
 * run through the new edge, and so shows itself by shortening the path to u (Cotton and Maler, “Fast and
 * flexible difference constraint propagation for DPLL(T)”, 2006). A relation is checked on an overlay and only
 * applied when it holds. Removing a relation, or changing a related claim's date, can lengthen paths, which
 * relaxing cannot follow: the network is then built again.
 */
export class IncrementalNetwork {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly edges: Edge[] = [];
  /** Edges leaving each node, and arriving at it. */
  private readonly outs: number[][] = [[]];
  private readonly ins: number[][] = [[]];
  /** Shortest path from the origin (the latest time) and to it (minus the earliest), with the edge each arrives by. */
  private readonly latest: number[] = [0];
  private readonly latestVia: number[] = [-1];
  private readonly earliest: number[] = [0];
  private readonly earliestVia: number[] = [-1];

  /** The claims of the network in slot order, with the dates it holds for them. */
  private readonly claims: TimedClaim[] = [];
  /** The edges of each claim's own date, and whether any relation ties the claim to another. */
  private readonly dateEdges: number[][] = [];
  private readonly related: boolean[] = [];
  /** Edges of a date since replaced: kept in the lists, passed over. */
  private readonly dead = new Set<number>();

  /**
   * A network of the claims and relations, or the constraints of a negative cycle when they cannot all hold.
   * @example IncrementalNetwork.of(claims, relations).network?.bounds('apple-chose-alibaba')
   */
  static of(claims: readonly TimedClaim[], relations: readonly TimedRelation[]): { network: IncrementalNetwork } | { cycle: ConstraintCause[] } {
    const network = new IncrementalNetwork();
    for (const claim of claims) network.addClaim(claim);
    for (const relation of relations) {
      const cycle = network.add(relation);
      if (cycle) return { cycle };
    }
    return { network };
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The date the network holds for a claim, so a caller can tell when it changed. */
  dateOf(id: string): TimedClaim['date'] | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.claims[slot]?.date;
  }

  /** Brings a claim into the network with its date; a claim alone cannot conflict. */
  addClaim(claim: TimedClaim): void {
    if (this.slots.has(claim.id)) return;
    const slot = this.ids.length;
    this.slots.set(claim.id, slot);
    this.ids.push(claim.id);
    this.claims.push(claim);
    for (let node = 0; node < 2; node += 1) {
      this.outs.push([]);
      this.ins.push([]);
      this.latest.push(Infinity);
      this.latestVia.push(-1);
      this.earliest.push(Infinity);
      this.earliestVia.push(-1);
    }
    this.related.push(false);
    const added = claimEdges(claim, slot).map((edge) => this.store(edge));
    this.dateEdges.push(added);
    this.apply(this.relax(added, true, null).overlay, true);
    this.apply(this.relax(added, false, null).overlay, false);
  }

  /**
   * Gives a claim of the network a new date, where no relation ties it to another claim (so nothing else
   * depends on its bounds); false where one does, and the network must be built again.
   */
  redate(claim: TimedClaim): boolean {
    const slot = this.slots.get(claim.id);
    if (slot === undefined) return true;
    if (this.related[slot]) return false;
    for (const id of this.dateEdges[slot] ?? []) this.dead.add(id);
    for (const node of [startNode(slot), endNode(slot)]) {
      this.latest[node] = Infinity;
      this.latestVia[node] = -1;
      this.earliest[node] = Infinity;
      this.earliestVia[node] = -1;
    }
    this.claims[slot] = claim;
    const added = claimEdges(claim, slot).map((edge) => this.store(edge));
    this.dateEdges[slot] = added;
    this.apply(this.relax(added, true, null).overlay, true);
    this.apply(this.relax(added, false, null).overlay, false);
    return true;
  }

  /**
   * The constraints of the negative cycle a relation would close, or null when it agrees with everything in
   * the network. Nothing changes. Its claims must be in the network (see addClaim).
   */
  check(relation: TimedRelation): ConstraintCause[] | null {
    const edges = this.edgesOf(relation);
    if (!edges) return null;
    return this.tryEdges(edges).cycle;
  }

  /**
   * Adds a relation when it agrees with the network, and returns null; otherwise changes nothing and returns the
   * constraints of the cycle it would close. Its claims must be in the network.
   */
  add(relation: TimedRelation): ConstraintCause[] | null {
    const edges = this.edgesOf(relation);
    if (!edges) return null;
    const tried = this.tryEdges(edges);
    if (tried.cycle) return tried.cycle;
    const stored = edges.map((edge) => this.store(edge));
    for (const id of [relation.from, relation.to]) this.related[this.slots.get(id) as number] = true;
    this.apply(tried.latest, true);
    this.apply(this.relax(stored, false, null).overlay, false);
    return null;
  }

  /** The claims whose bounds `add` or `addClaim` may have changed since the last call, and forgets them. */
  takeChanged(): Set<string> {
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  /**
   * Earliest start and latest end of a claim in the network.
   * @example network.bounds('ai-features-submitted-to-regulator') //=> { start: '2024-01-01', end: '2025-02-11', startBy: [...], endBy: [] }
   */
  bounds(id: string): NetworkBounds | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const s = startNode(slot);
    const e = endNode(slot);
    return {
      start: earliestDay(this.earliest[s] as number),
      end: latestDay(this.latest[e] as number),
      startBy: narrowedBy(this.causesAlong(s, false)),
      endBy: narrowedBy(this.causesAlong(e, true)),
    };
  }

  private changed = new Set<string>();

  private edgesOf(relation: TimedRelation): Edge[] | null {
    const from = this.slots.get(relation.from);
    const to = this.slots.get(relation.to);
    if (from === undefined || to === undefined) return null;
    return relationEdges(relation.relation, from, to, { kind: 'relation', relation: relation.id });
  }

  /** Relaxes the edges of one relation in turn, each watched for the cycle it could close; nothing is stored. */
  private tryEdges(edges: readonly Edge[]): { cycle: ConstraintCause[] | null; latest: Overlay } {
    const overlay: Overlay = { distance: new Map(), via: new Map() };
    for (let k = 0; k < edges.length; k += 1) {
      const id = this.edges.length + k;
      const result = this.relax([id], true, { edge: id, node: (edges[k] as Edge).from }, overlay, edges.slice(0, k + 1));
      if (result.cycle) return { cycle: result.cycle, latest: overlay };
    }
    return { cycle: null, latest: overlay };
  }

  private store(edge: Edge): number {
    const id = this.edges.length;
    this.edges.push(edge);
    this.outs[edge.from]?.push(id);
    this.ins[edge.to]?.push(id);
    return id;
  }

  /** An edge by id, counting `pending` edges as numbered on after the stored ones. */
  private edgeAt(id: number, pending: readonly Edge[]): Edge {
    return (this.edges[id] ?? pending[id - this.edges.length]) as Edge;
  }

  /**
   * Relaxes from the given edges, forwards (paths from the origin) or backwards (paths to it), recording what
   * changes in an overlay. With `watch`, shortening the path to the watched node (the tail of the watched edge)
   * means a negative cycle through that edge: its constraints come back instead.
   */
  private relax(
    start: readonly number[],
    forward: boolean,
    watch: { edge: number; node: number } | null,
    overlay: Overlay = { distance: new Map(), via: new Map() },
    pending: readonly Edge[] = [],
  ): { overlay: Overlay; cycle: ConstraintCause[] | null } {
    const distances = forward ? this.latest : this.earliest;
    const get = (node: number) => overlay.distance.get(node) ?? (distances[node] as number);
    const queue: number[] = [];
    const queued = new Set<number>();
    const relaxEdge = (id: number): ConstraintCause[] | null => {
      if (this.dead.has(id)) return null;
      const edge = this.edgeAt(id, pending);
      const [tail, head] = forward ? [edge.from, edge.to] : [edge.to, edge.from];
      const candidate = get(tail) + edge.weight;
      if (!(candidate < get(head))) return null;
      if (watch && head === watch.node) return this.cycleOf(id, tail, watch.edge, overlay, pending);
      overlay.distance.set(head, candidate);
      overlay.via.set(head, id);
      if (!queued.has(head)) {
        queued.add(head);
        queue.push(head);
      }
      return null;
    };
    for (const id of start) {
      const cycle = relaxEdge(id);
      if (cycle) return { overlay, cycle };
    }
    for (let i = 0; i < queue.length; i += 1) {
      const node = queue[i] as number;
      queued.delete(node);
      for (const id of (forward ? this.outs[node] : this.ins[node]) ?? []) {
        const cycle = relaxEdge(id);
        if (cycle) return { overlay, cycle };
      }
      for (let k = 0; k < pending.length; k += 1) {
        if ((forward ? (pending[k] as Edge).from : (pending[k] as Edge).to) !== node) continue;
        const cycle = relaxEdge(this.edges.length + k);
        if (cycle) return { overlay, cycle };
      }
    }
    return { overlay, cycle: null };
  }

  /**
   * The cycle a watched edge closes: back from the closing edge's tail along the edges this propagation arrived
   * by, which lead back to the watched edge, in the order they run.
   */
  private cycleOf(closing: number, tail: number, watched: number, overlay: Overlay, pending: readonly Edge[]): ConstraintCause[] {
    const ids = [closing];
    for (let node = tail, guard = 0; guard <= overlay.via.size; guard += 1) {
      const via = overlay.via.get(node);
      if (via === undefined) break;
      ids.push(via);
      if (via === watched) break;
      node = this.edgeAt(via, pending).from;
    }
    return ids.reverse().flatMap((id) => {
      const cause = this.edgeAt(id, pending).cause;
      return cause ? [cause] : [];
    });
  }

  private apply(overlay: Overlay, forward: boolean): void {
    const distances = forward ? this.latest : this.earliest;
    const arrivals = forward ? this.latestVia : this.earliestVia;
    for (const [node, distance] of overlay.distance) {
      distances[node] = distance;
      arrivals[node] = overlay.via.get(node) ?? -1;
      if (node !== ORIGIN) this.changed.add(this.ids[Math.floor((node - 1) / 2)] as string);
    }
  }

  private causesAlong(node: number, forward: boolean): ConstraintCause[] {
    const arrivals = forward ? this.latestVia : this.earliestVia;
    const causes: ConstraintCause[] = [];
    for (let at = node, guard = 0; at !== ORIGIN && guard < this.edges.length; guard += 1) {
      const edge = this.edges[arrivals[at] as number];
      if (!edge) break;
      if (edge.cause) causes.push(edge.cause);
      at = forward ? edge.from : edge.to;
    }
    return causes;
  }
}
