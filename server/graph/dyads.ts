// Dyad stance arithmetic: folding events into the aggregate of one ordered pair, and the pair tally
// the graph keeps per ordered pair (the stance plus counts by PLOVER type).
import type { PloverType } from '../model/index.ts';
import type { DyadStance, EventEdgeAttributes } from './types.ts';

/** What the graph keeps of one ordered pair with events. */
export interface PairTally {
  stance: DyadStance;
  /** Event counts by PLOVER type. */
  types: Partial<Record<PloverType, number>>;
}

export function dyadKey(source: string, target: string): string {
  return `${source}>${target}`;
}

export function emptyDyad(source: string, target: string): DyadStance {
  return {
    source,
    target,
    eventCount: 0,
    netScore: 0,
    cooperative: 0,
    hostile: 0,
    neutral: 0,
    firstDate: null,
    lastDate: null,
  };
}

/** Adds one event to a dyad in place. */
export function addEventToDyad(dyad: DyadStance, event: EventEdgeAttributes): void {
  dyad.eventCount += 1;
  dyad.netScore += event.score;
  dyad[event.polarity] += 1;
  if (event.date !== null) {
    if (dyad.firstDate === null || event.date < dyad.firstDate) dyad.firstDate = event.date;
    if (dyad.lastDate === null || event.date > dyad.lastDate) dyad.lastDate = event.date;
  }
}

export function emptyPair(source: string, target: string): PairTally {
  return { stance: emptyDyad(source, target), types: {} };
}

/** Adds one event to a pair tally in place. */
export function addEventToPair(pair: PairTally, event: EventEdgeAttributes): void {
  addEventToDyad(pair.stance, event);
  pair.types[event.eventType] = (pair.types[event.eventType] ?? 0) + 1;
}

/** The tally of a pair from its events, or null when there are none. */
export function pairFromEvents(
  source: string,
  target: string,
  events: Iterable<EventEdgeAttributes>,
): PairTally | null {
  const pair = emptyPair(source, target);
  for (const e of events) addEventToPair(pair, e);
  return pair.stance.eventCount === 0 ? null : pair;
}

/** The majority polarity of a tally; ties fall to neutral. */
export function majorityPolarity(c: {
  cooperative: number;
  hostile: number;
  neutral: number;
}): 'cooperative' | 'hostile' | 'neutral' {
  if (c.cooperative > c.hostile && c.cooperative >= c.neutral) return 'cooperative';
  if (c.hostile > c.cooperative && c.hostile >= c.neutral) return 'hostile';
  return 'neutral';
}
