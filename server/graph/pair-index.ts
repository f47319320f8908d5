// The graph's tallies of every ordered pair with events, held in columns: actors and pairs are
// numbers, each pair's counts, net score, first and last date and counts by PLOVER type sit in typed
// arrays at its number, and each actor lists its pairs (pair and partner numbers side by side) in
// one typed array a side, in the order the pairs opened, so a scan of an actor's partners reads
// memory in order. A million pairs take about 70 MB here, where one object and two map entries a
// pair took 190 MB.
import type { PloverType } from '../model/index.ts';
import { grown, NONE, StringTable, type SavedPart } from './columns.ts';
import { majorityPolarity } from './dyads.ts';
import type { DyadStance, EventEdgeAttributes } from './types.ts';

/** What one pair holds, as the graph's queries read it. */
export interface PairTally {
  /** The pair's aggregate stance (a new object each time). */
  readonly stance: DyadStance;
  /** Event counts by PLOVER type, in the order first seen (a new object each time). */
  readonly types: Partial<Record<PloverType, number>>;
}

/** Pairs found among a set of actors: pair numbers, and at the same positions sources and counts. */
export interface PairsAmong {
  pairs: Int32Array;
  sources: Int32Array;
  events: Int32Array;
}

/** Mixes two actor numbers into a table slot (a multiplicative hash; `bits` wide). */
function slotOf(source: number, target: number, bits: number): number {
  const h = Math.imul(source, 0x9e3779b1) ^ Math.imul(target + 0x632be5ab, 0x85ebca6b);
  return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0) >>> (32 - bits);
}

export class PairIndex {
  /** Actor ids by number; a number stays its actor's for the index's life. */
  private actors = new StringTable();
  private dates = new StringTable();
  private typeNames = new StringTable();
  private readonly polarityCode = new Map<string, 0 | 1 | 2>([
    ['cooperative', 0],
    ['hostile', 1],
    ['neutral', 2],
  ]);

  // Per pair, at its number.
  private capacity = 0;
  private used = 0;
  private live = 0;
  private free: number[] = [];
  private src = new Int32Array(0);
  private tgt = new Int32Array(0);
  private events = new Int32Array(0);
  /** cooperative, hostile, neutral: three a pair. */
  private polarity = new Int32Array(0);
  private net = new Float64Array(0);
  private first = new Int32Array(0);
  private last = new Int32Array(0);
  /** The first type seen (its number, NONE when none) and its count; later ones in `moreTypes`. */
  private type0 = new Int32Array(0);
  private type0Count = new Int32Array(0);
  private readonly moreTypes = new Map<number, number[]>();

  // Per actor, at its number: [pair, partner, pair, partner, ...] with spare room at the end.
  private outLists: Int32Array[] = [];
  private inLists: Int32Array[] = [];
  private degreeOut = new Int32Array(0);
  private degreeIn = new Int32Array(0);

  /** (source, target) -> pair number, open addressing with linear probing; NONE marks a free slot. */
  private bits = 4;
  private table = new Int32Array(1 << 4).fill(NONE);

  /** Pairs with at least one event. */
  get size(): number {
    return this.live;
  }

  /** One more than the largest actor number given so far. */
  get actorCount(): number {
    return this.actors.values.length;
  }

  /** The actor's number, given one if new. */
  actorNumber(id: string): number {
    const n = this.actors.of(id);
    if (n >= this.degreeOut.length) this.growActors(n + 1);
    return n;
  }

  /** The actor's number, or -1 when it has never been in a pair. */
  findActor(id: string): number {
    return this.actors.find(id);
  }

  actorId(n: number): string {
    return this.actors.values[n]!;
  }

  /** The pair's number, or -1 when the pair has no events. */
  find(source: number, target: number): number {
    if (source < 0 || target < 0) return NONE;
    const mask = (1 << this.bits) - 1;
    for (let s = slotOf(source, target, this.bits); ; s = (s + 1) & mask) {
      const p = this.table[s]!;
      if (p === NONE) return NONE;
      if (this.src[p] === source && this.tgt[p] === target) return p;
    }
  }

