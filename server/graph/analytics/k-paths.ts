// The k shortest simple paths between two actors (Yen's algorithm) over the undirected actor graph,
// each hop listed with the events behind it.
//
// Hop cost: 1 + 1 / (8 * (1 + n)), n = the events the two actors share in the chosen mode, either
// direction. A path of h hops (h <= 6) costs between h and h + 0.375, so paths are ranked by hop
// count first, then by how well attested their hops are (more events, cheaper).
//
// graphology-shortest-path has no search that can leave nodes and edges out, which every spur of
// Yen's algorithm needs, so the searches here are a small Dijkstra over a compact index. A spur
// search whose root and cut links were already searched in the same query is not run again: it
// would find the path it found then.
//
// Visit budget: one query reads at most `maxVisits` neighbour entries of the index over all its
// searches (PATH_VISIT_BUDGET by default). A query that would read more stops there and answers
// with the paths accepted so far, each still exact (the cheapest, second cheapest, ... in order),
// and `truncated: true`; the count is deterministic, so the same query on the same graph is cut at
// the same place.
import { UnknownActorError } from '../errors.ts';
import { eventView, newestFirst } from '../event-view.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { Polarity } from '../../model/index.ts';
import type { Budget, EventKey, EventView } from '../types.ts';
import { pathIndex, type PathIndex, type PathMode } from './path-index.ts';

export { hopCost, type PathMode } from './path-index.ts';

export interface KPathsOptions {
  /** Paths wanted (default 3). */
  k?: number;
  mode?: PathMode;
  /** Most hops per path (default 4). */
  maxLength?: number;
  /** Events listed per hop, newest first (default 5). */
  eventsPerHop?: number;
  /** Checked at every node a search settles; its error propagates. */
  budget?: Budget;
  /** Most neighbour entries read over all the query's searches (default PATH_VISIT_BUDGET). */
  maxVisits?: number;
}

/**
 * Neighbour entries one path query may read, over all its searches, before it stops: more than
 * half of every link of a million-event graph (1.8 million entries), about 60 ms on a 2-core
 * machine. Three paths of up to 4 hops read at most 430,000 at a million events; the README's
 * Performance section has the measurements.
 */
export const PATH_VISIT_BUDGET = 1_000_000;

export interface PathHop {
  from: string;
  to: string;
  /** Events between the two in the mode, either direction. */
  eventCount: number;
  /** Newest first, at most `eventsPerHop`. */
  events: EventView[];
}

export interface ActorPath {
  /** Actor ids from `from` to `to`. */
  nodes: string[];
  length: number;
  cost: number;
  hops: PathHop[];
}

export interface KPathsResult {
  from: string;
  to: string;
  mode: PathMode;
  /** Cheapest first; empty when `to` cannot be reached within maxLength hops. */
  paths: ActorPath[];
  /**
   * Present (true) only when the visit budget ran out: `paths` then holds the paths found before
   * it did (possibly none), fewer than `k`, and more or cheaper ones may exist.
   */
  truncated?: true;
}

const EPSILON = 1e-9;

/** Neighbour entries a query may still read; a search that runs out throws VisitsSpent. */
class Visits {
  used = 0;
  constructor(readonly limit: number) {}
}

/** Thrown inside a search when the query's visit budget is spent; caught by yenPaths. */
class VisitsSpent extends Error {}

interface Found {
  nodes: number[];
  cost: number;
}

/** A binary min-heap of (cost, node) in typed arrays; ties by node index, so searches repeat. */
class Heap {
  private costs = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  push(cost: number, node: number): void {
    if (this.size === this.costs.length) {
      const costs = new Float64Array(this.size * 2);
      costs.set(this.costs);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.costs = costs;
      this.nodes = nodes;
    }
    const costs = this.costs;
    const nodes = this.nodes;
    // The new entry rises through a hole: each parent it beats moves down into it.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(cost, node, costs[p]!, nodes[p]!)) break;
      costs[i] = costs[p]!;
      nodes[i] = nodes[p]!;
      i = p;
    }
    costs[i] = cost;
    nodes[i] = node;
  }
  /** Removes the top; read topCost/topNode first. */
  pop(): void {
    this.size -= 1;
    const size = this.size;
    if (size === 0) return;
    const costs = this.costs;
    const nodes = this.nodes;
    // The last entry sinks from the top through a hole: each smaller child moves up into it.
    const cost = costs[size]!;
    const node = nodes[size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      // The same comparisons as swapping down would make: the entry, then each child in turn.
      let m = -1;
      let mc = cost;
      let mn = node;
      if (before(costs[l]!, nodes[l]!, mc, mn)) {
        m = l;
        mc = costs[l]!;
        mn = nodes[l]!;
      }
      if (r < size && before(costs[r]!, nodes[r]!, mc, mn)) m = r;
      if (m < 0) break;
      costs[i] = costs[m]!;
      nodes[i] = nodes[m]!;
      i = m;
    }
    costs[i] = cost;
    nodes[i] = node;
  }
  get topCost(): number {
    return this.costs[0]!;
  }
  get topNode(): number {
    return this.nodes[0]!;
  }
}

