// GET /api/metrics: actors ranked by one centrality measure over the filtered graph, computed in the
// analysis thread once per graph version and filter and then served from the cache.
import { byCodeUnits } from '../contributions.ts';
import type { StanceGraph } from '../stance-graph.ts';
import { filterKey, type AnalysisFilter } from './analysis-filter.ts';
import { analyze, type Wait } from './analysis-runner.ts';
import { betweenness, eventDegree, pageRank, partnerDegree } from './centrality.ts';
import type { DyadGraph } from './dyad-graph.ts';

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

/** Every actor of the analysis ranked: ids highest first, their values at the same places. */
export interface FullRanking {
  exact: boolean;
  ids: string[];
  values: Float64Array;
}

/** The full ranking of a dyad graph by the measure (what the analysis thread computes). */
export function rankingOf(g: DyadGraph, measure: Measure): FullRanking {
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
      const b = betweenness(g);
      values = b.values;
      exact = b.exact;
      break;
    }
  }
  // Highest first; equal values by id, so the ranking is the same every time.
  const order = Object.entries(values)
    .map(([id, value]) => ({ id, value }))
    .sort((a, b) => b.value - a.value || byCodeUnits(a.id, b.id));
  return {
    exact,
    ids: order.map((o) => o.id),
    values: Float64Array.from(order, (o) => o.value),
  };
}

/** The cache key of a ranking, exposed so benches and tests can tell a hit from a miss. */
export function rankingKey(measure: Measure, filter: AnalysisFilter): string {
  return `metric:${measure}:${filterKey(filter)}`;
}

/**
 * The top `limit` actors by the measure. A computation runs in the analysis thread; `wait` bounds
 * how long this call waits for it (AnalysisPendingError after that, the computation going on).
 */
export async function rankActors(
  sg: StanceGraph,
  measure: Measure,
  { filter = {}, limit = 50, wait }: { filter?: AnalysisFilter; limit?: number; wait?: Wait },
): Promise<Ranking> {
  const full = await analyze<FullRanking>(
    sg,
    filter,
    rankingKey(measure, filter),
    { kind: 'ranking', measure },
    wait,
  );
  const top = full.ids.slice(0, limit);
  return {
    measure,
    total: full.ids.length,
    exact: full.exact,
    version: sg.version,
    items: top.map((id, i) => {
      const a = sg.graph.getNodeAttributes(id);
      const value = full.values[i]!;
      // Competition ranking: equal values share the rank of the first of them.
      let first = i;
      while (first > 0 && full.values[first - 1] === value) first--;
      return { rank: first + 1, id, name: a.name, kind: a.kind, value };
    }),
  };
}
