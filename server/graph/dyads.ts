// Dyad stance arithmetic: folding events into the aggregate of one ordered pair, and the pair tally
// the graph keeps per ordered pair (the stance plus counts by PLOVER type).
import type { PloverType } from '../model/index.ts';
import type { DyadStance, EventEdgeAttributes } from './types.ts';

/**
 * What the graph keeps of one ordered pair with events: a single object that is its own stance
 * (the DyadStance fields, in DyadStance's order, so a spread copy of `stance` is exactly the
 * dyad) with its counts by PLOVER type held privately. A store of a million events holds about as
 * many pairs, so one object a pair instead of three matters.
 */
export class PairTally implements DyadStance {
  source: string;
  target: string;
  eventCount: number;
  netScore: number;
  cooperative: number;
  hostile: number;
  neutral: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The first PLOVER type seen and its count; any later types and counts, alternating, in
   *  exactly sized arrays (most pairs have one type, and a grown array would hold spare room). */
  #firstType: PloverType | null = null;
  #firstCount = 0;
  #more: (PloverType | number)[] | null = null;

  constructor(source: string, target: string) {
    this.source = source;
    this.target = target;
    this.eventCount = 0;
    this.netScore = 0;
    this.cooperative = 0;
    this.hostile = 0;
    this.neutral = 0;
    this.firstDate = null;
    this.lastDate = null;
  }

  /** The pair's aggregate stance: the tally itself. */
  get stance(): DyadStance {
    return this;
  }

  /** Event counts by PLOVER type, in the order first seen (a new object each time). */
  get types(): Partial<Record<PloverType, number>> {
    const out: Partial<Record<PloverType, number>> = {};
    if (this.#firstType !== null) out[this.#firstType] = this.#firstCount;
    const more = this.#more ?? [];
    for (let i = 0; i < more.length; i += 2) out[more[i] as PloverType] = more[i + 1] as number;
    return out;
  }

  /** Counts one more event of a type. */
  addType(type: PloverType): void {
    if (this.#firstType === null || this.#firstType === type) {
      this.#firstType = type;
      this.#firstCount += 1;
      return;
    }
    const at = this.#more?.indexOf(type) ?? -1;
    if (at >= 0) (this.#more![at + 1] as number) += 1;
    else this.#more = [...(this.#more ?? []), type, 1];
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

export function emptyPair(source: string, target: string): PairTally {
  return new PairTally(source, target);
}

/** Adds one event to a pair tally in place. */
export function addEventToPair(pair: PairTally, event: EventEdgeAttributes): void {
  addEventToDyad(pair, event);
  pair.addType(event.eventType);
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