  /** The pair of two actor ids, or -1. */
  findIds(source: string, target: string): number {
    return this.find(this.actors.find(source), this.actors.find(target));
  }

  /** Counts one event into its pair, opening the pair if it is new. */
  add(source: string, target: string, event: EventEdgeAttributes): void {
    const s = this.actorNumber(source);
    const { score, polarity, date, eventType } = event;
    this.addNumbers(s, this.actorNumber(target), score, polarity, date, eventType);
  }

  /** As add(), with the actors' numbers (from actorNumber) and the event's fields; gives the pair. */
  addNumbers(
    source: number,
    target: number,
    score: number,
    polarity: string,
    date: string | null,
    type: string,
  ): number {
    let p = this.find(source, target);
    if (p === NONE) p = this.open(source, target);
    this.count(p, score, polarity, date, type);
    return p;
  }

  /**
   * Recounts a pair from all its events (as after a document's removal); a pair left without
   * events is closed. The pair keeps its place in both actors' lists.
   */
  recount(source: string, target: string, events: Iterable<EventEdgeAttributes>): void {
    const s = this.actors.find(source);
    const t = this.actors.find(target);
    let p = this.find(s, t);
    if (p !== NONE) this.clear(p);
    for (const e of events) {
      if (p === NONE) p = this.open(this.actorNumber(source), this.actorNumber(target));
      this.count(p, e.score, e.polarity, e.date, e.eventType);
    }
    if (p !== NONE && this.events[p] === 0) this.close(p);
  }

  source(p: number): number {
    return this.src[p]!;
  }

  target(p: number): number {
    return this.tgt[p]!;
  }

  eventCount(p: number): number {
    return this.events[p]!;
  }

  netScore(p: number): number {
    return this.net[p]!;
  }

  /** The majority polarity of the pair's events (ties to neutral). */
  polarityOf(p: number): 'cooperative' | 'hostile' | 'neutral' {
    return majorityPolarity(this.polarityCounts(p));
  }

  /** The pair's events of one polarity. */
  polarityCount(p: number, polarity: 'cooperative' | 'hostile' | 'neutral'): number {
    return this.polarity[3 * p + this.polarityCode.get(polarity)!]!;
  }

  polarityCounts(p: number): { cooperative: number; hostile: number; neutral: number } {
    return {
      cooperative: this.polarity[3 * p]!,
      hostile: this.polarity[3 * p + 1]!,
      neutral: this.polarity[3 * p + 2]!,
    };
  }

  /** The pair's stance, as a new object in DyadStance's key order. */
  stance(p: number): DyadStance {
    const first = this.first[p]!;
    const last = this.last[p]!;
    return {
      source: this.actors.values[this.src[p]!]!,
      target: this.actors.values[this.tgt[p]!]!,
      eventCount: this.events[p]!,
      netScore: this.net[p]!,
      cooperative: this.polarity[3 * p]!,
      hostile: this.polarity[3 * p + 1]!,
      neutral: this.polarity[3 * p + 2]!,
      firstDate: first === NONE ? null : this.dates.values[first]!,
      lastDate: last === NONE ? null : this.dates.values[last]!,
    };
  }

  /** Event counts by PLOVER type, in the order first seen (a new object). */
  types(p: number): Partial<Record<PloverType, number>> {
    const out: Partial<Record<PloverType, number>> = {};
    const names = this.typeNames.values as PloverType[];
    if (this.type0[p] !== NONE) out[names[this.type0[p]!]!] = this.type0Count[p]!;
    const more = this.moreTypes.get(p);
    if (more) for (let i = 0; i < more.length; i += 2) out[names[more[i]!]!] = more[i + 1]!;
    return out;
  }

  /** A live view of one pair: its getters read the columns at each use. */
  view(p: number): PairTally {
    return new PairView(this, p);
  }

  /** Pairs an actor is the source of (by actor number). */
  outDegree(actor: number): number {
    return actor < 0 || actor >= this.degreeOut.length ? 0 : this.degreeOut[actor]!;
  }

  /** Pairs an actor is the target of (by actor number). */
  inDegree(actor: number): number {
    return actor < 0 || actor >= this.degreeIn.length ? 0 : this.degreeIn[actor]!;
  }

