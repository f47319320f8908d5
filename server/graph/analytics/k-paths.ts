// The k shortest simple paths between two actors (Yen's algorithm) over the undirected actor graph,
// each hop listed with the events behind it.
//
// Hop cost: 1 + 1 / (8 * (1 + n)), n = the events the two actors share in the chosen mode, either
// direction. A path of h hops (h <= 6) costs between h and h + 0.375, so paths are ranked by hop
// count first, then by how well attested their hops are (more events, cheaper).
//
// graphology-shortest-path has no search that can leave nodes and edges out, which every spur of
// Yen's algorithm needs, so the searches here are a small Dijkstra over a compact index. Of paths
// of equal cost each search gives the first by actor ids, so the k paths are the first k of all
// paths ranked by cost and then by ids, whatever order the searches explore in. A spur search looks
// only for paths that could still be accepted, and one from a root searched before is not run when
// it could find nothing new.
//
// Visit budget: one query reads at most `maxVisits` neighbour entries of the index over all its
// searches (PATH_VISIT_BUDGET by default; a lookup in a sorted row counts as LOOKUP_READS). A query
// that would read more stops there and answers with the paths accepted so far, each still exact (the cheapest, second cheapest, ... in order),
// and `truncated: true`; the count is deterministic, so the same query on the same graph is cut at
// the same place.
import { UnknownActorError } from '../errors.ts';
import { eventView, newestFirst } from '../event-view.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { Polarity } from '../../model/index.ts';
import type { Budget, EventKey, EventView } from '../types.ts';
import { findIn, hopCost, pathIndex, type PathIndex, type PathMode } from './path-index.ts';

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
 * Neighbour entries one path query may read, over all its searches, before it stops (a lookup in
 * a sorted row counts as LOOKUP_READS): more than half of every link of a million-event graph
 * (1.8 million entries). Three paths of up to 4 hops between 256 seeded random pairs read at most
 * 281,000 at a million events; the README's Performance section has the measurements.
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

/** The dearest hop: a pair sharing one event (every linked pair shares at least one). */
const MAX_HOP_COST = hopCost(1);

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

/**
 * A binary min-heap of (cost, key) in typed arrays, the key a node's rank; ties by rank (the
 * actor ids' order), so searches repeat.
 */
class Heap {
  private costs = new Float64Array(64);
  private keys = new Int32Array(64);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  push(cost: number, key: number): void {
    if (this.size === this.costs.length) {
      const costs = new Float64Array(this.size * 2);
      costs.set(this.costs);
      const keys = new Int32Array(this.size * 2);
      keys.set(this.keys);
      this.costs = costs;
      this.keys = keys;
    }
    const costs = this.costs;
    const keys = this.keys;
    // The new entry rises through a hole: each parent it beats moves down into it.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(cost, key, costs[p]!, keys[p]!)) break;
      costs[i] = costs[p]!;
      keys[i] = keys[p]!;
      i = p;
    }
    costs[i] = cost;
    keys[i] = key;
  }
  /** Removes the top; read topCost/topKey first. */
  pop(): void {
    this.size -= 1;
    const size = this.size;
    if (size === 0) return;
    const costs = this.costs;
    const nodes = this.keys;
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
  get topKey(): number {
    return this.keys[0]!;
  }
}

/**
 * Whether (a, x) comes before (b, y): a cheaper cost, or an equal one (within EPSILON) and a lower
 * key.
 */
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
  /** The nodes this search has reached, in the order it reached them. */
  readonly reached: Int32Array;
  reachedCount = 0;
  /** Entries this search has read on this side (lookups counted as LOOKUP_READS). */
  read = 0;
  stamp = 0;
  constructor(readonly idx: PathIndex) {
    const n = idx.ids.length;
    this.reached = new Int32Array(n);
    this.dist = new Float64Array(n);
    this.hops = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.seen = new Uint32Array(n);
    this.done = new Uint32Array(n);
  }
  start(node: number): void {
    this.stamp += 1;
    this.heap.clear();
    this.reachedCount = 0;
    this.read = 0;
    this.reach(node);
    this.dist[node] = 0;
    this.hops[node] = 0;
    this.parent[node] = -1;
    this.heap.push(0, this.idx.rank[node]!);
  }
  /** Marks a node first reached by the current search. */
  reach(node: number): void {
    this.seen[node] = this.stamp;
    this.reached[this.reachedCount++] = node;
  }
  /** The cheapest open node (stale entries of settled nodes dropped), or -1 when none is left. */
  openTop(): number {
    const heap = this.heap;
    while (heap.size > 0) {
      const v = this.idx.byRank[heap.topKey]!;
      if (this.done[v] !== this.stamp) return v;
      heap.pop();
    }
    return -1;
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
  // The index gains nodes as actors arrive: the scratch arrays are made again, larger.
  if (!pair || pair[0].dist.length < idx.ids.length) {
    pair = [new SearchSide(idx), new SearchSide(idx)];
    sides.set(idx, pair);
  }
  return pair;
}

