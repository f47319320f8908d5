// Centrality values over a dyad graph, each algorithm returning a mapping (nothing is assigned):
// partners (degree), events (weighted degree), PageRank and betweenness.
import { UndirectedGraph } from 'graphology';
import * as pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import type { DyadGraph } from './dyad-graph.ts';
import { cjsDefault } from './cjs-default.ts';
import { seededRandom } from '../../model/index.ts';

const pagerank =
  cjsDefault<typeof import('graphology-metrics/centrality/pagerank.js').default>(pagerankModule);

export type Centrality = Record<string, number>;

/** Distinct partners of each actor, either direction. */
export function partnerDegree(g: DyadGraph): Centrality {
  const out: Centrality = {};
  g.forEachNode((node) => (out[node] = g.neighbors(node).length));
  return out;
}

/** Events touching each actor: the weighted degree, weight = events of the ordered pair. */
export function eventDegree(g: DyadGraph): Centrality {
  const out: Centrality = {};
  g.forEachNode((node) => (out[node] = weightedDegree(g, node, (_e, attrs) => attrs.events)));
  return out;
}

/**
 * PageRank with damping 0.85 over the directed dyad graph, each link weighted by its events: an
 * actor ranks high when actors that are themselves much acted upon act toward it. Sums to 1.
 */
export function pageRank(g: DyadGraph): Centrality {
  if (g.order === 0) return {};
  return pagerank(g, {
    getEdgeWeight: (_e: string, attrs: { events: number }) => attrs.events,
    alpha: 0.85,
    tolerance: 1e-10,
    maxIterations: 1000,
  });
}

/** Actors up to which betweenness is exact (every actor a source). */
export const BETWEENNESS_EXACT_LIMIT = 500;

/**
 * Sources an estimate counts from: at most BETWEENNESS_EXACT_LIMIT, fewer on large graphs so one
 * estimate costs about 5e7 node and edge visits (each source is one BFS of n + m), at least 32.
 */
export function betweennessSources(nodes: number, edges: number): number {
  if (nodes <= BETWEENNESS_EXACT_LIMIT) return nodes;
  const affordable = Math.floor(5e7 / Math.max(1, nodes + edges));
  return Math.min(BETWEENNESS_EXACT_LIMIT, Math.max(32, affordable));
}

export interface BetweennessResult {
  values: Centrality;
  /** Sources the shortest paths were counted from (all actors when exact). */
  sources: number;
  exact: boolean;
}

/**
 * Betweenness over the undirected actor graph (each pair linked once, unweighted), normalized by
 * (n - 1)(n - 2). Brandes' accumulation over graphology's indexed BFS, one source at a time;
 * above BETWEENNESS_EXACT_LIMIT actors the sum runs over betweennessSources(n, m) seeded random
 * sources and is scaled by n / sources (Brandes and Pich's estimate). It runs in the analysis
 * thread, so it needs no time budget.
 */
export function betweenness(g: DyadGraph, seed = 12): BetweennessResult {
  const u = new UndirectedGraph();
  g.forEachNode((node) => u.addNode(node));
  g.forEachEdge((_e, _a, source, target) => u.mergeEdge(source, target));
  const n = u.order;
  const brandes = createUnweightedIndexedBrandes(u) as unknown as ReturnType<
    typeof createUnweightedIndexedBrandes
  > & { index: { collect(values: Float64Array): Centrality } };
  let sources = Array.from({ length: n }, (_, i) => i);
  const exact = n <= BETWEENNESS_EXACT_LIMIT;
  if (!exact) {
    const rand = seededRandom(seed);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [sources[i], sources[j]] = [sources[j]!, sources[i]!];
    }
    sources = sources.slice(0, betweennessSources(n, u.size));
  }
  const delta = new Float64Array(n);
  const centralities = new Float64Array(n);
  for (const s of sources) {
    const [stack, predecessors, sigma] = brandes(s);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v] += sigma[v]! * coefficient;
      if (w !== s) centralities[w] += delta[w]!;
    }
  }
  // Each unordered pair is counted from both ends in an undirected graph; normalizing by
  // (n - 1)(n - 2) (not its half) already accounts for that.
  const scale = (n <= 2 ? 0 : 1 / ((n - 1) * (n - 2))) * (n / Math.max(1, sources.length));
  for (let i = 0; i < n; i++) centralities[i] *= scale;
  return { values: brandes.index.collect(centralities), sources: sources.length, exact };
}
