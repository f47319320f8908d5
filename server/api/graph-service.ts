// Graph-backed services: the read-only queries behind /api/graph, actors, relations and stance
// (paths and the other analyses are in analytics-service.ts).
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
import { notFound } from './errors.ts';
import { gazetteerRoleReference } from './role-reference.ts';
import { eventFilter } from './query-filters.ts';
import type { ActorsQuery, GraphQuery, RelationsQuery, StanceQuery } from './schemas.ts';

export class GraphService {
  constructor(
    private readonly graph: StanceGraph,
    /** Long queries (ego networks) stop with a 503 when they outrun their budget. */
    private readonly budgets: TimeBudgets = timeBudgets(DEFAULT_SECURITY.queryBudgetMs),
  ) {}

  subgraph(q: z.infer<typeof GraphQuery>) {
    const query = {
      ...eventFilter(q),
      kinds: q.kind,
      focus: q.focus,
      depth: q.depth,
      mode: q.mode,
      affiliations: q.affiliations,
      layout: q.layout,
    };
    const budget = q.focus === undefined ? undefined : this.budgets.start('the ego network query');
    return subgraph(this.graph, query, budget);
  }

  searchActors(q: z.infer<typeof ActorsQuery>) {
    return searchActors(this.graph, { q: q.q, kinds: q.kind, limit: q.limit, cursor: q.cursor });
  }

  /** The graph's view of the actor, with the gazetteer's roles and those its articles state. */
  actor(id: string) {
    if (!this.graph.hasActor(id)) throw notFound(`no actor with id "${id}"`);
    return actorDetails(this.graph, id, gazetteerRoleReference(id));
  }

  relations(q: z.infer<typeof RelationsQuery>) {
    return relations(this.graph, {
      source: q.source,
      target: q.target,
      actor: q.actor,
      ...eventFilter(q),
      document: q.document,
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  stance(q: z.infer<typeof StanceQuery>) {
    return stance(this.graph, q.source, q.target, { from: q.from, to: q.to });
  }

  counts() {
    return this.graph.counts();
  }
}
