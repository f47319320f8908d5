// Per-actor lists of event edges, newest first, for the relations query: built when an actor is
// first asked for, kept for the most recently asked actors, and rebuilt only once a document that
// mentions the actor has been added or removed. A page of a hub's 100,000 events is then a binary
// search and a slice instead of a sort. Only the edge keys are kept; dates and ids are read from
// the graph.
import { ActorCache } from './actor-cache.ts';
import { newestFirst } from './event-view.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { EventEdgeAttributes } from './types.ts';

export type Side = 'out' | 'in' | 'any';

/** Actors whose ordered events are kept, most recently asked last. */
const ordered = new ActorCache<string[]>(64);

function build(sg: StanceGraph, side: Side, id: string): string[] {
  const g = sg.graph;
  const events: { date: string | null; id: string; key: string }[] = [];
  const visit = (key: string, attrs: EventEdgeAttributes | { kind: 'affiliation' }) => {
    if (attrs.kind === 'event') events.push({ date: attrs.date, id: attrs.id, key });
  };
  if (side === 'out') g.forEachOutEdge(id, visit);
  else if (side === 'in') g.forEachInEdge(id, visit);
  else g.forEachEdge(id, visit);
  // Array sort is stable: ties keep the graph's order, as a full scan would list them.
  return events.sort(newestFirst).map((e) => e.key);
}

/** The edge keys of the actor's events on one side, newest first; read-only. */
export function orderedEvents(sg: StanceGraph, side: Side, id: string): readonly string[] {
  return ordered.get(sg, id, `${side}:${id}`, () => build(sg, side, id));
}