/**
 * The cheapest path from s to t within maxHops hops and `limit` cost, avoiding blocked nodes and
 * cut links; of equal-cost paths (within EPSILON) the first by its actor ids, so the answer does
 * not depend on the order the search explores in. A bidirectional Dijkstra that stops once the two
 * sides' cheapest open entries together cost more than the best meeting. Each step settles one
 * side's cheapest open node, on the side that has read fewer entries once that node is read (a
 * hub waits while the other side can move on cheaply); settling reads only what stepReads counts.
 * Ties keep the first path by ids on each side: forward, a node keeps the parent whose own path
 * from s comes first; backward, the smallest next node towards t. Every meeting within EPSILON of
 * the best is kept, and the first of their paths by ids is the answer.
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
  limit = Infinity,
): Found | null {
  if (s === t) return { nodes: [s], cost: 0 };
  // Every hop costs more than 1, so a path within the limit has fewer hops than it; and a hop
  // costs at most MAX_HOP_COST, so no path within maxHops costs more than maxHops of those (and a
  // longer one costs more than that, up to 15 hops).
  maxHops = Math.min(maxHops, Math.floor(limit + EPSILON));
  limit = Math.min(limit, maxHops * MAX_HOP_COST);
  const [forward, backward] = sidesFor(idx);
  forward.start(s);
  backward.start(t);
  const search: Search = { idx, s, blockedNodes, cut, best: limit, meets: [] };
  for (;;) {
    const fTop = forward.openTop();
    const bTop = backward.openTop();
    if (fTop < 0 || bTop < 0) break;
    const fCost = forward.heap.topCost;
    const bCost = backward.heap.topCost;
    if (fCost + bCost > search.best + EPSILON) break;
    // What settling each top would read: its row, or lookups of the other side's reached nodes.
    const fRead = stepReads(idx, fTop, fCost, bCost, search.best, backward);
    const bRead = stepReads(idx, bTop, bCost, fCost, search.best, forward);
    const forwardStep = forward.read + fRead <= backward.read + bRead;
    const side = forwardStep ? forward : backward;
    const other = forwardStep ? backward : forward;
    const v = forwardStep ? fTop : bTop;
    const d = side.heap.topCost;
    side.heap.pop();
    side.done[v] = side.stamp;
    budget?.check();
    // A node the other side settled first is left to it (see stepReads).
    if (side.hops[v]! >= maxHops || other.done[v] === other.stamp) continue;
    const reads = forwardStep ? fRead : bRead;
    side.read += reads;
    visits.used += reads;
    if (visits.used > visits.limit) throw new VisitsSpent();
    settle(search, side, other, v, d, forwardStep);
  }
  return firstMeeting(forward, backward, search.meets, maxHops);
}

/** One restricted search's fixed inputs and its best meeting so far. */
interface Search {
  idx: PathIndex;
  /** The search's start (the cut links' common end). */
  s: number;
  blockedNodes: Uint8Array;
  cut: CutLinks;
  /** The cheapest meeting's cost, or the limit while none is cheaper. */
  best: number;
  /** Nodes where the sides met within EPSILON of `best`. */
  meets: number[];
}

/** A lookup in a sorted row counts as this many entries read, against reading the row. */
const LOOKUP_READS = 16;

/**
 * Entries that settling node v at cost d reads (see settle): its links cheap enough to queue a
 * node the other side has not reached, then the rest of its row or a lookup per node the other
 * side has reached, whichever is less. Nothing for a node the other side settled first: every path
 * through it costs at least the meeting there, and that side read its links.
 */
