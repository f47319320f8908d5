// The event filter shared by the subgraph, relations and stance queries, and the scan of the events
// a filter can match (a date bound reads only the events in range, through the graph's date index).
import type { ActorKind, PloverType, Polarity, Quad } from '../model/index.ts';
import { dateInRange } from './dates.ts';
import type { EventVisitor, StanceGraph } from './stance-graph.ts';
import type { EventEdgeAttributes } from './types.ts';

export interface EventFilter {
  from?: string;
  to?: string;
  types?: readonly PloverType[];
  quads?: readonly Quad[];
  polarities?: readonly Polarity[];
  minConfidence?: number;
  document?: string;
}

export function eventMatches(e: EventEdgeAttributes, f: EventFilter): boolean {
  if (f.types?.length && !f.types.includes(e.eventType)) return false;
  if (f.quads?.length && !f.quads.includes(e.quad)) return false;
  if (f.polarities?.length && !f.polarities.includes(e.polarity)) return false;
  if (f.minConfidence !== undefined && e.confidence < f.minConfidence) return false;
  if (f.document !== undefined && e.document !== f.document) return false;
  return dateInRange(e.date, f.from, f.to);
}

/** Whether the filter bounds event dates and nothing else about events. */
export function onlyDateBound(f: EventFilter): boolean {
  return (
    hasDateBound(f) &&
    !f.types?.length &&
    !f.quads?.length &&
    !f.polarities?.length &&
    f.minConfidence === undefined &&
    f.document === undefined
  );
}

/**
 * How many events dated in range the date index may give per event of the pairs a view tallies
 * under a date bound and another filter, and still be the cheaper read: the dated events are read
 * in key order, a pair's own through a linked list across the event table. At 1M events a year's
 * 100,000 dated events were read in about a third of the time a hub's 115,000 own events took.
 * (A bound on dates alone counts from the pairs' date keys instead, pair-dates.ts.)
 */
export const DATED_READ_RATIO = 3;

/**
 * Whether a date lies in the filter's range (as dateInRange decides), each distinct date judged
 * once: a walk over many events meets the same few thousand dates again and again.
 */
export function dateJudge(f: EventFilter): (date: string | null) => boolean {
  const judged = new Map<string, boolean>();
  return (date) => {
    if (date === null) return !hasDateBound(f);
    let inRange = judged.get(date);
    if (inRange === undefined) {
      inRange = dateInRange(date, f.from, f.to);
      judged.set(date, inRange);
    }
    return inRange;
  };
}

/** Whether the filter bounds event dates. */
export function hasDateBound(f: EventFilter): boolean {
  return f.from !== undefined || f.to !== undefined;
}

/**
 * The events the filter could match, in insertion order (as forEachEvent gives them): all of them,
 * or under a date bound only those dated in range. They are visited a stretch of positions at a
 * time (`visit(start, end, visitor)` for positions below `count`), so a long walk can pause between
 * stretches. Callers still apply eventMatches.
 */
export function candidateEvents(
  sg: StanceGraph,
  f: EventFilter,
): { count: number; visit(start: number, end: number, visit: EventVisitor): void } {
  if (!hasDateBound(f)) {
    return {
      count: sg.eventSlots,
      visit: (start, end, v) => sg.forEachEventInRange(start, end, v),
    };
  }
  const keys = sg.eventsDated(f.from, f.to);
  return {
    count: keys.length,
    visit(start, end, v) {
      for (let i = Math.max(0, start); i < Math.min(end, keys.length); i++) {
        const at = sg.event(keys[i]!)!;
        v(at.event, at.source, at.target, keys[i]!);
      }
    },
  };
}

/** Visits every event the filter could match, in insertion order (see candidateEvents). */
export function forEachCandidateEvent(sg: StanceGraph, f: EventFilter, visit: EventVisitor): void {
  const events = candidateEvents(sg, f);
  events.visit(0, events.count, visit);
}

/** Whether the filter can exclude any event (so actors without a matching event can be hidden). */
export function filterIsActive(f: EventFilter): boolean {
  return Boolean(
    f.from !== undefined ||
    f.to !== undefined ||
    f.types?.length ||
    f.quads?.length ||
    f.polarities?.length ||
    f.minConfidence !== undefined ||
    f.document !== undefined,
  );
}

export function kindAllowed(kind: ActorKind, kinds: readonly ActorKind[] | undefined): boolean {
  return !kinds?.length || kinds.includes(kind);
}
