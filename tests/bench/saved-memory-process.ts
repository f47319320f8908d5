// One process of the saved-graph memory bench (saved-memory.bench.ts), run with --expose-gc:
// `save STORE FILE` builds the graph from the store's rows and saves it to FILE; `built STORE` and
// `loaded STORE FILE` open the graph one way or the other, then add generated documents (those
// following the store's own in the seeded stream) up to each count in STAGES, and print one JSON
// line per stage with the process's memory after a full collection.
import { buildGraph, loadGraph, saveGraph, type StanceGraph } from '../../server/graph/index.ts';
import { fillGraph, openSqliteStore } from '../../server/store/index.ts';
import { scaleActors, scaleDocument } from './scale-corpus.ts';

const [mode, storeFile, graphFile, seedArg, stagesArg] = process.argv.slice(2);
const seed = Number(seedArg);
const stages = (stagesArg ?? '').split(',').filter(Boolean).map(Number);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

/** The process's memory in MB after two full collections. */
function memory() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round((10 * n) / 2 ** 20) / 10;
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const store = openSqliteStore({ file: storeFile! });
const origin = await store.generation();
let graph: StanceGraph;
const cpu0 = process.cpuUsage();
const started = performance.now();
if (mode === 'loaded') {
  const loaded = loadGraph(graphFile!, origin);
  if (!('graph' in loaded)) throw new Error(`saved graph refused: ${loaded.message}`);
  graph = loaded.graph;
} else {
  graph = await fillGraph(store, buildGraph());
}
const openMs = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
const openCpuMs = (cpu.user + cpu.system) / 1000;
await store.close();
if (mode === 'save') {
  const saved = await saveGraph(graph, graphFile!, origin);
  console.log(JSON.stringify({ saved }));
} else {
  const counts = graph.counts();
  console.log(JSON.stringify({ stage: 0, openMs, openCpuMs, counts, ...memory() }));
  const actors = scaleActors(seed);
  const first = counts.documents;
  let added = 0;
  for (const stage of stages) {
    const t = performance.now();
    for (; added < stage; added++)
      graph.addDocument(scaleDocument(seed, first + added, actors).extraction);
    const addMs = performance.now() - t;
    console.log(JSON.stringify({ stage, addMs, counts: graph.counts(), ...memory() }));
  }
}
