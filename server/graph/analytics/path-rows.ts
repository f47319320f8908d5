// The rows of the path index, kept up to date link by link. Each actor's partners are listed in
// increasing node number with the events each pair shares and the hop cost, in one pool of typed
// arrays shared by all rows, with spare room at the end of each row; a row that outgrows its room
// moves to the end of the pool. Each row's positions are also listed cheapest link first, equal
// costs by the partners' actor ids. Node numbers are given in the order actors arrive and never
// change, so an edit touches only its rows; `rank` gives each node's place among the ids in
// increasing order, which is what ties between paths are decided by.
//
// A pool running short of room (or left more than half behind by moved rows) is replaced without a
// long stop: a second, packed pool is filled a few rows at a time (copyRows, called by the kept
// index's slices and, when those have not kept ahead of a pace set by the room each move uses, by
// the writes themselves, a step each, so the copy always ends before the current pool is full),
// while every read and write still goes to the current pool; a row already copied is copied again
// after each change to it. Once every row is copied, the second pool becomes the current one. Only
// a pool that runs out all the same has its copy finished in one step.
import type { PathIndex } from './path-index.ts';

/** The cost of a hop whose two actors share `events` events in the mode. */
export function hopCost(events: number): number {
  return 1 + 1 / (8 * (1 + events));
}

/** Entries a row of `length` links is given: an eighth more and two, so rows seldom move. */
function roomFor(length: number): number {
  return length + (length >> 3) + 2;
}

/** Entries a write copies at most towards what the copy owes, until the pool is nearly full. */
const PAY_STEP = 4_096;

/** Pool entries to hold `needed`, with an eighth spare (a built index). */
function poolFor(needed: number): number {
  return needed + (needed >> 3) + 64;
}

/** Pool entries to hold `needed`, with a quarter spare (a pool replacing one that ran short). */
function nextPoolFor(needed: number): number {
  return needed + (needed >> 2) + 64;
}

/**
 * Whether a pool of `size` entries, `used` of them handed out and `wasted` left behind by moved
 * rows, is to be replaced: under a tenth of it left, or more than half of what is used wasted.
 */
function replaceDue(size: number, used: number, wasted: number): boolean {
  return 10 * (size - used) < size || 2 * wasted > used;
}

/** The typed array at a new size, its entries kept. */
function resized<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.length > size ? a.subarray(0, size) : a);
  return b;
}

/**
 * Each row's positions, cheapest link first (the most events first), equal costs by position, for
 * rows [starts[v], ends[v]) of `rows` nodes in a pool of `size` entries (room outside rows is left
 * 0): the positions are bucketed by their events, and each bucket, from the most events down,
 * appends its positions to their rows in order.
 */
export function costOrder(
  starts: Int32Array,
  ends: Int32Array,
  rows: number,
  events: Int32Array | Float64Array,
  size: number,
): Int32Array {
  let most = 0;
  let live = 0;
  for (let v = 0; v < rows; v++) {
    for (let at = starts[v]!; at < ends[v]!; at++) most = Math.max(most, events[at]!);
    live += ends[v]! - starts[v]!;
  }
  // begin[e]: where the positions with e events begin in `byEvents`, most events first.
  const begin = new Int32Array(most + 2);
  for (let v = 0; v < rows; v++) {
    for (let at = starts[v]!; at < ends[v]!; at++) begin[most - events[at]! + 1]! += 1;
  }
  for (let e = 1; e < begin.length; e++) begin[e]! += begin[e - 1]!;
  const byEvents = new Int32Array(live);
  const rowOf = new Int32Array(size);
  for (let v = 0; v < rows; v++) {
    rowOf.fill(v, starts[v]!, ends[v]!);
    for (let at = starts[v]!; at < ends[v]!; at++) byEvents[begin[most - events[at]!]!++] = at;
  }
  const order = new Int32Array(size);
  const fill = starts.slice(0, rows);
  for (const at of byEvents) order[fill[rowOf[at]!]!++] = at;
  return order;
}

/** The four arrays of a pool. */
interface PoolArrays {
  neighbours: Int32Array;
  events: Int32Array;
  costs: Float64Array;
  byCost: Int32Array;
}

/** What copying a row reads. */
type RowSource = PoolArrays & { starts: Int32Array; ends: Int32Array };

/** The pool being filled while the rows are still read from the current one. */
interface NextPool extends PoolArrays {
  /** Where each copied row sits in this pool, and how far it may grow there. */
  starts: Int32Array;
  ends: Int32Array;
  limits: Int32Array;
  used: number;
  wasted: number;
  /** Rows of nodes below this are copied, and copied again after each change since. */
  copied: number;
  /** Entries copied for each entry of the current pool a move uses, so the copy ends first. */
  rate: number;
  /**
   * Entries the copy is behind that pace (negative when the slices have copied ahead of it): the
   * writes copy only what is owed.
   */
  owed: number;
  /** Room the current pool had left when the copy started. */
  room: number;
}

