// The one worker thread the heavy analyses (rankings, blocs, alignment) run in, so none of them
// holds the event loop that serves requests. Jobs run one at a time in the order asked; a job's
// input is built (on the serving thread, in slices) and transferred only when the thread does not
// already hold that graph version and filter. A job for a newer version of a graph supersedes older
// ones of it: those waiting are dropped, and one running is stopped by restarting the thread.
import { Worker } from 'node:worker_threads';
import type { AnalysisReply, AnalysisRequest, AnalysisTask } from './analysis-tasks.ts';
import { inputBuffers, type DyadInput } from './dyad-input.ts';

const ENTRY = new URL('./analysis-worker.mjs', import.meta.url);

/** The graph changed: the analysis was of a version that no longer exists. */
export class AnalysisSupersededError extends Error {
  constructor() {
    super('the graph changed while the analysis was computed; ask again');
    this.name = 'AnalysisSupersededError';
  }
}

/** The analysis threw in the thread (a bug) or the thread died (out of memory). */
export class AnalysisFailedError extends Error {
  constructor(message: string, stack?: string) {
    super(message);
    this.name = 'AnalysisFailedError';
    if (stack) this.stack = stack;
  }
}

export interface AnalysisJob {
  /** Which graph the job is of (a number per graph in the process) and at which version. */
  graph: number;
  version: number;
  /** Names the dyad graph: its graph, version and filter. */
  graphKey: string;
  task: AnalysisTask;
  /** Builds the input when the thread needs it; null when the graph changed meanwhile. */
  input: () => Promise<DyadInput | null>;
}

interface Queued extends AnalysisJob {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  superseded: boolean;
}

export class AnalysisThread {
  private worker: Worker | null = null;
  /** Graph keys the thread said it holds in its last reply. */
  private held = new Set<string>();
  private readonly queue: Queued[] = [];
  private current: Queued | null = null;
  /** The reply awaited from the thread, by request id. */
  private awaiting: { id: number; settle: (reply: AnalysisReply | Error) => void } | null = null;
  private nextId = 1;

  /** Runs the job in the thread; rejects with AnalysisSupersededError when a newer version came. */
  run<T>(job: AnalysisJob): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        const q = this.queue[i]!;
        if (q.graph === job.graph && q.version < job.version) {
          this.queue.splice(i, 1);
          q.reject(new AnalysisSupersededError());
        }
      }
      const current = this.current;
      if (current && current.graph === job.graph && current.version < job.version) {
        current.superseded = true;
        this.stopThread(new AnalysisSupersededError());
      }
      this.queue.push({
        ...job,
        resolve: resolve as (value: unknown) => void,
        reject,
        superseded: false,
      });
      this.pump();
    });
  }

  /** Stops the thread (jobs still queued start it again). */
  async close(): Promise<void> {
    const w = this.worker;
    this.stopThread(new AnalysisFailedError('the analysis thread was closed'));
    await w?.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    this.execute(job)
      .then(job.resolve, (error: Error) =>
        job.reject(job.superseded ? new AnalysisSupersededError() : error),
      )
      .finally(() => {
        this.current = null;
        if (this.queue.length === 0) this.worker?.unref();
        this.pump();
      });
  }

  private async execute(job: Queued): Promise<unknown> {
    let input: DyadInput | undefined;
    if (!this.held.has(job.graphKey)) input = (await this.buildInput(job)) ?? undefined;
    for (;;) {
      const reply = await this.ask(job, input);
      if (reply.type === 'done') return reply.value;
      if (reply.type === 'failed') {
        throw new AnalysisFailedError(
          `${reply.error.name}: ${reply.error.message}`,
          reply.error.stack,
        );
      }
      // The thread let the graph go (or restarted) since it last said it held it.
      if (input) throw new AnalysisFailedError('the analysis thread refused its input');
      input = await this.buildInput(job);
    }
  }

  private async buildInput(job: Queued): Promise<DyadInput> {
    const input = await job.input();
    if (!input || job.superseded) throw new AnalysisSupersededError();
    return input;
  }

  private ask(job: Queued, input: DyadInput | undefined): Promise<AnalysisReply> {
    const worker = this.thread();
    const request: AnalysisRequest = { id: this.nextId++, graphKey: job.graphKey, task: job.task };
    if (input) request.input = input;
    return new Promise<AnalysisReply>((resolve, reject) => {
      this.awaiting = {
        id: request.id,
        settle: (reply) => (reply instanceof Error ? reject(reply) : resolve(reply)),
      };
      worker.ref();
      worker.postMessage(request, input ? inputBuffers(input) : []);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY);
    worker.on('message', (reply: AnalysisReply) => {
      if (reply.type !== 'failed') this.held = new Set(reply.held);
      const awaiting = this.awaiting;
      if (awaiting?.id !== reply.id) return;
      this.awaiting = null;
      awaiting.settle(reply);
    });
    const died = (error: Error) => {
      if (this.worker !== worker) return;
      this.stopThread(error);
    };
    worker.on('error', (error) =>
      died(new AnalysisFailedError(`the analysis thread failed: ${error.message}`, error.stack)),
    );
    worker.on('exit', (code) =>
      died(new AnalysisFailedError(`the analysis thread exited (code ${code})`)),
    );
    this.worker = worker;
    return worker;
  }

  /** Forgets the thread (terminating it) and fails the reply it owed. */
  private stopThread(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.held.clear();
    const awaiting = this.awaiting;
    this.awaiting = null;
    awaiting?.settle(error);
    if (worker) void worker.terminate();
  }
}
