// How active each actor is under a filter that bounds only dates (and actor kinds): its events
// dated in range, counted on numbers from the graph's date index, so an overview of one year
// reads that year's events and builds no event object.
import type { ActorKind } from '../model/index.ts';
import { kindAllowed, type EventFilter } from './event-filter.ts';
import type { StanceGraph } from './stance-graph.ts';

/**
 * Each actor with at least one event dated in [f.from, f.to] whose other end is also of an allowed
 * kind, and how many such events it has (an event with itself counts once). The caller checks
 * that the filter bounds nothing but dates.
 */
export function datedActivity(
  sg: StanceGraph,
  f: EventFilter,
  kinds: readonly ActorKind[] | undefined,
  tick: () => void,
): Map<string, number> {
  const pairs = sg.pairs;
  const counts = new Int32Array(pairs.actorCount);
  // Per actor number: 0 not yet looked at, 1 of an allowed kind, 2 not.
  const allowed = new Uint8Array(pairs.actorCount);
  const anyKind = !kinds?.length;
  const isAllowed = (a: number) => {
    if (anyKind) return true;
    if (allowed[a] === 0) {
      allowed[a] = kindAllowed(sg.actorKind(pairs.actorId(a))!, kinds) ? 1 : 2;
    }
    return allowed[a] === 1;
  };
  const touched: number[] = [];
  const count = (a: number) => {
    if (counts[a]++ === 0) touched.push(a);
  };
  for (const key of sg.eventsDated(f.from, f.to)) {
    tick();
    const p = sg.eventPair(key);
    const s = pairs.source(p);
    const t = pairs.target(p);
    if (!isAllowed(s) || !isAllowed(t)) continue;
    count(s);
    if (t !== s) count(t);
  }
  const out = new Map<string, number>();
  for (const a of touched) out.set(pairs.actorId(a), counts[a]!);
  return out;
}