/** Whether (a, x) comes before (b, y): a cheaper cost, or an equal one (within EPSILON) and a lower node. */
function before(a: number, x: number, b: number, y: number): boolean {
  return a < b - EPSILON || (Math.abs(a - b) <= EPSILON && x < y);
}

/**
 * Scratch arrays of one search direction over a path index, reused by every search: a stamp per
 * node tells whether its entries belong to the current search, so nothing is cleared in between.
 */
class SearchSide {
  readonly dist: Float64Array;
  readonly hops: Int32Array;
  readonly parent: Int32Array;
  readonly seen: Uint32Array;
  readonly done: Uint32Array;
  readonly heap = new Heap();
  stamp = 0;
  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.hops = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.seen = new Uint32Array(n);
    this.done = new Uint32Array(n);
  }
  start(node: number): void {
    this.stamp += 1;
    this.heap.clear();
    this.dist[node] = 0;
    this.hops[node] = 0;
    this.parent[node] = -1;
    this.seen[node] = this.stamp;
    this.heap.push(0, node);
  }
  /** The path from this side's start to `node`, start first. */
  pathTo(node: number): number[] {
    const out = [node];
    for (let cur = this.parent[node]!; cur !== -1; cur = this.parent[cur]!) out.push(cur);
    return out.reverse();
  }
}

/**
 * The links a spur search may not take. In Yen's algorithm every such link leaves the spur node,
 * which is the search's start, so a mark per node at the far end says it all: the link between
 * the start and a marked node is cut, in either direction.
 */
interface CutLinks {
  marks: Uint8Array;
  /** Marked nodes; 0 when nothing is cut. */
  count: number;
}

const sides = new WeakMap<PathIndex, [SearchSide, SearchSide]>();

function sidesFor(idx: PathIndex): [SearchSide, SearchSide] {
  let pair = sides.get(idx);
  if (!pair) {
    pair = [new SearchSide(idx.ids.length), new SearchSide(idx.ids.length)];
    sides.set(idx, pair);
  }
  return pair;
}

/**
 * Cheapest path from s to t in at most maxHops hops, avoiding blocked nodes and edges: a
 * bidirectional Dijkstra that grows the smaller frontier and stops once the two frontiers' cheapest
 * entries cannot beat the best meeting found. Hop costs put fewer hops first, so the cheapest path
 * also has the fewest hops: each side may stop at maxHops, and a cheapest path longer than the
 * bound means no path within it.
 */
