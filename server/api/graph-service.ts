// Graph-backed services: the read-only queries behind /api/graph, actors, relations and stance
// (paths and the other analyses are in analytics-service.ts). The graph view is bounded: built and
// serialised within the query time budget (503 past it), refused with a 413 past the size bound,
// streamed, and cut off from a client too slow to take it.
import { once } from 'node:events';
import type { Response } from 'express';
import type { z } from 'zod';
import {
  actorDetails,
  EventFragments,
  laidOut,
  layoutPositions,
  layoutPositionsBy,
  type LayoutThread,
  relations,
  searchActors,
  stance,
  viewChunks,
  viewDraft,
  type ViewParts,
  ViewTooLargeError,
  type QuoteSource,
  type StanceGraph,
  type ViewChunks,
  type WarmupFigures,
  warmEventFragments,
} from '../graph/index.ts';
import { DEFAULT_SECURITY, timeBudgets, type TimeBudgets } from '../security/index.ts';
import { ApiError, notFound } from './errors.ts';
import { gazetteerRoleReference } from './role-reference.ts';
import { eventFilter } from './query-filters.ts';
import { completeReply, quotedReply } from './quoted-reply.ts';
import { ReplyCache } from './reply-cache.ts';
import type {
  ActorQuery,
  ActorsQuery,
  GraphQuery,
  RelationsQuery,
  StanceQuery,
} from './schemas.ts';

/** The largest graph reply, in bytes; larger views answer 413 with how to narrow them. */
export const GRAPH_REPLY_MAX_BYTES = 16 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A graph view ready to send: its JSON in chunks, built and serialised within the query budget.
 * Sending gets an allowance of the same length from when it starts: a client that has not taken
 * the whole reply by then has its connection closed, so a slow reader cannot hold the reply.
 */
export class GraphReply {
  constructor(
    readonly view: ViewChunks,
    private readonly budgetMs: number,
  ) {}

