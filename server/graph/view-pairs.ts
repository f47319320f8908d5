// The pairs a bounded view shows among its actors: all of them counted, the busiest picked. Without
// an event filter they are the graph's own pair numbers: gathered by scanning each shown actor's
// partners against a mark per actor, kept per set of shown actors, and gathered again at a later
// graph version only for the shown actors a document has touched since (only a document
// mentioning an actor can change the pairs it is the source of). The members are marked in one
// array per pair index, kept and cleared member by member, so a small view (a leaf's ego view)
// does work in proportion to its members and their partners, never to the actors in the graph.
// The busiest are picked on numbers (events, then the actors' ids in code-unit order): a
// histogram of event counts gives the last count needed, and only the pairs at or above it are
// sorted. Under a filter that bounds only dates each pair's events in range are counted from its
// date keys (pair-dates.ts) and the rest of its tally read only for the pairs a reply shows; under
// any other filter each pair's matching events are tallied: under a date bound whose dated events
// are not many more than the pairs' own (DATED_READ_RATIO), from the events dated in range (the
// graph's date index), newest first so each pair counts its events in the order its own list
// gives them.
import { byCodeUnits } from './contributions.ts';
import { dyadKey, PairCounter } from './dyads.ts';
import {
  DATED_READ_RATIO,
  dateJudge,
  eventMatches,
  filterIsActive,
  hasDateBound,
  onlyDateBound,
  type EventFilter,
} from './event-filter.ts';
import type { PloverType } from '../model/index.ts';
import type { PairIndex, PairTally } from './pair-index.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { DyadStance } from './types.ts';
import type { BudgetTicker } from './view-select.ts';

/** The pairs with events among a view's actors. */
export interface FoundPairs {
  /** How many pairs. */
  readonly count: number;
  /** Their events. */
  readonly events: number;
  /**
   * The `k` busiest (most events, then source and target ids in code-unit order), busiest first;
   * with `eventLimit`, only as many as it takes for their events to reach it.
   */
  busiest(k: number, eventLimit?: number): PairTally[];
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
  const found = countedAmong(sg, actors);
  ticker.check();
  if (!filterIsActive(q)) return new IndexedPairs(index, found);
  if (onlyDateBound(q)) return countedInRange(sg, found, q, ticker);
  if (hasDateBound(q)) {
    const dated = sg.eventsDated(q.from, q.to);
    if (dated.length <= found.eventTotal * DATED_READ_RATIO) {
      return countDated(sg, found.pairs, dated, q, ticker);
    }
  }
  // One judge for every pair, so each distinct date is judged once.
  const inRange = dateJudge(q);
  const out: CountedTally[] = [];
  for (const p of found.pairs) {
    const source = index.actorId(index.source(p));
    const target = index.actorId(index.target(p));
    const tally = walkedTally(sg, source, target, q, inRange, () => ticker.tick());
    if (tally.stance.eventCount > 0) out.push(counted(tally));
  }
  return new CountedPairs(out);
}

/**
 * A pair's matching events tallied from its own list, newest first. Dates are judged first
 * (`inRange`, a dateJudge of the filter), so an event out of range is never made into an object.
 */
function walkedTally(
  sg: StanceGraph,
  source: string,
  target: string,
  q: EventFilter,
  inRange: (date: string | null) => boolean,
  tick?: () => void,
): PairCounter {
  const tally = new PairCounter(source, target);
  sg.forEachEventBrief(source, target, (key, date) => {
    tick?.();
    if (!inRange(date)) return;
    const attrs = sg.event(key)!.event;
    if (eventMatches(attrs, q)) tally.add(attrs);
  });
  return tally;
}

/**
 * Under a filter that bounds only dates, the pairs' counts of their events in range, read by
 * binary searches in each pair's date keys (StanceGraph.pairsDated) without making an event object
 * or walking a list. A pair's full tally (net score, polarities, dates, types) is read only when a
 * reply asks for it (see RangeTally): an events-mode view needs only the counts.
 */
