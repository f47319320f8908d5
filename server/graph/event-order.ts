// Per-actor lists of event edges, newest first, for the relations query: built when an actor is
// first asked for, kept for the most recently asked actors, and rebuilt only once a document that
// mentions the actor has been added or removed. A page of a hub's 100,000 events is then a binary
// search and a slice instead of a sort.
import { newestFirst } from './event-view.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { EventEdgeAttributes } from './types.ts';

export type Side = 'out' | 'in' | 'any';

export interface OrderedEvent {
  date: string | null;
  id: string;
  key: string;
  source: string;
  target: string;
  attrs: EventEdgeAttributes;
}

interface Entry {
  builtAt: number;
  events: OrderedEvent[];
}

/** Actors whose ordered events are kept, most recently asked last. */
const KEPT_ACTORS = 64;
const caches = new WeakMap<StanceGraph, Map<string, Entry>>();

function build(sg: StanceGraph, side: Side, id: string): OrderedEvent[] {
  const g = sg.graph;
  const events: OrderedEvent[] = [];
  const visit = (
    key: string,
    attrs: EventEdgeAttributes | { kind: 'affiliation' },
    source: string,
    target: string,
  ) => {
    if (attrs.kind === 'event')
      events.push({ date: attrs.date, id: attrs.id, key, source, target, attrs });
  };
  if (side === 'out') g.forEachOutEdge(id, visit);
  else if (side === 'in') g.forEachInEdge(id, visit);
  else g.forEachEdge(id, visit);
  // Array sort is stable: ties keep the graph's order, as a full scan would list them.
  return events.sort(newestFirst);
}

/** The actor's events on one side, newest first; read-only. */
export function orderedEvents(sg: StanceGraph, side: Side, id: string): readonly OrderedEvent[] {
  let cache = caches.get(sg);
  if (!cache) caches.set(sg, (cache = new Map()));
  const key = `${side}:${id}`;
  const hit = cache.get(key);
  cache.delete(key);
  const entry =
    hit && hit.builtAt >= sg.touched(id)
      ? hit
      : { builtAt: sg.version, events: build(sg, side, id) };
  cache.set(key, entry);
  if (cache.size > KEPT_ACTORS) cache.delete(cache.keys().next().value!);
  return entry.events;
}