  /** Streams the chunks with backpressure, closing the connection past the sending allowance. */
  async send(res: Response): Promise<void> {
    res.status(200).type('application/json').set('Content-Length', String(this.view.bytes));
    const closed = once(res, 'close').then(() => 'closed' as const);
    const timer = setTimeout(() => res.destroy(), this.budgetMs);
    try {
      for (const chunk of this.view.chunks) {
        if (res.destroyed) return;
        if (!res.write(chunk)) {
          if ((await Promise.race([once(res, 'drain'), closed])) === 'closed') return;
        }
      }
      res.end();
    } catch {
      res.destroy();
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface GraphServiceOptions {
  /** The size bound of a graph reply (default GRAPH_REPLY_MAX_BYTES). */
  maxReplyBytes?: number;
  /** Where views' layouts run, if not on the serving thread (the server's: a worker thread). */
  layouts?: Pick<LayoutThread, 'run'>;
}

/** Views drafted again when the graph changes while their layout runs, before it is run here. */
const LAYOUT_REDRAFTS = 2;

/**
 * Graph replies kept per graph version, so the explorer's overview is built once per change: at
 * most 8, of at most 64 MB together.
 */
const KEPT_VIEWS = { entries: 8, bytes: 64 * 1024 * 1024 };

/**
 * Ego views asked once lately (their query keys, the last ASKED_EGO_VIEWS): an ego view is kept
 * only when asked again at the same graph version. Each one asked once and kept turned over the
 * kept replies: under a stream of different actors' views at a million events, every view's
 * chunks then lived through young-generation collections into the old generation (about 250 KB a
 * view), which made each scavenge several times longer, where a view built afresh costs about a
 * millisecond with its event edges kept.
 */
const ASKED_EGO_VIEWS = 64;

export class GraphService {
  private readonly maxReplyBytes: number;
  /** Serialised views by query, at the graph version they were built at. */
  private readonly views = new ReplyCache<ViewChunks>({
    ...KEPT_VIEWS,
    bytesOf: (view) => view.bytes,
  });
  /** Event edges' JSON, kept across views (the busiest pairs recur in most views). */
  private readonly fragments: EventFragments;
  private readonly layouts: Pick<LayoutThread, 'run'> | null;
  /** Ego views' query keys asked once, at the graph version then; oldest first. */
  private readonly askedOnce = new Map<string, number>();

  constructor(
    private readonly graph: StanceGraph,
    /** Where evidence quotes are read: the store. */
    private readonly quotes: QuoteSource,
    /** Long queries (graph views) stop with a 503 when they outrun their budget. */
    private readonly budgets: TimeBudgets = timeBudgets(DEFAULT_SECURITY.queryBudgetMs),
    options: GraphServiceOptions = {},
  ) {
    this.maxReplyBytes = options.maxReplyBytes ?? GRAPH_REPLY_MAX_BYTES;
    this.layouts = options.layouts ?? null;
    this.fragments = new EventFragments(graph);
  }

  /**
   * Writes the busiest pairs' event edges into the kept edges, a slice after each turn `nextTurn`
   * gives (fragment-warmup.ts): views asked right after a start then read few quotes.
   */
  warmUp(nextTurn?: () => Promise<void>): Promise<WarmupFigures> {
    return warmEventFragments(
      this.graph,
      { quotes: this.quotes, fragments: this.fragments },
      { nextTurn },
    );
  }

  /**
   * The view of the query, its quotes read from the store, serialised within the budget and the
   * size bound.
   */
  async subgraph(q: z.infer<typeof GraphQuery>): Promise<GraphReply> {
    const query = {
      ...eventFilter(q),
      kinds: q.kind,
      focus: q.focus,
      depth: q.depth,
      mode: q.mode,
      affiliations: q.affiliations,
      layout: q.layout,
      limit: q.limit,
      edgeLimit: q.edgeLimit,
    };
    const budget = this.budgets.start(
      q.focus === undefined ? 'the graph overview' : 'the ego network query',
    );
    const key = JSON.stringify(query);
    const cached = this.views.get(key, this.graph.version);
    if (cached) return new GraphReply(cached, budget.budgetMs);
    const keep = q.focus === undefined || this.askedAgain(key);
    let version = this.graph.version;
    const sources = { quotes: this.quotes, fragments: this.fragments };
    const chunks = await completeReply(this.graph, async () => {
      const parts = await this.laidOutView(query, budget);
      version = parts.version;
      try {
        const { view, complete } = await viewChunks(
          this.graph,
          parts,
          version,
          sources,
          this.maxReplyBytes,
          () => budget.check(),
        );
        return { reply: view, complete };
      } catch (error) {
        if (!(error instanceof ViewTooLargeError)) throw error;
        const edges = parts.events.length + parts.edges.length;
        throw new ApiError(
          413,
          'reply_too_large',
          `the graph view (${parts.nodes.length} actors, ${edges} edges) is over the ` +
            `${mb(this.maxReplyBytes)} reply bound; narrow it: fewer actors (limit) or edges ` +
            '(edgeLimit), mode=dyads, affiliations=false, an actor kind, event types or a date range',
        );
      }
    });
    if (keep) this.views.set(key, version, chunks);
    return new GraphReply(chunks, budget.budgetMs);
  }

  /**
   * The view's parts, laid out in the layout thread when there is one. The view's event keys
   * hold only at the version they were read at, so a view whose graph changed while its layout
   * ran is drafted again (after LAYOUT_REDRAFTS, laid out here); gives that version.
   */
  private async laidOutView(
    query: Parameters<typeof viewDraft>[1],
    budget: Parameters<typeof viewDraft>[2],
  ): Promise<ViewParts & { version: number }> {
    for (let n = 0; ; n++) {
      const version = this.graph.version;
      const draft = viewDraft(this.graph, query, budget);
      const { ids, edges } = draft.layout;
      const thread = this.layouts;
      if (!thread || n >= LAYOUT_REDRAFTS) {
        return { ...laidOut(draft, layoutPositions(ids, edges)), version };
      }
      const positions = await layoutPositionsBy(ids, edges, (job) => thread.run(job));
      if (this.graph.version === version) return { ...laidOut(draft, positions), version };
    }
  }

  /** Whether the ego view was asked once before at this graph version; notes it if not. */
  private askedAgain(key: string): boolean {
    const version = this.graph.version;
    const before = this.askedOnce.get(key);
    this.askedOnce.delete(key);
    if (before === version) return true;
    this.askedOnce.set(key, version);
    if (this.askedOnce.size > ASKED_EGO_VIEWS) {
      this.askedOnce.delete(this.askedOnce.keys().next().value!);
    }
    return false;
  }

  searchActors(q: z.infer<typeof ActorsQuery>) {
    return searchActors(this.graph, { q: q.q, kinds: q.kind, limit: q.limit, cursor: q.cursor });
  }

  /** The graph's view of the actor, with the gazetteer's roles and those its articles state. */
  actor(id: string, q: z.infer<typeof ActorQuery> = { limit: 100 }) {
    if (!this.graph.hasActor(id)) throw notFound(`no actor with id "${id}"`);
    return actorDetails(this.graph, id, gazetteerRoleReference(id), 10, {
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  /** A page of events, their quotes read from the store. */
  relations(q: z.infer<typeof RelationsQuery>) {
    const query = {
      source: q.source,
      target: q.target,
      actor: q.actor,
      ...eventFilter(q),
      document: q.document,
      limit: q.limit,
      cursor: q.cursor,
    };
    return quotedReply(
      this.graph,
      this.quotes,
      () => relations(this.graph, query),
      (r) => r.items,
    );
  }

  stance(q: z.infer<typeof StanceQuery>) {
    return stance(this.graph, q.source, q.target, { from: q.from, to: q.to });
  }

  counts() {
    return this.graph.counts();
  }
}
