// The Express application: security stack, API, health check and the built explorer client;
// listening is index.ts's job.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import {
  ApiError,
  apiNotFound,
  createApiRouter,
  createRootRouter,
  errorHandler,
  RequestActivity,
} from './api/index.ts';
import type { StanceGraph } from './graph/index.ts';
import { PROJECT_ROOT } from './model/index.ts';
import { createSecurityStack, type Clock, type SecuritySettings } from './security/index.ts';
import type { Store } from './store/index.ts';
import type { ExtractionWorkers } from './workers/index.ts';

export interface AppOptions {
  store: Store;
  graph: StanceGraph;
  /** Folder of the built client; default client/dist. Skipped when it has no index.html. */
  clientDir?: string;
  /** Where unexpected errors are reported; default console.error. */
  log?: (...args: unknown[]) => void;
  /**
   * Access control and limits; unset fields take the defaults (loopback, no token, closed CORS,
   * 30 ingests/min per client). startServer passes securitySettings(env).
   */
  security?: Partial<SecuritySettings>;
  /** Clock for rate limits and time budgets (tests use a fake one). */
  now?: Clock;
  /** Where articles are extracted (and stored texts split); default: the shared worker pool. */
  workers?: ExtractionWorkers;
  /**
   * Write the busiest pairs' event edges for graph views ahead while no request is being served
   * (RequestActivity); the server does, tests need not (default off).
   */
  warmViews?: boolean;
  /** Lay graph views out in a worker thread; the server does, tests need not (default off). */
  layoutThread?: boolean;
}

export function createApp({
  store,
  graph,
  clientDir,
  log,
  security,
  now,
  workers,
  warmViews,
  layoutThread,
}: AppOptions): express.Application {
  const app = express();
  const sec = createSecurityStack(security, { now });
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Every request counts, refused ones and /healthz too: the warm-up waits while any is served.
  const activity = warmViews ? new RequestActivity() : null;
  if (activity) app.use(activity.track);
  app.use(sec.front);
  app.use(createRootRouter(store, graph));
  app.use('/api', sec.api);
  app.use(
    '/api',
    createApiRouter(store, graph, {
      budgets: sec.budgets,
      workers,
      warmUpTurn: activity?.quietTurn,
      layoutThread,
      readTokenRequired: sec.settings.readToken !== null,
    }),
  );
  app.use('/api', apiNotFound);

  const dir = path.resolve(clientDir ?? path.join(PROJECT_ROOT, 'client', 'dist'));
  const index = path.join(dir, 'index.html');
  if (existsSync(index)) {
    // send() refuses ".." after decoding and dotfiles, so no request leaves this folder.
    app.use(express.static(dir, { index: false, dotfiles: 'ignore', redirect: false }));
    // The explorer routes on the client, so every other GET gets its page.
    app.get('/{*path}', (_req, res) => {
      res.sendFile(index);
    });
  }
  app.use((req, _res, next) => {
    next(new ApiError(404, 'not_found', `no route ${req.method} ${req.path}`));
  });
  app.use(errorHandler(log));
  return app;
}
