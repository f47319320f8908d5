// The scale bench's server process: `app` starts stancegraph on a store file as the server does
// (graph loaded from its saved file beside the store when that matches the store, else built from
// the store's graph read and saved once serving; the change feed following the store, the whole
// app behind the server's HTTP server); `reference` imports the same nodes and edges into a plain
// graphology graph behind a bare Node /healthz; `express` is a bare Express app with one route
// answering a small JSON, no stancegraph middleware and no data. Prints {"port": n} once it answers
// (the app: with "graph": "loaded" or "built"), and the app {"saved": {...}} once it saved a graph.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import express from 'express';
import { MultiDirectedGraph } from 'graphology';
import { createApp } from '../../server/app.ts';
import { createHttpServer } from '../../server/security/index.ts';
import { graphSaver, openGraph } from '../../server/saved-graph.ts';
import { openSqliteStore } from '../../server/store/index.ts';

const [mode, file] = process.argv.slice(2);

function ready(server: http.Server, more: object = {}): void {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, ...more }));
}

if (mode === 'app') {
  const store = openSqliteStore({ file: file! });
  // As the server does: the saved graph when it matches the store, else built from its rows.
  const saved = `${file!}.graph-snapshot`;
  const { graph, feed, origin, savedGeneration } = await openGraph(store, saved, () => {});
  const loaded = savedGeneration !== null;
  feed.start();
  const app = createApp({ store, graph, log: () => {}, warmViews: true, layoutThread: true });
  const server = createHttpServer(app);
  server.listen(0, '127.0.0.1', () => {
    ready(server, { graph: loaded ? 'loaded' : 'built' });
    // Built: saved once serving, as the server does.
    if (loaded) return;
    setImmediate(() => {
      void graphSaver(
        graph,
        saved,
        null,
      )(origin, 'after building').then((figures) => {
        console.log(JSON.stringify({ saved: figures }));
      });
    });
  });
} else if (mode === 'express') {
  const app = express();
  const body = { status: 'ok', documents: 50_000, actors: 20_000, events: 1_000_000 };
  app.get('/healthz', (_req, res) => {
    res.json(body);
  });
  const server = app.listen(0, '127.0.0.1', () => ready(server));
} else if (mode === 'reference') {
  const db = new Database(file!, { readonly: true });
  const graph = new MultiDirectedGraph();
  graph.import({
    nodes: db
      .prepare('SELECT id, name, kind, country FROM actors')
      .all()
      .map((r) => {
        const { id, ...attributes } = r as { id: string };
        return { key: id, attributes };
      }),
    edges: db
      .prepare('SELECT document, id, source, target, type, date, score FROM events')
      .all()
      .map((r) => {
        const { document, id, source, target, ...attributes } = r as Record<string, string>;
        return { key: `${document}:${id}`, source: source!, target: target!, attributes };
      }),
  });
  db.close();
  const body = JSON.stringify({ status: 'ok', actors: graph.order, events: graph.size });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  server.listen(0, '127.0.0.1', () => ready(server));
} else {
  console.error('usage: scale-server.ts app|reference|express [store file]');
  process.exit(2);
}
