// Per-actor lists of events, newest first, for the relations query: built when an actor is
// first asked for, kept for the most recently asked actors, and rebuilt only once a document that
// mentions the actor has been added or removed. A page of a hub's 100,000 events is then a binary
// search and a slice instead of a sort. Only the event keys are kept; dates and ids are read from
// the graph.
import { ActorCache } from './actor-cache.ts';
import { newestFirst } from './event-view.ts';
import type { EventSide, StanceGraph } from './stance-graph.ts';
import type { EventKey } from './types.ts';

export type Side = EventSide;

/** Actors whose ordered events are kept, most recently asked last. */
const ordered = new ActorCache<EventKey[]>(64);

function build(sg: StanceGraph, side: Side, id: string): EventKey[] {
  const events: { date: string | null; id: string; key: EventKey }[] = [];
  sg.forEachEventOf(id, side, (attrs, _source, _target, key) => {
    events.push({ date: attrs.date, id: attrs.id, key });
  });
  // Array sort is stable: ties keep the graph's order, as a full scan would list them.
  return events.sort(newestFirst).map((e) => e.key);
}

/** The edge keys of the actor's events on one side, newest first; read-only. */
export function orderedEvents(sg: StanceGraph, side: Side, id: string): readonly EventKey[] {
  return ordered.get(sg, id, `${side}:${id}`, () => build(sg, side, id));
}
