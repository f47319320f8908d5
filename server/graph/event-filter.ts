// The event filter shared by the subgraph, relations and stance queries.
import type { ActorKind, PloverType, Polarity, Quad } from '../model/index.ts';
import { dateInRange } from './dates.ts';
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
