// The path index through a burst of article adds: a copy of a scale store (`generatedStore(2026,
// n)`), its graph built from the rows, the `any` index built by a first k=3 path query from the
// busiest actor; then scale-corpus articles added one per turn of the event loop, as requests would
// bring them (or, with --no-turn, in one run), and after each stage a k=3 path query and the same
// query again as the reference. Prints one JSON line a stage: the longest stretch between two adds
// (the slices that ran between them, wall ms), the longest add, CPU between the adds
// (`process.cpuUsage`, collector threads included), the queries' CPU and wall ms, and the path
// rows' pool replacements (when the code has them). The longest stretch is given in wall ms and in
// CPU ms (the most CPU one turn between two adds took), and the longest single call copying rows to
// a replacing pool. With --replies, a digest of 60 seeded path replies (k 1-5, `maxLength` 2-5, in
// `any` mode) at the end, to compare two versions of the code. With --feed, each stage's articles
// are written to the store and applied by the change feed in one catch-up, as a server applies a
// page of the log written by another process, and the longest stretch is the longest gap between
// two turns of a ticker that asks for a turn throughout (the feed's own turns, or with
// --feed-whole none: the feed told never to give one, the reference). With --mid-copy, the k=3 query is
// also asked at each turn that finds a pool being replaced and every 100 adds otherwise (CPU ms,
// medians), and once what finishing a copy under way would cost (copyRows with no bound).
//
//   node --import tsx tests/bench/path-burst.ts <events> [stage articles, e.g. 3000,7000] [--no-turn]
//     [--feed | --feed-whole]
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { kShortestPaths } from '../../server/graph/analytics/index.ts';
import { pathIndex } from '../../server/graph/analytics/path-index.ts';
import { buildGraph, type StanceGraph } from '../../server/graph/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { fillGraph } from '../../server/store/fill-graph.ts';
import { ChangeFeed } from '../../server/store/change-feed.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { generatedStore, scaleActors, scaleDocument } from './scale-corpus.ts';

const SEED = 2026;
const args = process.argv.slice(2);
const events = Number(args[0] ?? 100_000);
const stages = (args[1] ?? '3000,7000').split(',').map(Number);
const noTurn = args.includes('--no-turn');
const replies = args.includes('--replies');
const midCopy = args.includes('--mid-copy');
const feedWhole = args.includes('--feed-whole');
const viaFeed = feedWhole || args.includes('--feed');

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU and wall ms of one call. */
function timed<T>(f: () => T): { value: T; cpu: number; wall: number } {
  const c = cpuMs();
  const t = performance.now();
  const value = f();
  return { value, cpu: cpuMs() - c, wall: performance.now() - t };
}

const source = await generatedStore(SEED, events);
const dir = mkdtempSync(path.join(os.tmpdir(), 'path-burst-'));
const file = path.join(dir, 'store.sqlite');
copyFileSync(source.file, file);
const store = openSqliteStore({ file });
const graph: StanceGraph = await fillGraph(store, buildGraph());
const feed = viaFeed
  ? new ChangeFeed(store, graph, {
      from: await store.lastChange(),
      ...(feedWhole ? { sliceMs: Infinity } : {}),
    })
  : null;
if (!feed) {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const actors = scaleActors(SEED);
const [hub, second] = [actors[0]!.id, actors[1]!.id];
const query = () => kShortestPaths(graph, hub, second, { k: 3, mode: 'any' });
const built = timed(query);
const pool = () => {
  const rows = pathIndex(graph, 'any') as { replaced?: number; finishedAtOnce?: number };
  return { replaced: rows.replaced ?? null, finishedAtOnce: rows.finishedAtOnce ?? null };
};
console.log(JSON.stringify({ events, build: { cpu: built.cpu, wall: built.wall } }));

// The longest single call copying rows to a replacing pool, where the code has one (wall and CPU ms,
// and how much of it the collector ran, by the `gc` performance entries).
let longestCopy = 0;
let longestCopyCpu = 0;
/** When the longest copy call ran, and the collections seen (start, duration), to tell them apart. */
let longestCopyAt = [0, 0];
const collections: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push([entry.startTime, entry.duration]);
}).observe({ entryTypes: ['gc'] });
/** Collection ms overlapping [from, to]. */
const collectedIn = ([from, to]: number[]) =>
  collections.reduce(
    (sum, [at, ms]) => sum + Math.max(0, Math.min(to!, at + ms) - Math.max(from!, at)),
    0,
  );
const rowsProto = Object.getPrototypeOf(pathIndex(graph, 'any')) as {
  copyRows?: (entries: number) => void;
};
const copyRows = rowsProto.copyRows;
if (copyRows) {
  rowsProto.copyRows = function (this: unknown, entries: number) {
    const t = performance.now();
    const c = cpuMs();
    copyRows.call(this, entries);
    longestCopyCpu = Math.max(longestCopyCpu, cpuMs() - c);
    const took = performance.now() - t;
    if (took > longestCopy) longestCopyAt = [t, t + took];
    longestCopy = Math.max(longestCopy, took);
  };
}

