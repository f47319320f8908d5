// The relations query: events with evidence, filtered, newest first, keyset-paginated.
import type { EventVisitor, StanceGraph } from './stance-graph.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { UnknownActorError } from './errors.ts';
import {
  eventMatches,
  filterIsActive,
  forEachCandidateEvent,
  type EventFilter,
} from './event-filter.ts';
import { orderedEvents, type Side } from './event-order.ts';
import { eventView, newestFirst } from './event-view.ts';
import type { EventKey, EventView } from './types.ts';

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

/** Calls `visit` for the events worth scanning: the narrowest adjacency the query allows. */
function forEachCandidate(sg: StanceGraph, q: RelationsQuery, visit: EventVisitor): void {
  for (const [param, id] of [
    ['source', q.source],
    ['target', q.target],
    ['actor', q.actor],
  ] as const) {
    if (id !== undefined && !sg.hasActor(id)) throw new UnknownActorError(id, param);
  }
  if (q.source !== undefined && q.target !== undefined) {
    const { source, target } = q;
    sg.forEachEventBetween(source, target, (event, key) => visit(event, source, target, key));
    return;
  }
  if (q.source !== undefined) sg.forEachEventOf(q.source, 'out', visit);
  else if (q.target !== undefined) sg.forEachEventOf(q.target, 'in', visit);
  else if (q.actor !== undefined) sg.forEachEventOf(q.actor, 'any', visit);
  else forEachCandidateEvent(sg, q, visit);
}

/** The page of an actor's ordered event keys after the cursor, counting every match. */
function pageOf(
  sg: StanceGraph,
  keys: readonly EventKey[],
  q: RelationsQuery,
  after: Position | undefined,
): { page: EventKey[]; total: number; remaining: number } {
  const attrsOf = (key: EventKey) => sg.event(key)!.event;
  const start = after === undefined ? 0 : insertionPoint(keys, attrsOf, after);
  if (!filterIsActive(q)) {
    return {
      page: keys.slice(start, start + q.limit),
      total: keys.length,
      remaining: keys.length - start,
    };
  }
  const page: EventKey[] = [];
  let total = 0;
  let remaining = 0;
  keys.forEach((key, i) => {
    if (!eventMatches(attrsOf(key), q)) return;
    total += 1;
    if (i < start) return;
    remaining += 1;
    if (page.length < q.limit) page.push(key);
  });
  return { page, total, remaining };
}

/**
 * One page of matching events, newest first. A query on one actor reads that actor's events in
 * date order (event-order.ts); other queries keep only the page in order as they scan, so no query
 * sorts every match.
 */
export function relations(sg: StanceGraph, q: RelationsQuery): RelationsResult {
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, isPosition);
  const one = [
    ['out', q.source],
    ['in', q.target],
    ['any', q.actor],
  ].filter(([, id]) => id !== undefined) as [Side, string][];
  if (one.length === 1) {
    const [side, id] = one[0]!;
    if (!sg.hasActor(id)) {
      throw new UnknownActorError(
        id,
        side === 'out' ? 'source' : side === 'in' ? 'target' : 'actor',
      );
    }
    const { page, total, remaining } = pageOf(sg, orderedEvents(sg, side, id), q, after);
    const items = page.map((key) => eventView(sg, key)!);
    const last = items.at(-1);
    return {
      items,
      total,
      nextCursor:
        last && remaining > q.limit ? encodeCursor({ date: last.date, id: last.id }) : null,
    };
  }
  let total = 0;
  let remaining = 0;
  // The `limit` newest matches after the cursor, in order; ties keep scan order.
  const page: (Position & { key: EventKey })[] = [];
  forEachCandidate(sg, q, (attrs, source, target, key) => {
    if (!eventMatches(attrs, q)) return;
    if (q.actor !== undefined && source !== q.actor && target !== q.actor) return;
    total += 1;
    const m = { date: attrs.date, id: attrs.id, key };
    if (after !== undefined && newestFirst(m, after) <= 0) return;
    remaining += 1;
    if (page.length === q.limit && newestFirst(m, page[page.length - 1]!) >= 0) return;
    page.splice(
      insertionPoint(page, (p) => p, m),
      0,
      m,
    );
    if (page.length > q.limit) page.pop();
  });
  const last = page.at(-1);
  return {
    items: page.map((m) => eventView(sg, m.key)!),
    total,
    nextCursor: last && remaining > q.limit ? encodeCursor({ date: last.date, id: last.id }) : null,
  };
}

/** Index of the first item strictly after `pos` in a newest-first list (binary search). */
function insertionPoint<T>(
  sorted: readonly T[],
  position: (item: T) => Position,
  pos: Position,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newestFirst(position(sorted[mid]!), pos) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
