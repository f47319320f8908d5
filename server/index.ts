// Start-up: check the security settings, open the store, ingest the sample articles, build the
// graph, and serve until a signal; SIGTERM lets in-flight requests finish before the store closes.
import { readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { EXTRACTOR_VERSION } from './extract/index.ts';
import { buildGraph } from './graph/index.ts';
import { ingestPaths, loadArticleFile, collectArticleFiles } from './ingest/index.ts';
import { contentHash, dataPath } from './model/index.ts';
import { assertSafeBind, securitySettings } from './security/index.ts';
import { openStore, type Store } from './store/index.ts';

const ARTICLES = dataPath('articles');
/** In-flight requests get this long after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** A client must send its whole request within this (slow-sender guard). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;

/** Sample articles stored by an older extractor are removed so the ingest below re-extracts them. */
async function dropStaleSamples(store: Store): Promise<number> {
  const { files } = await collectArticleFiles([ARTICLES]);
  let dropped = 0;
  for (const file of files) {
    try {
      const article = await loadArticleFile(file);
      const id = store.findByHash(contentHash(article.text));
      const doc = id ? store.getDocument(id) : null;
      if (id && doc && doc.extractor !== EXTRACTOR_VERSION && store.removeDocument(id)) dropped++;
    } catch {
      // ingestPaths reports unreadable files below.
    }
  }
  return dropped;
}

export interface RunningServer {
  server: Server;
  url: string;
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
  const port = Number(env.PORT ?? 3000);
  const host = security.host;
  const store = openStore(env);
  try {
    await readdir(ARTICLES);
    const dropped = await dropStaleSamples(store);
    const summary = await ingestPaths({ store }, [ARTICLES]);
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
  const graph = buildGraph(store.allExtractions());
  const counts = graph.counts();
  const app = createApp({ store, graph, security });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  }).catch((error: Error) => {
    store.close();
    throw error;
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  const address = server.address();
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const url = `http://${urlHost}:${typeof address === 'object' && address ? address.port : port}`;
  console.log(
    `stancegraph: ${counts.actors} actors, ${counts.events} events from ${counts.documents} documents`,
  );
  console.log(`stancegraph: listening on ${url}`);

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
        // Closing the last connection checkpoints the WAL into the database file.
        store.close();
        resolve();
      });
      server.closeIdleConnections();
    }));
  const onSignal = (signal: string) => {
    console.log(`stancegraph: ${signal}, closing`);
    void close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  return { server, url, close };
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) {
  startServer().catch((error: unknown) => {
    const known = error instanceof Error && /^(UnsafeBindError|SettingsError)$/.test(error.name);
    console.error('stancegraph: failed to start:', known ? error.message : error);
    process.exitCode = 1;
  });
}