function countedInRange(
  sg: StanceGraph,
  found: Counted,
  q: EventFilter,
  ticker: BudgetTicker,
): CountedPairs {
  const index = sg.pairs;
  const dated = sg.pairsDated(q.from, q.to);
  const out: RangeTally[] = [];
  for (const p of found.pairs) {
    ticker.tick();
    const count = dated.count(p);
    if (count === 0) continue;
    const source = index.actorId(index.source(p));
    const target = index.actorId(index.target(p));
    out.push(new RangeTally(sg, source, target, count, q));
  }
  return new CountedPairs(out);
}

/** A pair's tally as CountedPairs holds it: its ends and count read without tallying the rest. */
interface CountedTally extends PairTally {
  readonly source: string;
  readonly target: string;
  readonly eventCount: number;
}

/** A walked pair's tally (PairCounter) as CountedPairs holds it. */
function counted(tally: PairCounter): CountedTally {
  const { source, target, eventCount } = tally.stance;
  return {
    source,
    target,
    eventCount,
    stance: tally.stance,
    get types() {
      return tally.types;
    },
  };
}

/** The RangeTally each lazily read stance belongs to. */
const stanceOwners = new WeakMap<object, RangeTally>();

/**
 * The stance fields a RangeTally reads from its full tally: enumerable, so the stance reads,
 * copies and serialises as a plain DyadStance, and each replaced by a plain value if written.
 */
const LAZY_STANCE: PropertyDescriptorMap = Object.fromEntries(
  (['netScore', 'cooperative', 'hostile', 'neutral', 'firstDate', 'lastDate'] as const).map(
    (field) => [
      field,
      {
        enumerable: true,
        configurable: true,
        get(this: object) {
          return stanceOwners.get(this)!.full().stance[field];
        },
        set(this: object, value: unknown) {
          Object.defineProperty(this, field, { value, writable: true, enumerable: true });
        },
      },
    ],
  ),
);

/**
 * One pair's tally under a date-only filter: its count known, the rest (its stance's score,
 * polarities and dates, and its types) tallied from the pair's own list, newest first, on the
 * first read of any of them. An events-mode view reads only the ends and counts.
 */
class RangeTally implements CountedTally {
  #full: PairCounter | null = null;

  constructor(
    private readonly sg: StanceGraph,
    readonly source: string,
    readonly target: string,
    readonly eventCount: number,
    private readonly q: EventFilter,
  ) {}

  /** A new object each time: the ends and count as values, the rest read when first asked. */
  get stance(): DyadStance {
    const stance = { source: this.source, target: this.target, eventCount: this.eventCount };
    Object.defineProperties(stance, LAZY_STANCE);
    stanceOwners.set(stance, this);
    return stance as DyadStance;
  }

  get types(): Partial<Record<PloverType, number>> {
    return this.full().types;
  }

  /** The pair's events in range tallied, as PairCounter does for a walked pair. */
  full(): PairCounter {
    this.#full ??= walkedTally(this.sg, this.source, this.target, this.q, dateJudge(this.q));
    return this.#full;
  }
}

/**
 * The pairs' tallies of their matching events, read from `dated` (keys ascending) newest first, so
 * each pair adds its events in the order of its own list (newest first); in the pairs' order.
 */
function countDated(
  sg: StanceGraph,
  pairs: Int32Array,
  dated: Int32Array,
  q: EventFilter,
  ticker: BudgetTicker,
): CountedPairs {
  const index = sg.pairs;
  let top = -1;
  for (const p of pairs) top = Math.max(top, p);
  // At each wanted pair's number: 1 + its place in `pairs`; 0 for the others.
  const place = new Int32Array(top + 1);
  pairs.forEach((p, i) => (place[p] = i + 1));
  const tallies: (PairCounter | undefined)[] = new Array<PairCounter | undefined>(pairs.length);
  for (let i = dated.length - 1; i >= 0; i--) {
    ticker.tick();
    const key = dated[i]!;
    const p = sg.eventPair(key);
    const at = p <= top ? place[p]! - 1 : -1;
    if (at < 0) continue;
    const attrs = sg.event(key)!.event;
    if (!eventMatches(attrs, q)) continue;
    let tally = tallies[at];
    if (!tally) {
      tally = new PairCounter(index.actorId(index.source(p)), index.actorId(index.target(p)));
      tallies[at] = tally;
    }
    tally.add(attrs);
  }
  const out: CountedTally[] = [];
  for (const tally of tallies) if (tally) out.push(counted(tally));
  return new CountedPairs(out);
}

