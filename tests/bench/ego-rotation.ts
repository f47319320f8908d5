// The scale bench's rotating ego row alone, for iterating on what an ego view costs: `npx tsx
// tests/bench/ego-rotation.ts <store.sqlite> <tree> [<tree> ...] [--passes=n] [--rounds=n]
// [--node=<flag>]... [--server-output]`. Each tree (a checkout of stancegraph) serves its own copy of the store
// through its scale-server.ts, with the Node options `npm start` gives the server plus any --node
// flags (e.g. --cpu-prof), trees in alternating order from pass to pass. A server is started (its
// graph built and saved on the first pass, loaded after), left until idle, given 3 s of /healthz,
// then the bench's 256 rotating ego views `rounds` times (3 s each, no warm-up of their own); each
// round prints p50 / p99, views a second, the server's CPU a view (all its threads) and its
// serving thread's, with the load average. With --replies=<file>, each tree
// instead answers those views and 200 more seeded actors' under six sets of parameters, one at a
// time, and the replies' statuses, lengths and SHA-256 go to <file>.<tree>, one line a request,
// for comparing trees byte for byte.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, load, type Load } from './http-load.ts';
import { seededRandom } from '../../server/model/index.ts';
import { serverIdle, serverNodeOptions, subjects } from './scale.bench.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const nodeFlags = args.filter((a) => a.startsWith('--node=')).map((a) => a.slice(7));
const [store, ...trees] = args.filter((a) => !a.startsWith('--'));
if (!store || trees.length === 0) {
  console.error('usage: ego-rotation.ts <store.sqlite> <tree> [<tree> ...] [--passes=n] ...');
  process.exit(2);
}
const replies = args.find((a) => a.startsWith('--replies='))?.slice(10);
const showOutput = args.includes('--server-output');
const passes = option('passes', 1);
const rounds = option('rounds', 2);

interface Server {
  pid: number;
  port: number;
  stop: () => Promise<void>;
}

/** The tree's app on its own copy of the store (copied once, beside the original). */
async function serve(tree: string): Promise<Server> {
  const copy = `${store!.replace(/\.sqlite$/, '')}.${path.basename(tree)}.sqlite`;
  if (!existsSync(copy)) copyFileSync(store!, copy);
  const child = spawn(
    process.execPath,
    [
      ...serverNodeOptions(),
      ...nodeFlags,
      '--import',
      'tsx',
      path.join(tree, 'tests/bench/scale-server.ts'),
      'app',
      copy,
    ],
    { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) {
          // What the server prints besides its messages (e.g. --trace-gc), when asked for.
          if (showOutput) console.log(`  server: ${line}`);
          continue;
        }
        const message = JSON.parse(line) as { port?: number };
        if (message.port) resolve(message.port);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  // SIGTERM, so a server run with --cpu-prof (and an exit handler) can write its profile.
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return { pid: child.pid!, port, stop };
}

/** CPU time of a process's main thread (its serving thread), ms (Linux /proc, 10 ms ticks). */
function servingThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const about = subjects(store);
const egoPaths = about.pairs.map(([a]) => `/api/graph?focus=${a}&depth=1`);

/** The rotating views, then 200 seeded actors' views under each of six sets of parameters. */
function comparedPaths(): string[] {
  const actors = [...new Set(about.pairs.flat())];
  const random = seededRandom(7);
  const variants = [
    'depth=2',
    'depth=1&limit=20&edgeLimit=50',
    'depth=1&mode=dyads',
    'depth=1&from=2023&to=2024',
    'depth=1&affiliations=false&layout=false',
    'depth=1&edgeLimit=2000',
  ];
  const more = Array.from({ length: 200 }, () => actors[Math.floor(random() * actors.length)]!);
  return [
    ...egoPaths,
    ...more.flatMap((a) => variants.map((v) => `/api/graph?focus=${a}&${v}`)),
    '/api/graph',
    '/api/graph?mode=dyads',
  ];
}

/** Each path's status, length and SHA-256, one line each, asked one at a time. */
async function replyDigests(port: number): Promise<string> {
  const lines: string[] = [];
  for (const p of comparedPaths()) {
    const res = await fetch(`http://127.0.0.1:${port}${p}`);
    const body = Buffer.from(await res.arrayBuffer());
    const digest = createHash('sha256').update(body).digest('hex');
    lines.push(`${p}\t${res.status}\t${body.length}\t${digest}`);
  }
  return `${lines.join('\n')}\n`;
}
const fmt = (l: Load) =>
  `p50 ${l.p50.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms, ${l.perSecond.toFixed(0)}/s, ` +
  `server ${l.serverCpuMs?.toFixed(2)} ms CPU a view, ${l.requests} views` +
  (l.statuses.some((s) => s !== 200) ? ` [${l.statuses.join(',')}]` : '');

for (let pass = 0; pass < passes; pass++) {
  const order = pass % 2 === 0 ? trees : [...trees].reverse();
  for (const tree of order) {
    const server = await serve(tree);
    try {
      await serverIdle(server.pid);
      if (replies) {
        const out = `${replies}.${path.basename(tree)}`;
        writeFileSync(out, await replyDigests(server.port));
        console.log(`replies of ${tree} written to ${out}`);
        continue;
      }
      const probe = new Connection(server.port);
      await probe.get('/healthz');
      probe.close();
      const common = { connections: 4, warmupMs: 300, maxRequests: 60_000, serverPid: server.pid };
      await load(server.port, '/healthz', { ...common, ms: 3_000 });
      for (let round = 0; round < rounds; round++) {
        const loadAverage = os.loadavg()[0]!.toFixed(1);
        const thread0 = servingThreadCpuMs(server.pid);
        const figures = await load(server.port, egoPaths, { ...common, warmupMs: 0, ms: 3_000 });
        const thread = (servingThreadCpuMs(server.pid) - thread0) / figures.requests;
        console.log(
          `pass ${pass + 1} ${path.basename(tree)} round ${round + 1} (load ${loadAverage}): ` +
            `${fmt(figures)}, serving thread ${thread.toFixed(2)} ms`,
        );
      }
    } finally {
      await server.stop();
    }
  }
}
