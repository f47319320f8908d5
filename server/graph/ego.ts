// Breadth-first ego network over an adjacency map: pure, so the explorer runs the same code.
import type { Budget } from './types.ts';

/** Nodes within `depth` hops of `focus`; the budget, if any, is checked once per visited node. */
export function egoNodes(
  adjacency: ReadonlyMap<string, Iterable<string>>,
  focus: string,
  depth: number,
  budget?: Budget,
): Set<string> {
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      budget?.check();
      for (const m of adjacency.get(n) ?? []) {
        if (!seen.has(m)) {
          seen.add(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
