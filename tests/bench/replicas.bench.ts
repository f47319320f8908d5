// Stores and replicas: ingest throughput and query latency of the PostgreSQL store beside the
// SQLite store in the same run, the delay before a write through one connection is in the graph
// of a follower on another (median and worst of 100 writes, each store), and the resident memory
// a replica's graph takes per million events (measured at a smaller size and extrapolated).
// PostgreSQL is the cluster of STANCEGRAPH_TEST_PG_URL, else a throwaway one started here.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildGraph, StanceGraph } from '../../server/graph/index.ts';
import type { DocumentBundle, Extraction } from '../../server/model/index.ts';
import {
  ChangeFeed,
  openPostgresStore,
  openSqliteStore,
  type FollowedGraph,
  type Store,
} from '../../server/store/index.ts';
import {
  freshDatabase,
  startPgCluster,
  postgresBin,
  type PgCluster,
} from '../helpers/pg-cluster.ts';
import { EVENTS_PER_DOCUMENT, scaleActors, scaleDocument } from './scale-corpus.ts';

export const title = 'Stores and replicas (SQLite beside PostgreSQL)';

const SEED = 11;
const INGEST_DOCS = 1_500;
const QUERIES = 400;
const WRITES = 100;
const MEMORY_EVENTS = 200_000;
/** Targets from the replica design: a write is served by every replica within one second. */
const PROPAGATION_TARGET_MS = 1000;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