/** Copies row v of `from` to position `to` of `into`; where the row ends there. */
function copyRow(from: RowSource, v: number, into: PoolArrays, to: number): number {
  const start = from.starts[v]!;
  const end = from.ends[v]!;
  into.neighbours.set(from.neighbours.subarray(start, end), to);
  into.events.set(from.events.subarray(start, end), to);
  into.costs.set(from.costs.subarray(start, end), to);
  const shift = to - start;
  const byCost = into.byCost;
  for (let i = start; i < end; i++) byCost[i + shift] = from.byCost[i]! + shift;
  return to + end - start;
}

/** Position of u in the sorted neighbours[begin..end), or -(where it would go) - 1. */
export function findIn(neighbours: Int32Array, begin: number, end: number, u: number): number {
  let lo = begin;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const w = neighbours[mid]!;
    if (w === u) return mid;
    if (w < u) lo = mid + 1;
    else hi = mid;
  }
  return -lo - 1;
}

export class PathRows implements PathIndex {
  ids: string[];
  indexOf: Map<string, number>;
  rank: Int32Array;
  byRank: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Row v may grow up to limits[v] before it moves. */
  private limits: Int32Array;
  neighbours: Int32Array;
  events: Int32Array;
  costs: Float64Array;
  byCost: Int32Array;
  /** Pool entries handed to rows so far (their links, their room, and what moved rows left). */
  private used = 0;
  /** Pool entries left behind by rows that moved. */
  private wasted = 0;
  /** Links in all rows (each pair twice, once from each end). */
  links = 0;
  /** The pool replacing this one, while its rows are copied (copyRows). */
  private next: NextPool | null = null;
  /** Pools replaced so far, and how many of those had their copy finished in one step. */
  replaced = 0;
  finishedAtOnce = 0;

  /** Nodes for `ids` (in increasing order, so each node's rank is its number), rows to come. */
  constructor(ids: string[], expectedLinks: number) {
    const n = ids.length;
    this.ids = ids;
    this.indexOf = new Map(ids.map((id, i) => [id, i]));
    const nodes = Math.max(16, n);
    this.rank = new Int32Array(nodes);
    this.byRank = new Int32Array(nodes);
    for (let i = 0; i < n; i++) this.rank[i] = this.byRank[i] = i;
    this.starts = new Int32Array(nodes);
    this.ends = new Int32Array(nodes);
    this.limits = new Int32Array(nodes);
    const size = poolFor(expectedLinks + (expectedLinks >> 3) + 2 * n);
    this.neighbours = new Int32Array(size);
    this.events = new Int32Array(size);
    this.costs = new Float64Array(size);
    this.byCost = new Int32Array(size);
  }

  /**
   * Appends node v's row (while building, nodes in order): its partners in increasing order, with
   * `shared[u]` events for partner u. Call ordered() once every row is in.
   */
  appendRow(v: number, partners: Int32Array, shared: Int32Array): void {
    const start = this.used;
    const needed = start + roomFor(partners.length);
    if (needed > this.neighbours.length) this.resizePool(poolFor(needed));
    for (let i = 0; i < partners.length; i++) {
      const u = partners[i]!;
      this.neighbours[start + i] = u;
      this.events[start + i] = shared[u]!;
      this.costs[start + i] = hopCost(shared[u]!);
    }
    this.starts[v] = start;
    this.ends[v] = start + partners.length;
    this.limits[v] = needed;
    this.used = needed;
    this.links += partners.length;
  }

  /** Lists every row's positions in cost order and trims the pool's spare room to an eighth. */
  ordered(): this {
    const size = poolFor(this.used);
    if (size < this.neighbours.length) this.resizePool(size);
    const n = this.ids.length;
    this.byCost = costOrder(this.starts, this.ends, n, this.events, this.neighbours.length);
    return this;
  }

