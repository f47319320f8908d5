// Results of analyses kept per graph and dropped when the graph's version moves on, so a ranking
// or a bloc partition is computed once per change of the graph, not once per request.
import type { StanceGraph } from '../stance-graph.ts';

/** Distinct (analysis, filter) results kept per graph version; the least recently used go first. */
const MAX_ENTRIES = 32;

interface GraphCache {
  version: number;
  entries: Map<string, unknown>;
}

const caches = new WeakMap<StanceGraph, GraphCache>();

/**
 * The cached value of `key` for the graph's current version, computed by `compute` on a miss. A
 * computation that throws (a spent time budget) caches nothing.
 */
export function cached<T>(sg: StanceGraph, key: string, compute: () => T): T {
  let cache = caches.get(sg);
  if (!cache || cache.version !== sg.version) {
    cache = { version: sg.version, entries: new Map() };
    caches.set(sg, cache);
  }
  if (cache.entries.has(key)) {
    const value = cache.entries.get(key) as T;
    // Re-inserting moves the entry to the back of the eviction order.
    cache.entries.delete(key);
    cache.entries.set(key, value);
    return value;
  }
  const value = compute();
  cache.entries.set(key, value);
  if (cache.entries.size > MAX_ENTRIES) {
    cache.entries.delete(cache.entries.keys().next().value as string);
  }
  return value;
}

/** Whether a value for `key` is cached for the graph's current version (for tests and benches). */
export function isCached(sg: StanceGraph, key: string): boolean {
  const cache = caches.get(sg);
  return cache !== undefined && cache.version === sg.version && cache.entries.has(key);
}