function stepReads(
  idx: PathIndex,
  v: number,
  d: number,
  otherTop: number,
  best: number,
  other: SearchSide,
): number {
  if (other.done[v] === other.stamp) return 0;
  const begin = idx.starts[v]!;
  const end = idx.ends[v]!;
  const cheap = cheapEnd(idx, begin, end, best + EPSILON - d - otherTop) - begin;
  return cheap + Math.min(end - begin - cheap, other.reachedCount * LOOKUP_READS);
}

/** The end of the links of the row [begin, end) in cost order that cost at most `bound`. */
function cheapEnd(idx: PathIndex, begin: number, end: number, bound: number): number {
  const { byCost, costs } = idx;
  let lo = begin;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (costs[byCost[mid]!]! <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Relaxes the link from v (settled at d on `side`) to u at `at` in the index. */
function relax(
  search: Search,
  side: SearchSide,
  other: SearchSide,
  v: number,
  d: number,
  u: number,
  at: number,
  forwardStep: boolean,
  otherTop: number,
): void {
  const stamp = side.stamp;
  if (side.done[u] === stamp || search.blockedNodes[u]) return;
  // A cut link has the start at one end (see CutLinks).
  const cut = search.cut;
  if (cut.count > 0 && (v === search.s ? cut.marks[u] : u === search.s && cut.marks[v])) return;
  const cost = d + search.idx.costs[at]!;
  // A node the other side has not reached is at least its cheapest open entry from the far end,
  // so a hop that costs more than the best meeting is not queued.
  const reached = other.seen[u] === other.stamp;
  if (!reached && cost + otherTop > search.best + EPSILON) return;
  const { dist, parent } = side;
  if (side.seen[u] !== stamp || cost < dist[u]! - EPSILON) {
    if (side.seen[u] !== stamp) side.reach(u);
    dist[u] = cost;
    side.hops[u] = side.hops[v]! + 1;
    parent[u] = v;
    side.heap.push(cost, search.idx.rank[u]!);
  } else if (
    cost <= dist[u]! + EPSILON &&
    (forwardStep
      ? pathBefore(search.idx.rank, parent, v, parent[u]!)
      : search.idx.rank[v]! < search.idx.rank[parent[u]!]!)
  ) {
    parent[u] = v;
  }
  if (reached) {
    const total = dist[u]! + other.dist[u]!;
    if (total < search.best - EPSILON) {
      search.best = total;
      search.meets.length = 0;
    }
    if (total <= search.best + EPSILON) search.meets.push(u);
  }
}

/**
 * Reads the links of v (settled at d): in cost order those that could queue a node the other side
 * has not reached (cost + the other side's cheapest open entry within the best meeting); past
 * them only a node the other side has reached can come of a link, a meeting, so the rest of the
 * row is read for those, or each of them is looked up in the row when they are fewer (as
 * stepReads counts).
 */
function settle(
  search: Search,
  side: SearchSide,
  other: SearchSide,
  v: number,
  d: number,
  forwardStep: boolean,
): void {
  // The other side's heap does not change while this node's links are read.
  const otherTop = other.heap.size > 0 ? other.heap.topCost : Infinity;
  const { idx } = search;
  const { neighbours, byCost, costs } = idx;
  const begin = idx.starts[v]!;
  const end = idx.ends[v]!;
  const bound = search.best + EPSILON - d - otherTop;
  const cheap = cheapEnd(idx, begin, end, bound);
  for (let i = begin; i < cheap; i++) {
    const at = byCost[i]!;
    relax(search, side, other, v, d, neighbours[at]!, at, forwardStep, otherTop);
  }
  const rest = end - cheap;
  if (rest === 0) return;
  const reached = other.reached;
  const lookups = other.reachedCount;
  if (lookups * LOOKUP_READS < rest) {
    for (let i = 0; i < lookups; i++) {
      const u = reached[i]!;
      const at = findIn(neighbours, begin, end, u);
      // Links within the bound were read above.
      if (at >= 0 && costs[at]! > bound) {
        relax(search, side, other, v, d, u, at, forwardStep, otherTop);
      }
    }
    return;
  }
  const otherSeen = other.seen;
  const otherStamp = other.stamp;
  for (let i = cheap; i < end; i++) {
    const at = byCost[i]!;
    const u = neighbours[at]!;
    if (otherSeen[u] === otherStamp) relax(search, side, other, v, d, u, at, forwardStep, otherTop);
  }
}

/**
 * Whether the path from the start to a comes before the one to b by node ids, where both have
 * the same number of hops: the first node where they differ, counted from the start, decides.
 */
function pathBefore(rank: Int32Array, parent: Int32Array, a: number, b: number): boolean {
  let before = rank[a]! < rank[b]!;
  for (let x = a, y = b; ;) {
    x = parent[x]!;
    y = parent[y]!;
    if (x === y || x < 0 || y < 0) return before;
    before = rank[x]! < rank[y]!;
  }
}

/** Of the meetings, the cheapest path through one, equal costs by node ids; null for none. */
function firstMeeting(
  forward: SearchSide,
  backward: SearchSide,
  meets: number[],
  maxHops: number,
): Found | null {
  let found: Found | null = null;
  for (const m of meets) {
    const cost = forward.dist[m]! + backward.dist[m]!;
    if (found && cost > found.cost + EPSILON) continue;
    const nodes = forward.pathTo(m);
    for (let cur = backward.parent[m]!; cur !== -1; cur = backward.parent[cur]!) nodes.push(cur);
    if (nodes.length - 1 > maxHops) continue;
    if (!found || cost < found.cost - EPSILON || idsBefore(forward.idx.rank, nodes, found.nodes)) {
      found = { nodes, cost };
    }
  }
  return found;
}

/** Whether node sequence a comes before b by actor ids (node ranks follow their order). */
function idsBefore(rank: Int32Array, a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] !== b[i]) return rank[a[i]!]! < rank[b[i]!]!;
  }
  return a.length < b.length;
}

