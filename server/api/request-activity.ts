// Whether the server is serving: the requests in flight and when the last one came in. Work meant
// for idle time (the kept edges written ahead after a start, fragment-warmup.ts) takes its turns
// only once the server has been quiet for a moment, so under a stream of requests it waits rather
// than taking a slice between every two of them.

import { setImmediate as loopTurn } from 'node:timers/promises';
import type { NextFunction, Request, Response } from 'express';

export interface RequestActivityOptions {
  /** How long after the last request came in the server counts as quiet (default 50 ms). */
  quietMs?: number;
  /** The clock, ms (default performance.now). */
  now?: () => number;
  /** Waits `ms` before the next look (default a timer). */
  wait?: (ms: number) => Promise<void>;
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RequestActivity {
  private inFlight = 0;
  private lastArrival = -Infinity;
  private readonly quietMs: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(options: RequestActivityOptions = {}) {
    this.quietMs = options.quietMs ?? 50;
    this.now = options.now ?? (() => performance.now());
    this.wait = options.wait ?? timer;
  }

  /** Middleware counting each request from its arrival until its response is done or cut. */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    this.inFlight += 1;
    this.lastArrival = this.now();
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  /** No request in flight and none came in for quietMs. */
  get quiet(): boolean {
    return this.inFlight === 0 && this.now() - this.lastArrival >= this.quietMs;
  }

  /** Resolves after a turn of the event loop at which the server is quiet (looking each quietMs). */
  readonly quietTurn = async (): Promise<void> => {
    await loopTurn();
    while (!this.quiet) await this.wait(this.quietMs);
  };
}
