// The filter every analysis takes (the /api/graph event filter plus actor kinds) and the walk over
// the event edges that pass it.
import type { ActorKind } from '../../model/index.ts';
import {
  eventMatches,
  filterIsActive,
  forEachCandidateEvent,
  kindAllowed,
  type EventFilter,
} from '../event-filter.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { ActorNodeAttributes, EventEdgeAttributes, EventKey } from '../types.ts';

export interface AnalysisFilter extends EventFilter {
  kinds?: readonly ActorKind[];
}

/** Calls `visit` for every event edge passing the filter between actors of allowed kinds. */
export function forEachMatchingEvent(
  sg: StanceGraph,
  filter: AnalysisFilter,
  visit: (source: string, target: string, attrs: EventEdgeAttributes, key: EventKey) => void,
): void {
  forEachCandidateEvent(sg, filter, (attrs, source, target, key) => {
    if (!kindAllowed(sg.actorKind(source)!, filter.kinds)) return;
    if (!kindAllowed(sg.actorKind(target)!, filter.kinds)) return;
    if (!eventMatches(attrs, filter)) return;
    visit(source, target, attrs, key);
  });
}

/**
 * The actors an analysis ranges over, as /api/graph chooses them: with an event filter, those with
 * a matching event; without one, every actor of an allowed kind.
 */
export function analysisActors(
  sg: StanceGraph,
  filter: AnalysisFilter,
  withEvents: ReadonlySet<string>,
): string[] {
  if (filterIsActive(filter)) return [...withEvents];
  return sg.graph.filterNodes((_n, a: ActorNodeAttributes) => kindAllowed(a.kind, filter.kinds));
}

/** A stable text key of a filter, for caches: lists sorted, unset fields left out. */
export function filterKey(filter: AnalysisFilter): string {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
