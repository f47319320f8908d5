// The compact input of an analysis, built on the serving thread and handed to the analysis thread:
// actor ids sorted by code units, and rows of (source, target, events, net score) as typed arrays
// whose buffers are transferred, not copied. Without an event filter the rows are the pair index's
// pairs; with one they are the matching events, read in stretches (all events, or under a date
// bound only those in range) that yield to the event loop every few milliseconds so other requests
// are answered meanwhile.
import { byCodeUnits } from '../contributions.ts';
import { candidateEvents, eventMatches, filterIsActive, kindAllowed } from '../event-filter.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { AnalysisFilter } from './analysis-filter.ts';

export interface DyadInput {
  /** Actor ids sorted by code units: rows name actors by their place here. */
  ids: string[];
  /**
   * True with an event filter: the analysis ranges over the actors of some row only, as
   * /api/graph shows them. False: over every id (each actor of an allowed kind).
   */
  onlyTouched: boolean;
  /** Rows in use; the arrays may be longer. Self-directed events are never rows. */
  rows: number;
  source: Int32Array;
  target: Int32Array;
  events: Int32Array;
  net: Float64Array;
}

/** The buffers to transfer with an input. */
export function inputBuffers(input: DyadInput): ArrayBuffer[] {
  return [input.source, input.target, input.events, input.net].map((a) => a.buffer as ArrayBuffer);
}

/** Longest stretch of work between two turns of the event loop, in ms. */
const SLICE_MS = 8;
/** Rows or events handled between two looks at the clock. */
const STEP = 4096;

/** Gives the event loop a turn once SLICE_MS have passed since the last one. */
function slicer(): () => Promise<void> | null {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return null;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/**
 * The input of an analysis of the graph under `filter`, or null when the graph changed while it was
 * being read (the analysis would be of a version that no longer exists).
 */
export async function dyadInput(
  sg: StanceGraph,
  filter: AnalysisFilter,
): Promise<DyadInput | null> {
  const version = sg.version;
  const pause = slicer();
  if (!filterIsActive(filter)) {
    const ids = sg.graph
      .filterNodes((_n, a: { kind: Parameters<typeof kindAllowed>[0] }) =>
        kindAllowed(a.kind, filter.kinds),
      )
      .sort(byCodeUnits);
    const pairs = sg.pairs;
    const place = new Int32Array(pairs.actorCount).fill(-1);
    ids.forEach((id, i) => {
      const a = pairs.findActor(id);
      if (a >= 0) place[a] = i;
    });
    const input = emptyInput(ids, false, pairs.size);
    let seen = 0;
    for (const p of pairs.all()) {
      const s = place[pairs.source(p)]!;
      const t = place[pairs.target(p)]!;
      // An actor of a kind left out has no place; self-directed pairs say nothing about partners.
      if (s >= 0 && t >= 0 && s !== t) {
        push(input, s, t, pairs.eventCount(p), pairs.netScore(p));
      }
      if (++seen % STEP === 0) {
        const turn = pause();
        if (turn) {
          await turn;
          if (sg.version !== version) return null;
        }
      }
    }
    return input;
  }
  const ids = sg.graph.nodes().sort(byCodeUnits);
  const index = new Map(ids.map((id, i) => [id, i]));
  const allowed = new Uint8Array(ids.length);
  ids.forEach((id, i) => (allowed[i] = kindAllowed(sg.actorKind(id)!, filter.kinds) ? 1 : 0));
  const input = emptyInput(ids, true, 1024);
  // Under a date bound only the events dated in range are read (the date index).
  const candidates = candidateEvents(sg, filter);
  for (let start = 0; start < candidates.count; start += STEP) {
    candidates.visit(start, start + STEP, (attrs, source, target) => {
      if (source === target) return;
      const s = index.get(source)!;
      const t = index.get(target)!;
      if (!allowed[s] || !allowed[t] || !eventMatches(attrs, filter)) return;
      push(input, s, t, 1, attrs.score);
    });
    const turn = pause();
    if (turn) {
      await turn;
      if (sg.version !== version) return null;
    }
  }
  return input;
}

function emptyInput(ids: string[], onlyTouched: boolean, capacity: number): DyadInput {
  const c = Math.max(16, capacity);
  return {
    ids,
    onlyTouched,
    rows: 0,
    source: new Int32Array(c),
    target: new Int32Array(c),
    events: new Int32Array(c),
    net: new Float64Array(c),
  };
}

function push(input: DyadInput, s: number, t: number, events: number, net: number): void {
  if (input.rows === input.source.length) {
    const c = 2 * input.rows;
    input.source = grow(input.source, new Int32Array(c));
    input.target = grow(input.target, new Int32Array(c));
    input.events = grow(input.events, new Int32Array(c));
    input.net = grow(input.net, new Float64Array(c));
  }
  const r = input.rows++;
  input.source[r] = s;
  input.target[r] = t;
  input.events[r] = events;
  input.net[r] = net;
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