  /** Calls `visit` with each pair the actor is the source of, in the order the pairs opened. */
  forEachOut(actor: number, visit: (pair: number, target: number) => void): void {
    const list = this.outLists[actor];
    const n = this.outDegree(actor);
    for (let i = 0; i < 2 * n; i += 2) visit(list![i]!, list![i + 1]!);
  }

  /** Calls `visit` with each pair the actor is the target of, in the order the pairs opened. */
  forEachIn(actor: number, visit: (pair: number, source: number) => void): void {
    const list = this.inLists[actor];
    const n = this.inDegree(actor);
    for (let i = 0; i < 2 * n; i += 2) visit(list![i]!, list![i + 1]!);
  }

  /** Pair numbers the actor is the source (`out`) or the target (`in`) of, in opening order. */
  *pairsOf(actor: number, side: 'out' | 'in'): Generator<number> {
    const n = side === 'out' ? this.outDegree(actor) : this.inDegree(actor);
    for (let i = 0; i < n; i++) {
      // The list is replaced when it grows, so each step reads it afresh.
      yield (side === 'out' ? this.outLists : this.inLists)[actor]![2 * i]!;
    }
  }

  /** Every live pair number, by source actor, each source's pairs in opening order. */
  *all(): Generator<number> {
    for (let a = 0; a < this.degreeOut.length; a++) yield* this.pairsOf(a, 'out');
  }

  /**
   * Calls `visit` with each pair from actor `a` to a member of a set (`place[b] >= 0` for each
   * member b, -1 for every other actor): `a`'s partners are scanned in opening order, unless `a`
   * has far more partners than the set has members, when each member is looked up instead (in the
   * members' order).
   */
  forEachOutAmong(
    a: number,
    members: ArrayLike<number>,
    place: Int32Array,
    visit: (pair: number) => void,
  ): void {
    const degree = this.outDegree(a);
    if (degree > 16 * members.length) {
      for (let i = 0; i < members.length; i++) {
        const p = this.find(a, members[i]!);
        if (p !== NONE) visit(p);
      }
      return;
    }
    const list = this.outLists[a]!;
    for (let i = 0; i < degree; i++) if (place[list[2 * i + 1]!]! >= 0) visit(list[2 * i]!);
  }

  /**
   * The pairs among a set of actors (both ends in it), each source's as
   * {@link forEachOutAmong} gives them, with each pair's source and event count beside it.
   */
  among(actors: readonly number[]): PairsAmong {
    const place = new Int32Array(this.degreeOut.length).fill(-1);
    const members: number[] = [];
    for (const a of actors) {
      if (a < 0 || a >= place.length || place[a]! >= 0) continue;
      place[a] = members.length;
      members.push(a);
    }
    let pairs = new Int32Array(1024);
    let n = 0;
    const start = new Int32Array(members.length + 1);
    const add = (p: number): void => {
      if (n === pairs.length) pairs = grown(pairs, 2 * n);
      pairs[n++] = p;
    };
    members.forEach((a, m) => {
      start[m] = n;
      this.forEachOutAmong(a, members, place, add);
    });
    start[members.length] = n;
    const events = new Int32Array(n);
    const sources = new Int32Array(n);
    for (let m = 0; m < members.length; m++) sources.fill(members[m]!, start[m]!, start[m + 1]!);
    for (let i = 0; i < n; i++) events[i] = this.events[pairs[i]!]!;
    return { pairs: pairs.subarray(0, n), sources, events };
  }