function edgeCost(idx: PathIndex, a: number, b: number): number {
  const at = findIn(idx.neighbours, idx.starts[a]!, idx.ends[a]!, b);
  return at < 0 ? Infinity : idx.costs[at]!;
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

/**
 * The most a new candidate may cost and still be accepted: with `need` paths still to accept and
 * `need` candidates in hand, one dearer than all of them never is (one of equal cost may be, by
 * its actor ids). Infinity while fewer candidates are known.
 */
function candidateBound(candidates: Found[], need: number): number {
  if (candidates.length < need) return Infinity;
  const costs = candidates.map((c) => c.cost).sort((a, b) => a - b);
  return costs[need - 1]!;
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
  // What the last spur search from each root found: the node its path took after the spur node, or
  // -1 for none. A later round searches a root again with the same nodes blocked, more links cut
  // and a limit no higher, so among a subset of the paths it searched then: the path found then
  // (the first of those by cost and ids) is still the first unless it takes a link now cut, and
  // none found then means none now. Either way it would find nothing new, so it is not run.
  const foundFrom = new Map<string, number>();
  while (accepted.length < k) {
    const prev = accepted[accepted.length - 1]!;
    let rootCost = 0;
    for (let i = 0; i + 1 < prev.nodes.length; i++) {
      if (i > 0) rootCost += edgeCost(idx, prev.nodes[i - 1]!, prev.nodes[i]!);
      const root = prev.nodes.slice(0, i + 1);
      const spur = root[i]!;
      // The links accepted paths sharing the root take next: each leaves the spur node.
      const cutTo: number[] = [];
      for (const p of accepted) {
        if (p.nodes.length > i + 1 && root.every((node, j) => p.nodes[j] === node)) {
          cutTo.push(p.nodes[i + 1]!);
        }
      }
      const rootKey = root.join(',');
      const before = foundFrom.get(rootKey);
      if (before !== undefined && (before < 0 || !cutTo.includes(before))) continue;
      for (const b of cutTo) cut.marks[b] = 1;
      cut.count = cutTo.length;
      for (let j = 0; j < i; j++) blockedNodes[root[j]!] = 1;
      let spurPath: Found | null;
      try {
        const limit = candidateBound(candidates, k - accepted.length) - rootCost + EPSILON;
        spurPath = restrictedDijkstra(
          idx,
          spur,
          t,
          maxHops - i,
          blockedNodes,
          cut,
          budget,
          visits,
          limit,
        );
      } finally {
        for (let j = 0; j < i; j++) blockedNodes[root[j]!] = 0;
        for (const b of cutTo) cut.marks[b] = 0;
        cut.count = 0;
      }
      foundFrom.set(rootKey, spurPath ? spurPath.nodes[1]! : -1);
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
