// Kept event edges written ahead while the server has nothing else to do. Views show the busiest
// pairs among their actors first, and in a heavy-tailed graph the same busiest pairs recur in the
// views of most actors, so their newest events are what a view not asked before needs most. Right
// after a start the kept edges are empty and the first views read every quote from the store;
// this walk writes the graph's busiest pairs' newest events (as many as an ego view shows of a
// pair) into the kept edges, busiest first, in small slices, each after the event loop has turned
// once, until the edges fill a share of their bound. It never changes a reply: an edge is written
// as a view writes it, kept only under the same rules (its quote found, its actors untouched
// since), and one already kept is left alone; an edge written ahead and never shown is the first
// to go past the bound.
import { setImmediate as loopTurn } from 'node:timers/promises';
import { writeEventEdges, type ViewSources } from './view-chunks.ts';
import type { EventFragments } from './event-fragments.ts';
import type { PairIndex } from './pair-index.ts';
import type { StanceGraph } from './stance-graph.ts';
import { DEFAULT_EGO_EDGES, type EventRef } from './subgraph.ts';

export interface WarmupOptions {
  /** The share of the kept edges' bound to fill (default 3/4). */
  share?: number;
  /** The most pairs considered, busiest first (default 4,096). */
  pairs?: number;
  /** Events written a slice (default 8: about 0.2 ms a turn at a million events). */
  slice?: number;
  /** Events of each pair, newest first (default DEFAULT_EGO_EDGES: as many as an ego view shows). */
  perPair?: number;
  /** Waits for the next turn of the event loop (default setImmediate). */
  nextTurn?: () => Promise<void>;
}

export interface WarmupFigures {
  /** Pairs whose events were read. */
  pairs: number;
  /** Edges written and kept. */
  written: number;
}

/** Time spent ranking pairs between two turns of the event loop (checked after each actor), ms. */
const RANKING_MS_A_TURN = 0.5;

/**
 * The `max` busiest pairs (most events, then the lower pair number), busiest first, ranked over
 * the actors' pairs, RANKING_MS_A_TURN or so between turns of the event loop.
 */
async function busiestPairs(
  index: PairIndex,
  max: number,
  nextTurn: () => Promise<void>,
): Promise<number[]> {
  // A min-heap on (events, -pair): the root is the least of the best found so far.
  const heap: number[] = [];
  const less = (a: number, b: number) => {
    const d = index.eventCount(a) - index.eventCount(b);
    return d !== 0 ? d < 0 : a > b;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const offer = (p: number) => {
    if (heap.length < max) {
      heap.push(p);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (less(heap[0]!, p)) {
      heap[0] = p;
      down(0);
    }
  };
  let turn = performance.now();
  for (let a = 0; a < index.actorCount; a++) {
    index.forEachOut(a, (p) => {
      if (index.eventCount(p) > 0) offer(p);
    });
    if (performance.now() - turn >= RANKING_MS_A_TURN) {
      await nextTurn();
      turn = performance.now();
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}

/**
 * Writes the busiest pairs' newest events into `fragments` a slice at a time, until they hold
 * `share` of their bound or the pairs run out. A pair whose graph changed between its slices is
 * left (its event keys were read at the version before); an edge is kept as a view keeps it, only
 * with its quote found, and given only while its actors are untouched since it was written.
 */
export async function warmEventFragments(
  sg: StanceGraph,
  sources: ViewSources & { fragments: EventFragments },
  options: WarmupOptions = {},
): Promise<WarmupFigures> {
  const { fragments } = sources;
  const share = options.share ?? 0.75;
  const slice = options.slice ?? 8;
  const perPair = options.perPair ?? DEFAULT_EGO_EDGES;
  const nextTurn = options.nextTurn ?? (() => loopTurn());
  const index = sg.pairs;
  const full = () => fragments.size.units >= share * fragments.bound;
  const pairs = await busiestPairs(index, options.pairs ?? 4_096, nextTurn);
  const figures: WarmupFigures = { pairs: 0, written: 0 };
  for (const p of pairs) {
    if (full()) break;
    // The pair may be gone since it was ranked (its number then free or another pair's).
    if (index.eventCount(p) === 0) continue;
    const source = index.actorId(index.source(p));
    const target = index.actorId(index.target(p));
    figures.pairs += 1;
    const events: EventRef[] = [];
    let taken = 0;
    sg.forEachEventKeyBetween(source, target, (event) => {
      if (!fragments.has(event)) events.push({ event, source, target });
      return ++taken >= perPair;
    });
    // The keys hold while the graph stays at this version: a change drops the rest of the pair.
    const builtAt = sg.version;
    for (let i = 0; i < events.length && !full() && sg.version === builtAt; i += slice) {
      const refs = events.slice(i, i + slice);
      const { complete } = await writeEventEdges(sg, refs, builtAt, sources);
      if (complete) figures.written += refs.length;
      await nextTurn();
    }
  }
  return figures;
}
