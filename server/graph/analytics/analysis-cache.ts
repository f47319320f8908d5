// Results of analyses kept per graph and dropped when the graph's version moves on, so a ranking
// or a bloc partition is computed once per change of the graph, not once per request; and the
// computations under way, so however many ask for one result while it is computed, it is computed
// once, and a caller that stops waiting leaves it running for the next.
import type { StanceGraph } from '../stance-graph.ts';

/** Distinct (analysis, filter) results kept per graph version; the least recently used go first. */
const MAX_ENTRIES = 32;

interface GraphCache {
  version: number;
  entries: Map<string, unknown>;
  pending: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<StanceGraph, GraphCache>();

function cacheOf(sg: StanceGraph): GraphCache {
  let cache = caches.get(sg);
  if (!cache || cache.version !== sg.version) {
    cache = { version: sg.version, entries: new Map(), pending: new Map() };
    caches.set(sg, cache);
  }
  return cache;
}

function hit<T>(cache: GraphCache, key: string): T {
  const value = cache.entries.get(key) as T;
  // Re-inserting moves the entry to the back of the eviction order.
  cache.entries.delete(key);
  cache.entries.set(key, value);
  return value;
}

function keep(cache: GraphCache, key: string, value: unknown): void {
  cache.entries.set(key, value);
  if (cache.entries.size > MAX_ENTRIES) {
    cache.entries.delete(cache.entries.keys().next().value as string);
  }
}

/**
 * The cached value of `key` for the graph's current version, computed by `compute` on a miss. A
 * computation that throws (a spent time budget) caches nothing.
 */
export function cached<T>(sg: StanceGraph, key: string, compute: () => T): T {
  const cache = cacheOf(sg);
  if (cache.entries.has(key)) return hit<T>(cache, key);
  const value = compute();
  keep(cache, key, value);
  return value;
}

/**
 * The value of `key` for the graph's current version: cached, or the computation already under way,
 * or one `start` begins. The value is kept when it arrives if the graph is still at the version it
 * was asked at; a failed computation keeps nothing (the next call starts again).
 */
export function computed<T>(sg: StanceGraph, key: string, start: () => Promise<T>): Promise<T> {
  const cache = cacheOf(sg);
  if (cache.entries.has(key)) return Promise.resolve(hit<T>(cache, key));
  const running = cache.pending.get(key);
  if (running) return running as Promise<T>;
  const computation = start();
  cache.pending.set(key, computation);
  computation.then(
    (value) => {
      cache.pending.delete(key);
      if (caches.get(sg) === cache && sg.version === cache.version) keep(cache, key, value);
    },
    // Whoever waits hears of the failure; nobody waiting is no unhandled rejection.
    () => cache.pending.delete(key),
  );
  return computation;
}

/** Whether a value for `key` is cached for the graph's current version (for tests and benches). */
export function isCached(sg: StanceGraph, key: string): boolean {
  const cache = caches.get(sg);
  return cache !== undefined && cache.version === sg.version && cache.entries.has(key);
}

/** Whether a computation of `key` is under way for the graph's current version. */
export function isComputing(sg: StanceGraph, key: string): boolean {
  const cache = caches.get(sg);
  return cache !== undefined && cache.version === sg.version && cache.pending.has(key);
}
