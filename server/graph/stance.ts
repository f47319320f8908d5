// The stance query: one dyad in both directions, with counts by type and a monthly timeline. Each
// direction's tally is kept until a document mentioning its source is added or removed (only such
// a document can hold events from that source), so asking again reads no event.
import type { PloverType } from '../model/index.ts';
import { ActorCache } from './actor-cache.ts';
import { UnknownActorError } from './errors.ts';
import { eventMatches, type EventFilter } from './event-filter.ts';
import { emptyDyad, addEventToDyad, majorityPolarity } from './dyads.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { DyadStance, PolarityCounts } from './types.ts';

export interface TimelinePoint extends PolarityCounts {
  /** YYYY-MM */
  month: string;
  eventCount: number;
  netScore: number;
}

export interface DirectedStance extends DyadStance {
  polarity: 'cooperative' | 'hostile' | 'neutral';
  byType: Partial<Record<PloverType, number>>;
  timeline: TimelinePoint[];
  /** Events dated only to the year, or undated: counted above but not on the timeline. */
  offTimeline: number;
}

export interface StanceResult {
  source: { id: string; name: string };
  target: { id: string; name: string };
  forward: Readonly<DirectedStance>;
  backward: Readonly<DirectedStance>;
  /** Both directions together. */
  eventCount: number;
  netScore: number;
}

/** Directed stances recently asked, by source, target and filter. */
const kept = new ActorCache<Readonly<DirectedStance>>(256);

/**
 * The stance from source to target under the filter, as kept since the source was last touched
 * (shared between replies: read only).
 */
export function keptStance(
  sg: StanceGraph,
  source: string,
  target: string,
  filter: EventFilter = {},
): Readonly<DirectedStance> {
  const key = JSON.stringify([source, target, filter]);
  return kept.get(sg, source, key, () => directedStance(sg, source, target, filter));
}

export function directedStance(
  sg: StanceGraph,
  source: string,
  target: string,
  filter: EventFilter = {},
): DirectedStance {
  const dyad = emptyDyad(source, target);
  const byType: Partial<Record<PloverType, number>> = {};
  const months = new Map<string, TimelinePoint>();
  let offTimeline = 0;
  for (const e of sg.eventsBetween(source, target)) {
    if (!eventMatches(e, filter)) continue;
    addEventToDyad(dyad, e);
    byType[e.eventType] = (byType[e.eventType] ?? 0) + 1;
    if (e.date === null || e.date.length < 7) {
      offTimeline += 1;
      continue;
    }
    const month = e.date.slice(0, 7);
    let point = months.get(month);
    if (!point) {
      point = { month, eventCount: 0, netScore: 0, cooperative: 0, hostile: 0, neutral: 0 };
      months.set(month, point);
    }
    point.eventCount += 1;
    point.netScore += e.score;
    point[e.polarity] += 1;
  }
  const timeline = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  return { ...dyad, polarity: majorityPolarity(dyad), byType, timeline, offTimeline };
}

export function stance(
  sg: StanceGraph,
  source: string,
  target: string,
  filter: EventFilter = {},
): StanceResult {
  const a = sg.actor(source);
  if (!a) throw new UnknownActorError(source, 'source');
  const b = sg.actor(target);
  if (!b) throw new UnknownActorError(target, 'target');
  const forward = keptStance(sg, source, target, filter);
  const backward = keptStance(sg, target, source, filter);
  return {
    source: { id: source, name: a.name },
    target: { id: target, name: b.name },
    forward,
    backward,
    eventCount: forward.eventCount + (source === target ? 0 : backward.eventCount),
    netScore: forward.netScore + (source === target ? 0 : backward.netScore),
  };
}