/** Event counts below this are tallied in an array, higher ones in a map. */
const SMALL_LEVELS = 1024;

/** The pairs among one set of actors at one graph version. */
interface Counted {
  /** The actors, each once, in number order. */
  readonly members: Int32Array;
  /** The graph version the pairs were read at. */
  builtAt: number;
  /** Pair numbers, each member's run (as source) in turn; their event counts beside them. */
  readonly pairs: Int32Array;
  readonly events: Int32Array;
  /** Member m's run is [start[m], start[m + 1]). */
  readonly start: Int32Array;
  readonly eventTotal: number;
  /** How many pairs have each event count (below SMALL_LEVELS), and the others. */
  readonly small: Int32Array;
  readonly large: Map<number, number>;
  /** Each member's rank in code-unit order of ids, at its place in members (built when asked). */
  rank: Int32Array | null;
}

/** Sets of shown actors counted lately, per graph, by their members; most recently asked last. */
const countedSets = new WeakMap<StanceGraph, Map<string, Counted>>();
const COUNTED_SETS = 8;
/** Above this share of touched members a set is counted afresh rather than in part. */
const REUSE_SHARE = 0.25;

/** Per pair index: -1 at each actor number, but a member's place while a view marks its members. */
const places = new WeakMap<PairIndex, Int32Array>();

/**
 * Runs `use` with each member's place in `members` at its actor number (-1 at every other actor),
 * and clears the marks after: the array is made once per pair index (and when actors outgrow it),
 * so marking costs the members, not the actors. Members must be distinct and below actorCount.
 */
function withPlaces<T>(index: PairIndex, members: Int32Array, use: (place: Int32Array) => T): T {
  let place = places.get(index);
  if (!place || place.length < index.actorCount) {
    place = new Int32Array(Math.max(index.actorCount, 2 * (place?.length ?? 0))).fill(-1);
    places.set(index, place);
  }
  for (let m = 0; m < members.length; m++) place[members[m]!] = m;
  try {
    return use(place);
  } finally {
    for (let m = 0; m < members.length; m++) place[members[m]!] = -1;
  }
}

/** A set at least this many times smaller than the actors is gathered member by member. */
const SMALL_SET_SHARE = 64;

/** The pairs among the actors: kept from an earlier count of the same set where they can be. */
function countedAmong(sg: StanceGraph, actors: readonly number[]): Counted {
  const index = sg.pairs;
  const actorCount = index.actorCount;
  // In number order, each once, so that the same set is found again whatever order it came in.
  const sorted = Int32Array.from(actors.filter((a) => a >= 0 && a < actorCount)).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  }
  const members = sorted.slice(0, distinct);
  let sets = countedSets.get(sg);
  if (!sets) countedSets.set(sg, (sets = new Map()));
  const key = members.join(',');
  const before = sets.get(key);
  sets.delete(key);
  let counted: Counted;
  if (before && before.builtAt === sg.version) counted = before;
  else if (before) counted = withPlaces(index, members, (place) => recounted(sg, before, place));
  else counted = withPlaces(index, members, (place) => counting(index, members, place, sg.version));
  sets.set(key, counted);
  if (sets.size > COUNTED_SETS) sets.delete(sets.keys().next().value!);
  return counted;
}

/**
 * Counts the pairs among the members afresh: a large set through the index's own scan (its mark
 * per actor then costs less than the scan), a small one member by member.
 */
