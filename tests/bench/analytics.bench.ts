// Speed of the graph analytics on the benchmark graph (tests/bench/client-render.ts's generator:
// 20,000 actors, 1,000,000 events unless STANCEGRAPH_BENCH_ACTORS / _EVENTS say otherwise): each
// analysis cold and cached, beside plain graphology traversals of the same graph in the same run;
// the longest stall of the event loop while a first ranking computes in the analysis thread.
// Targets: a path query under 100 ms, a cached metric under 10 ms. Prints; asserts nothing.
// Run alone: npx tsx tests/bench/run.ts analytics
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import {
  EXTRACTION_SCHEMA,
  type Extraction,
  type ExtractedActor,
  type ExtractedEvent,
} from '../../server/model/index.ts';
import {
  alignedPairs,
  alignmentBlocs,
  analysisThread,
  buildGraph,
  dyadGraphOf,
  dyadInput,
  exportGraph,
  kShortestPaths,
  MEASURES,
  rankActors,
  runTask,
  timeline,
  type StanceGraph,
} from '../../server/graph/index.ts';
import { importEvents } from '../../server/ingest/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { generatedGraph } from './client-render.ts';

export const title = 'graph analytics and interchange';

const ACTORS = Number(process.env.STANCEGRAPH_BENCH_ACTORS ?? 20_000);
const EVENTS = Number(process.env.STANCEGRAPH_BENCH_EVENTS ?? 1_000_000);
const EVENTS_PER_DOCUMENT = 1_000;

function ms(t: number): string {
  return t >= 100 ? `${Math.round(t).toLocaleString('en')} ms` : `${t.toFixed(2)} ms`;
}

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The generator's export cut into documents of EVENTS_PER_DOCUMENT events, as the store gives them. */
function* extractions(): Generator<Extraction> {
  const data = generatedGraph(ACTORS, 7, Math.max(1, Math.round(EVENTS / ACTORS)));
  const names = new Map(data.nodes.map((n) => [n.key, n.attributes]));
  for (let at = 0; at < data.edges.length; at += EVENTS_PER_DOCUMENT) {
    const edges = data.edges.slice(at, at + EVENTS_PER_DOCUMENT);
    const actors = new Map<string, ExtractedActor>();
    const events: ExtractedEvent[] = edges.map((e) => {
      for (const id of [e.source, e.target]) {
        if (actors.has(id)) continue;
        const a = names.get(id)!;
        actors.set(id, {
          id,
          name: a.name,
          kind: a.kind,
          country: null,
          aliases: [],
          mentions: [],
        });
      }
      const a = e.attributes as Extract<typeof e.attributes, { kind: 'event' }>;
      return {
        id: e.key,
        source: e.source,
        target: e.target,
        type: a.eventType,
        quad: a.quad,
        polarity: a.polarity,
        score: a.score,
        mode: null,
        date: a.date,
        datePrecision: a.datePrecision,
        confidence: a.confidence,
        evidence: a.evidence,
      };
    });
    yield {
      schema: EXTRACTION_SCHEMA,
      extractor: 'bench',
      document: { id: `bench-${at}`, title: null, published: null, source: null, url: null },
      actors: [...actors.values()],
      affiliations: [],
      events,
    };
  }
}

function row(what: string, value: string, note = ''): void {
  console.log(`${what.padEnd(58)} ${value.padStart(14)}  ${note}`);
}

function pairs(sg: StanceGraph, n: number): [string, string][] {
  const rand = seededRandom(5);
  const ids = sg.graph.nodes();
  return Array.from({ length: n }, () => [
    ids[Math.floor(rand() * ids.length)]!,
    ids[Math.floor(rand() * ids.length)]!,
  ]);
}

