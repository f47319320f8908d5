// Public face of the graph analytics: k shortest paths, centrality rankings, alignment blocs and
// pairs, timelines; each returns values and assigns nothing to the graph.
export type { AnalysisFilter } from './analysis-filter.ts';
export { isCached } from './analysis-cache.ts';
export { dyadGraph, type DyadGraph, type DyadEdge } from './dyad-graph.ts';
export {
  kShortestPaths,
  hopCost,
  type ActorPath,
  type KPathsOptions,
  type KPathsResult,
  type PathHop,
  type PathMode,
} from './k-paths.ts';
export {
  rankActors,
  rankingKey,
  MEASURES,
  type Measure,
  type Ranking,
  type RankedActor,
} from './metrics.ts';
export {
  betweenness,
  eventDegree,
  pageRank,
  partnerDegree,
  BETWEENNESS_EXACT_LIMIT,
  betweennessSources,
  type Centrality,
} from './centrality.ts';
export {
  alignmentBlocs,
  louvainCommunities,
  positiveStanceGraph,
  type Bloc,
  type BlocRelation,
  type BlocsResult,
} from './blocs.ts';
export { alignedPairs, type AlignedPair, type AlignmentOptions } from './alignment.ts';
export {
  timeline,
  isoWeek,
  type Granularity,
  type TimelineBucket,
  type TimelineResult,
} from './timeline.ts';
