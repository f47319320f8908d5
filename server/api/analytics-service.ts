// Analytics and interchange services: k shortest paths, rankings, blocs, timelines, exports and
// imports, with the time budget on the searches that can run long. Rankings and blocs are computed
// in the analysis thread: a request waits for one up to the query budget, then answers 503 with
// Retry-After while the computation goes on for the next request.
import type { z } from 'zod';
import {
  AnalysisPendingError,
  AnalysisSupersededError,
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
import { ApiError } from './errors.ts';
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
    const what = `the ${q.measure} ranking`;
    return whenReady(
      rankActors(this.graph, q.measure, {
        filter: analysisFilter(q),
        limit: q.limit,
        wait: this.wait(what),
      }),
    );
  }

  async blocs(q: z.infer<typeof BlocsQuery>) {
    const filter = analysisFilter(q);
    const wait = this.wait('the bloc analysis');
    // Both asked at once: the thread builds the filtered graph once for the two.
    const [blocs, alignment] = await whenReady(
      Promise.all([
        alignmentBlocs(this.graph, { filter, wait }),
        alignedPairs(this.graph, {
          filter,
          actor: q.actor,
          minCommon: q.minCommon,
          limit: q.limit,
          order: q.order,
          wait,
        }),
      ]),
    );
    return { ...blocs, alignment };
  }

  /** A request waits for an analysis as long as the query budget allows. */
  private wait(what: string) {
    return { ms: this.budgets.start(what).budgetMs, what };
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

/** An analysis not ready in time, or of a graph since changed, is a 503 to retry. */
async function whenReady<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof AnalysisPendingError) {
      throw new ApiError(503, 'analysis_pending', error.message, {
        'Retry-After': String(error.retryAfterSeconds),
      });
    }
    if (error instanceof AnalysisSupersededError) {
      throw new ApiError(503, 'analysis_pending', `${error.message} (the graph changed)`, {
        'Retry-After': '1',
      });
    }
    throw error;
  }
}
