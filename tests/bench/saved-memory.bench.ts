// `npm run bench -- saved-memory [--quick]`: the memory a graph loaded from its saved file holds
// beside one built from the same store's rows, at start and after 1,000 and 10,000 more generated
// documents (the ones following the store's own in the seeded stream), each way in its own process
// (saved-memory-process.ts), two rounds alternated. Prints resident memory, V8's heap, the memory
// outside it (external, of it array buffers) after a full collection, and the peak resident memory
// and time of opening the graph. The store is the scale bench's (1M events; --quick: 100k), copied
// to a temporary folder.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedStore } from './scale-corpus.ts';

export const title = 'Saved graph: memory after growth, loaded beside built';

const SEED = 2026;
const STAGES = [1000, 10_000];
const ROUNDS = 2;
const CHILD = path.join(import.meta.dirname, 'saved-memory-process.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Line {
  stage: number;
  openMs?: number;
  openCpuMs?: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  peakRssMb: number;
}

/** Runs one child to its end; its JSON lines. */
function child(args: string[]): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--expose-gc', '--max-semi-space-size=64', '--import', 'tsx', CHILD, ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${args[0]} exited with ${code}`));
      else
        resolve(
          out
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as Record<string, unknown>),
        );
    });
  });
}

export async function run(): Promise<void> {
  const events = process.argv.includes('--quick') ? 100_000 : 1_000_000;
  const source = await generatedStore(SEED, events, console.log);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-saved-memory-'));
  try {
    const store = path.join(dir, 'store.sqlite');
    copyFileSync(source.file, store);
    const file = `${store}.graph-snapshot`;
    const [saved] = await child(['save', store, file, String(SEED)]);
    console.log(`${events} events; saved graph: ${JSON.stringify(saved)}`);
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      'round  graph   added   RSS MB  heap MB  external MB  array buffers MB  peak RSS MB  open ms (CPU)',
    );
    for (let round = 1; round <= ROUNDS; round++) {
      for (const mode of ['loaded', 'built']) {
        const lines = (await child([
          mode,
          store,
          file,
          String(SEED),
          STAGES.join(','),
        ])) as unknown[];
        for (const l of lines as Line[]) {
          const open =
            l.openMs === undefined ? '' : `${l.openMs.toFixed(0)} (${l.openCpuMs!.toFixed(0)})`;
          console.log(
            [
              String(round).padEnd(6),
              mode.padEnd(7),
              String(l.stage).padStart(6),
              l.rssMb.toFixed(0).padStart(8),
              l.heapUsedMb.toFixed(0).padStart(8),
              l.externalMb.toFixed(0).padStart(12),
              l.arrayBuffersMb.toFixed(0).padStart(17),
              String(l.peakRssMb).padStart(12),
              ` ${open}`,
            ].join(' '),
          );
        }
      }
    }
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