function counting(index: PairIndex, members: Int32Array, place: Int32Array, at: number): Counted {
  const start = new Int32Array(members.length + 1);
  if (members.length * SMALL_SET_SHARE >= index.actorCount) {
    const found = index.among(Array.from(members));
    for (const source of found.sources) start[place[source]! + 1]! += 1;
    for (let m = 0; m < members.length; m++) start[m + 1]! += start[m]!;
    return tallied(members, found.pairs, found.events, start, at);
  }
  const runs: number[] = [];
  for (let m = 0; m < members.length; m++) {
    start[m] = runs.length;
    for (const p of pairsFrom(index, members[m]!, members, place)) runs.push(p);
  }
  start[members.length] = runs.length;
  const pairs = Int32Array.from(runs);
  const events = pairs.map((p) => index.eventCount(p));
  return tallied(members, pairs, events, start, at);
}

/**
 * The count of `before` brought to the graph's version: the runs of members a document has
 * touched since are read again, the others kept; afresh when too many were touched.
 */
function recounted(sg: StanceGraph, before: Counted, place: Int32Array): Counted {
  const index = sg.pairs;
  const { members } = before;
  const touched: number[] = [];
  for (let m = 0; m < members.length; m++) {
    if (sg.touched(index.actorId(members[m]!)) > before.builtAt) touched.push(m);
  }
  if (touched.length === 0) {
    before.builtAt = sg.version;
    return before;
  }
  if (touched.length > REUSE_SHARE * members.length) {
    return counting(index, members, place, sg.version);
  }
  const fresh = new Map<number, number[]>();
  let size = before.pairs.length;
  for (const m of touched) {
    const run = pairsFrom(index, members[m]!, members, place);
    fresh.set(m, run);
    size += run.length - (before.start[m + 1]! - before.start[m]!);
  }
  const pairs = new Int32Array(size);
  const events = new Int32Array(size);
  const start = new Int32Array(members.length + 1);
  let n = 0;
  for (let m = 0; m < members.length; m++) {
    start[m] = n;
    const run = fresh.get(m);
    if (run) {
      for (const p of run) {
        pairs[n] = p;
        events[n++] = index.eventCount(p);
      }
    } else {
      const from = before.start[m]!;
      const to = before.start[m + 1]!;
      pairs.set(before.pairs.subarray(from, to), n);
      events.set(before.events.subarray(from, to), n);
      n += to - from;
    }
  }
  start[members.length] = n;
  const counted = tallied(members, pairs, events, start, sg.version);
  counted.rank = before.rank;
  return counted;
}

/** The pairs from `a` to the placed members, as {@link PairIndex.forEachOutAmong} gives them. */
function pairsFrom(index: PairIndex, a: number, members: Int32Array, place: Int32Array): number[] {
  const out: number[] = [];
  index.forEachOutAmong(a, members, place, (p) => out.push(p));
  return out;
}

/** A count with its totals and histogram. */
function tallied(
  members: Int32Array,
  pairs: Int32Array,
  events: Int32Array,
  start: Int32Array,
  builtAt: number,
): Counted {
  const small = new Int32Array(SMALL_LEVELS);
  const large = new Map<number, number>();
  let eventTotal = 0;
  for (let i = 0; i < events.length; i++) {
    const n = events[i]!;
    eventTotal += n;
    if (n < SMALL_LEVELS) small[n]! += 1;
    else large.set(n, (large.get(n) ?? 0) + 1);
  }
  return { members, builtAt, pairs, events, start, eventTotal, small, large, rank: null };
}

/** Pairs of the graph's index among a view's actors, by number. */
class IndexedPairs implements FoundPairs {
  readonly count: number;
  readonly events: number;

  constructor(
    private readonly index: PairIndex,
    private readonly found: Counted,
  ) {
    this.count = found.pairs.length;
    this.events = found.eventTotal;
  }

  get(source: string, target: string): PairTally | undefined {
    const p = this.index.findIds(source, target);
    return p < 0 ? undefined : this.index.view(p);
  }

  /**
   * The event count of the last pair needed: the `k`-th busiest, or sooner the one whose events
   * bring the busiest pairs' sum to `eventLimit`. 0 when every pair is needed.
   */
  private cut(k: number, eventLimit: number): number {
    let pairs = 0;
    let events = 0;
    const reached = (level: number, n: number) => {
      if (pairs + n >= k || events + n * level >= eventLimit) return true;
      pairs += n;
      events += n * level;
      return false;
    };
    const { small, large } = this.found;
    for (const level of [...large.keys()].sort((a, b) => b - a)) {
      if (reached(level, large.get(level)!)) return level;
    }
    for (let level = SMALL_LEVELS - 1; level > 0; level--) {
      const n = small[level]!;
      if (n > 0 && reached(level, n)) return level;
    }
    return 0;
  }