  /**
   * The index's state for a saved graph: its columns up to the last pair number given and each
   * actor's lists joined end to end (views where they can be: save before the next change).
   */
  save(): SavedPart {
    const n = this.used;
    const actors = this.degreeOut.length;
    let outLength = 0;
    let inLength = 0;
    for (let a = 0; a < actors; a++) {
      outLength += 2 * this.degreeOut[a]!;
      inLength += 2 * this.degreeIn[a]!;
    }
    const outJoined = new Int32Array(outLength);
    const inJoined = new Int32Array(inLength);
    for (let a = 0, o = 0, i = 0; a < actors; a++) {
      outJoined.set(this.outLists[a]!.subarray(0, 2 * this.degreeOut[a]!), o);
      o += 2 * this.degreeOut[a]!;
      inJoined.set(this.inLists[a]!.subarray(0, 2 * this.degreeIn[a]!), i);
      i += 2 * this.degreeIn[a]!;
    }
    let moreLength = 0;
    for (const more of this.moreTypes.values()) moreLength += more.length;
    const morePairs = new Int32Array(this.moreTypes.size);
    const moreLengths = new Int32Array(this.moreTypes.size);
    const moreCounts = new Int32Array(moreLength);
    let k = 0;
    let at = 0;
    for (const [p, more] of this.moreTypes) {
      morePairs[k] = p;
      moreLengths[k++] = more.length;
      moreCounts.set(more, at);
      at += more.length;
    }
    return {
      json: {
        actors: this.actors.values,
        dates: this.dates.values,
        typeNames: this.typeNames.values,
        used: n,
        live: this.live,
        bits: this.bits,
      },
      arrays: {
        free: Int32Array.from(this.free),
        src: this.src.subarray(0, n),
        tgt: this.tgt.subarray(0, n),
        events: this.events.subarray(0, n),
        polarity: this.polarity.subarray(0, 3 * n),
        net: this.net.subarray(0, n),
        first: this.first.subarray(0, n),
        last: this.last.subarray(0, n),
        type0: this.type0.subarray(0, n),
        type0Count: this.type0Count.subarray(0, n),
        morePairs,
        moreLengths,
        moreCounts,
        degreeOut: this.degreeOut,
        degreeIn: this.degreeIn,
        outJoined,
        inJoined,
        table: this.table,
      },
    };
  }

  /** An index from save()'s state; `actors` are the saved actor ids (pooled by the caller). */
  static restore(part: SavedPart, actors: readonly string[]): PairIndex {
    const x = new PairIndex();
    const json = part.json as {
      dates: string[];
      typeNames: string[];
      used: number;
      live: number;
      bits: number;
    };
    const a = part.arrays as unknown as Record<string, Int32Array<ArrayBuffer>>;
    const n = json.used;
    x.actors = StringTable.from(actors);
    x.dates = StringTable.from(json.dates);
    x.typeNames = StringTable.from(json.typeNames);
    x.capacity = n;
    x.used = n;
    x.live = json.live;
    x.free = [...a.free!];
    x.src = a.src!;
    x.tgt = a.tgt!;
    x.events = a.events!;
    x.polarity = a.polarity!;
    x.net = part.arrays.net as Float64Array<ArrayBuffer>;
    x.first = a.first!;
    x.last = a.last!;
    x.type0 = a.type0!;
    x.type0Count = a.type0Count!;
    for (const column of [x.src, x.tgt, x.events, x.net, x.first, x.last, x.type0, x.type0Count]) {
      if (column.length !== n) throw new Error('saved pair column has the wrong length');
    }
    const morePairs = a.morePairs!;
    const moreLengths = a.moreLengths!;
    const moreCounts = a.moreCounts!;
    for (let k = 0, at = 0; k < morePairs.length; k++) {
      x.moreTypes.set(morePairs[k]!, Array.from(moreCounts.subarray(at, at + moreLengths[k]!)));
      at += moreLengths[k]!;
    }
    x.degreeOut = a.degreeOut!;
    x.degreeIn = a.degreeIn!;
    // Each list is a view of its run: the next pair opened copies it out (appended()), and
    // removals stay within it.
    const outJoined = a.outJoined!;
    const inJoined = a.inJoined!;
    for (let actor = 0, o = 0, i = 0; actor < x.degreeOut.length; actor++) {
      const outs = 2 * x.degreeOut[actor]!;
      const ins = 2 * x.degreeIn[actor]!;
      x.outLists.push(outs ? outJoined.subarray(o, o + outs) : EMPTY_LIST);
      x.inLists.push(ins ? inJoined.subarray(i, i + ins) : EMPTY_LIST);
      o += outs;
      i += ins;
    }
    x.bits = json.bits;
    x.table = a.table!;
    if (x.table.length !== 1 << x.bits) throw new Error('saved pair table has the wrong size');
    return x;
  }

