// A compact undirected index of the actor graph for path search: actors as integers, each one's
// partners in a row of flat typed arrays, with the number of events each pair shares, so Yen's
// algorithm can run its many restricted searches without touching graphology objects. Each row's
// partners are sorted, so whether two nodes are linked is a binary search, and listed a second
// time cheapest link first, so a search can read only the links cheap enough to matter.
//
// One index per graph and mode, kept up to date: once a mode's index exists, every change of the
// graph schedules a catch-up off the request path, in slices of a few milliseconds that yield
// between them, which updates the rows of the pairs the changes touched (the graph's journal of
// touched pairs), recounted from the graph's pair tallies, at the cost of the touched rows'
// lengths. Before the journal drops entries an index still needs, the index reads those at once
// (only those: the slices read the rest). A path query arriving while an index is behind catches it
// up first, the same way. The index is built afresh only on a mode's first query, when the graph
// cannot say what changed (restored since), or when a query finds so much changed that building
// costs less. When the rows' pool is being replaced by a larger or packed one (path-rows.ts), the
// slices also copy its rows, a few thousand entries at a time; queries meanwhile read the current
// pool, which holds every row.
import type { JournalFollower, TouchedPairs } from '../change-journal.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { PairIndex } from '../pair-index.ts';
import { PathRows } from './path-rows.ts';

export { costOrder, findIn, hopCost } from './path-rows.ts';

/** Which events make a link: all of them, or only cooperative or only hostile ones. */
export type PathMode = 'any' | 'cooperative' | 'hostile';

export interface PathIndex {
  /**
   * Actor ids by node number: an actor keeps its number while the index lives, and one that left
   * the graph keeps an empty row.
   */
  ids: string[];
  indexOf: Map<string, number>;
  /** Each node's place among all the ids in increasing order (ties between paths go by it). */
  rank: Int32Array;
  /** Node numbers by rank. */
  byRank: Int32Array;
  /** Node v's neighbours are neighbours[starts[v]..ends[v]), in increasing node number. */
  starts: Int32Array;
  ends: Int32Array;
  neighbours: Int32Array;
  /** Events between node v and the neighbour at the same position, either direction. */
  events: Int32Array | Float64Array;
  /** The hop cost of the same pair (hopCost of its events): searches do no arithmetic per hop. */
  costs: Float64Array;
  /** Positions in neighbours, each row's cheapest link first, equal costs by the partners' rank. */
  byCost: Int32Array;
}

/** A query applies touched pairs one by one at most this many, or an eighth of the links if more. */
const UPDATE_LIMIT = 4_096;
/** A catch-up slice works about this long, then yields to what is waiting. */
const SLICE_MS = 2;
/** Journal entries a slice reads at a time (whole changes). */
const STEP_ENTRIES = 64;
/** Pool entries a slice copies at a time to a pool replacing the current one (whole rows). */
const COPY_ENTRIES = 4_096;

interface Kept {
  mode: PathMode;
  rows: PathRows;
  /** The graph version the rows hold. */
  version: number;
}

/** The kept indexes of one graph, by mode, caught up in slices after the graph's changes. */
class KeptIndexes implements JournalFollower {
  readonly modes = new Map<PathMode, Kept>();
  private scheduled = false;

  constructor(private readonly sg: StanceGraph) {
    sg.followChanges(this);
  }

  changed(): void {
    this.schedule();
  }

  /** A slice to come, unless one is already. */
  private schedule(): void {
    // Every index may have been dropped (out of the journal's reach): nothing to catch up.
    if (this.scheduled || this.modes.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.slice());
  }

  dropping(floor: number): void {
    for (const kept of this.modes.values()) {
      if (kept.version >= floor) continue;
      // Only the entries about to go, read at once; the slices read the rest.
      const touched = this.sg.touchedSince(kept.version, Infinity, floor);
      if (touched) this.apply(kept, touched);
      else this.modes.delete(kept.mode);
    }
  }

  /** Brings `kept` as far as the entries reach. */
  apply(kept: Kept, touched: TouchedPairs): void {
    update(this.sg, kept.mode, kept.rows, touched.firsts, touched.seconds);
    kept.version = touched.through;
    // The update may have started replacing the pool: the slices copy it.
    if (kept.rows.copying) this.schedule();
  }

  /**
   * Catches up the indexes a few changes at a time for SLICE_MS, then copies rows of pools being
   * replaced with what time is left, and comes again later if either is unfinished.
   */
  private slice(): void {
    this.scheduled = false;
    const end = performance.now() + SLICE_MS;
    let behind = false;
    for (const kept of this.modes.values()) {
      while (kept.version < this.sg.version) {
        if (performance.now() >= end) {
          behind = true;
          break;
        }
        const touched = this.sg.touchedSince(kept.version, STEP_ENTRIES);
        if (!touched) {
          // Out of the journal's reach (the catch-up before drops prevents it): a query builds it.
          this.modes.delete(kept.mode);
          break;
        }
        this.apply(kept, touched);
      }
    }
    for (const kept of this.modes.values()) {
      while (kept.rows.copying) {
        if (performance.now() >= end) {
          behind = true;
          break;
        }
        kept.rows.copyRows(COPY_ENTRIES);
      }
    }
    if (behind) this.schedule();
  }
}

