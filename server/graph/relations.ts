// The relations query: events with evidence, filtered, newest first, keyset-paginated.
import type { StanceGraph } from './stance-graph.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { UnknownActorError } from './errors.ts';
import { eventMatches, type EventFilter } from './event-filter.ts';
import { eventView, newestFirst } from './event-view.ts';
import type { EventView } from './types.ts';

export interface RelationsQuery extends EventFilter {
  source?: string;
  target?: string;
  /** Either endpoint. */
  actor?: string;
  limit: number;
  cursor?: string;
}

export interface RelationsResult {
  items: EventView[];
  total: number;
  nextCursor: string | null;
}

type Position = { date: string | null; id: string };

function isPosition(v: unknown): v is Position {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (p.date === null || typeof p.date === 'string') && typeof p.id === 'string';
}

/** Edge keys worth scanning: the narrowest adjacency the query allows. */
function candidateEdges(sg: StanceGraph, q: RelationsQuery): string[] {
  const g = sg.graph;
  for (const [param, id] of [
    ['source', q.source],
    ['target', q.target],
    ['actor', q.actor],
  ] as const) {
    if (id !== undefined && !g.hasNode(id)) throw new UnknownActorError(id, param);
  }
  if (q.source !== undefined && q.target !== undefined) return g.outEdges(q.source, q.target);
  if (q.source !== undefined) return g.outEdges(q.source);
  if (q.target !== undefined) return g.inEdges(q.target);
  if (q.actor !== undefined) return g.edges(q.actor);
  return g.edges();
}

export function relations(sg: StanceGraph, q: RelationsQuery): RelationsResult {
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, isPosition);
  const g = sg.graph;
  // Sort light positions and build full views only for the page.
  const matches: (Position & { key: string })[] = [];
  for (const key of candidateEdges(sg, q)) {
    const attrs = g.getEdgeAttributes(key);
    if (attrs.kind !== 'event' || !eventMatches(attrs, q)) continue;
    if (q.actor !== undefined && g.source(key) !== q.actor && g.target(key) !== q.actor) continue;
    matches.push({ date: attrs.date, id: attrs.id, key });
  }
  matches.sort(newestFirst);
  const start = after === undefined ? 0 : firstAfter(matches, after);
  const page = matches.slice(start, start + q.limit);
  const last = page.at(-1);
  return {
    items: page.map((m) => eventView(sg, m.key)!),
    total: matches.length,
    nextCursor:
      last && start + q.limit < matches.length
        ? encodeCursor({ date: last.date, id: last.id })
        : null,
  };
}

/** Index of the first item strictly after the cursor position (binary search on the sorted list). */
function firstAfter(sorted: readonly Position[], pos: Position): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newestFirst(sorted[mid]!, pos) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
