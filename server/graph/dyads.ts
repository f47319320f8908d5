// Dyad stance arithmetic: folding events into the aggregate of one ordered pair.
import type { DyadStance, EventEdgeAttributes } from './types.ts';

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

/** The dyad of a pair from its events, or null when there are none. */
export function dyadFromEvents(
  source: string,
  target: string,
  events: Iterable<EventEdgeAttributes>,
): DyadStance | null {
  const dyad = emptyDyad(source, target);
  for (const e of events) addEventToDyad(dyad, e);
  return dyad.eventCount === 0 ? null : dyad;
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
