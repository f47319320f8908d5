// GET /api/metrics: actors ranked by one centrality measure over the filtered graph, computed once
// per graph version and filter and then served from the cache.
import { byCodeUnits } from '../contributions.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { Budget } from '../types.ts';
import { cached } from './analysis-cache.ts';
import { filterKey, type AnalysisFilter } from './analysis-filter.ts';
import { betweenness, eventDegree, pageRank, partnerDegree } from './centrality.ts';
import { dyadGraph } from './dyad-graph.ts';

export const MEASURES = ['degree', 'weighted-degree', 'pagerank', 'betweenness'] as const;
export type Measure = (typeof MEASURES)[number];

export interface RankedActor {
  rank: number;
  id: string;
  name: string;
  kind: string;
  value: number;
}

export interface Ranking {
  measure: Measure;
  /** Actors the measure ranged over (before the limit). */
  total: number;
  /** False when betweenness was estimated from a sample of sources. */
  exact: boolean;
  /** The graph version the values were computed on. */
  version: number;
  items: RankedActor[];
}

interface FullRanking {
  exact: boolean;
  order: { id: string; value: number }[];
}

function compute(sg: StanceGraph, measure: Measure, filter: AnalysisFilter, budget?: Budget) {
  const g = dyadGraph(sg, filter, budget);
  budget?.check();
  let values: Record<string, number>;
  let exact = true;
  switch (measure) {
    case 'degree':
      values = partnerDegree(g);
      break;
    case 'weighted-degree':
      values = eventDegree(g);
      break;
    case 'pagerank':
      values = pageRank(g);
      break;
    case 'betweenness': {
      const b = betweenness(g, budget);
      values = b.values;
      exact = b.exact;
      break;
    }
  }
  // Highest first; equal values by id, so the ranking is the same every time.
  const order = Object.entries(values)
    .map(([id, value]) => ({ id, value }))
    .sort((a, b) => b.value - a.value || byCodeUnits(a.id, b.id));
  return { exact, order };
}

/** The cache key of a ranking, exposed so benches and tests can tell a hit from a miss. */
export function rankingKey(measure: Measure, filter: AnalysisFilter): string {
  return `metric:${measure}:${filterKey(filter)}`;
}

/** The top `limit` actors by the measure; `budget` bounds only a computation, never a cache hit. */
export function rankActors(
  sg: StanceGraph,
  measure: Measure,
  { filter = {}, limit = 50, budget }: { filter?: AnalysisFilter; limit?: number; budget?: Budget },
): Ranking {
  const full = cached<FullRanking>(sg, rankingKey(measure, filter), () =>
    compute(sg, measure, filter, budget),
  );
  return {
    measure,
    total: full.order.length,
    exact: full.exact,
    version: sg.version,
    items: full.order.slice(0, limit).map(({ id, value }, i, items) => {
      const a = sg.graph.getNodeAttributes(id);
      // Competition ranking: equal values share the rank of the first of them.
      let first = i;
      while (first > 0 && items[first - 1]!.value === value) first--;
      return { rank: first + 1, id, name: a.name, kind: a.kind, value };
    }),
  };
}