interface Opened {
  name: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

async function sqliteTarget(): Promise<Opened> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  return {
    name: 'SQLite',
    open: async () => openSqliteStore({ file }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Opened> {
  const db = await freshDatabase(url, 'bench');
  return { name: 'PostgreSQL', open: () => openPostgresStore({ url: db.url }), dispose: db.drop };
}

async function ingestAndQuery(target: Opened, bundles: DocumentBundle[]) {
  const store = await target.open();
  try {
    const half = Math.floor(bundles.length / 2);
    let start = performance.now();
    for (const b of bundles.slice(0, half)) await store.addDocument(b);
    const sequentialMs = performance.now() - start;
    // Four writers at once, as batch workers would: the store serializes commits.
    const rest = bundles.slice(half);
    start = performance.now();
    await Promise.all(
      [0, 1, 2, 3].map(async (w) => {
        for (let i = w; i < rest.length; i += 4) await store.addDocument(rest[i]!);
      }),
    );
    const parallelMs = performance.now() - start;
    const ids = bundles.map((b) => b.extraction.document.id);
    const actorIds = [...new Set(bundles.flatMap((b) => b.extraction.actors.map((a) => a.id)))];
    const timeEach = async (fn: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
      return times;
    };
    const pick = (list: string[], i: number) => list[(i * 7919) % list.length]!;
    const queries = {
      getExtraction: await timeEach((i) => store.getExtraction(pick(ids, i))),
      getActor: await timeEach((i) => store.getActor(pick(actorIds, i))),
      'listDocuments (50)': await timeEach(() => store.listDocuments({ limit: 50 })),
      'changesSince (1000)': await timeEach((i) => store.changesSince(i % 500, 1000)),
    };
    start = performance.now();
    const all = await store.allExtractions();
    const loadMs = performance.now() - start;
    const events = bundles.length * EVENTS_PER_DOCUMENT;
    console.log(
      `${target.name.padEnd(10)} ingest: ${Math.round((half / sequentialMs) * 1000)} docs/s one writer, ` +
        `${Math.round((rest.length / parallelMs) * 1000)} docs/s four writers ` +
        `(${Math.round((events / (sequentialMs + parallelMs)) * 1000).toLocaleString('en')} events/s overall); ` +
        `full load of ${all.length} documents for a graph: ${fmt(loadMs)}`,
    );
    for (const [name, times] of Object.entries(queries)) {
      console.log(
        `${target.name.padEnd(10)} ${name.padEnd(20)} median ${fmt(pct(times, 50))}, p95 ${fmt(pct(times, 95))}`,
      );
    }
  } finally {
    await store.close();
  }
}

/** A graph that notes when each document arrives. */
function timedGraph(arrived: Map<string, number>): FollowedGraph {
  const graph = new StanceGraph();
  return {
    addDocument: (e: Extraction) => {
      graph.addDocument(e);
      arrived.set(e.document.id, performance.now());
    },
    removeDocument: (id) => graph.removeDocument(id),
    hasDocument: (id) => graph.hasDocument(id),
    documentIds: () => graph.documentIds(),
  };
}

async function propagation(target: Opened, bundles: DocumentBundle[]) {
  const writer = await target.open();
  const reader = await target.open();
  const arrived = new Map<string, number>();
  const feed = new ChangeFeed(reader, timedGraph(arrived), { from: await reader.lastChange() });
  feed.start();
  const delays: number[] = [];
  try {
    for (const b of bundles.slice(0, WRITES)) {
      await writer.addDocument(b);
      const acknowledged = performance.now();
      const id = b.extraction.document.id;
      while (!arrived.has(id)) await new Promise((r) => setTimeout(r, 1));
      delays.push(arrived.get(id)! - acknowledged);
      // Spread the writes so each one waits for its own wake-up.
      await new Promise((r) => setTimeout(r, 5 + (delays.length % 7) * 11));
    }
  } finally {
    feed.stop();
    await writer.close();
    await reader.close();
  }
  console.log(
    `${target.name.padEnd(10)} propagation to a follower, ${WRITES} writes: median ${fmt(pct(delays, 50))}, ` +
      `worst ${fmt(Math.max(...delays))} (target: under ${PROPAGATION_TARGET_MS} ms)`,
  );
}

function collect(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function memoryPerMillion() {
  const actors = scaleActors(SEED);
  const docs = MEMORY_EVENTS / EVENTS_PER_DOCUMENT;
  const extractions: Extraction[] = [];
  for (let i = 0; i < docs; i++) extractions.push(scaleDocument(SEED + 1, i, actors).extraction);
  collect();
  const before = process.memoryUsage();
  const graph = buildGraph(extractions);
  collect();
  const after = process.memoryUsage();
  const events = graph.counts().events;
  const perMillion = (bytes: number) => ((bytes / events) * 1e6) / 2 ** 30;
  console.log(
    `replica graph of ${events.toLocaleString('en')} events, ${graph.counts().actors.toLocaleString('en')} actors: ` +
      `heap +${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MB, ` +
      `resident +${((after.rss - before.rss) / 2 ** 20).toFixed(0)} MB`,
  );
  console.log(
    `  per million events (extrapolated linearly from ${MEMORY_EVENTS.toLocaleString('en')}): ` +
      `heap ${perMillion(after.heapUsed - before.heapUsed).toFixed(2)} GB, ` +
      `resident ${perMillion(after.rss - before.rss).toFixed(2)} GB; ` +
      `a 24 GB machine holds about ${Math.floor(20 / perMillion(after.rss - before.rss))} M events per replica ` +
      `(4 GB left to the process and the OS)`,
  );
  // Keep both alive until measured.
  return extractions.length + graph.counts().documents;
}

export async function run(): Promise<void> {
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  let cluster: PgCluster | null = null;
  let pgUrl = process.env.STANCEGRAPH_TEST_PG_URL ?? null;
  if (!pgUrl && postgresBin()) {
    cluster = await startPgCluster();
    pgUrl = cluster.url;
    console.log('PostgreSQL: a throwaway cluster started for this run');
  }
  if (!pgUrl) console.log('PostgreSQL: NOT RUN (not installed; apt-get install postgresql)');
  try {
    const actors = scaleActors(SEED);
    const bundles = Array.from({ length: INGEST_DOCS }, (_, i) => scaleDocument(SEED, i, actors));
    console.log(
      `corpus: ${INGEST_DOCS} documents of ${EVENTS_PER_DOCUMENT} events among ${actors.length.toLocaleString('en')} actors`,
    );
    const targets: (() => Promise<Opened>)[] = [sqliteTarget];
    if (pgUrl) targets.push(() => postgresTarget(pgUrl!));
    for (const make of targets) {
      const target = await make();
      try {
        await ingestAndQuery(target, bundles);
      } finally {
        await target.dispose();
      }
    }
    const fresh = Array.from({ length: WRITES }, (_, i) => scaleDocument(SEED + 7, i, actors));
    for (const make of targets) {
      const target = await make();
      try {
        await propagation(target, fresh);
      } finally {
        await target.dispose();
      }
    }
    memoryPerMillion();
  } finally {
    cluster?.stop();
  }
}
