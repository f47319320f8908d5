// A compact undirected index of the actor graph for path search: actors as integers, neighbours in
// flat arrays (CSR), and the number of events each pair shares, so Yen's algorithm can run its many
// restricted searches without touching graphology objects. Each node's neighbours are sorted, so
// whether two nodes are linked is a binary search, and listed a second time cheapest link first, so
// a search can read only the links cheap enough to matter. Cached per graph version and mode.
import type { StanceGraph } from '../stance-graph.ts';
import { cached } from './analysis-cache.ts';

/** Which events make a link: all of them, or only cooperative or only hostile ones. */
export type PathMode = 'any' | 'cooperative' | 'hostile';

export interface PathIndex {
  ids: string[];
  indexOf: Map<string, number>;
  /** Neighbours of node i are neighbours[offsets[i]..offsets[i+1]), in increasing order. */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Events between node i and the neighbour at the same position, either direction. */
  events: Float64Array;
  /** The hop cost of the same pair (hopCost of its events), so searches do no arithmetic per hop. */
  costs: Float64Array;
  /** Positions in neighbours, each row's cheapest link first (costOrder). */
  byCost: Int32Array;
}

/** The cost of a hop whose two actors share `events` events in the mode. */
export function hopCost(events: number): number {
  return 1 + 1 / (8 * (1 + events));
}

function buildPathIndex(sg: StanceGraph, mode: PathMode): PathIndex {
  // Every actor can be an endpoint, even one with no link in this mode.
  const ids = sg.graph.nodes().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  // Events per unordered pair, keyed a * n + b with a < b (exact below 2^53, so for any n < 9e7).
  const pairs = new Map<number, number>();
  sg.forEachEvent((attrs, source, target) => {
    if (source === target) return;
    if (mode !== 'any' && attrs.polarity !== mode) return;
    const x = indexOf.get(source)!;
    const y = indexOf.get(target)!;
    const key = x < y ? x * n + y : y * n + x;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  });
  const degree = new Int32Array(n);
  for (const key of pairs.keys()) {
    degree[Math.floor(key / n)]! += 1;
    degree[key % n]! += 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const neighbours = new Int32Array(offsets[n]!);
  const events = new Float64Array(neighbours.length);
  const fill = offsets.slice(0, n);
  for (const [key, count] of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    neighbours[fill[a]!] = b;
    events[fill[a]!++] = count;
    neighbours[fill[b]!] = a;
    events[fill[b]!++] = count;
  }
  const rows = sortedRows(offsets, neighbours, events);
  return {
    ids,
    indexOf,
    offsets,
    neighbours: rows.neighbours,
    events: rows.events,
    costs: rows.events.map(hopCost),
    byCost: costOrder(offsets, rows.events),
  };
}

/**
 * The rows again, each in increasing neighbour order: each link is written from its far end, the
 * far ends taken in increasing order, so every row fills in order (the graph is undirected, so the
 * rows hold the same links).
 */
function sortedRows(offsets: Int32Array, neighbours: Int32Array, events: Float64Array) {
  const sorted = {
    neighbours: new Int32Array(neighbours.length),
    events: new Float64Array(events.length),
  };
  const fill = offsets.slice(0, offsets.length - 1);
  for (let v = 0; v + 1 < offsets.length; v++) {
    for (let at = offsets[v]!; at < offsets[v + 1]!; at++) {
      const u = neighbours[at]!;
      sorted.neighbours[fill[u]!] = v;
      sorted.events[fill[u]!++] = events[at]!;
    }
  }
  return sorted;
}

/**
 * Each row's positions, cheapest link first (the most events first), equal costs by position,
 * row after row: the positions are bucketed by their events, and each bucket, from the most
 * events down, appends its positions to their rows in order.
 */
export function costOrder(offsets: Int32Array, events: Float64Array): Int32Array {
  let most = 0;
  for (const e of events) if (e > most) most = e;
  // starts[e]: where the positions with e events begin in `byEvents`, most events first.
  const starts = new Int32Array(most + 2);
  for (const e of events) starts[most - e + 1]! += 1;
  for (let e = 1; e < starts.length; e++) starts[e]! += starts[e - 1]!;
  const byEvents = new Int32Array(events.length);
  for (let at = 0; at < events.length; at++) byEvents[starts[most - events[at]!]!++] = at;
  const rowOf = new Int32Array(events.length);
  for (let v = 0; v + 1 < offsets.length; v++) rowOf.fill(v, offsets[v]!, offsets[v + 1]!);
  const order = new Int32Array(events.length);
  const fill = offsets.slice(0, offsets.length - 1);
  for (const at of byEvents) order[fill[rowOf[at]!]!++] = at;
  return order;
}
export function pathIndex(sg: StanceGraph, mode: PathMode): PathIndex {
  return cached(sg, `path-index:${mode}`, () => buildPathIndex(sg, mode));
}