export async function run(): Promise<void> {
  const [sg, build] = time(() => buildGraph(extractions()));
  const counts = sg.counts();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `graph: ${counts.actors.toLocaleString('en')} actors, ${counts.events.toLocaleString('en')} events ` +
      `in ${counts.documents} documents; heap ${Math.round(heap)} MB`,
  );
  row('build the graph (addDocument for every document)', ms(build));
  const [, traverse] = time(() => {
    let n = 0;
    sg.forEachEvent((a) => {
      n += a.score > 0 ? 1 : 0;
    });
    return n;
  });
  row('reference: one scan of every event (forEachEvent)', ms(traverse));

  // Paths: the first query builds the path index; later ones reuse it, and after a change the first
  // one updates the rows of the pairs the change touched.
  const queries = pairs(sg, 20);
  const [, cold] = time(() => kShortestPaths(sg, queries[0]![0], queries[0]![1], { k: 3 }));
  row('k=3 paths, first query (builds the path index)', ms(cold));
  const warm: number[] = [];
  const reference: number[] = [];
  let found = 0;
  for (const [from, to] of queries) {
    const [r, t] = time(() => kShortestPaths(sg, from, to, { k: 3 }));
    warm.push(t);
    found += r.paths.length;
    reference.push(time(() => bidirectional(sg.graph, from, to))[1]);
  }
  row(
    'k=3 paths, 20 random pairs, median (target < 100 ms)',
    ms(median(warm)),
    `max ${ms(Math.max(...warm))}, ${found} paths`,
  );
  row('reference: graphology-shortest-path bidirectional BFS, median', ms(median(reference)));
  const [, k10] = time(() =>
    kShortestPaths(sg, queries[1]![0], queries[1]![1], { k: 10, maxLength: 6 }),
  );
  row('k=10 paths, maxLength 6', ms(k10));
  const [changed] = extractions();
  sg.removeDocument(changed!.document.id);
  sg.addDocument(changed!);
  const [, updated] = time(() => kShortestPaths(sg, queries[0]![0], queries[0]![1], { k: 3 }));
  row('k=3 paths, first query after a document removed and added back', ms(updated));

  // Analyses run in the analysis thread; the serving thread only builds their compact input (in
  // slices) and waits. Its longest stall while a first ranking computes, beside the same analysis
  // run on the serving thread (which stalls it for the whole computation).
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  const [r0, offThread] = await timeAsync(() => rankActors(sg, 'pagerank', { limit: 50 }));
  stall.disable();
  row(
    'pagerank: first, in the analysis thread (input + graph + rank)',
    ms(offThread),
    `${r0.total.toLocaleString('en')} actors`,
  );
  row(
    'pagerank: longest event-loop stall meanwhile (target < 50 ms)',
    ms(stall.max / 1e6),
    `p99 ${ms(stall.percentile(99) / 1e6)}`,
  );
  const [input, inputTime] = await timeAsync(() => dyadInput(sg, {}));
  row('  of which the input, built in slices on the serving thread', ms(inputTime));
  const [, inThread] = time(() =>
    runTask({ g: dyadGraphOf(input!) }, { kind: 'ranking', measure: 'pagerank' }),
  );
  row('reference: the same pagerank on the serving thread (all of it a stall)', ms(inThread));

  for (const measure of MEASURES) {
    const [r, first] = await timeAsync(() => rankActors(sg, measure, { limit: 50 }));
    const hits: number[] = [];
    for (let i = 0; i < 50; i++) {
      hits.push((await timeAsync(() => rankActors(sg, measure, { limit: 50 })))[1]);
    }
    row(
      `${measure}: first computation`,
      ms(first),
      r.exact ? '' : '(estimated from a seeded sample of sources)',
    );
    row(`${measure}: cached (target < 10 ms), median of 50`, ms(median(hits)));
  }
  const [, filtered] = await timeAsync(() =>
    rankActors(sg, 'pagerank', {
      filter: { polarities: ['hostile'], from: '2022-03', to: '2022-06' },
    }),
  );
  row('pagerank over a filtered graph (hostile, 4 months), first', ms(filtered));

  const [blocs, louvainTime] = await timeAsync(() => alignmentBlocs(sg));
  row(
    'blocs: Louvain on positive net stance, first',
    ms(louvainTime),
    `${blocs.blocs.length} blocs, modularity ${blocs.modularity.toFixed(3)}`,
  );
  row('blocs: cached', ms((await timeAsync(() => alignmentBlocs(sg)))[1]));
  const [, alignAll] = await timeAsync(() => alignedPairs(sg, { limit: 20 }));
  row('alignment: best 20 pairs over all actors, first', ms(alignAll));
  const busiest = (await rankActors(sg, 'weighted-degree', { limit: 1 })).items[0]!.id;
  row(
    'alignment: pairs of the busiest actor, first',
    ms((await timeAsync(() => alignedPairs(sg, { actor: busiest })))[1]),
  );
  await analysisThread().close();

  const partner = [...sg.pairsFrom(busiest).keys(), ...sg.pairsTo(busiest).keys()][0]!;
  row('timeline of the busiest actor, by month', ms(time(() => timeline(sg, busiest))[1]));
  row(
    'timeline of one of its dyads, by week',
    ms(time(() => timeline(sg, busiest, { partner, granularity: 'week' }))[1]),
  );

  // A whole-graph GEXF of a million events would pass V8's longest string; export one month.
  const month = { from: '2022-05', to: '2022-05' };
  for (const format of ['gexf', 'graphml', 'json', 'csv'] as const) {
    const t0 = performance.now();
    const file = await exportGraph(sg, format, month);
    const t = performance.now() - t0;
    row(`export one month as ${format}`, ms(t), `${(file.body.length / 2 ** 20).toFixed(1)} MB`);
  }

  const rows = 20_000;
  const rand = seededRandom(3);
  const types = ['AGREE', 'CONSULT', 'ACCUSE', 'THREATEN', 'AID', 'ASSAULT'];
  let csv = 'source,target,type,date,quote,url\n';
  for (let i = 0; i < rows; i++) {
    csv += `Actor ${Math.floor(rand() * 500)},Actor ${Math.floor(rand() * 500)},${types[i % types.length]},2023-0${1 + (i % 9)}-1${i % 10},Row ${i} said so.,\n`;
  }
  const store = openSqliteStore({ memory: true });
  const importStart = performance.now();
  const result = await importEvents({ store }, { fileName: 'bench.csv', text: csv, format: 'csv' });
  const importTime = performance.now() - importStart;
  row(
    `import a ${rows.toLocaleString('en')}-row CSV into an in-memory store`,
    ms(importTime),
    `${Math.round((result.imported / importTime) * 1000).toLocaleString('en')} rows/s`,
  );
  await store.close();
}
