// Start-up: check the settings, open the store (SQLite, or PostgreSQL by DATABASE_URL), ingest the
// sample articles, load the saved graph when it matches the store (else build the graph from the
// store and save it once serving), follow the store's change log so writes from other processes
// reach the graph, save the graph again after a number of changes or an idle time, and serve until
// a signal; SIGTERM lets in-flight requests finish, saves the graph if it changed, and closes the
// store.
import { readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { EXTRACTOR_VERSION } from './extract/index.ts';
import { ingestPaths, loadArticleFile, collectArticleFiles } from './ingest/index.ts';
import { graphSaver, openGraph } from './saved-graph.ts';
import { savePeriodically, saveSchedule } from './periodic-save.ts';
import { contentHash, dataPath } from './model/index.ts';
import { assertSafeBind, createHttpServer, securitySettings } from './security/index.ts';
import {
  ChangeFeed,
  STORE_FILE,
  StoreDamagedError,
  checkStoreFile,
  damageLine,
  dataDir,
  graphSnapshotPath,
  isOutOfSpace,
  openStore,
  usesPostgres,
  type Store,
} from './store/index.ts';
import { ExtractionPool } from './workers/index.ts';

const ARTICLES = dataPath('articles');
/** In-flight requests get this long after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Sample articles stored by an older extractor are removed so the ingest below re-extracts them. */
async function dropStaleSamples(store: Store): Promise<number> {
  const { files } = await collectArticleFiles([ARTICLES]);
  let dropped = 0;
  for (const file of files) {
    try {
      const article = await loadArticleFile(file);
      const id = await store.findByHash(contentHash(article.text));
      const doc = id ? await store.getDocument(id) : null;
      if (id && doc && doc.extractor !== EXTRACTOR_VERSION && (await store.removeDocument(id))) {
        dropped++;
      }
    } catch {
      // ingestPaths reports unreadable files below.
    }
  }
  return dropped;
}

/** Refuses to start on a damaged SQLite file, before anything writes to it. */
function checkStoreAtStart(env: NodeJS.ProcessEnv): void {
  // A very large store may skip the check (about 6 s for a million events): STANCEGRAPH_STORE_CHECK=off.
  if (usesPostgres(env) || env.STANCEGRAPH_STORE_CHECK === 'off') return;
  const report = checkStoreFile(path.join(dataDir(env), STORE_FILE), 'quick');
  if (!report.ok) throw new StoreDamagedError(damageLine(report));
  if (report.ms > 0) console.log(`stancegraph: store checked in ${report.ms.toFixed(0)} ms`);
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Keeps the graph in step with the store's change log. */
  feed: ChangeFeed;
  /** Stops listening, then closes the store. */
  close(): Promise<void>;
}

/**
 * Checks the security settings (a non-loopback HOST needs STANCEGRAPH_TOKEN), opens the store,
 * ingests graph-data/articles (duplicates skipped, samples from an older extractor re-extracted),
 * builds the graph and listens on HOST:PORT. SIGTERM/SIGINT close it gracefully.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const security = securitySettings(env);
  assertSafeBind(security);
  const schedule = saveSchedule(env);
  const port = Number(env.PORT ?? 3000);
  const host = security.host;
  checkStoreAtStart(env);
  // Articles are extracted in worker threads, never on the loop that answers requests.
  const pool = new ExtractionPool({
    size: security.extractWorkers ?? undefined,
    budgetMs: security.extractBudgetMs,
  });
  const warming = pool.warm();
  const extract = pool.extract;
  const store = await openStore(env).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  try {
    await readdir(ARTICLES);
    const dropped = await dropStaleSamples(store);
    const summary = await ingestPaths({ store, extract, concurrency: 2 * pool.size }, [ARTICLES]);
    for (const e of summary.errors) console.warn(`stancegraph: skipped ${e.file}: ${e.message}`);
    console.log(
      `stancegraph: ${summary.documents} new sample article(s)` +
        (dropped ? ` (${dropped} re-extracted)` : '') +
        `, ${summary.duplicates} already stored`,
    );
  } catch (error) {
    console.warn(
      `stancegraph: no sample articles at ${path.relative(process.cwd(), ARTICLES)}:`,
      (error as Error).message,
    );
  }
  const snapshotFile = graphSnapshotPath(env);
  const opened = await openGraph(store, snapshotFile, (error) =>
    console.warn('stancegraph: change feed:', (error as Error).message),
  );
  const { graph, feed } = opened;
  const save = graphSaver(graph, snapshotFile, opened.savedGeneration);
  const stopSaving = snapshotFile
    ? savePeriodically({ feed, store, save, schedule, savedThrough: feed.applied })
    : () => Promise.resolve();
  feed.start();
  const counts = graph.counts();
  const app = createApp({
    store,
    graph,
    security,
    workers: pool,
    warmViews: true,
    layoutThread: true,
  });
  // The workers load while the store opens and the graph builds; the first article must not wait.
  await warming;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createHttpServer(app);
    s.once('error', reject);
    s.listen(port, host, () => resolve(s));
  }).catch(async (error: Error) => {
    await pool.close();
    feed.stop();
    await stopSaving();
    await store.close();
    throw error;
  });
  const address = server.address();
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const url = `http://${urlHost}:${typeof address === 'object' && address ? address.port : port}`;
  // The graph is saved once caught up with the store, if the saved one is of an older generation.
  const saveOnClose = async () => {
    if (!snapshotFile) return;
    try {
      await feed.catchUp();
      const now = await store.generation();
      if (now.lastChange === feed.applied) await save(now, 'at shutdown');
      else console.log('stancegraph: graph not saved at shutdown: the store is still changing');
    } catch (error) {
      console.warn('stancegraph: graph not saved at shutdown:', (error as Error).message);
    }
  };
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // Idle keep-alive connections would hold close() open; busy ones finish their request first.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      cut.unref();
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(cut);
        feed.stop();
        // Closing the last connection checkpoints the WAL into the database file.
        void stopSaving()
          .then(saveOnClose)
          .then(() => Promise.all([store.close(), pool.close()]))
          .then(() => resolve());
      });
      server.closeIdleConnections();
    }));
  // Installed before the server says it is listening: whoever reads that line may signal at once.
  // The handlers stay installed: a signal repeated while closing (a launcher that forwards it
  // twice, a second Ctrl-C) must not fall back to the default action and skip the close.
  const onSignal = (signal: string) => {
    if (closing) return;
    console.log(`stancegraph: ${signal}, closing`);
    void close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  console.log(
    `stancegraph: ${counts.actors} actors, ${counts.events} events from ${counts.documents} documents` +
      ` (${store.kind} store)`,
  );
  console.log(`stancegraph: listening on ${url}`);
  // Built from the rows: saved once serving (the state is copied out at once, written off-thread).
  if (opened.savedGeneration === null)
    setImmediate(() => void save(opened.origin, 'after building'));
  return { server, url, feed, close };
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) {
  startServer().catch((error: unknown) => {
    const known =
      error instanceof Error &&
      /^(UnsafeBindError|SettingsError|StoreDamagedError)$/.test(error.name);
    if (isOutOfSpace(error)) {
      console.error(
        `stancegraph: disk full: the store under ${dataDir()} cannot be written ` +
          `(${(error as { code: string }).code}); free some space and start again`,
      );
    } else {
      console.error('stancegraph: failed to start:', known ? error.message : error);
    }
    process.exitCode = 1;
  });
}