  private count(
    p: number,
    score: number,
    polarity: string,
    date: string | null,
    eventType: string,
  ): void {
    this.events[p]! += 1;
    this.net[p]! += score;
    this.polarity[3 * p + this.polarityCode.get(polarity)!]! += 1;
    if (date !== null) {
      const dates = this.dates.values;
      const d = this.dates.of(date);
      const first = this.first[p]!;
      if (first === NONE || date < dates[first]!) this.first[p] = d;
      const last = this.last[p]!;
      if (last === NONE || date > dates[last]!) this.last[p] = d;
    }
    const type = this.typeNames.of(eventType);
    if (this.type0[p] === NONE || this.type0[p] === type) {
      this.type0[p] = type;
      this.type0Count[p]! += 1;
      return;
    }
    const more = this.moreTypes.get(p);
    if (!more) {
      this.moreTypes.set(p, [type, 1]);
      return;
    }
    for (let i = 0; i < more.length; i += 2) {
      if (more[i] === type) {
        more[i + 1]! += 1;
        return;
      }
    }
    // Replaced rather than pushed, so the array is exactly sized.
    this.moreTypes.set(p, [...more, type, 1]);
  }

  private clear(p: number): void {
    this.events[p] = 0;
    this.net[p] = 0;
    this.polarity.fill(0, 3 * p, 3 * p + 3);
    this.first[p] = NONE;
    this.last[p] = NONE;
    this.type0[p] = NONE;
    this.type0Count[p] = 0;
    this.moreTypes.delete(p);
  }

  private open(source: number, target: number): number {
    let p = this.free.pop();
    if (p === undefined) {
      if (this.used === this.capacity) this.growPairs(Math.max(1024, this.capacity * 2));
      p = this.used++;
    }
    this.live += 1;
    // A new number's columns are as clear() leaves them (growPairs fills them so), and so are a
    // freed one's (close() clears them).
    this.src[p] = source;
    this.tgt[p] = target;
    // Appended to both actors' lists, so each lists its pairs in opening order.
    this.outLists[source] = appended(this.outLists[source]!, this.degreeOut[source]!++, p, target);
    this.inLists[target] = appended(this.inLists[target]!, this.degreeIn[target]!++, p, source);
    if (2 * (this.live + 1) > this.table.length) this.rehash(this.bits + 1);
    const mask = (1 << this.bits) - 1;
    let s = slotOf(source, target, this.bits);
    while (this.table[s] !== NONE) s = (s + 1) & mask;
    this.table[s] = p;
    return p;
  }

  private close(p: number): void {
    const source = this.src[p]!;
    const target = this.tgt[p]!;
    removeFrom(this.outLists[source]!, this.degreeOut[source]!--, p);
    removeFrom(this.inLists[target]!, this.degreeIn[target]!--, p);
    this.removeSlot(source, target);
    this.clear(p);
    this.src[p] = NONE;
    this.tgt[p] = NONE;
    this.free.push(p);
    this.live -= 1;
  }

  /** Empties the pair's slot, shifting later entries of its probe run back (no tombstones). */
  private removeSlot(source: number, target: number): void {
    const mask = (1 << this.bits) - 1;
    let s = slotOf(source, target, this.bits);
    while (this.src[this.table[s]!] !== source || this.tgt[this.table[s]!] !== target) {
      s = (s + 1) & mask;
    }
    let hole = s;
    for (let i = (hole + 1) & mask; this.table[i] !== NONE; i = (i + 1) & mask) {
      const q = this.table[i]!;
      const home = slotOf(this.src[q]!, this.tgt[q]!, this.bits);
      // q may fill the hole when its home slot does not lie cyclically in (hole, i].
      const between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (!between) {
        this.table[hole] = q;
        hole = i;
      }
    }
    this.table[hole] = NONE;
  }

  private rehash(bits: number): void {
    const old = this.table;
    this.bits = bits;
    this.table = new Int32Array(1 << bits).fill(NONE);
    const mask = (1 << bits) - 1;
    for (const p of old) {
      if (p === NONE) continue;
      let s = slotOf(this.src[p]!, this.tgt[p]!, bits);
      while (this.table[s] !== NONE) s = (s + 1) & mask;
      this.table[s] = p;
    }
  }