  /** Each member's rank in code-unit order of ids, at its place in members. */
  private ranks(): Int32Array {
    const index = this.index;
    if (this.found.rank) return this.found.rank;
    const { members } = this.found;
    const byId = Array.from(members.keys()).sort((x, y) =>
      byCodeUnits(index.actorId(members[x]!), index.actorId(members[y]!)),
    );
    const rank = new Int32Array(members.length);
    for (let i = 0; i < byId.length; i++) rank[byId[i]!] = i;
    return (this.found.rank = rank);
  }

  busiest(k: number, eventLimit = Infinity): PairTally[] {
    if (k <= 0 || this.count === 0) return [];
    const index = this.index;
    const threshold = this.cut(k, eventLimit);
    // Each pair at or above the cut sorted on one number: fewer events first, then later source
    // and target ids (read back to front), from which its two actors are read back.
    const { pairs, events, members, start } = this.found;
    const rank = this.ranks();
    const byRank = new Int32Array(members.length);
    for (let m = 0; m < members.length; m++) byRank[rank[m]!] = members[m]!;
    const width = members.length * members.length;
    let n = 0;
    for (let i = 0; i < events.length; i++) if (events[i]! >= threshold) n++;
    const keys = new Float64Array(n);
    n = 0;
    withPlaces(index, members, (place) => {
      // Member m's run holds the pairs it is the source of.
      for (let m = 0; m < members.length; m++) {
        for (let i = start[m]!; i < start[m + 1]!; i++) {
          if (events[i]! < threshold) continue;
          const ids = rank[m]! * members.length + rank[place[index.target(pairs[i]!)]!]!;
          keys[n++] = events[i]! * width + (width - 1 - ids);
        }
      }
    });
    keys.sort();
    const out: PairTally[] = [];
    let taken = 0;
    for (let i = n - 1; i >= 0 && out.length < k && taken < eventLimit; i--) {
      const ids = width - 1 - (keys[i]! % width);
      const p = index.find(
        byRank[Math.floor(ids / members.length)]!,
        byRank[ids % members.length]!,
      );
      out.push(index.view(p));
      taken += index.eventCount(p);
    }
    return out;
  }
}

/** Pairs tallied for one view (under an event filter). */
class CountedPairs implements FoundPairs {
  readonly count: number;
  readonly events: number;
  private byKey: Map<string, PairTally> | null = null;

  constructor(private readonly pairs: readonly CountedTally[]) {
    this.count = pairs.length;
    this.events = pairs.reduce((n, p) => n + p.eventCount, 0);
  }

  get(source: string, target: string): PairTally | undefined {
    this.byKey ??= new Map(this.pairs.map((p) => [dyadKey(p.source, p.target), p]));
    return this.byKey.get(dyadKey(source, target));
  }

  busiest(k: number): PairTally[] {
    const byEvents = (a: CountedTally, b: CountedTally) =>
      b.eventCount - a.eventCount ||
      byCodeUnits(a.source, b.source) ||
      byCodeUnits(a.target, b.target);
    if (this.pairs.length <= k) return [...this.pairs].sort(byEvents);
    // The event count the k-th pair has, from a histogram, so only about k pairs are sorted.
    const counts = new Map<number, number>();
    for (const p of this.pairs) counts.set(p.eventCount, (counts.get(p.eventCount) ?? 0) + 1);
    const levels = [...counts.keys()].sort((a, b) => b - a);
    let seen = 0;
    let threshold = 0;
    for (const level of levels) {
      seen += counts.get(level)!;
      threshold = level;
      if (seen >= k) break;
    }
    return this.pairs
      .filter((p) => p.eventCount >= threshold)
      .sort(byEvents)
      .slice(0, k);
  }
}
