// Shortest path between two actors over event edges (direction ignored), with the events per hop.
import { byCodeUnits } from './contributions.ts';
import { UnknownActorError } from './errors.ts';
import { eventView, newestFirst } from './event-view.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { Budget, EventView } from './types.ts';

export interface PathHop {
  from: string;
  to: string;
  eventCount: number;
  /** Newest first, at most `eventsPerHop`. */
  events: EventView[];
}

export interface PathOptions {
  /** Events listed per hop, newest first (default 5). */
  eventsPerHop?: number;
  /** Checked at each node the search expands; its error propagates. */
  budget?: Budget;
}

export interface PathResult {
  found: boolean;
  /** Actor ids from `from` to `to`; empty when no path within the bound. */
  nodes: string[];
  hops: PathHop[];
}

/** Sorted neighbours over event edges in either direction, so the chosen path is deterministic. */
function eventNeighbors(sg: StanceGraph, node: string): string[] {
  const found = new Set<string>();
  sg.graph.forEachEdge(node, (_key, attrs, source, target) => {
    if (attrs.kind === 'event') found.add(source === node ? target : source);
  });
  found.delete(node);
  return [...found].sort(byCodeUnits);
}

/** Breadth-first search bounded by maxLength hops; returns the node sequence or null. */
function shortestPathNodes(
  sg: StanceGraph,
  from: string,
  to: string,
  maxLength: number,
  budget: Budget | undefined,
): string[] | null {
  if (from === to) return [from];
  const parent = new Map<string, string>([[from, from]]);
  let frontier = [from];
  for (let depth = 0; depth < maxLength && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      budget?.check();
      for (const n of eventNeighbors(sg, node)) {
        if (parent.has(n)) continue;
        parent.set(n, node);
        if (n === to) {
          const path = [to];
          let cur = to;
          while (cur !== from) path.push((cur = parent.get(cur)!));
          return path.reverse();
        }
        next.push(n);
      }
    }
    frontier = next;
  }
  return null;
}

export function shortestPath(
  sg: StanceGraph,
  from: string,
  to: string,
  maxLength: number,
  { eventsPerHop = 5, budget }: PathOptions = {},
): PathResult {
  if (!sg.hasActor(from)) throw new UnknownActorError(from, 'from');
  if (!sg.hasActor(to)) throw new UnknownActorError(to, 'to');
  const nodes = shortestPathNodes(sg, from, to, maxLength, budget);
  if (!nodes) return { found: false, nodes: [], hops: [] };
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!;
    const b = nodes[i + 1]!;
    const keys = [...sg.graph.outEdges(a, b), ...sg.graph.outEdges(b, a)];
    const events = keys.map((k) => eventView(sg, k)).filter((e): e is EventView => e !== null);
    events.sort(newestFirst);
    hops.push({ from: a, to: b, eventCount: events.length, events: events.slice(0, eventsPerHop) });
  }
  return { found: true, nodes, hops };
}
