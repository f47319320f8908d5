// The pairs a bounded view shows among its actors: all of them counted, the busiest picked. Without
// an event filter they are the graph's own pair numbers, gathered by scanning each shown actor's
// partners in order and ranked on numbers (events, then the actors' ids in code-unit order), so a
// view costs the shown actors' partner lists and never a sort of all its pairs; under a filter each
// pair's matching events are tallied.
import { byCodeUnits } from './contributions.ts';
import { dyadKey, PairCounter } from './dyads.ts';
import { eventMatches, filterIsActive, type EventFilter } from './event-filter.ts';
import type { PairIndex, PairsAmong, PairTally } from './pair-index.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { BudgetTicker } from './view-select.ts';

/** The pairs with events among a view's actors. */
export interface FoundPairs {
  /** How many pairs. */
  readonly count: number;
  /** Their events. */
  readonly events: number;
  /** The `k` busiest (most events, then source and target ids in code-unit order), busiest first. */
  busiest(k: number): PairTally[];
  /** The pair from source to target, when found. */
  get(source: string, target: string): PairTally | undefined;
}

/**
 * The pairs with events among the kept actors: the graph's tallies when no event filter is set,
 * otherwise tallies of the matching events only.
 */
export function pairsAmong(
  sg: StanceGraph,
  kept: ReadonlySet<string>,
  q: EventFilter,
  ticker: BudgetTicker,
): FoundPairs {
  const index = sg.pairs;
  const actors: number[] = [];
  for (const id of kept) {
    const a = index.findActor(id);
    if (a >= 0) actors.push(a);
  }
  ticker.check();
  const found = index.among(actors);
  ticker.check();
  if (!filterIsActive(q)) return new IndexedPairs(index, actors, found);
  const g = sg.graph;
  const out: PairCounter[] = [];
  for (const p of found.pairs) {
    const source = index.actorId(index.source(p));
    const target = index.actorId(index.target(p));
    const tally = new PairCounter(source, target);
    g.forEachOutEdge(source, target, (_key, attrs) => {
      ticker.tick();
      if (attrs.kind === 'event' && eventMatches(attrs, q)) tally.add(attrs);
    });
    if (tally.stance.eventCount > 0) out.push(tally);
  }
  return new CountedPairs(out);
}

/** Pairs of the graph's index, by number. */
class IndexedPairs implements FoundPairs {
  readonly count: number;
  readonly events: number;

  constructor(
    private readonly index: PairIndex,
    private readonly actors: readonly number[],
    private readonly found: PairsAmong,
  ) {
    this.count = found.pairs.length;
    let events = 0;
    for (const n of found.events) events += n;
    this.events = events;
  }

  get(source: string, target: string): PairTally | undefined {
    const p = this.index.findIds(source, target);
    return p < 0 ? undefined : this.index.view(p);
  }

  busiest(k: number): PairTally[] {
    const index = this.index;
    // Each actor's place in code-unit order of ids, so ties on events break on two numbers.
    const order = [...new Set(this.actors)].sort((a, b) =>
      byCodeUnits(index.actorId(a), index.actorId(b)),
    );
    const rank = new Int32Array(index.actorCount);
    order.forEach((a, i) => (rank[a] = i));
    const { pairs, sources, events } = this.found;
    const chosen = pairs.length <= k ? pairs.map((_p, i) => i) : this.top(k, rank, order.length);
    // Sorted on one number a pair: fewer events first, then later ids, read back to front.
    const width = order.length * order.length;
    const keys = new Float64Array(chosen.length);
    const at = new Map<number, number>();
    for (let i = 0; i < chosen.length; i++) {
      const j = chosen[i]!;
      const ids = rank[sources[j]!]! * order.length + rank[index.target(pairs[j]!)]!;
      keys[i] = events[j]! * width + (width - 1 - ids);
      at.set(keys[i]!, pairs[j]!);
    }
    keys.sort();
    const out: PairTally[] = [];
    for (let i = keys.length - 1; i >= 0; i--) out.push(index.view(at.get(keys[i]!)!));
    return out;
  }

  /**
   * Positions (in the found lists) of the `k` busiest pairs, unordered: those above the k-th's
   * event count, then of those at it the first by source and target ids.
   */
  private top(k: number, rank: Int32Array, actors: number): Int32Array {
    const { pairs, sources, events } = this.found;
    // How many pairs have each event count, to find the k-th's count.
    const levels = new Map<number, number>();
    for (let i = 0; i < events.length; i++)
      levels.set(events[i]!, (levels.get(events[i]!) ?? 0) + 1);
    let above = 0;
    let threshold = 0;
    for (const level of [...levels.keys()].sort((a, b) => b - a)) {
      const n = levels.get(level)!;
      if (above + n >= k) {
        threshold = level;
        break;
      }
      above += n;
    }
    // Of the pairs at that count, the first `need` by source then target: counted by source
    // first, so only the pairs of the source where the cut falls are sorted.
    const need = k - above;
    const bySource = new Int32Array(actors);
    for (let i = 0; i < events.length; i++) {
      if (events[i] === threshold) bySource[rank[sources[i]!]!]! += 1;
    }
    let before = 0;
    let cut = 0;
    while (before + bySource[cut]! < need) before += bySource[cut++]!;
    const chosen = new Int32Array(k);
    let n = 0;
    const atCut: number[] = [];
    for (let i = 0; i < events.length; i++) {
      if (events[i]! > threshold) chosen[n++] = i;
      else if (events[i] === threshold) {
        const r = rank[sources[i]!]!;
        if (r < cut) chosen[n++] = i;
        else if (r === cut) atCut.push(i);
      }
    }
    const target = (i: number) => rank[this.index.target(pairs[i]!)]!;
    atCut.sort((a, b) => target(a) - target(b));
    for (let i = 0; i < need - before; i++) chosen[n++] = atCut[i]!;
    return chosen;
  }
}

/** Pairs tallied for one view (under an event filter). */
class CountedPairs implements FoundPairs {
  readonly count: number;
  readonly events: number;
  private byKey: Map<string, PairCounter> | null = null;

  constructor(private readonly pairs: readonly PairCounter[]) {
    this.count = pairs.length;
    this.events = pairs.reduce((n, p) => n + p.stance.eventCount, 0);
  }

  get(source: string, target: string): PairTally | undefined {
    this.byKey ??= new Map(this.pairs.map((p) => [dyadKey(p.stance.source, p.stance.target), p]));
    return this.byKey.get(dyadKey(source, target));
  }

  busiest(k: number): PairTally[] {
    const byEvents = (a: PairCounter, b: PairCounter) =>
      b.stance.eventCount - a.stance.eventCount ||
      byCodeUnits(a.stance.source, b.stance.source) ||
      byCodeUnits(a.stance.target, b.stance.target);
    if (this.pairs.length <= k) return [...this.pairs].sort(byEvents);
    // The event count the k-th pair has, from a histogram, so only about k pairs are sorted.
    const counts = new Map<number, number>();
    for (const p of this.pairs) {
      counts.set(p.stance.eventCount, (counts.get(p.stance.eventCount) ?? 0) + 1);
    }
    const levels = [...counts.keys()].sort((a, b) => b - a);
    let seen = 0;
    let threshold = 0;
    for (const level of levels) {
      seen += counts.get(level)!;
      threshold = level;
      if (seen >= k) break;
    }
    return this.pairs
      .filter((p) => p.stance.eventCount >= threshold)
      .sort(byEvents)
      .slice(0, k);
  }
}
