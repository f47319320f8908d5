// Answers derived from one actor's part of the graph, kept for the most recently asked keys and
// rebuilt only once a document mentioning that actor has been added or removed since.
import type { StanceGraph } from './stance-graph.ts';

export class ActorCache<T> {
  private readonly byGraph = new WeakMap<StanceGraph, Map<string, { builtAt: number; value: T }>>();

  /** Keeps at most `max` entries per graph, dropping the least recently asked. */
  constructor(private readonly max: number) {}

  /** The value under `key` for `actor`, built by `build` when missing or stale. */
  get(sg: StanceGraph, actor: string, key: string, build: () => T): T {
    let cache = this.byGraph.get(sg);
    if (!cache) this.byGraph.set(sg, (cache = new Map()));
    const hit = cache.get(key);
    cache.delete(key);
    const entry =
      hit && hit.builtAt >= sg.touched(actor) ? hit : { builtAt: sg.version, value: build() };
    cache.set(key, entry);
    if (cache.size > this.max) cache.delete(cache.keys().next().value!);
    return entry.value;
  }
}
