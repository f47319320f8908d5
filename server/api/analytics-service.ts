// Analytics and interchange services: k shortest paths, rankings, blocs, timelines, exports and
// imports, with the time budget on the searches that can run long.
import type { z } from 'zod';
import {
  alignedPairs,
  alignmentBlocs,
  exportGraph,
  kShortestPaths,
  rankActors,
  timeline,
  type StanceGraph,
} from '../graph/index.ts';
import { importEvents } from '../ingest/index.ts';
import { DEFAULT_SECURITY, timeBudgets, type TimeBudgets } from '../security/index.ts';
import type { Store } from '../store/index.ts';
import type {
  BlocsQuery,
  ExportQuery,
  ImportBody,
  MetricsQuery,
  PathsQuery,
  TimelineQuery,
} from './analytics-schemas.ts';
import { analysisFilter, eventFilter } from './query-filters.ts';
import { quotedReply } from './quoted-reply.ts';
import { ReplyCache } from './reply-cache.ts';

/** Path replies kept per graph version: at most 64, of at most 8 MB together. */
const KEPT_PATHS = { entries: 64, bytes: 8 * 1024 * 1024 };

type PathsReply = Awaited<ReturnType<typeof kShortestPaths>>;

export class AnalyticsService {
  /** Path replies by query, at the graph version they were built at. */
  private readonly pathReplies = new ReplyCache<PathsReply>({
    ...KEPT_PATHS,
    bytesOf: (reply) => JSON.stringify(reply).length,
  });

  constructor(
    private readonly graph: StanceGraph,
    private readonly store: Store,
    private readonly budgets: TimeBudgets = timeBudgets(DEFAULT_SECURITY.queryBudgetMs),
  ) {}

  /**
   * The paths, the quotes of their events read from the store; the same query again at the same
   * graph version gets the reply already built.
   */
  async paths(q: z.infer<typeof PathsQuery>): Promise<PathsReply> {
    const key = JSON.stringify([q.from, q.to, q.k, q.mode, q.maxLength]);
    const kept = this.pathReplies.get(key, this.graph.version);
    if (kept) return kept;
    const options = {
      k: q.k,
      mode: q.mode,
      maxLength: q.maxLength,
      budget: this.budgets.start('the path query'),
    };
    let version = this.graph.version;
    const reply = await quotedReply(
      this.graph,
      this.store,
      () => {
        version = this.graph.version;
        return kShortestPaths(this.graph, q.from, q.to, options);
      },
      (r) => r.paths.flatMap((p) => p.hops.flatMap((h) => h.events)),
    );
    this.pathReplies.set(key, version, reply);
    return reply;
  }

  metrics(q: z.infer<typeof MetricsQuery>) {
    return rankActors(this.graph, q.measure, {
      filter: analysisFilter(q),
      limit: q.limit,
      budget: this.budgets.start(`the ${q.measure} ranking`),
    });
  }

  blocs(q: z.infer<typeof BlocsQuery>) {
    const filter = analysisFilter(q);
    const budget = this.budgets.start('the bloc analysis');
    const blocs = alignmentBlocs(this.graph, { filter, budget });
    const alignment = alignedPairs(this.graph, {
      filter,
      actor: q.actor,
      minCommon: q.minCommon,
      limit: q.limit,
      order: q.order,
      budget,
    });
    return { ...blocs, alignment };
  }

  timeline(q: z.infer<typeof TimelineQuery>) {
    return timeline(this.graph, q.actor, {
      partner: q.partner,
      granularity: q.granularity,
      filter: eventFilter(q),
    });
  }

  export(q: z.infer<typeof ExportQuery>) {
    const budget = q.focus === undefined ? undefined : this.budgets.start('the ego network query');
    return exportGraph(
      this.graph,
      q.format,
      {
        ...analysisFilter(q),
        focus: q.focus,
        depth: q.depth,
        mode: q.mode,
        affiliations: q.affiliations,
        layout: q.layout,
        table: q.table,
      },
      budget,
      this.store,
    );
  }

  import(body: z.infer<typeof ImportBody>) {
    return importEvents(
      { store: this.store, graph: this.graph },
      { fileName: body.fileName, text: body.content, format: body.format, layout: body.layout },
    );
  }
}