/** Count, median and most of a list of ms. */
function summary(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b);
  const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
  return { n: list.length, p50: round(sorted[sorted.length >> 1]), most: round(sorted.at(-1)) };
}

let next = source.documents;
for (const articles of stages) {
  const adds: number[] = [];
  let longestBetween = 0;
  let between = 0;
  let longestTurnCpu = 0;
  const mid: number[] = [];
  const outside: number[] = [];
  let finishing: { cpu: number; wall: number } | null = null;
  const before = pool();
  longestCopy = 0;
  longestCopyCpu = 0;
  let last = performance.now();
  if (feed) {
    for (let i = 0; i < articles; i++) await store.addDocument(scaleDocument(SEED, next++, actors));
    // A ticker asking for a turn throughout: the gaps between its turns are the feed's stretches.
    let ticking = true;
    const c0 = cpuMs();
    last = performance.now();
    const tick = (): void => {
      const t = performance.now();
      longestBetween = Math.max(longestBetween, t - last);
      last = t;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const t0 = performance.now();
    await feed.catchUp();
    ticking = false;
    longestBetween = Math.max(longestBetween, performance.now() - last);
    adds.push(performance.now() - t0);
    between = cpuMs() - c0;
  }
  for (let i = 0; i < (feed ? 0 : articles); i++) {
    const bundle = scaleDocument(SEED, next++, actors);
    const t = performance.now();
    if (i > 0) longestBetween = Math.max(longestBetween, t - last);
    graph.addDocument(bundle.extraction);
    last = performance.now();
    adds.push(last - t);
    const c2 = cpuMs();
    if (!noTurn) {
      await turn();
      const spent = cpuMs() - c2;
      between += spent;
      longestTurnCpu = Math.max(longestTurnCpu, spent);
    }
    if (midCopy) {
      const rows = pathIndex(graph, 'any') as { copying?: boolean; copyRows?: (n: number) => void };
      if (rows.copying) {
        mid.push(timed(query).cpu);
        if (finishing === null && mid.length % 8 === 4) {
          const done = timed(() => rows.copyRows!(Infinity));
          finishing = { cpu: done.cpu, wall: done.wall };
        }
      } else if (i % 100 === 0) {
        outside.push(timed(query).cpu);
      }
    }
  }
  const first = timed(query);
  const again = timed(query);
  const sorted = [...adds].sort((a, b) => a - b);
  const after = pool();
  console.log(
    JSON.stringify({
      events,
      articles,
      noTurn,
      ...(feed ? { feed: feedWhole ? 'whole' : 'turns' } : {}),
      loadavg: os.loadavg().map((l) => Math.round(l * 10) / 10),
      longestBetweenMs: Math.round(longestBetween * 10) / 10,
      longestBetweenCpuMs: Math.round(longestTurnCpu * 10) / 10,
      longestAddMs: Math.round(sorted.at(-1)! * 10) / 10,
      addP50Ms: Math.round(sorted[sorted.length >> 1]! * 100) / 100,
      cpuBetweenMs: Math.round(between),
      query: { cpu: Math.round(first.cpu * 10) / 10, wall: Math.round(first.wall * 10) / 10 },
      again: { cpu: Math.round(again.cpu * 10) / 10, wall: Math.round(again.wall * 10) / 10 },
      paths: first.value.paths.length,
      ...(midCopy
        ? { midCopyQueries: summary(mid), otherQueries: summary(outside), finishing }
        : {}),
      longestCopyMs: copyRows ? Math.round(longestCopy * 10) / 10 : null,
      longestCopyCpuMs: copyRows ? Math.round(longestCopyCpu * 10) / 10 : null,
      longestCopyCollectingMs: copyRows ? Math.round(collectedIn(longestCopyAt) * 10) / 10 : null,
      poolReplaced: after.replaced === null ? null : after.replaced - (before.replaced ?? 0),
      finishedAtOnce:
        after.finishedAtOnce === null ? null : after.finishedAtOnce - (before.finishedAtOnce ?? 0),
    }),
  );
}

if (feed) {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (replies) {
  const rand = seededRandom(7);
  const digest = createHash('sha256');
  for (let q = 0; q < 60; q++) {
    // Busy actors more often, as the corpus picks them.
    const from = actors[Math.floor(actors.length * rand() ** 3)]!.id;
    const to = actors[Math.floor(actors.length * rand() ** 2)]!.id;
    if (!graph.hasActor(from) || !graph.hasActor(to)) continue;
    const k = 1 + Math.floor(rand() * 5);
    const maxLength = 2 + Math.floor(rand() * 4);
    digest.update(JSON.stringify(kShortestPaths(graph, from, to, { k, maxLength, mode: 'any' })));
  }
  console.log(JSON.stringify({ replies: digest.digest('hex') }));
}
