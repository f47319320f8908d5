// Batch ingest through the extraction pool (the CLI's `stancegraph ingest` path): the same folder
// of generated articles with one worker and with two, beside the 1.6x speed-up target for two cores.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../server/ingest/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { ExtractionPool } from '../../server/workers/index.ts';
import { generateCorpus } from './corpus.ts';

export const title = 'Batch ingest on worker threads';

const SENTENCES = 6_000;
/** Two workers on two cores against one. */
const TARGET_SPEEDUP = 1.6;

async function timedIngest(dir: string, workers: number) {
  const pool = new ExtractionPool({ size: workers });
  const store = openSqliteStore({ memory: true });
  try {
    // Start-up (loading the models in each thread) is paid once per process, not per batch.
    await Promise.all(Array.from({ length: workers }, () => pool.extract({ text: 'Warm up.' })));
    const started = performance.now();
    const summary = await ingestPaths({ store, extract: pool.extract, concurrency: 2 * workers }, [
      dir,
    ]);
    return { ms: performance.now() - started, documents: summary.documents };
  } finally {
    await store.close();
    await pool.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-bench-ingest-'));
  try {
    const articles = generateCorpus(SENTENCES, 20240611);
    articles.forEach((a, i) =>
      writeFileSync(
        path.join(dir, `${String(i).padStart(4, '0')}.txt`),
        `---\npublished: ${a.published}\n---\n${a.text}\n`,
      ),
    );
    console.log(
      `machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}; ` +
        `${articles.length} articles, ${SENTENCES}+ sentences`,
    );
    const one = await timedIngest(dir, 1);
    const two = await timedIngest(dir, 2);
    const rate = (r: { ms: number; documents: number }) => (r.documents / r.ms) * 1000;
    console.log(
      `1 worker:  ${one.documents} documents in ${(one.ms / 1000).toFixed(1)} s (${rate(one).toFixed(1)}/s)`,
    );
    console.log(
      `2 workers: ${two.documents} documents in ${(two.ms / 1000).toFixed(1)} s (${rate(two).toFixed(1)}/s)`,
    );
    console.log(
      `speed-up on 2 workers: ${(one.ms / two.ms).toFixed(2)}x (target >= ${TARGET_SPEEDUP}x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
