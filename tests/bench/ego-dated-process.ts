// One process of the dated ego-view bench: `tsx tests/bench/ego-dated-process.ts STORE [SAVED]
// [ROUNDS]` opens the graph of a scale store (from SAVED when that file holds a usable saved graph
// of this code, else built from the rows and saved there), then asks the busiest actor's ego view
// (depth 1, defaults otherwise) under each year 2016-2025 and nine months of 2024, ROUNDS times,
// and prints one JSON line per range kind and round: CPU ms per view, with the load average; then
// adds batches of 1, 10 and 100 documents (those following the store's in the seeded stream) and
// prints the CPU ms of the first year view after a batch and of the next. Run it on old and new
// code back to back to compare; it measures and prints, never asserts.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildGraph, loadGraph, saveGraph, viewParts } from '../../server/graph/index.ts';
import { fillGraph, openSqliteStore } from '../../server/store/index.ts';
import { scaleActors, scaleDocument } from './scale-corpus.ts';

const [storeFile, savedFile, roundsArg] = process.argv.slice(2);
if (!storeFile) throw new Error('usage: ego-dated-process.ts STORE [SAVED] [ROUNDS]');
const rounds = Number(roundsArg ?? 3);

const store = openSqliteStore({ file: storeFile });
const origin = await store.generation();
const loaded = savedFile && existsSync(savedFile) ? loadGraph(savedFile, origin) : null;
const sg = loaded && 'graph' in loaded ? loaded.graph : await fillGraph(store, buildGraph());
if (savedFile && !(loaded && 'graph' in loaded)) await saveGraph(sg, savedFile, origin);
await store.close();

const hub = scaleActors(2026)[0]!.id;
const years = Array.from({ length: 10 }, (_, i) => String(2016 + i));
const months = Array.from({ length: 9 }, (_, i) => `2024-0${i + 1}`);

/** CPU ms of each view under the ranges, and a digest of the replies to compare runs by. */
function measure(ranges: readonly string[]): { cpuMs: number[]; digest: number } {
  const cpuMs: number[] = [];
  let digest = 0;
  for (const range of ranges) {
    const before = process.cpuUsage();
    const view = viewParts(sg, { focus: hub, depth: 1, from: range, to: range });
    const cpu = process.cpuUsage(before);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    const text = JSON.stringify(view);
    for (let i = 0; i < text.length; i++) digest = (digest * 31 + text.charCodeAt(i)) | 0;
  }
  return { cpuMs, digest };
}

const mean = (xs: number[]) => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;
// One round unmeasured, so the code is compiled and the kept rankings exist, as on a live server.
measure(years);
measure(months);
for (let round = 0; round < rounds; round++) {
  for (const [kind, ranges] of [
    ['year', years],
    ['month', months],
  ] as const) {
    const { cpuMs, digest } = measure(ranges);
    const load = loadavg()[0]!.toFixed(2);
    console.log(JSON.stringify({ round, kind, meanCpuMs: mean(cpuMs), cpuMs, digest, load }));
  }
}

// The first view after documents are added pays for what the graph keeps by date: five times
// each batch size, the mean CPU ms of the first year view after the batch and of the next.
const actors = scaleActors(2026);
let next = sg.counts().documents;
for (const batch of [1, 10, 100]) {
  const first: number[] = [];
  const again: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (let i = 0; i < batch; i++) sg.addDocument(scaleDocument(2026, next++, actors).extraction);
    first.push(measure([years[r + 4]!]).cpuMs[0]!);
    again.push(measure([years[r + 4]!]).cpuMs[0]!);
  }
  console.log(JSON.stringify({ added: batch, firstCpuMs: mean(first), nextCpuMs: mean(again) }));
}
