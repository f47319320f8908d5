// `npm run bench -- scale [--quick | --stretch]`: stores of 10k, 100k and 1M generated events
// (--quick stops at 100k; --stretch adds 10M copied from the 1M store), each served by the real app
// in its own process. Prints one table: start-up until /healthz, cold (the graph built from the
// store's rows, then saved) and warm (loaded from that saved file), each beside a plain graphology
// import of the same nodes and edges, the saved file's size and write time, resident memory, p50 and p99 under 4 connections for each read (a
// lean keep-alive client, 3 s timed after a warm-up) with /healthz beside a bare Express route in
// its own process and a bare Node route beside the plain import, an ego view of a fixed size, ego
// views and paths over 256 subjects in turn (each reply computed, not kept), the bounded
// /api/graph, the explorer opened on each store in headless chromium (scale-explorer.ts), store
// fill beside bare better-sqlite3 inserts, and the growth from the smallest store to the largest.
// Writes the figures to bench-results/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom } from '../../server/model/index.ts';
import { Connection, load, processCpuMs, type Load, type LoadOptions } from './http-load.ts';
import { generatedStore, scaleActors, type GeneratedStore } from './scale-corpus.ts';
import { replicatedStore } from './scale-replicate.ts';
import { buildClient, explorerFigures, type ExplorerFigures } from './scale-explorer.ts';

export const title = 'Scale: start-up, memory and query latency from 10k to 1M events';

const SEED = 2026;
const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(import.meta.dirname, 'scale-server.ts');
const CONNECTIONS = 4;
/** `--stretch`: after 1M, a 10M store made by copying the 1M store's documents (scale-replicate.ts). */
const STRETCH_COPIES = 10;
/**
 * Each query is loaded for WARMUP_MS untimed, then timed for LOAD_MS (at most MAX_REQUESTS), so a
 * fast route gives thousands of samples and its p99 stands on tens of them.
 */
const LOAD: Omit<LoadOptions, 'serverPid'> = {
  connections: CONNECTIONS,
  warmupMs: 300,
  ms: 3_000,
  maxRequests: 60_000,
};

/** What the app printed when it saved its graph (scale-server.ts). */
interface SavedFigures {
  bytes: number;
  encodeMs: number;
  writeMs: number;
}

interface Started {
  child: ChildProcess;
  pid: number;
  port: number;
  startupMs: number;
  rssMb: number;
  /** The app's graph: loaded from its saved file or built from the store's rows. */
  graph?: 'loaded' | 'built';
  /** Resolves once the app saved a graph built from the rows (null when the save failed). */
  saved: Promise<SavedFigures | null>;
}

type Mode = 'app' | 'reference' | 'express';

/**
 * The Node options `npm start` gives the server (the young generation's size among them), read
 * from package.json so the bench's servers run as the real one does.
 */
export function serverNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.start!.split(/\s+/);
  return words.slice(words.indexOf('node') + 1).filter((w) => /^--[a-z-]+=\S+$/.test(w));
}

/** Spawns a server process and times it until /healthz answers. */
async function start(mode: Mode, file = ''): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [...serverNodeOptions(), '--import', 'tsx', SERVER, mode, file],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let onSaved: (figures: SavedFigures | null) => void = () => {};
  const saved = new Promise<SavedFigures | null>((resolve) => (onSaved = resolve));
  const { port, graph } = await new Promise<{ port: number; graph?: 'loaded' | 'built' }>(
    (resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const lines = out.split('\n');
        out = lines.pop()!;
        for (const line of lines.filter((l) => l.startsWith('{'))) {
          const message = JSON.parse(line) as { port?: number; graph?: 'loaded' | 'built' };
          if (message.port) resolve({ port: message.port, graph: message.graph });
          if ('saved' in message) onSaved(message.saved as SavedFigures | null);
        }
      });
      child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    },
  );
  const probe = new Connection(port);
  const first = await probe.get('/healthz');
  probe.close();
  if (first.status !== 200) throw new Error(`${mode} server: /healthz answered ${first.status}`);
  const startupMs = performance.now() - t0;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { child, pid: child.pid!, port, startupMs, rssMb: rssKb / 1024, graph, saved };
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGKILL');
  await exited;
}

function loadOn(s: Started, pathname: string | string[]): Promise<Load> {
  return load(s.port, pathname, { ...LOAD, serverPid: s.pid });
}

