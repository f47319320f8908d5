// Public face of the graph module: the stance graph, its builder, its read-only queries, its
// analytics and its export formats.
export { StanceGraph, buildGraph, type StanceGraphData } from './stance-graph.ts';
export type * from './types.ts';
export { UnknownActorError, InvalidCursorError } from './errors.ts';
export type { EventFilter } from './event-filter.ts';
export {
  laidOut,
  subgraph,
  viewDraft,
  viewParts,
  DEFAULT_EGO_ACTORS,
  DEFAULT_EGO_EDGES,
  DEFAULT_VIEW_ACTORS,
  DEFAULT_VIEW_EDGES,
  type SubgraphQuery,
  type SubgraphExport,
  type ViewDraft,
  type ViewParts,
  type ViewShown,
} from './subgraph.ts';
export { layoutPositions, layoutPositionsBy } from './layout.ts';
export { LayoutThread } from './layout-thread.ts';
export type {
  SubgraphNodeAttributes,
  SubgraphEdgeAttributes,
  DyadEdgeAttributes,
} from './subgraph.ts';
export { EXPORT_EDGE_TYPE, type ExportEdgeType, type Exported } from './sigma-edge.ts';
export { searchActors, type ActorSearchQuery, type ActorSearchResult } from './search.ts';
export type { ActorHit } from './search.ts';
export { actorDetails, type ActorDetails, type Partner } from './actor-details.ts';
export type { RoleReference } from './actor-roles.ts';
export { relations, type RelationsQuery, type RelationsResult } from './relations.ts';
export { stance, type StanceResult, type DirectedStance } from './stance.ts';
export type { TimelinePoint } from './stance.ts';
export * from './analytics/index.ts';
export * from './interchange/index.ts';
export { fillQuotes, viewQuotes, QUOTE_BATCH, type QuoteSource, type Quoted } from './quotes.ts';
export {
  CHUNK_CODE_UNITS,
  viewChunks,
  ViewTooLargeError,
  type ViewChunks,
  type ViewSources,
} from './view-chunks.ts';
export { EventFragments } from './event-fragments.ts';
export { warmEventFragments, type WarmupFigures, type WarmupOptions } from './fragment-warmup.ts';
export {
  loadGraph,
  savedGraphOrigin,
  saveGraph,
  SNAPSHOT_FORMAT,
  type GraphOrigin,
  type LoadedGraph,
  type SavedGraph,
} from './snapshot/index.ts';
