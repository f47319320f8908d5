// A fixed set of worker threads that run the extractor, so no article, however long or hostile,
// holds the event loop that serves requests. Each article gets a time budget: a worker that runs
// past it is terminated (V8 stops even a tight loop) and replaced, and the article fails with a
// 422. Jobs wait in a bounded queue; when it is full the pool refuses at once (503).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../extract/index.ts';
import type { Extraction } from '../model/index.ts';
import { ExtractionBusyError, ExtractionLimitError, ExtractionWorkerError } from './errors.ts';
import type { JobReply, JobRequest, JobTask } from './messages.ts';

const ENTRY = new URL('./extract-worker.mjs', import.meta.url);

/** Extracts one article off the caller's thread. */
export type Extractor = (article: ArticleInput) => Promise<Extraction>;

/** What the API needs from the pool: extraction, and sentence spans of a stored text. */
export interface ExtractionWorkers {
  extract: Extractor;
  sentences(text: string): Promise<{ start: number; end: number }[]>;
}

export interface PoolOptions {
  /** Worker threads; default: the machine's cores, at most 4. */
  size?: number;
  /** Longest one article may take in a worker, in ms (default 30 s). */
  budgetMs?: number;
  /** Articles that may wait for a worker before the pool answers busy (default 16 per worker). */
  maxQueue?: number;
  /** Heap limit of each worker in MB (default 2048); running out fails the article, not the server. */
  memoryMb?: number;
}

export const DEFAULT_BUDGET_MS = 30_000;

interface Job {
  id: number;
  task: JobTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Settles when the worker has loaded the extractor, or has died trying. */
  started: Promise<void>;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class ExtractionPool implements ExtractionWorkers {
  readonly size: number;
  readonly budgetMs: number;
  private readonly maxQueue: number;
  private readonly memoryMb: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.maxQueue = options.maxQueue ?? 16 * this.size;
    this.memoryMb = options.memoryMb ?? 2048;
  }

  /** The pool as an Extractor function. */
  readonly extract: Extractor = (article) => this.run<Extraction>({ task: 'extract', article });

  /** The sentence spans of a text, analysed in a worker like an extraction. */
  sentences(text: string): Promise<{ start: number; end: number }[]> {
    return this.run({ task: 'sentences', text });
  }

  private run<T>(task: JobTask): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new ExtractionBusyError(Math.max(1, Math.ceil(this.budgetMs / 1000))));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        task,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.fill();
      this.dispatch();
    });
  }

  /**
   * Starts `workers` workers now (default one; more start as articles queue up) and resolves once
   * each has loaded the extractor or failed to, so a server that says it is listening does not
   * make its first article wait for a worker.
   */
  async warm(workers = 1): Promise<void> {
    this.fill(workers);
    await Promise.all([...this.slots].map((slot) => slot.started));
  }

  /** Stops every worker; queued and running articles fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the extraction pool is closed'));
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(
      slots.map((slot) => {
        this.finish(slot, (job) => job.reject(new Error('the extraction pool is closed')));
        return slot.worker.terminate();
      }),
    );
  }

  /**
   * Starts workers up to `wanted` (at most the pool's size). By default as many as there are
   * articles waiting or running: loading a worker costs seconds of CPU, so one article at a time
   * never starts a second worker.
   */
  private fill(wanted?: number): void {
    let busy = 0;
    for (const slot of this.slots) if (slot.job) busy++;
    const target = Math.min(this.size, wanted ?? busy + this.queue.length);
    while (!this.closed && this.slots.size < target) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    let started = () => {};
    const slot: Slot = {
      worker,
      started: new Promise<void>((resolve) => (started = resolve)),
      ready: false,
      job: null,
      timer: null,
    };
    worker.once('message', started);
    worker.once('exit', started);
    this.slots.add(slot);
    worker.on('message', (reply: JobReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onExit(slot, error));
    worker.on('exit', (code) =>
      this.onExit(slot, new Error(`extraction worker exited with code ${code}`)),
    );
  }

  private onReply(slot: Slot, reply: JobReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      // An idle worker must not keep a finished CLI run (or a test file) alive; a loading one
      // does, so a caller awaiting warm() is not left with an empty event loop.
      slot.worker.unref();
      this.dispatch();
      return;
    }
    if (slot.job?.id !== reply.id) return;
    if (reply.type === 'done') {
      const { value } = reply;
      this.finish(slot, (job) => job.resolve(value));
    } else {
      const { name, message, stack } = reply.error;
      this.finish(slot, (job) => job.reject(new ExtractionWorkerError(name, message, stack)));
    }
    this.dispatch();
  }

  /** A worker died: fail its article (or, before it was ready, the waiting ones) and replace it. */
  private onExit(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    const failure = outOfMemory
      ? new ExtractionLimitError(
          'memory',
          `extraction ran out of its ${this.memoryMb} MB memory budget; send a shorter article`,
        )
      : error;
    if (slot.job) this.finish(slot, (job) => job.reject(failure));
    else if (!slot.ready) {
      // A worker that cannot even start (a broken install) would fail every article the same way.
      for (const job of this.queue.splice(0)) job.reject(error);
      return;
    }
    this.fill();
    this.dispatch();
  }

  private finish(slot: Slot, settle: (job: Job) => void): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (this.slots.has(slot)) slot.worker.unref();
    if (job) settle(job);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.timeOut(slot), this.budgetMs);
      slot.worker.postMessage({ id: job.id, ...job.task } satisfies JobRequest);
    }
  }

  private timeOut(slot: Slot): void {
    const seconds = (this.budgetMs / 1000).toLocaleString('en-US');
    this.finish(slot, (job) =>
      job.reject(
        new ExtractionLimitError(
          'time',
          `extraction took longer than its budget of ${seconds} s and was stopped; ` +
            'split the article or send a shorter one (STANCEGRAPH_EXTRACT_BUDGET_MS)',
        ),
      ),
    );
    this.slots.delete(slot);
    void slot.worker.terminate();
    this.fill();
  }
}