  private growPairs(capacity: number): void {
    this.src = grown(this.src, capacity, NONE);
    this.tgt = grown(this.tgt, capacity, NONE);
    this.events = grown(this.events, capacity);
    this.polarity = grown(this.polarity, 3 * capacity);
    this.net = grown(this.net, capacity);
    this.first = grown(this.first, capacity, NONE);
    this.last = grown(this.last, capacity, NONE);
    this.type0 = grown(this.type0, capacity, NONE);
    this.type0Count = grown(this.type0Count, capacity);
    this.capacity = capacity;
  }

  private growActors(needed: number): void {
    const size = Math.max(needed, 64, this.degreeOut.length * 2);
    this.degreeOut = grown(this.degreeOut, size);
    this.degreeIn = grown(this.degreeIn, size);
    for (let a = this.outLists.length; a < size; a++) {
      this.outLists.push(EMPTY_LIST);
      this.inLists.push(EMPTY_LIST);
    }
  }
}

const EMPTY_LIST = new Int32Array(0);

/** The list with (pair, partner) set at entry `at`, grown (a new array) when it is full. */
function appended(list: Int32Array, at: number, pair: number, partner: number): Int32Array {
  let out = list;
  if (2 * at + 2 > list.length) {
    // Doubling from 4 entries: a list reaching n entries has been allocated about log2(n) times
    // (each typed array allocation costs far more than its copy), with at most n entries spare.
    out = new Int32Array(Math.max(8, 2 * list.length));
    out.set(list);
  }
  out[2 * at] = pair;
  out[2 * at + 1] = partner;
  return out;
}

/** Removes a pair's entry from a list of `length` entries, keeping the others in order. */
function removeFrom(list: Int32Array, length: number, pair: number): void {
  let at = 0;
  while (list[2 * at] !== pair) at++;
  list.copyWithin(2 * at, 2 * at + 2, 2 * length);
}

/** One pair of an index, read through at each use. */
class PairView implements PairTally {
  constructor(
    private readonly index: PairIndex,
    private readonly pair: number,
  ) {}

  get stance(): DyadStance {
    return this.index.stance(this.pair);
  }

  get types(): Partial<Record<PloverType, number>> {
    return this.index.types(this.pair);
  }
}

/**
 * One actor's pairs on one side as a read-only map from the other actor's id to the pair: nothing
 * is copied; each read goes to the index.
 */
export class PairMap implements ReadonlyMap<string, PairTally> {
  constructor(
    private readonly index: PairIndex,
    private readonly actor: number,
    private readonly side: 'out' | 'in',
  ) {}

  get size(): number {
    return this.side === 'out' ? this.index.outDegree(this.actor) : this.index.inDegree(this.actor);
  }

  private pairWith(other: string): number {
    if (this.actor < 0) return NONE;
    const o = this.index.findActor(other);
    return this.side === 'out' ? this.index.find(this.actor, o) : this.index.find(o, this.actor);
  }

  get(other: string): PairTally | undefined {
    const p = this.pairWith(other);
    return p === NONE ? undefined : this.index.view(p);
  }

  has(other: string): boolean {
    return this.pairWith(other) !== NONE;
  }

  private otherOf(p: number): string {
    return this.index.actorId(this.side === 'out' ? this.index.target(p) : this.index.source(p));
  }

  *entries(): MapIterator<[string, PairTally]> {
    for (const p of this.index.pairsOf(this.actor, this.side)) {
      yield [this.otherOf(p), this.index.view(p)];
    }
  }

  *keys(): MapIterator<string> {
    for (const p of this.index.pairsOf(this.actor, this.side)) yield this.otherOf(p);
  }

  *values(): MapIterator<PairTally> {
    for (const p of this.index.pairsOf(this.actor, this.side)) yield this.index.view(p);
  }

  [Symbol.iterator](): MapIterator<[string, PairTally]> {
    return this.entries();
  }

  forEach(visit: (value: PairTally, key: string, map: ReadonlyMap<string, PairTally>) => void) {
    for (const [key, value] of this.entries()) visit(value, key, this);
  }
}
