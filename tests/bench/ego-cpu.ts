// CPU an ego view costs in process, for comparing checkouts: `npx tsx tests/bench/ego-cpu.ts
// <store.sqlite> <tree> [<tree> ...] [--rounds=n] [--passes=n]`. The graph is opened once (as the
// server opens it: from its saved file beside the store when that matches); each tree's
// GraphService (its own server/api/graph-service.ts) is made afresh a pass, in alternating order,
// its kept edges written ahead as the server does, then asked the scale bench's 256 rotating ego
// views `rounds` times, one at a time, with the process's CPU read around each. Prints each round's
// CPU a view (p50, mean, p99), the quotes read a view and the load average; with --expose-gc,
// the heap after a full collection once a tree's rounds are done.
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GraphService } from '../../server/api/graph-service.ts';
import type { QuoteSource } from '../../server/graph/index.ts';
import { openGraph } from '../../server/saved-graph.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { subjects } from './scale.bench.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const [store, ...trees] = args.filter((a) => !a.startsWith('--'));
if (!store || trees.length === 0) {
  console.error('usage: ego-cpu.ts <store.sqlite> <tree> [<tree> ...] [--rounds=n] [--passes=n]');
  process.exit(2);
}
const rounds = option('rounds', 2);
const passes = option('passes', 2);

const db = openSqliteStore({ file: store });
const { graph } = await openGraph(db, `${store}.graph-snapshot`, () => {});
let quotesRead = 0;
const quotes: QuoteSource = {
  eventQuotes: (keys) => {
    quotesRead += keys.length;
    return db.eventQuotes(keys);
  },
};
const focuses = subjects(store).pairs.map(([a]) => a);
type Service = new (...a: ConstructorParameters<typeof GraphService>) => GraphService;
const services = new Map<string, Service>();
for (const tree of trees) {
  const url = pathToFileURL(path.join(tree, 'server/api/graph-service.ts')).href;
  services.set(tree, ((await import(url)) as { GraphService: Service }).GraphService);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, (q * sorted.length) | 0)]!;

for (let pass = 0; pass < passes; pass++) {
  const order = pass % 2 === 0 ? trees : [...trees].reverse();
  for (const tree of order) {
    const service = new (services.get(tree)!)(graph, quotes);
    const warm0 = cpu();
    const warmed = await service.warmUp();
    console.log(
      `pass ${pass + 1} ${path.basename(tree)}: kept edges written ahead, ${warmed.written} of ` +
        `${warmed.pairs} pairs in ${(cpu() - warm0).toFixed(0)} ms of CPU`,
    );
    for (let round = 0; round < rounds; round++) {
      const loadAverage = os.loadavg()[0]!.toFixed(1);
      const times: number[] = [];
      quotesRead = 0;
      for (const focus of focuses) {
        const c0 = cpu();
        await service.subgraph({ focus, depth: 1, mode: 'events' } as Parameters<
          GraphService['subgraph']
        >[0]);
        times.push(cpu() - c0);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const mean = times.reduce((s, t) => s + t, 0) / times.length;
      console.log(
        `pass ${pass + 1} ${path.basename(tree)} round ${round + 1} (load ${loadAverage}): CPU a ` +
          `view p50 ${at(sorted, 0.5).toFixed(2)}, mean ${mean.toFixed(2)}, p99 ` +
          `${at(sorted, 0.99).toFixed(2)} ms; ${(quotesRead / focuses.length).toFixed(0)} quotes a view`,
      );
    }
    // Run with --expose-gc: the heap after a full collection, the service still alive.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      const heap = process.memoryUsage().heapUsed / 2 ** 20;
      console.log(
        `pass ${pass + 1} ${path.basename(tree)}: heap ${heap.toFixed(0)} MB after a full collection`,
      );
    }
  }
}
await db.close();
