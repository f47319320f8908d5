// Public face of the graph module: the stance graph, its builder and its read-only queries.
export { StanceGraph, buildGraph, type StanceGraphData } from './stance-graph.ts';
export type * from './types.ts';
export { UnknownActorError, InvalidCursorError } from './errors.ts';
export type { EventFilter } from './event-filter.ts';
export { subgraph, type SubgraphQuery, type SubgraphExport } from './subgraph.ts';
export type {
  SubgraphNodeAttributes,
  SubgraphEdgeAttributes,
  DyadEdgeAttributes,
} from './subgraph.ts';
export { EXPORT_EDGE_TYPE, type ExportEdgeType, type Exported } from './sigma-edge.ts';
export { searchActors, type ActorSearchQuery, type ActorSearchResult } from './search.ts';
export type { ActorHit } from './search.ts';
export { actorDetails, type ActorDetails, type Partner } from './actor-details.ts';
export { relations, type RelationsQuery, type RelationsResult } from './relations.ts';
export { stance, type StanceResult, type DirectedStance } from './stance.ts';
export type { TimelinePoint } from './stance.ts';
export { shortestPath, type PathOptions, type PathResult, type PathHop } from './paths.ts';