function restrictedDijkstra(
  idx: PathIndex,
  s: number,
  t: number,
  maxHops: number,
  blockedNodes: Uint8Array,
  cut: CutLinks,
  budget: Budget | undefined,
  visits: Visits,
): Found | null {
  if (s === t) return { nodes: [s], cost: 0 };
  const cutFromStart = cut.marks;
  const anyCut = cut.count > 0;
  const [forward, backward] = sidesFor(idx);
  forward.start(s);
  backward.start(t);
  let best = Infinity;
  let meet = -1;
  while (forward.heap.size > 0 && backward.heap.size > 0) {
    if (forward.heap.topCost + backward.heap.topCost >= best - EPSILON) break;
    const [side, other] =
      forward.heap.size <= backward.heap.size ? [forward, backward] : [backward, forward];
    const d = side.heap.topCost;
    const v = side.heap.topNode;
    side.heap.pop();
    if (side.done[v] === side.stamp) continue;
    side.done[v] = side.stamp;
    budget?.check();
    const h = side.hops[v]!;
    if (h >= maxHops) continue;
    const begin = idx.offsets[v]!;
    const end = idx.offsets[v + 1]!;
    visits.used += end - begin;
    if (visits.used > visits.limit) throw new VisitsSpent();
    // The other side's heap does not change while this node's neighbours are read.
    const otherTop = other.heap.topCost;
    const { neighbours, costs } = idx;
    const { done, seen, dist } = side;
    const stamp = side.stamp;
    const otherSeen = other.seen;
    const otherStamp = other.stamp;
    for (let at = begin; at < end; at++) {
      const u = neighbours[at]!;
      if (done[u] === stamp || blockedNodes[u]) continue;
      // A cut link has the start at one end (see CutLinks).
      if (anyCut && (v === s ? cutFromStart[u] : u === s && cutFromStart[v])) continue;
      const cost = d + costs[at]!;
      // A node the other side has not reached is at least its cheapest open entry from the far
      // end, so a hop that cannot beat the best meeting found is not queued.
      const reached = otherSeen[u] === otherStamp;
      if (!reached && cost + otherTop >= best - EPSILON) continue;
      if (seen[u] !== stamp || cost < dist[u]! - EPSILON) {
        seen[u] = stamp;
        dist[u] = cost;
        side.hops[u] = h + 1;
        side.parent[u] = v;
        side.heap.push(cost, u);
      }
      if (reached) {
        const total = dist[u]! + other.dist[u]!;
        if (total < best - EPSILON) {
          best = total;
          meet = u;
        }
      }
    }
  }
  if (meet < 0) return null;
  const head = forward.pathTo(meet);
  const tail = backward.pathTo(meet).reverse().slice(1);
  const nodes = [...head, ...tail];
  return nodes.length - 1 > maxHops ? null : { nodes, cost: best };
}

function edgeCost(idx: PathIndex, a: number, b: number): number {
  for (let at = idx.offsets[a]!; at < idx.offsets[a + 1]!; at++) {
    if (idx.neighbours[at] === b) return idx.costs[at]!;
  }
  return Infinity;
}

function pathCost(idx: PathIndex, nodes: number[]): number {
  let cost = 0;
  for (let i = 0; i + 1 < nodes.length; i++) cost += edgeCost(idx, nodes[i]!, nodes[i + 1]!);
  return cost;
}

/** Cheaper first; equal costs by the actor ids along the path, so the order is total. */
function comparePaths(idx: PathIndex, a: Found, b: Found): number {
  if (Math.abs(a.cost - b.cost) > EPSILON) return a.cost - b.cost;
  const ka = a.nodes.map((i) => idx.ids[i]!).join('\u0000');
  const kb = b.nodes.map((i) => idx.ids[i]!).join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** What Yen's algorithm found, and whether the visit budget cut it short. */
export interface YenResult {
  paths: Found[];
  /** Neighbour entries read over all the searches. */
  visits: number;
  truncated: boolean;
}

/**
 * Yen's algorithm: node sequences of the k cheapest simple paths within maxHops. Once `maxVisits`
 * neighbour entries have been read the search stops and gives the paths accepted so far, which
 * are the cheapest ones in order (a candidate not yet accepted is dropped: a cheaper path could
 * still have come from the spur searches left).
 */
export function yenPaths(
  idx: PathIndex,
  s: number,
  t: number,
  k: number,
  maxHops: number,
  budget?: Budget,
  maxVisits = PATH_VISIT_BUDGET,
): YenResult {
  const visits = new Visits(maxVisits);
  const accepted: Found[] = [];
  try {
    yenInto(idx, s, t, k, maxHops, budget, visits, accepted);
  } catch (e) {
    if (!(e instanceof VisitsSpent)) throw e;
    accepted.sort((x, y) => comparePaths(idx, x, y));
    return { paths: accepted, visits: visits.used, truncated: true };
  }
  return { paths: accepted, visits: visits.used, truncated: false };
}

/** Yen's algorithm proper, pushing each accepted path (cheapest first) into `accepted`. */
function yenInto(
  idx: PathIndex,
  s: number,
  t: number,
  k: number,
  maxHops: number,
  budget: Budget | undefined,
  visits: Visits,
  accepted: Found[],
): void {
  const n = idx.ids.length;
  const blockedNodes = new Uint8Array(n);
  const cut: CutLinks = { marks: new Uint8Array(n), count: 0 };
  const first = restrictedDijkstra(idx, s, t, maxHops, blockedNodes, cut, budget, visits);
  if (!first) return;
  accepted.push(first);
  const candidates: Found[] = [];
  const seen = new Set([first.nodes.join(',')]);
  // Spur searches already run, by root and cut links: the same search again finds the same path,
  // already a candidate or accepted, so it is not run again.
  const searched = new Set<string>();
  while (accepted.length < k) {
    const prev = accepted[accepted.length - 1]!;
    for (let i = 0; i + 1 < prev.nodes.length; i++) {
      const root = prev.nodes.slice(0, i + 1);
      const spur = root[i]!;
      // The links accepted paths sharing the root take next: each leaves the spur node.
      const cutTo: number[] = [];
      for (const p of accepted) {
        if (p.nodes.length > i + 1 && root.every((node, j) => p.nodes[j] === node)) {
          cutTo.push(p.nodes[i + 1]!);
        }
      }
      const searchKey = `${root.join(',')}|${[...new Set(cutTo)].sort((a, b) => a - b).join(',')}`;
      if (searched.has(searchKey)) continue;
      searched.add(searchKey);
      for (const b of cutTo) cut.marks[b] = 1;
      cut.count = cutTo.length;
      for (let j = 0; j < i; j++) blockedNodes[root[j]!] = 1;
      let spurPath: Found | null;
      try {
        spurPath = restrictedDijkstra(idx, spur, t, maxHops - i, blockedNodes, cut, budget, visits);
      } finally {
        for (let j = 0; j < i; j++) blockedNodes[root[j]!] = 0;
        for (const b of cutTo) cut.marks[b] = 0;
        cut.count = 0;
      }
      if (!spurPath) continue;
      const nodes = [...root.slice(0, -1), ...spurPath.nodes];
      const key = nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ nodes, cost: pathCost(idx, nodes) });
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => comparePaths(idx, a, b));
    accepted.push(candidates.shift()!);
  }
  accepted.sort((a, b) => comparePaths(idx, a, b));
}