export interface Subjects {
  hub: string;
  second: string;
  leaf: string;
  search: string;
  /** An actor whose bounded ego view (FIXED_EGO) has about the same size in every store. */
  fixed: string;
  /** Pairs of actors drawn with a seed, for the rows whose replies are each computed afresh. */
  pairs: [string, string][];
  /** What the store holds of each, for the printed list. */
  about: Record<'hub' | 'leaf' | 'fixed', { events: number; partners: number }>;
}

/** Partners the fixed ego view's actor must have: the view shows the best-tied FIXED_PARTNERS. */
const FIXED_PARTNERS = 10;
/** Events the fixed ego view shows: fewer than its actors hold among them in the smallest store. */
const FIXED_EDGES = 10;
const FIXED_EGO = `depth=1&limit=${FIXED_PARTNERS}&edgeLimit=${FIXED_EDGES}`;

/**
 * The busiest actor, the next, the least active one, a name prefix to search for, and the least
 * active actor with at least FIXED_PARTNERS partners (its view, capped at that many neighbours and
 * FIXED_EDGES events, is full in every store while its own events stay few).
 */
export function subjects(file: string): Subjects {
  const actors = scaleActors(SEED);
  const db = new Database(file, { readonly: true });
  const tally = db
    .prepare(
      `SELECT actor, count(*) AS events, count(DISTINCT other) AS partners FROM (
         SELECT source AS actor, target AS other FROM events
         UNION ALL SELECT target, source FROM events)
       GROUP BY actor ORDER BY events ASC, actor`,
    )
    .all() as { actor: string; events: number; partners: number }[];
  db.close();
  const byId = new Map(tally.map((t) => [t.actor, t]));
  const leaf = tally[0]!;
  const fixed = tally.find((t) => t.partners >= FIXED_PARTNERS)!;
  const hub = byId.get(actors[0]!.id)!;
  const about = (t: { events: number; partners: number }) => ({
    events: t.events,
    partners: t.partners,
  });
  return {
    hub: actors[0]!.id,
    second: actors[1]!.id,
    leaf: leaf.actor,
    search: actors[150]!.name.split(' ')[0]!.slice(0, 5).toLowerCase(),
    fixed: fixed.actor,
    pairs: drawnPairs(tally.map((t) => t.actor)),
    about: { hub: about(hub), leaf: about(leaf), fixed: about(fixed) },
  };
}

/** The references, each loaded on /healthz by the same client, are measured beside the app's. */
const BARE_EXPRESS = '/healthz, bare Express (own process)';
const BARE_NODE = '/healthz, bare Node beside the plain import';

/**
 * More pairs than the server keeps replies for (64 paths, 8 views), asked in turn, so each reply of
 * the rotating rows is computed, not served again.
 */
const ROTATION = 256;

/** ROTATION pairs of distinct actors, drawn with the bench's seed. */
function drawnPairs(actors: string[]): [string, string][] {
  const random = seededRandom(SEED);
  const draw = () => actors[Math.floor(random() * actors.length)]!;
  const pairs: [string, string][] = [];
  while (pairs.length < ROTATION) {
    const a = draw();
    const b = draw();
    if (a !== b) pairs.push([a, b]);
  }
  return pairs;
}

const QUERIES: [name: string, path: (s: Subjects) => string | string[]][] = [
  ['/healthz', () => '/healthz'],
  ['actor (hub)', (s) => `/api/actors/${s.hub}`],
  ['actor (leaf)', (s) => `/api/actors/${s.leaf}`],
  ['relations limit 50 (hub)', (s) => `/api/relations?actor=${s.hub}&limit=50`],
  ['relations limit 50 (leaf)', (s) => `/api/relations?actor=${s.leaf}&limit=50`],
  ['stance (hub, second)', (s) => `/api/stance?source=${s.hub}&target=${s.second}`],
  ['search', (s) => `/api/actors?q=${s.search}`],
  [
    `ego depth 1, fixed size (limit ${FIXED_PARTNERS}, edgeLimit ${FIXED_EDGES})`,
    (s) => `/api/graph?focus=${s.fixed}&${FIXED_EGO}`,
  ],
  ['ego depth 1 (leaf)', (s) => `/api/graph?focus=${s.leaf}&depth=1`],
  ['ego depth 1 (hub)', (s) => `/api/graph?focus=${s.hub}&depth=1`],
  ['path (leaf to second)', (s) => `/api/paths?from=${s.leaf}&to=${s.second}`],
  [
    `ego depth 1, ${ROTATION} actors in turn (each computed)`,
    (s) => s.pairs.map(([a]) => `/api/graph?focus=${a}&depth=1`),
  ],
  [
    `path, ${ROTATION} pairs in turn (each computed)`,
    (s) => s.pairs.map(([a, b]) => `/api/paths?from=${a}&to=${b}`),
  ],
  ['/api/graph (overview)', () => '/api/graph'],
  ['/api/graph?mode=dyads', () => '/api/graph?mode=dyads'],
  ['/api/graph 2024 only', () => '/api/graph?mode=dyads&from=2024&to=2024'],
];

