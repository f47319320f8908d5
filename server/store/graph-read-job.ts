// The graph-read thread's work: opens the store file read-only on a connection of its own, runs the
// graph read (graph-read.ts) and posts each batch in columns (graph-batch.ts), at most `window`
// batches ahead of what the serving thread has taken, so the rows in flight stay a few batches.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { GraphBatchEncoder } from './graph-batch.ts';
import { prepareGraphRead, readGraphRows } from './graph-read.ts';
import type { GraphReadJob, GraphReadMessage } from './graph-read-thread.ts';

const job = workerData as GraphReadJob;
const port = parentPort!;
/** [0]: batches the serving thread has taken; [1]: 1 once it wants no more. */
const progress = new Int32Array(job.progress);
const post = (message: GraphReadMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

/** Stops the read: the serving thread gave up on it. */
class Stopped extends Error {}

try {
  const db = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const encoder = new GraphBatchEncoder();
    let posted = 0;
    readGraphRows(db, prepareGraphRead(db), { batch: job.batch, mapped: true }, (rows) => {
      for (;;) {
        if (Atomics.load(progress, 1) !== 0) throw new Stopped();
        const taken = Atomics.load(progress, 0);
        if (posted - taken < job.window) break;
        Atomics.wait(progress, 0, taken);
      }
      const { batch, transfer } = encoder.encode(rows);
      post({ kind: 'batch', batch }, transfer);
      posted += 1;
    });
    post({ kind: 'done', batches: posted });
  } finally {
    db.close();
  }
} catch (error) {
  if (!(error instanceof Stopped)) {
    const { message, stack } = error as Error;
    post({ kind: 'failed', message: String(message ?? error), stack });
  }
}