/** An event of a hop: its edge key, and what newestFirst orders by. */
interface HopEvent {
  key: EventKey;
  date: string | null;
  id: string;
}

/**
 * The hop's events in the mode: how many there are, and the newest `eventsPerHop` (newest first).
 * The pass over the pair's events reads only dates, ids and polarities, and only the kept few
 * become views, so a hop between two hubs costs a pass over numbers and strings already held.
 */
function hopEvents(
  sg: StanceGraph,
  a: string,
  b: string,
  mode: PathMode,
  eventsPerHop: number,
): PathHop {
  const best: HopEvent[] = [];
  let eventCount = 0;
  const probe: HopEvent = { key: 0, date: null, id: '' };
  const visit = (key: EventKey, date: string | null, id: string, polarity: Polarity) => {
    if (mode !== 'any' && polarity !== mode) return;
    eventCount += 1;
    probe.date = date;
    probe.id = id;
    if (best.length === eventsPerHop) {
      if (eventsPerHop === 0 || newestFirst(probe, best[best.length - 1]!) >= 0) return;
      best.pop();
    }
    let i = best.length;
    while (i > 0 && newestFirst(probe, best[i - 1]!) < 0) i--;
    best.splice(i, 0, { key, date, id });
  };
  sg.forEachEventBrief(a, b, visit);
  sg.forEachEventBrief(b, a, visit);
  const events = best.map((e) => eventView(sg, e.key)!);
  return { from: a, to: b, eventCount, events };
}

/** The k shortest simple paths from one actor to another; unknown actors throw UnknownActorError. */
export function kShortestPaths(
  sg: StanceGraph,
  from: string,
  to: string,
  { k = 3, mode = 'any', maxLength = 4, eventsPerHop = 5, budget, maxVisits }: KPathsOptions = {},
): KPathsResult {
  if (!sg.hasActor(from)) throw new UnknownActorError(from, 'from');
  if (!sg.hasActor(to)) throw new UnknownActorError(to, 'to');
  const idx = pathIndex(sg, mode);
  const found = yenPaths(
    idx,
    idx.indexOf.get(from)!,
    idx.indexOf.get(to)!,
    k,
    maxLength,
    budget,
    maxVisits,
  );
  const paths = found.paths.map(({ nodes, cost }) => {
    const ids = nodes.map((i) => idx.ids[i]!);
    const hops: PathHop[] = [];
    for (let i = 0; i + 1 < ids.length; i++) {
      hops.push(hopEvents(sg, ids[i]!, ids[i + 1]!, mode, eventsPerHop));
    }
    return { nodes: ids, length: hops.length, cost: Math.round(cost * 1e6) / 1e6, hops };
  });
  return found.truncated ? { from, to, mode, paths, truncated: true } : { from, to, mode, paths };
}
