// Per-client token buckets in memory for the expensive endpoints (ingest, extract): 429 with
// Retry-After when a client's bucket is empty.
import type { RequestHandler } from 'express';
import { SecurityError } from './http-error.ts';
import type { RateSetting } from './settings.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Forgetting full buckets past this many clients keeps memory bounded under many addresses. */
const MAX_TRACKED_CLIENTS = 10_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    readonly rate: RateSetting,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.refillPerMs = rate.requests / rate.perMs;
  }

  /** Takes one token for the key; returns 0 when allowed, else the milliseconds until one is free. */
  take(key: string): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.rate.requests, updatedAt: t };
    b.tokens = Math.min(this.rate.requests, b.tokens + (t - b.updatedAt) * this.refillPerMs);
    b.updatedAt = t;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= MAX_TRACKED_CLIENTS) this.prune(t);
      this.buckets.set(key, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / this.refillPerMs);
  }

  get trackedClients(): number {
    return this.buckets.size;
  }

  private prune(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (t - b.updatedAt) * this.refillPerMs >= this.rate.requests) {
        this.buckets.delete(key);
      }
    }
    // Still full of active clients: drop the earliest tenth rather than grow without bound (a
    // tenth, so the next newcomers do not each pay for another scan).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < MAX_TRACKED_CLIENTS * 0.9) break;
      this.buckets.delete(key);
    }
  }
}

function describeRate(rate: RateSetting): string {
  const unit =
    rate.perMs === 1000
      ? 'second'
      : rate.perMs === 60_000
        ? 'minute'
        : rate.perMs === 3_600_000
          ? 'hour'
          : `${rate.perMs} ms`;
  return `${rate.requests} per ${unit}`;
}

/** Limits requests per client IP with the limiter; other requests pass untouched. */
export function rateLimit(limiter: TokenBucketLimiter, what: string): RequestHandler {
  return (req, _res, next) => {
    const waitMs = limiter.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (waitMs === 0) return next();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return next(
      new SecurityError(
        429,
        'rate_limited',
        `too many ${what} requests from this client: the limit is ${describeRate(limiter.rate)} ` +
          `(STANCEGRAPH_INGEST_RATE); retry in ${seconds} s`,
        { 'Retry-After': String(seconds) },
      ),
    );
  };
}
