// Requests served while a first analysis computes, on a scale-bench store: starts the scale bench's
// app server on the store, times /healthz and the hub's /api/actors under 4 connections with no
// analysis running, then again while the explorer's ranking panel asks for a first PageRank
// (asking again after each 503, as the panel does) and while the bloc legend asks for the blocs;
// prints the p99s and how long each analysis took to be answered. ROOT (default this checkout)
// names the checkout whose server runs, so another revision can be measured the same way.
// Run: npx tsx tests/bench/analytics-load.ts /tmp/stancegraph-scale-2026-v1/store-1000000.sqlite
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Connection } from './http-load.ts';
import { scaleActors } from './scale-corpus.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: analytics-load.ts <store file>');
const ROOT = process.env.ROOT ?? path.resolve(import.meta.dirname, '../..');
/** The scale bench's seed: its first actor is the store's hub. */
const HUB = scaleActors(2026)[0]!.id;
/** What the explorer waits between two asks while the server computes (its Retry-After). */
const RETRY_MS = 2_000;
/** Longest an analysis is waited for (GIVE_UP_MS). */
const GIVE_UP_MS = Number(process.env.GIVE_UP_MS ?? 240_000);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(quantile(s, 0.5)), p99: r(quantile(s, 0.99)), max: r(s.at(-1)!) };
}

/** Times requests for each path on two connections a path until `done` says stop. */
async function measure(port: number, paths: string[], done: () => boolean) {
  const times = new Map(paths.map((p) => [p, [] as number[]]));
  await Promise.all(
    paths.flatMap((p) =>
      [0, 1].map(async () => {
        const c = new Connection(port);
        while (!done()) times.get(p)!.push((await c.get(p)).ms);
        c.close();
      }),
    ),
  );
  return Object.fromEntries([...times].map(([p, t]) => [p, summary(t)]));
}

/** Asks for `url` as the explorer does until it answers 200; the ms until then, and the asks. */
async function untilReady(port: number, url: string) {
  const c = new Connection(port);
  const t0 = performance.now();
  const asks: { status: number; ms: number }[] = [];
  for (;;) {
    const r = await c.get(url);
    asks.push({ status: r.status, ms: Math.round(r.ms) });
    if (r.status === 200 || performance.now() - t0 > GIVE_UP_MS) break;
    await new Promise((res) => setTimeout(res, RETRY_MS));
  }
  c.close();
  return { readyMs: Math.round(performance.now() - t0), ready: asks.at(-1)!.status === 200, asks };
}

const t0 = performance.now();
const child = spawn(
  process.execPath,
  ['--max-old-space-size=8192', '--import', 'tsx', 'tests/bench/scale-server.ts', 'app', file],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
try {
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const startupMs = Math.round(performance.now() - t0);
  const paths = ['/healthz', `/api/actors/${encodeURIComponent(HUB)}`];
  await measure(
    port,
    paths,
    (() => {
      const end = performance.now() + 2_000;
      return () => performance.now() > end;
    })(),
  );
  const quietEnd = performance.now() + 5_000;
  const quiet = await measure(port, paths, () => performance.now() > quietEnd);
  const phases: Record<string, unknown> = {};
  for (const url of ['/api/metrics?measure=pagerank&limit=25', '/api/blocs?limit=0']) {
    let finished = false;
    const [ready, during] = await Promise.all([
      untilReady(port, url).finally(() => (finished = true)),
      measure(port, paths, () => finished),
    ]);
    phases[url] = { ...ready, during, loadAverage: loadavg()[0] };
  }
  console.log(
    JSON.stringify(
      { root: ROOT, store: file, hub: HUB, startupMs, quiet, phases, loadAverage: loadavg() },
      null,
      1,
    ),
  );
} finally {
  child.kill('SIGKILL');
}
