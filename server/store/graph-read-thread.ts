// The graph read on a thread of its own: a worker thread reads the store file's rows on its own
// connection and splits them into columns while the calling thread decodes each batch it is handed
// and passes it on, so reading and adding to the graph overlap. Only for a store in a file.
import { Worker } from 'node:worker_threads';
import type { GraphBatch } from './graph-batch.ts';
import { GraphBatchDecoder } from './graph-batch-decoder.ts';
import type { GraphDocument } from './types.ts';

const ENTRY = new URL('./graph-read-worker.mjs', import.meta.url);
/** Batches the thread may read ahead of those handed over. */
const WINDOW = 4;

/** What the thread is asked to do (workerData). */
export interface GraphReadJob {
  file: string;
  batch: number;
  window: number;
  /** Int32 [0]: batches taken by the calling thread; [1]: 1 once it wants no more. */
  progress: SharedArrayBuffer;
}

/** What the thread posts back. */
export type GraphReadMessage =
  | { kind: 'batch'; batch: GraphBatch }
  | { kind: 'done'; batches: number }
  | { kind: 'failed'; message: string; stack?: string };

/** The thread could not read the store (failed to start, to open the file, or to read a row). */
export class GraphReadThreadError extends Error {
  constructor(file: string, cause: string, stack?: string) {
    super(`graph read thread on ${file}: ${cause}`);
    this.name = 'GraphReadThreadError';
    if (stack) this.stack = `${this.name}: ${this.message}\n${stack}`;
  }
}

/**
 * Reads every document of the store in `file` as the graph needs it, `batch` documents at a time,
 * in a worker thread, handing each batch to `onBatch` here in ingest order. Rejects with a
 * GraphReadThreadError when the thread fails, or with what `onBatch` threw (the thread is then
 * stopped); either way the thread is gone when the promise settles.
 */
export function readGraphInThread(
  file: string,
  batch: number,
  onBatch: (documents: GraphDocument[]) => void,
): Promise<void> {
  const progress = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(progress);
  const job: GraphReadJob = { file, batch, window: WINDOW, progress };
  const decoder = new GraphBatchDecoder();
  return new Promise<void>((resolve, reject) => {
    let outcome: { error: Error } | { done: true } | null = null;
    const worker = new Worker(ENTRY, { workerData: job });
    const stop = (error: Error) => {
      if (outcome) return;
      outcome = { error };
      Atomics.store(flags, 1, 1);
      Atomics.notify(flags, 0);
      void worker.terminate();
    };
    worker.on('message', (message: GraphReadMessage) => {
      if (outcome) return;
      if (message.kind === 'batch') {
        try {
          onBatch(decoder.decode(message.batch));
        } catch (error) {
          stop(error as Error);
          return;
        }
        Atomics.add(flags, 0, 1);
        Atomics.notify(flags, 0);
      } else if (message.kind === 'done') {
        outcome = { done: true };
      } else {
        stop(new GraphReadThreadError(file, message.message, message.stack));
      }
    });
    worker.on('error', (error) => stop(new GraphReadThreadError(file, error.message, error.stack)));
    worker.on('exit', (code) => {
      if (!outcome) {
        outcome = { error: new GraphReadThreadError(file, `the thread exited with code ${code}`) };
      }
      if ('error' in outcome) reject(outcome.error);
      else resolve();
    });
  });
}
