// Dyad stance arithmetic: folding events into the aggregate of one ordered pair, and the tally of a
// pair as one view counts it (the stance plus counts by PLOVER type).
import type { PloverType } from '../model/index.ts';
import type { PairTally } from './pair-index.ts';
import type { DyadStance, EventEdgeAttributes } from './types.ts';

/**
 * The tally of one ordered pair built as a view is (under an event filter, only the matching
 * events count): a plain object, for the few pairs one reply shows. The graph's own tallies of
 * every pair are columns in pair-index.ts.
 */
export class PairCounter implements PairTally {
  readonly stance: DyadStance;
  /** Each PLOVER type and its count, alternating, in the order first seen. */
  readonly #types: (PloverType | number)[] = [];

  constructor(source: string, target: string) {
    this.stance = emptyDyad(source, target);
  }

  /** Event counts by PLOVER type, in the order first seen (a new object each time). */
  get types(): Partial<Record<PloverType, number>> {
    const out: Partial<Record<PloverType, number>> = {};
    const t = this.#types;
    for (let i = 0; i < t.length; i += 2) out[t[i] as PloverType] = t[i + 1] as number;
    return out;
  }

  /** Counts one more event. */
  add(event: EventEdgeAttributes): void {
    addEventToDyad(this.stance, event);
    const at = this.#types.indexOf(event.eventType);
    if (at >= 0) (this.#types[at + 1] as number) += 1;
    else this.#types.push(event.eventType, 1);
  }
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
