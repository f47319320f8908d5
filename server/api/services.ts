// The services a route handler may use, wired once per app.
import { LayoutThread, type StanceGraph } from '../graph/index.ts';
import type { TimeBudgets } from '../security/index.ts';
import type { Store } from '../store/index.ts';
import type { ExtractionWorkers } from '../workers/index.ts';
import { AnalyticsService } from './analytics-service.ts';
import { DocumentService } from './document-service.ts';
import { GraphService } from './graph-service.ts';

export interface Services {
  graph: GraphService;
  documents: DocumentService;
  analytics: AnalyticsService;
}

export interface ServiceOptions {
  /** Time budgets for long queries; default 2 s each. */
  budgets?: TimeBudgets;
  /** Where articles are extracted; default: the process's shared worker pool. */
  workers?: ExtractionWorkers;
  /**
   * When set, the busiest pairs' event edges are written ahead (GraphService.warmUp), a slice after
   * each turn it resolves (the app's RequestActivity.quietTurn); default: not written ahead.
   */
  warmUpTurn?: () => Promise<void>;
  /** Lay views out in a worker thread of their own (LayoutThread); default off. */
  layoutThread?: boolean;
}

export function createServices(
  store: Store,
  graph: StanceGraph,
  options: ServiceOptions = {},
): Services {
  const layouts = options.layoutThread ? new LayoutThread() : undefined;
  // Started now, so the first view does not wait while the thread loads its code.
  layouts?.start();
  const services = {
    graph: new GraphService(graph, store, options.budgets, { layouts }),
    documents: new DocumentService(store, graph, options.workers),
    analytics: new AnalyticsService(graph, store, options.budgets),
  };
  // A warm-up that fails (the store closed under it) leaves views to write their edges as they go.
  if (options.warmUpTurn) void services.graph.warmUp(options.warmUpTurn).catch(() => undefined);
  return services;
}
