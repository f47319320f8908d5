// The start-up integrity check on large stores: PRAGMA quick_check (what the server runs before
// it starts) and the full check of `stancegraph check`, beside reading the same file end to end.
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkStoreFile } from '../../server/store/index.ts';
import { generatedStore } from './scale-corpus.ts';

export const title = 'Store integrity check';

const SEED = 2026;

/** Reads the whole file once: the floor any page-by-page check must stand on. */
function readAll(file: string): number {
  const started = performance.now();
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  return performance.now() - started;
}

export async function run(): Promise<void> {
  console.log(`machine: ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  // The million-event store is measured when the scale bench has already built it (20+ minutes).
  const built = await generatedStore(SEED, 100_000, (l) => console.log(l));
  for (const events of [100_000, 1_000_000]) {
    const file = path.join(path.dirname(built.file), `store-${events}.sqlite`);
    if (!existsSync(file)) {
      console.log(`${events} events: not built yet (the scale bench builds it); skipped`);
      continue;
    }
    const mb = statSync(file).size / 1e6;
    const read = readAll(file);
    const quick = checkStoreFile(file, 'quick');
    const full = checkStoreFile(file, 'full');
    console.log(
      `${events.toLocaleString('en-US')} events, ${mb.toFixed(0)} MB: quick_check ${quick.ms.toFixed(0)} ms ` +
        `(${quick.ok ? 'ok' : 'damaged'}), full check ${full.ms.toFixed(0)} ms; ` +
        `reading the file: ${read.toFixed(0)} ms`,
    );
  }
}