interface SizeResult {
  events: number;
  documents: number;
  cached: boolean;
  /** Start-up with the graph built from the store's rows (no saved graph). */
  coldStartupMs: number;
  /** Start-up with the graph loaded from the file the cold start saved. */
  startupMs: number;
  /** The saved graph's size and save times (encoding on the serving thread, writing off it). */
  snapshot: SavedFigures | null;
  referenceStartupMs: number;
  rssMb: number;
  referenceRssMb: number;
  fillMs: number;
  bareMs: number;
  subjects: Subjects;
  /** The one-minute load average when this store's measurement began. */
  loadAverage: number;
  /** The app's queries and the two /healthz references, by row name. */
  queries: Record<string, Load>;
  /** The explorer opened on the store, or why it was not. */
  explorer: ExplorerFigures | string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The explorer's figures on a running app, or why there are none. */
async function openExplorer(app: Started, s: Subjects): Promise<ExplorerFigures | string> {
  if (!existsSync(CHROMIUM)) return `not measured: no chromium at ${CHROMIUM}`;
  try {
    return await explorerFigures(`http://127.0.0.1:${app.port}`, s.hub, s.leaf);
  } catch (e) {
    return `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/**
 * One store's figures. Without `withReference` (the 10M stretch, whose plain import would need
 * about 14 GB) the plain-import columns read NaN and print as "-".
 */
/**
 * Waits until a server process spends under 5% of a core over half a second (at most 120 s);
 * gives the ms waited.
 */
export async function serverIdle(pid: number): Promise<number> {
  const t0 = performance.now();
  let cpu = processCpuMs(pid);
  while (performance.now() - t0 < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = processCpuMs(pid);
    if (now - cpu < 25) break;
    cpu = now;
  }
  return performance.now() - t0;
}

async function measure(store: GeneratedStore, withReference = true): Promise<SizeResult> {
  const loadAverage = os.loadavg()[0]!;
  const queries: Record<string, Load> = {};
  let ref: Started | null = null;
  if (withReference) {
    ref = await start('reference', store.file);
    try {
      queries[BARE_NODE] = await loadOn(ref, '/healthz');
    } finally {
      await stop(ref);
    }
  }
  // Cold: no saved graph, so the app builds its graph from the rows, serves, and saves it.
  rmSync(`${store.file}.graph-snapshot`, { force: true });
  const cold = await start('app', store.file);
  let snapshot: SavedFigures | null;
  try {
    if (cold.graph !== 'built') throw new Error('the cold start did not build its graph');
    snapshot = await cold.saved;
  } finally {
    await stop(cold);
  }
  const bare = await start('express');
  // Warm: the graph loaded from the file the cold start saved; it answers the queries below.
  const app = await start('app', store.file).catch(async (e: unknown) => {
    await stop(bare);
    throw e;
  });
  const s = subjects(store.file);
  let explorer: ExplorerFigures | string = 'not measured';
  try {
    if (snapshot && app.graph !== 'loaded')
      throw new Error('the warm start did not load its graph');
    // The bare route right before the app's /healthz, so both meet the machine in the same state.
    queries[BARE_EXPRESS] = await loadOn(bare, '/healthz');
    await stop(bare);
    // The explorer first, so its overview is the first one this server builds.
    explorer = await openExplorer(app, s);
    // The explorer's panels start analyses (rankings, blocs) in the server's worker thread; the
    // timed reads wait until they are done, so a row measures its route, not what the explorer left.
    const idleAfterMs = await serverIdle(app.child.pid!);
    console.log(
      `  ${label(store.events)}: the server went idle ${(idleAfterMs / 1000).toFixed(1)} s after the explorer`,
    );
    for (const [name, p] of QUERIES) queries[name] = await loadOn(app, p(s));
  } finally {
    if (bare.child.exitCode === null && bare.child.signalCode === null) await stop(bare);
    await stop(app);
  }
  return {
    events: store.events,
    documents: store.documents,
    cached: store.cached,
    coldStartupMs: cold.startupMs,
    startupMs: app.startupMs,
    snapshot,
    referenceStartupMs: ref?.startupMs ?? NaN,
    rssMb: app.rssMb,
    referenceRssMb: ref?.rssMb ?? NaN,
    fillMs: store.fillMs,
    bareMs: store.bareMs,
    subjects: s,
    loadAverage,
    queries,
    explorer,
  };
}

const TARGETS: Record<string, string> = {
  '/healthz': '<= 5 ms (p99)',
  [BARE_EXPRESS]: 'reference',
  [BARE_NODE]: 'reference',
  '/api/graph (overview)': '<= 500 ms, <= 5 MB',
  '/api/graph?mode=dyads': '<= 500 ms, <= 5 MB',
  '/api/graph 2024 only': '<= 500 ms',
};

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
/** A reference figure, or "-" where the stretch store has none. */
const orDash = (v: number, digits: number) => (Number.isNaN(v) ? '-' : v.toFixed(digits));
const size = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;

function table(results: SizeResult[]): string {
  const rows: string[][] = [];
  const head = ['figure', ...results.map((r) => `${label(r.events)} events`), 'target'];
  rows.push(head);
  const startup = (v: number, r: SizeResult) =>
    `${(v / 1000).toFixed(1)} (${orDash(r.referenceStartupMs / 1000, 1)})`;
  rows.push([
    'start-up until /healthz, cold: graph built from the rows, s (plain graphology import)',
    ...results.map((r) => startup(r.coldStartupMs, r)),
    'reference',
  ]);
  rows.push([
    'start-up until /healthz, warm: graph loaded from its saved file, s (plain import)',
    ...results.map((r) => startup(r.startupMs, r)),
    '<= 10 s and <= 1.5x the import',
  ]);
  rows.push([
    'saved graph: MB, ms encoding (serving thread) + ms writing (off it)',
    ...results.map((r) =>
      r.snapshot
        ? `${(r.snapshot.bytes / 2 ** 20).toFixed(0)}, ${r.snapshot.encodeMs.toFixed(0)} + ${r.snapshot.writeMs.toFixed(0)}`
        : 'not saved',
    ),
    'off the request path or bounded',
  ]);
  rows.push([
    'resident memory after a warm start-up, MB (plain import)',
    ...results.map((r) => `${r.rssMb.toFixed(0)} (${orDash(r.referenceRssMb, 0)})`),
    '<= 1,024 MB',
  ]);
  const health = new Set(['/healthz', BARE_EXPRESS, BARE_NODE]);
  for (const name of [BARE_EXPRESS, BARE_NODE, ...QUERIES.map(([n]) => n)]) {
    rows.push([
      `p50 / p99 ${name}, ms`,
      ...results.map((r) => {
        const q = r.queries[name];
        if (!q) return '-';
        const extra = health.has(name)
          ? `, ${Math.round(q.perSecond)}/s`
          : name.startsWith('/api/graph') || name.startsWith('ego')
            ? `, ${size(q.bytes)}`
            : '';
        const bad = q.statuses.filter((st) => st !== 200);
        return `${ms(q.p50)} / ${ms(q.p99)}${extra}${bad.length ? ` [${bad.join(',')}]` : ''}`;
      }),
      TARGETS[name] ?? '<= 20 ms (p99)',
    ]);
  }
  const shown = (f: (e: ExplorerFigures) => string) => (r: SizeResult) =>
    typeof r.explorer === 'string' ? '-' : f(r.explorer);
  rows.push([
    'explorer: overview drawn, ms from navigation (layout settled)',
    ...results.map(shown((e) => `${e.firstRenderMs.toFixed(0)} (${e.settledMs.toFixed(0)})`)),
    '<= 3,000 ms',
  ]);
  rows.push([
    'explorer: the hub drilled into, ms from "Focus" to its ego view drawn',
    ...results.map(shown((e) => e.drillMs.toFixed(0))),
    'measured',
  ]);
  rows.push([
    "explorer: a link into the leaf's ego view, ms from navigation to drawn",
    ...results.map(shown((e) => e.linkMs.toFixed(0))),
    'measured',
  ]);
  rows.push([
    'store fill, s (bare inserts; ratio)',
    ...results.map((r) =>
      Number.isNaN(r.fillMs)
        ? 'copied, not filled'
        : `${(r.fillMs / 1000).toFixed(1)} (${(r.bareMs / 1000).toFixed(1)}; ${(r.bareMs / r.fillMs).toFixed(2)})`,
    ),
    '>= 0.5 of bare',
  ]);
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

/** Who the subjects are in each store, and what the client and servers spent per request. */
function notes(results: SizeResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const { about, fixed, leaf } = r.subjects;
    lines.push(
      `  ${label(r.events)} (load average ${r.loadAverage.toFixed(1)}): hub ${about.hub.events} events with ${about.hub.partners} partners; ` +
        `leaf ${leaf} ${about.leaf.events} events, ${about.leaf.partners} partners; ` +
        `fixed-size ego ${fixed} ${about.fixed.events} events, ${about.fixed.partners} partners`,
    );
  }
  lines.push('explorer (headless chromium, software WebGL), what the page says it shows:');
  for (const r of results) {
    const e = r.explorer;
    lines.push(
      typeof e === 'string'
        ? `  ${label(r.events)}: ${e}`
        : `  ${label(r.events)}: overview "${e.shownNote}"; the hub's ego view "${e.drillNote}" (${e.drillActors} actors drawn)`,
    );
  }
  lines.push('CPU per request, ms (client / server), /healthz:');
  for (const r of results) {
    const cpu = (name: string) => {
      const q = r.queries[name];
      return q ? `${q.clientCpuMs.toFixed(3)} / ${q.serverCpuMs?.toFixed(3) ?? '-'}` : '-';
    };
    lines.push(
      `  ${label(r.events)}: bare Express ${cpu(BARE_EXPRESS)}, bare Node ${cpu(BARE_NODE)}, ` +
        `app ${cpu('/healthz')}; samples ${r.queries['/healthz']!.requests}`,
    );
  }
  return lines;
}

