// The actor graph the analyses run on: one directed edge per ordered actor pair, weighted by the
// number of matching events, with their net score. Built in the analysis thread from a DyadInput.
import { DirectedGraph } from 'graphology';
import type { DyadInput } from './dyad-input.ts';

export interface DyadEdge {
  /** Matching events from source to target. */
  events: number;
  /** Sum of their PLOVER scores. */
  net: number;
}

export type DyadGraph = DirectedGraph<Record<string, never>, DyadEdge>;

/** The dyad graph of an input: rows of the same pair folded, nodes and edges in sorted order. */
export function dyadGraphOf(input: DyadInput): DyadGraph {
  const { ids } = input;
  const n = ids.length;
  // Pairs keyed by number (source place * n + target place) rather than by string: a million rows
  // fold into pairs in one pass, and sorting numbers is cheap.
  const events = new Map<number, number>();
  const net = new Map<number, number>();
  const touched = new Uint8Array(n);
  for (let r = 0; r < input.rows; r++) {
    const s = input.source[r]!;
    const t = input.target[r]!;
    const key = s * n + t;
    events.set(key, (events.get(key) ?? 0) + input.events[r]!);
    net.set(key, (net.get(key) ?? 0) + input.net[r]!);
    touched[s] = 1;
    touched[t] = 1;
  }
  const g: DyadGraph = new DirectedGraph();
  // Sorted insertion makes every traversal order, and so every tie and every seeded Louvain run,
  // the same whatever order the documents came in.
  for (let i = 0; i < n; i++) if (!input.onlyTouched || touched[i]) g.addNode(ids[i]!);
  const keys = Float64Array.from(events.keys()).sort();
  for (const key of keys) {
    const source = ids[Math.floor(key / n)]!;
    const target = ids[key % n]!;
    g.addDirectedEdge(source, target, { events: events.get(key)!, net: net.get(key)! });
  }
  return g;
}
