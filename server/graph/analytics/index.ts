// Public face of the graph analytics: k shortest paths, centrality rankings, alignment blocs and
// pairs, timelines; each returns values and assigns nothing to the graph. Rankings, blocs and
// alignment run in the analysis thread.
export type { AnalysisFilter } from './analysis-filter.ts';
export { isCached, isComputing } from './analysis-cache.ts';
export {
  AnalysisPendingError,
  analysisSettings,
  analysisThread,
  type Wait,
} from './analysis-runner.ts';
export { AnalysisFailedError, AnalysisSupersededError, AnalysisThread } from './analysis-thread.ts';
export { runTask, type AnalysisTask, type HeldGraph } from './analysis-tasks.ts';
export { dyadGraphOf, type DyadGraph, type DyadEdge } from './dyad-graph.ts';
export { dyadInput, type DyadInput } from './dyad-input.ts';
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
  rankingOf,
  type FullRanking,
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
  blocsOf,
  louvainCommunities,
  positiveStanceGraph,
  type Bloc,
  type BlocRelation,
  type BlocsResult,
  type BlocsCore,
} from './blocs.ts';
export {
  alignedPairs,
  pairsOf,
  stanceVectors,
  type AlignedPair,
  type AlignmentOptions,
} from './alignment.ts';
export {
  timeline,
  isoWeek,
  type Granularity,
  type TimelineBucket,
  type TimelineResult,
} from './timeline.ts';
