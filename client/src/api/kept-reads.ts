// Answers of the detail reads (an actor, a timeline) kept for the page until the graph changes,
// so a panel drawn again on every change of view does not ask the server again for what it has
// just shown. A failed read is not kept; the oldest answers go first past KEPT_READS.
import type { ApiClient } from './client.ts';

export const KEPT_READS = 200;

export interface KeptReads {
  /** The client with `actor` and `timeline` answered from the kept replies when it can. */
  api: ApiClient;
  /** Drops every kept answer (the graph changed: an article was added). */
  forget(): void;
}

export function keepReads(client: ApiClient): KeptReads {
  const kept = new Map<string, Promise<unknown>>();
  function read<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let p = kept.get(key) as Promise<T> | undefined;
    if (!p) {
      p = ask();
      kept.set(key, p);
      p.catch(() => {
        if (kept.get(key) === p) kept.delete(key);
      });
      if (kept.size > KEPT_READS) kept.delete(kept.keys().next().value as string);
    }
    return p;
  }
  const api: ApiClient = {
    ...client,
    actor: (id) => read(`actor ${id}`, () => client.actor(id)),
    timeline: (q) => read(`timeline ${JSON.stringify(q)}`, () => client.timeline(q)),
  };
  return { api, forget: () => kept.clear() };
}