function growth(results: SizeResult[]): string[] {
  const first = results[0]!;
  const last = results.at(-1)!;
  return QUERIES.map(([name]) => {
    const a = first.queries[name]!.p50;
    const b = last.queries[name]!.p50;
    const sizes = `reply ${size(first.queries[name]!.bytes)} -> ${size(last.queries[name]!.bytes)}`;
    return `  ${name}: p50 ${ms(a)} -> ${ms(b)} ms (x${(b / a).toFixed(1)}; ${sizes})`;
  });
}

export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const stretch = process.argv.includes('--stretch') && !quick;
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  console.log(
    `machine: ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `load average ${os.loadavg()[0]!.toFixed(1)}; seed ${SEED}; ${CONNECTIONS} connections; ` +
      `servers run with ${serverNodeOptions().join(' ') || 'no Node options'}`,
  );
  if (existsSync(CHROMIUM)) await buildClient();
  const results: SizeResult[] = [];
  for (const events of sizes) {
    const store = await generatedStore(SEED, events, (l) => console.log(l));
    console.log(
      `${label(events)}: ${store.documents} documents${store.cached ? ' (cached store; fill timed when generated)' : ''}`,
    );
    results.push(await measure(store));
    if (stretch && events === sizes.at(-1)) {
      const big = replicatedStore(store, STRETCH_COPIES, (l) => console.log(l));
      console.log(
        `${label(big.events)}: ${big.documents} documents, the ${label(events)} store's copied ` +
          `${STRETCH_COPIES} times (${big.cached ? 'cached' : `${(big.copiedMs / 1000).toFixed(0)} s`}); no plain import beside it`,
      );
      results.push(await measure(big, false));
    }
  }
  console.log(table(results));
  console.log(`subjects (${FIXED_EGO} for the fixed-size ego view):`);
  for (const l of notes(results)) console.log(l);
  console.log(
    `growth ${label(sizes[0]!)} -> ${label(sizes.at(-1)!)} (p50, with the reply sizes; flat is read where they match):`,
  );
  for (const l of growth(results)) console.log(l);
  const dir = path.join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, 'scale.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cores: os.availableParallelism(), memoryGb: os.totalmem() / 2 ** 30 },
        seed: SEED,
        connections: CONNECTIONS,
        load: LOAD,
        serverNodeOptions: serverNodeOptions(),
        results,
      },
      null,
      2,
    ),
  );
  console.log(`figures written to ${path.relative(process.cwd(), out)}`);
}
