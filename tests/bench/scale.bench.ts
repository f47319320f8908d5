// `npm run bench -- scale [--quick]`: stores of 10k, 100k and 1M generated events (--quick stops at
// 100k), each served by the real app in its own process. Prints one table: start-up until /healthz
// beside a plain graphology import of the same nodes and edges, resident memory, p99 under 4
// connections for each read, the bounded /api/graph, store fill beside bare better-sqlite3 inserts,
// and the growth from the smallest store to the largest. Writes the figures to bench-results/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generatedStore, scaleActors, type GeneratedStore } from './scale-corpus.ts';

export const title = 'Scale: start-up, memory and query latency from 10k to 1M events';

const SEED = 2026;
const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(import.meta.dirname, 'scale-server.ts');
const CONNECTIONS = 4;
/** Each query runs for this long (or MAX_REQUESTS) under CONNECTIONS connections. */
const LOAD_MS = 2_000;
const MAX_REQUESTS = 400;

interface Started {
  child: ChildProcess;
  port: number;
  startupMs: number;
  rssMb: number;
}

/** Spawns the server process and times it until /healthz answers. */
async function start(mode: 'app' | 'reference', file: string): Promise<Started> {
  const t0 = performance.now();
  // As `npm start` runs the server: a 64 MB young generation halves the collector's share of
  // building the graph.
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '--import', 'tsx', SERVER, mode, file],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  const agent = new http.Agent({ keepAlive: true });
  await get(port, '/healthz', agent);
  const startupMs = performance.now() - t0;
  agent.destroy();
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { child, port, startupMs, rssMb: rssKb / 1024 };
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGKILL');
  await exited;
}

interface Got {
  status: number;
  bytes: number;
  ms: number;
}

function get(port: number, pathname: string, agent: http.Agent): Promise<Got> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    // A reply cut off by the server counts as status 0, not as a failure of the bench.
    const cut = () => resolve({ status: 0, bytes: 0, ms: performance.now() - t0 });
    const req = http.get({ host: '127.0.0.1', port, path: pathname, agent }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode!, bytes, ms: performance.now() - t0 }));
      res.on('error', cut);
      res.on('aborted', cut);
    });
    req.on('error', (e) => (pathname === '/healthz' ? reject(e) : cut()));
  });
}

interface Load {
  p50: number;
  p99: number;
  requests: number;
  statuses: number[];
  bytes: number;
}

/** CONNECTIONS clients in a loop on one path for LOAD_MS (at most MAX_REQUESTS in all). */
async function load(port: number, pathname: string): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  await get(port, pathname, agent); // warm-up
  const times: number[] = [];
  const statuses = new Set<number>();
  let bytes = 0;
  const deadline = performance.now() + LOAD_MS;
  const worker = async () => {
    while (performance.now() < deadline && times.length < MAX_REQUESTS) {
      const r = await get(port, pathname, agent);
      times.push(r.ms);
      statuses.add(r.status);
      bytes = Math.max(bytes, r.bytes);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), requests: times.length, statuses: [...statuses], bytes };
}

interface Subjects {
  hub: string;
  second: string;
  leaf: string;
  search: string;
}

/** The busiest actor, the next, one with a single event, and a name prefix to search for. */
function subjects(file: string): Subjects {
  const actors = scaleActors(SEED);
  const db = new Database(file, { readonly: true });
  const leaf = db
    .prepare(
      `SELECT actor FROM (SELECT source AS actor FROM events UNION ALL SELECT target FROM events)
       GROUP BY actor ORDER BY count(*) ASC, actor LIMIT 1`,
    )
    .pluck()
    .get() as string;
  db.close();
  return {
    hub: actors[0]!.id,
    second: actors[1]!.id,
    leaf,
    search: actors[150]!.name.split(' ')[0]!.slice(0, 5).toLowerCase(),
  };
}

const QUERIES: [name: string, path: (s: Subjects) => string][] = [
  ['/healthz', () => '/healthz'],
  ['actor (hub)', (s) => `/api/actors/${s.hub}`],
  ['actor (leaf)', (s) => `/api/actors/${s.leaf}`],
  ['relations limit 50 (hub)', (s) => `/api/relations?actor=${s.hub}&limit=50`],
  ['relations limit 50 (leaf)', (s) => `/api/relations?actor=${s.leaf}&limit=50`],
  ['stance (hub, second)', (s) => `/api/stance?source=${s.hub}&target=${s.second}`],
  ['search', (s) => `/api/actors?q=${s.search}`],
  ['ego depth 1 (leaf)', (s) => `/api/graph?focus=${s.leaf}&depth=1`],
  ['ego depth 1 (hub)', (s) => `/api/graph?focus=${s.hub}&depth=1`],
  ['path (leaf to second)', (s) => `/api/paths?from=${s.leaf}&to=${s.second}`],
  ['/api/graph (overview)', () => '/api/graph'],
  ['/api/graph?mode=dyads', () => '/api/graph?mode=dyads'],
  ['/api/graph 2024 only', () => '/api/graph?mode=dyads&from=2024&to=2024'],
];