const keptIndexes = new WeakMap<StanceGraph, KeptIndexes>();
let builds = 0;

/** How many path indexes were built from a whole graph so far (for tests). */
export function pathIndexBuilds(): number {
  return builds;
}

/** Whether the kept index of the mode is having its pool replaced (for tests). */
export function pathIndexCopying(sg: StanceGraph, mode: PathMode): boolean {
  return keptIndexes.get(sg)?.modes.get(mode)?.rows.copying ?? false;
}

/** The graph version the kept index of the mode holds, or null if it has none (for tests). */
export function pathIndexVersion(sg: StanceGraph, mode: PathMode): number | null {
  return keptIndexes.get(sg)?.modes.get(mode)?.version ?? null;
}

/** The events of directed pair p that count in the mode. */
function modeEvents(pairs: PairIndex, p: number, mode: PathMode): number {
  return mode === 'any' ? pairs.eventCount(p) : pairs.polarityCount(p, mode);
}

/** The events two actors share in the mode, either direction (self-pairs are not links). */
function sharedEvents(pairs: PairIndex, a: string, b: string, mode: PathMode): number {
  let shared = 0;
  for (const p of [pairs.findIds(a, b), pairs.findIds(b, a)]) {
    if (p >= 0) shared += modeEvents(pairs, p, mode);
  }
  return shared;
}

function buildPathIndex(sg: StanceGraph, mode: PathMode): PathRows {
  builds += 1;
  // Every actor can be an endpoint, even one with no link in this mode.
  const ids = sg.graph.nodes().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = ids.length;
  const pairs = sg.pairs;
  const nodeOf = new Int32Array(pairs.actorCount).fill(-1);
  for (let v = 0; v < n; v++) {
    const a = pairs.findActor(ids[v]!);
    if (a >= 0) nodeOf[a] = v;
  }
  // Each pair is a link of both its actors' rows, so rows hold at most twice the pairs.
  const rows = new PathRows(ids, 2 * pairs.size);
  const shared = new Int32Array(n);
  const partners = new Int32Array(n);
  let count = 0;
  let self = -1;
  const tally = (p: number, other: number) => {
    const u = nodeOf[other]!;
    if (other === self || u < 0) return;
    const events = modeEvents(pairs, p, mode);
    if (events === 0) return;
    if (shared[u] === 0) partners[count++] = u;
    shared[u]! += events;
  };
  for (let v = 0; v < n; v++) {
    self = pairs.findActor(ids[v]!);
    count = 0;
    if (self >= 0) {
      pairs.forEachOut(self, tally);
      pairs.forEachIn(self, tally);
    }
    const row = partners.subarray(0, count).sort();
    rows.appendRow(v, row, shared);
    for (const u of row) shared[u] = 0;
  }
  return rows.ordered();
}

/** Brings the rows from one graph version to the current one, pair by touched pair. */
function update(
  sg: StanceGraph,
  mode: PathMode,
  rows: PathRows,
  firsts: readonly string[],
  seconds: readonly string[],
): void {
  const { indexOf } = rows;
  for (let i = 0; i < firsts.length; i++) {
    const a = firsts[i]!;
    const b = seconds[i]!;
    if (!indexOf.has(a) && sg.hasActor(a)) rows.addNode(a);
    if (!indexOf.has(b) && sg.hasActor(b)) rows.addNode(b);
    if (a === b) continue;
    const va = indexOf.get(a);
    const vb = indexOf.get(b);
    // An actor that came and went between two queries shares nothing now.
    if (va === undefined || vb === undefined) continue;
    const shared = sharedEvents(sg.pairs, a, b, mode);
    rows.setLink(va, vb, shared);
    rows.setLink(vb, va, shared);
  }
}

/** The path index of the graph as it is now, in the mode (caught up first if behind). */
export function pathIndex(sg: StanceGraph, mode: PathMode): PathIndex {
  let indexes = keptIndexes.get(sg);
  if (!indexes) keptIndexes.set(sg, (indexes = new KeptIndexes(sg)));
  const known = indexes.modes.get(mode);
  if (known?.version === sg.version) return known.rows;
  const touched = known ? sg.touchedSince(known.version) : null;
  if (known && touched && touched.firsts.length <= Math.max(UPDATE_LIMIT, known.rows.links / 8)) {
    indexes.apply(known, touched);
    return known.rows;
  }
  const rows = buildPathIndex(sg, mode);
  indexes.modes.set(mode, { mode, rows, version: sg.version });
  return rows;
}
