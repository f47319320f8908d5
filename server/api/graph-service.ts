// Graph-backed services: the read-only queries behind /api/graph, actors, relations, stance and paths.
import type { z } from 'zod';
import {
  actorDetails,
  relations,
  searchActors,
  stance,
  subgraph,
  type StanceGraph,
} from '../graph/index.ts';
import { DEFAULT_SECURITY, timeBudgets, type TimeBudgets } from '../security/index.ts';
import type { Store } from '../store/index.ts';
import { budgetedShortestPath } from './budgeted-path.ts';
import { notFound } from './errors.ts';
import type {
  ActorsQuery,
  GraphQuery,
  PathsQuery,
  RelationsQuery,
  StanceQuery,
} from './schemas.ts';

export class GraphService {
  constructor(
    private readonly graph: StanceGraph,
    private readonly store: Store,
    /** Long queries (paths) stop with a 503 when they outrun their budget. */
    private readonly budgets: TimeBudgets = timeBudgets(DEFAULT_SECURITY.queryBudgetMs),
  ) {}

  subgraph(q: z.infer<typeof GraphQuery>) {
    return subgraph(this.graph, {
      from: q.from,
      to: q.to,
      types: q.type,
      quads: q.quad,
      polarities: q.polarity,
      minConfidence: q.minConfidence,
      kinds: q.kind,
      focus: q.focus,
      depth: q.depth,
      mode: q.mode,
      affiliations: q.affiliations,
      layout: q.layout,
    });
  }

  searchActors(q: z.infer<typeof ActorsQuery>) {
    return searchActors(this.graph, { q: q.q, kinds: q.kind, limit: q.limit, cursor: q.cursor });
  }

  /** The graph's view of the actor plus the dated roles the store keeps. */
  actor(id: string) {
    if (!this.graph.hasActor(id)) throw notFound(`no actor with id "${id}"`);
    const details = actorDetails(this.graph, id);
    return { ...details, roles: this.store.getActor(id)?.roles ?? [] };
  }

  relations(q: z.infer<typeof RelationsQuery>) {
    return relations(this.graph, {
      source: q.source,
      target: q.target,
      actor: q.actor,
      from: q.from,
      to: q.to,
      types: q.type,
      quads: q.quad,
      polarities: q.polarity,
      minConfidence: q.minConfidence,
      document: q.document,
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  stance(q: z.infer<typeof StanceQuery>) {
    return stance(this.graph, q.source, q.target, { from: q.from, to: q.to });
  }

  path(q: z.infer<typeof PathsQuery>) {
    const budget = this.budgets.start('the path query');
    return budgetedShortestPath(this.graph, q.from, q.to, q.maxLength, budget);
  }

  counts() {
    return this.graph.counts();
  }
}
