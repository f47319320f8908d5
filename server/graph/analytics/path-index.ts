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
  // Pairs in key order fill each node's row in increasing neighbour order: first the pairs where
  // it is the larger end (by the smaller), then those where it is the smaller (by the larger).
  const keys = Float64Array.from(pairs.keys()).sort();
  for (const key of keys) {
    const count = pairs.get(key)!;
    const a = Math.floor(key / n);
    const b = key % n;
    neighbours[fill[a]!] = b;
    events[fill[a]!++] = count;
    neighbours[fill[b]!] = a;
    events[fill[b]!++] = count;
  }
  const costs = events.map(hopCost);
  return { ids, indexOf, offsets, neighbours, events, costs, byCost: costOrder(offsets, costs) };
}

/** Each row's positions, cheapest link first (equal costs by position), row after row. */
export function costOrder(offsets: Int32Array, costs: Float64Array): Int32Array {
  const order = new Int32Array(costs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const byCost = (a: number, b: number) => costs[a]! - costs[b]! || a - b;
  for (let v = 0; v + 1 < offsets.length; v++) {
    if (offsets[v + 1]! - offsets[v]! > 1)
      order.subarray(offsets[v]!, offsets[v + 1]!).sort(byCost);
  }
  return order;
}

export function pathIndex(sg: StanceGraph, mode: PathMode): PathIndex {
  return cached(sg, `path-index:${mode}`, () => buildPathIndex(sg, mode));
}
