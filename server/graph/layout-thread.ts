// A worker thread that runs the views' square layouts (ForceAtlas2 over up to 300 nodes, about a
// quarter of a computed ego view's time on the serving thread at a million events), so the
// serving thread builds other views meanwhile. Jobs run in the order given; the thread starts on
// the first job or when asked to (`start`), and holds the process open only while a job is out. Positions are the
// same as in the serving thread: the same WebAssembly steps over the same 64-bit inputs. A job
// the thread fails (or a thread that dies) is run in the serving thread instead.
import { Worker } from 'node:worker_threads';
import { runSquareLayout, type SquareLayoutJob } from './layout.ts';

const ENTRY = new URL('./layout-worker.mjs', import.meta.url);

type Result = { x: Float64Array; y: Float64Array };

interface Reply {
  id: number;
  x?: Float64Array;
  y?: Float64Array;
  error?: string;
}

export class LayoutThread {
  private worker: Worker | null = null;
  private nextId = 1;
  /** Jobs out in the thread, by id: how to settle each. */
  private readonly out = new Map<number, (reply: Reply | null) => void>();

  /** The job's positions, computed in the thread (in this one if the thread fails). */
  run(job: SquareLayoutJob): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      const here = () => {
        try {
          resolve(runSquareLayout(job));
        } catch (error) {
          reject(error as Error);
        }
      };
      this.out.set(id, (reply) => {
        if (reply?.x && reply.y) resolve({ x: reply.x, y: reply.y });
        else here();
      });
      try {
        const worker = this.thread();
        worker.ref();
        // Copied, not transferred: the job stays whole here in case the thread fails it.
        worker.postMessage({ id, job });
      } catch {
        this.out.delete(id);
        here();
      }
    });
  }

  /**
   * Starts the thread ahead of its first job, so that job does not wait while the thread loads
   * its code (about a second on a busy machine); it holds the process open only while a job is out.
   */
  start(): void {
    if (this.worker) return;
    const worker = this.thread();
    if (this.out.size === 0) worker.unref();
  }

  /** Stops the thread; jobs still out are run in this thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.fail();
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY);
    worker.on('message', (reply: Reply) => {
      const settle = this.out.get(reply.id);
      this.out.delete(reply.id);
      if (this.out.size === 0) worker.unref();
      settle?.(reply);
    });
    const died = () => {
      if (this.worker === worker) this.fail();
    };
    worker.on('error', died);
    worker.on('exit', died);
    this.worker = worker;
    return worker;
  }

  /** Forgets the thread; each job out settles in this thread. */
  private fail(): void {
    this.worker = null;
    const out = [...this.out.values()];
    this.out.clear();
    for (const settle of out) settle(null);
  }
}
