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

/** Whether the filter bounds event dates. */
export function hasDateBound(f: EventFilter): boolean {
  return f.from !== undefined || f.to !== undefined;
}

/**
 * Visits, in insertion order (as forEachEvent does), every event the filter could match: all of
 * them, or under a date bound only those dated in range. Callers still apply eventMatches.
 */
export function forEachCandidateEvent(sg: StanceGraph, f: EventFilter, visit: EventVisitor): void {
  if (!hasDateBound(f)) {
    sg.forEachEvent(visit);
    return;
  }
  for (const key of sg.eventsDated(f.from, f.to)) {
    const at = sg.event(key)!;
    visit(at.event, at.source, at.target, key);
  }
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