interface SizeResult {
  events: number;
  documents: number;
  cached: boolean;
  startupMs: number;
  referenceStartupMs: number;
  rssMb: number;
  referenceRssMb: number;
  fillMs: number;
  bareMs: number;
  queries: Record<string, Load>;
}

async function measure(store: GeneratedStore): Promise<SizeResult> {
  const ref = await start('reference', store.file);
  await stop(ref);
  const app = await start('app', store.file);
  const s = subjects(store.file);
  const queries: Record<string, Load> = {};
  try {
    for (const [name, p] of QUERIES) queries[name] = await load(app.port, p(s));
  } finally {
    await stop(app);
  }
  return {
    events: store.events,
    documents: store.documents,
    cached: store.cached,
    startupMs: app.startupMs,
    referenceStartupMs: ref.startupMs,
    rssMb: app.rssMb,
    referenceRssMb: ref.rssMb,
    fillMs: store.fillMs,
    bareMs: store.bareMs,
    queries,
  };
}

const TARGETS: Record<string, string> = {
  '/healthz': '<= 5 ms',
  '/api/graph (overview)': '<= 500 ms, <= 5 MB',
  '/api/graph?mode=dyads': '<= 500 ms, <= 5 MB',
  '/api/graph 2024 only': '<= 500 ms',
};

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

function table(results: SizeResult[]): string {
  const rows: string[][] = [];
  const head = ['figure', ...results.map((r) => `${label(r.events)} events`), 'target'];
  rows.push(head);
  rows.push([
    'start-up until /healthz, s (plain graphology import)',
    ...results.map(
      (r) => `${(r.startupMs / 1000).toFixed(1)} (${(r.referenceStartupMs / 1000).toFixed(1)})`,
    ),
    '<= 10 s and <= 1.5x the import',
  ]);
  rows.push([
    'resident memory after start-up, MB (plain import)',
    ...results.map((r) => `${r.rssMb.toFixed(0)} (${r.referenceRssMb.toFixed(0)})`),
    '<= 1,024 MB',
  ]);
  for (const [name] of QUERIES) {
    rows.push([
      `p99 ${name}, ms`,
      ...results.map((r) => {
        const q = r.queries[name]!;
        const size = name.startsWith('/api/graph') ? `, ${(q.bytes / 1e6).toFixed(2)} MB` : '';
        const bad = q.statuses.filter((st) => st !== 200);
        return `${ms(q.p99)}${size}${bad.length ? ` [${bad.join(',')}]` : ''}`;
      }),
      TARGETS[name] ?? '<= 20 ms',
    ]);
  }
  rows.push([
    'store fill, s (bare inserts; ratio)',
    ...results.map(
      (r) =>
        `${(r.fillMs / 1000).toFixed(1)} (${(r.bareMs / 1000).toFixed(1)}; ${(r.bareMs / r.fillMs).toFixed(2)})`,
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

function growth(results: SizeResult[]): string[] {
  const first = results[0]!;
  const last = results.at(-1)!;
  return QUERIES.map(([name]) => {
    const a = first.queries[name]!.p50;
    const b = last.queries[name]!.p50;
    return `  ${name}: p50 ${ms(a)} -> ${ms(b)} ms (x${(b / a).toFixed(1)})`;
  });
}

export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  console.log(
    `machine: ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `load average ${os.loadavg()[0]!.toFixed(1)}; seed ${SEED}; ${CONNECTIONS} connections`,
  );
  const results: SizeResult[] = [];
  for (const events of sizes) {
    const store = await generatedStore(SEED, events, (l) => console.log(l));
    console.log(
      `${label(events)}: ${store.documents} documents${store.cached ? ' (cached store; fill timed when generated)' : ''}`,
    );
    results.push(await measure(store));
  }
  console.log(table(results));
  console.log(`growth ${label(sizes[0]!)} -> ${label(sizes.at(-1)!)} (p50, fixed answer size):`);
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
        results,
      },
      null,
      2,
    ),
  );
  console.log(`figures written to ${path.relative(process.cwd(), out)}`);
}
