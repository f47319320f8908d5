// The actor graph the analyses run on: one directed edge per ordered actor pair, weighted by the
// number of matching events, with their net score. Built from the event edges, cached per version.
import { DirectedGraph } from 'graphology';
import { byCodeUnits } from '../contributions.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { Budget } from '../types.ts';
import { cached } from './analysis-cache.ts';
import {
  analysisActors,
  filterKey,
  forEachMatchingEvent,
  type AnalysisFilter,
} from './analysis-filter.ts';

export interface DyadEdge {
  /** Matching events from source to target. */
  events: number;
  /** Sum of their PLOVER scores. */
  net: number;
}

export type DyadGraph = DirectedGraph<Record<string, never>, DyadEdge>;

function buildDyadGraph(sg: StanceGraph, filter: AnalysisFilter, budget?: Budget): DyadGraph {
  // Pairs keyed by number (source index * n + target index) rather than by string: a million
  // events fold into pairs in one pass, and sorting numbers is cheap.
  const all = sg.graph.nodes().sort(byCodeUnits);
  const n = all.length;
  const index = new Map(all.map((id, i) => [id, i]));
  const events = new Map<number, number>();
  const net = new Map<number, number>();
  const touched = new Set<string>();
  forEachMatchingEvent(sg, filter, (source, target, attrs) => {
    // Self-directed events (a state's own ministry acting on it) say nothing about its partners.
    if (source === target) return;
    const key = index.get(source)! * n + index.get(target)!;
    events.set(key, (events.get(key) ?? 0) + 1);
    net.set(key, (net.get(key) ?? 0) + attrs.score);
    touched.add(source).add(target);
  });
  const g: DyadGraph = new DirectedGraph();
  // Sorted insertion makes every traversal order, and so every tie and every seeded Louvain run,
  // the same whatever order the documents came in.
  for (const node of analysisActors(sg, filter, touched).sort(byCodeUnits)) g.addNode(node);
  const keys = Float64Array.from(events.keys()).sort();
  budget?.check();
  let added = 0;
  for (const key of keys) {
    // Adding edges to graphology is the slow part on large graphs: check the budget as it goes.
    if ((++added & 4095) === 0) budget?.check();
    const source = all[Math.floor(key / n)]!;
    const target = all[key % n]!;
    g.addDirectedEdge(source, target, { events: events.get(key)!, net: net.get(key)! });
  }
  return g;
}

/** The filtered dyad graph of the graph's current version (shared; callers must not change it). */
export function dyadGraph(
  sg: StanceGraph,
  filter: AnalysisFilter = {},
  budget?: Budget,
): DyadGraph {
  return cached(sg, `dyads:${filterKey(filter)}`, () => buildDyadGraph(sg, filter, budget));
}
