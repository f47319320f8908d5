// Shortest path under a time budget: the same breadth-first search as the graph module's (sorted
// neighbours, so the same path), checking the budget as it expands nodes; the events per hop then
// come from the graph module's shortestPath bounded by the length found.
import {
  shortestPath,
  UnknownActorError,
  type PathResult,
  type StanceGraph,
} from '../graph/index.ts';
import type { TimeBudget } from '../security/index.ts';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function eventNeighbors(sg: StanceGraph, node: string): string[] {
  const found = new Set<string>();
  sg.graph.forEachEdge(node, (_key, attrs, source, target) => {
    if (attrs.kind === 'event') found.add(source === node ? target : source);
  });
  found.delete(node);
  return [...found].sort(byCodeUnits);
}

/** Hops of the shortest path within maxLength, or null; throws when the budget runs out. */
function pathLength(
  sg: StanceGraph,
  from: string,
  to: string,
  maxLength: number,
  budget: TimeBudget,
): number | null {
  if (from === to) return 0;
  const seen = new Set([from]);
  let frontier = [from];
  for (let depth = 1; depth <= maxLength && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      budget.check();
      for (const n of eventNeighbors(sg, node)) {
        if (seen.has(n)) continue;
        if (n === to) return depth;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return null;
}

export function budgetedShortestPath(
  sg: StanceGraph,
  from: string,
  to: string,
  maxLength: number,
  budget: TimeBudget,
): PathResult {
  if (!sg.hasActor(from)) throw new UnknownActorError(from, 'from');
  if (!sg.hasActor(to)) throw new UnknownActorError(to, 'to');
  const length = pathLength(sg, from, to, maxLength, budget);
  if (length === null) return { found: false, nodes: [], hops: [] };
  // Bounded by the length just found, this search costs no more than the one that found it.
  return shortestPath(sg, from, to, length);
}