  /** A node for an actor new to the index, with an empty row; its number. */
  addNode(id: string): number {
    const v = this.ids.length;
    if (v === this.starts.length) {
      const size = 2 * v;
      this.rank = resized(this.rank, size);
      this.byRank = resized(this.byRank, size);
      this.starts = resized(this.starts, size);
      this.ends = resized(this.ends, size);
      this.limits = resized(this.limits, size);
      const next = this.next;
      if (next) {
        next.starts = resized(next.starts, size);
        next.ends = resized(next.ends, size);
        next.limits = resized(next.limits, size);
      }
    }
    this.ids.push(id);
    this.indexOf.set(id, v);
    this.starts[v] = this.ends[v] = this.limits[v] = this.used;
    // Its place among the ids; the ranks from there up move by one.
    const { ids, byRank, rank } = this;
    let lo = 0;
    let hi = v;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[byRank[mid]!]! < id) lo = mid + 1;
      else hi = mid;
    }
    byRank.copyWithin(lo + 1, lo, v);
    byRank[lo] = v;
    for (let r = lo; r <= v; r++) rank[byRank[r]!] = r;
    return v;
  }

  /** Sets the events v shares with u (in v's row only): 0 drops the link, a new pair adds it. */
  setLink(v: number, u: number, shared: number): void {
    const at = this.find(v, u);
    if (at >= 0) {
      if (shared === 0) this.removeAt(v, at);
      else if (this.events[at] !== shared) this.recost(v, at, shared);
      else return;
    } else if (shared > 0) {
      this.insertAt(v, -at - 1, u, shared);
    } else {
      return;
    }
    // A row the next pool already holds is copied there again; then a step of what the copy owes.
    if (this.next && v < this.next.copied) this.recopy(v);
    if (this.next && this.next.owed > 0) this.payCopy(this.next);
  }

  /**
   * Copies what the copy owes, PAY_STEP entries at most while a quarter of the room it started
   * with is left (the writes that follow pay the rest, and the slices copy ahead meanwhile), all of
   * it after that, so the copy ends before the pool is full.
   */
  private payCopy(next: NextPool): void {
    const late = 4 * (this.neighbours.length - this.used) < next.room;
    this.copyRows(late ? next.owed : Math.min(next.owed, PAY_STEP));
  }

  /** Whether a pool replacing this one is being filled. */
  get copying(): boolean {
    return this.next !== null;
  }

  /** Position of u in v's row, or -(where it would go) - 1. */
  private find(v: number, u: number): number {
    return findIn(this.neighbours, this.starts[v]!, this.ends[v]!, u);
  }

  private removeAt(v: number, at: number): void {
    const start = this.starts[v]!;
    const end = this.ends[v]!;
    // Out of the cost order, and the positions after it one lower.
    const byCost = this.byCost;
    let w = start;
    for (let i = start; i < end; i++) {
      const p = byCost[i]!;
      if (p !== at) byCost[w++] = p > at ? p - 1 : p;
    }
    this.neighbours.copyWithin(at, at + 1, end);
    this.events.copyWithin(at, at + 1, end);
    this.costs.copyWithin(at, at + 1, end);
    this.ends[v] = end - 1;
    this.links -= 1;
  }

  private recost(v: number, at: number, shared: number): void {
    const start = this.starts[v]!;
    const end = this.ends[v]!;
    const byCost = this.byCost;
    let w = start;
    for (let i = start; i < end; i++) if (byCost[i] !== at) byCost[w++] = byCost[i]!;
    this.events[at] = shared;
    this.costs[at] = hopCost(shared);
    this.placeInOrder(start, end - 1, at);
  }

  private insertAt(v: number, at: number, u: number, shared: number): void {
    // Moved until it has room (a second time when a pool replaced on the way left it none).
    const offset = at - this.starts[v]!;
    while (this.ends[v] === this.limits[v]) this.move(v);
    at = this.starts[v]! + offset;
    const start = this.starts[v]!;
    const end = this.ends[v]!;
    this.neighbours.copyWithin(at + 1, at, end);
    this.events.copyWithin(at + 1, at, end);
    this.costs.copyWithin(at + 1, at, end);
    this.neighbours[at] = u;
    this.events[at] = shared;
    this.costs[at] = hopCost(shared);
    const byCost = this.byCost;
    for (let i = start; i < end; i++) if (byCost[i]! >= at) byCost[i]! += 1;
    this.placeInOrder(start, end, at);
    this.ends[v] = end + 1;
    this.links += 1;
  }

  /**
   * Puts position `at` into the cost order byCost[start..end) (one longer after): after every
   * link with more events, or as many and a partner of lower rank.
   */
  private placeInOrder(start: number, end: number, at: number): void {
    const { byCost, events, neighbours, rank } = this;
    const e = events[at]!;
    const r = rank[neighbours[at]!]!;
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = byCost[mid]!;
      const pe = events[p]!;
      if (pe > e || (pe === e && rank[neighbours[p]!]! < r)) lo = mid + 1;
      else hi = mid;
    }
    byCost.copyWithin(lo + 1, lo, end);
    byCost[lo] = at;
  }

  /**
   * Gives row v room for one more link: the row moved to the end of the pool, which adds to what
   * the copy of the next pool owes in proportion to the room it takes (setLink pays), or starts a
   * copy when one is due. A pool with no room left for it is replaced at
   * once instead, the copy under way finished (or one made, with room for this row's move), which
   * may or may not leave the row room.
   */
  private move(v: number): void {
    const length = this.ends[v]! - this.starts[v]!;
    if (this.used + roomFor(length + 1) > this.neighbours.length) {
      if (!this.next) this.startCopy(roomFor(length + 1));
      this.finishedAtOnce += 1;
      this.copyRows(Infinity);
      return;
    }
    const start = this.starts[v]!;
    const to = this.used;
    const needed = to + roomFor(length + 1);
    this.ends[v] = copyRow(this, v, this, to);
    this.starts[v] = to;
    this.wasted += this.limits[v]! - start;
    this.limits[v] = needed;
    this.used = needed;
    if (this.next) this.next.owed += this.next.rate * (needed - to);
    else if (replaceDue(this.neighbours.length, this.used, this.wasted)) this.startCopy();
  }

  /**
   * Starts filling a pool to replace this one: every row's room again (an eighth more than its
   * links, and two) and `extra`, and a quarter of that spare. The moves owe the copy at a rate that
   * would end it once they have used half of the room this pool has left (less if rows not yet
   * copied grow meanwhile); paid a step a write, it ends by three quarters of that room at most.
   */
  private startCopy(extra = 0): void {
    const n = this.ids.length;
    let needed = extra;
    for (let v = 0; v < n; v++) needed += roomFor(this.ends[v]! - this.starts[v]!);
    const size = nextPoolFor(needed);
    const nodes = this.starts.length;
    const left = this.neighbours.length - this.used;
    this.next = {
      neighbours: new Int32Array(size),
      events: new Int32Array(size),
      costs: new Float64Array(size),
      byCost: new Int32Array(size),
      starts: new Int32Array(nodes),
      ends: new Int32Array(nodes),
      limits: new Int32Array(nodes),
      used: 0,
      wasted: 0,
      copied: 0,
      rate: Math.ceil((2 * (this.links + n)) / Math.max(1, left)),
      owed: 0,
      room: left,
    };
  }

  /**
   * Copies rows to the next pool in node order, about `entries` pool entries' worth (a row costs
   * its links and one); once every row is there, the next pool replaces this one. Does nothing
   * when no copy is under way.
   */
  copyRows(entries: number): void {
    let budget = entries;
    while (this.next && budget > 0) {
      const next = this.next;
      const v = next.copied;
      if (v === this.ids.length) {
        this.replace(next);
        return;
      }
      const length = this.ends[v]! - this.starts[v]!;
      const room = roomFor(length);
      if (next.used + room > next.neighbours.length) {
        // The rows grew more than the next pool's spare: it is started again, larger.
        this.startCopy();
        continue;
      }
      next.starts[v] = next.used;
      next.ends[v] = copyRow(this, v, next, next.used);
      next.used += room;
      next.limits[v] = next.used;
      next.copied = v + 1;
      next.owed -= length + 1;
      budget -= length + 1;
    }
    if (this.next?.copied === this.ids.length) this.replace(this.next);
  }

  /** Copies row v, changed since it was copied, to the next pool again (moved there if longer). */
  private recopy(v: number): void {
    const next = this.next!;
    const length = this.ends[v]! - this.starts[v]!;
    if (next.starts[v]! + length <= next.limits[v]!) {
      next.ends[v] = copyRow(this, v, next, next.starts[v]!);
      return;
    }
    const room = roomFor(length);
    if (next.used + room > next.neighbours.length) {
      // No room for it there: the copy starts again, larger.
      this.startCopy();
      return;
    }
    next.wasted += next.limits[v]! - next.starts[v]!;
    next.starts[v] = next.used;
    next.ends[v] = copyRow(this, v, next, next.used);
    next.used += room;
    next.limits[v] = next.used;
  }

  /** The next pool, every row copied, becomes this one. */
  private replace(next: NextPool): void {
    this.neighbours = next.neighbours;
    this.events = next.events;
    this.costs = next.costs;
    this.byCost = next.byCost;
    this.starts = next.starts;
    this.ends = next.ends;
    this.limits = next.limits;
    this.used = next.used;
    this.wasted = next.wasted;
    this.next = null;
    this.replaced += 1;
  }

  private resizePool(size: number): void {
    this.neighbours = resized(this.neighbours, size);
    this.events = resized(this.events, size);
    this.costs = resized(this.costs, size);
    this.byCost = resized(this.byCost, size);
  }
}
