// Ego views under a date range: the actors a hop keeps are counted from the graph's date index
// (the events dated in range) when those are fewer than the frontier's own events, instead of
// walking each actor's event list. The view must be the one the event-by-event walk gives: the
// same actors, totals, edges and layout, at depths 1 and 2, for busy and quiet actors, for day,
// month and year ranges and ranges no event falls in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph, subgraph, type StanceGraph } from '../../server/graph/index.ts';
import { eventMatches } from '../../server/graph/event-filter.ts';
import { pairsAmong } from '../../server/graph/view-pairs.ts';
import { BudgetTicker } from '../../server/graph/view-select.ts';
import type { PloverType } from '../../server/model/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';

const TYPES: PloverType[] = ['CONSULT', 'ACCUSE', 'AID', 'THREATEN', 'SANCTION'];

/** A seeded generator (mulberry32), so each run builds the same graph. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 60 actors, a few busy ones; dates from 2019 to 2023 stated to the day, the month or the year,
 * some undated; a few events of an actor with itself.
 */
function datedGraph(seed: number): StanceGraph {
  const next = random(seed);
  const actor = (): string => `state-${Math.floor(next() ** 3 * 60)}`;
  const documents = [];
  for (let d = 0; d < 40; d++) {
    const events: EventTuple[] = [];
    for (let i = 0; i < 30; i++) {
      const source = actor();
      const target = next() < 0.03 ? source : actor();
      const year = 2019 + Math.floor(next() * 5);
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
      const r = next();
      const date =
        r < 0.05
          ? null
          : r < 0.15
            ? `${year}`
            : r < 0.3
              ? `${year}-${month}`
              : `${year}-${month}-${day}`;
      events.push([source, target, TYPES[Math.floor(next() * TYPES.length)]!, date]);
    }
    documents.push(bundleOf(events).extraction);
  }
  return buildGraph(documents);
}

const RANGES: [string | undefined, string | undefined][] = [
  ['2021-01-01', '2021-12-31'],
  ['2020-03-01', '2020-03-31'],
  ['2022-06-15', '2022-06-15'],
  ['2019-01-01', undefined],
  [undefined, '2020-12-31'],
  ['2030-01-01', '2030-12-31'],
];

afterEach(() => vi.restoreAllMocks());

describe('ego views under a date range', () => {
  it('equal the event-by-event walk for busy and quiet actors, depths 1 and 2', () => {
    for (const seed of [1, 2, 3]) {
      const sg = datedGraph(seed);
      const actors = sg.graph.nodes();
      for (const focus of [actors[0]!, actors[actors.length - 1]!, 'state-0', 'state-1']) {
        if (!sg.graph.hasNode(focus)) continue;
        for (const [from, to] of RANGES) {
          for (const depth of [1, 2]) {
            const q = { focus, depth, from, to, limit: 12, edgeLimit: 40 };
            // Any other filter (here one every event meets) takes the event-by-event walk.
            const walked = subgraph(sg, { ...q, minConfidence: 0 });
            expect(subgraph(sg, q), `${seed} ${focus} ${from}..${to} depth ${depth}`).toEqual(
              walked,
            );
          }
        }
      }
    }
  });

  it('counts the pairs among the shown actors as a scan of every event does', () => {
    for (const seed of [6, 7]) {
      const sg = datedGraph(seed);
      const everyone = sg.graph.nodes();
      for (const kept of [new Set(everyone), new Set(everyone.slice(0, 8))]) {
        for (const [from, to] of RANGES) {
          const q = { from, to };
          const expected = new Map<string, number>();
          sg.forEachEvent((attrs, source, target) => {
            if (!kept.has(source) || !kept.has(target) || !eventMatches(attrs, q)) return;
            const key = `${source}>${target}`;
            expected.set(key, (expected.get(key) ?? 0) + 1);
          });
          const found = pairsAmong(sg, kept, q, new BudgetTicker(undefined));
          const counted = new Map(
            found
              .busiest(Infinity)
              .map((t) => [`${t.stance.source}>${t.stance.target}`, t.stance.eventCount]),
          );
          expect(counted, `${seed} ${kept.size} ${from}..${to}`).toEqual(expected);
        }
      }
    }
  });

  it("reads a busy actor's ties from the date index, not from its own events", () => {
    const sg = datedGraph(4);
    const walk = vi.spyOn(sg, 'forEachEventOf');
    const dated = vi.spyOn(sg, 'eventsDated');
    const view = subgraph(sg, { focus: 'state-0', depth: 1, from: '2021-01-01', to: '2021-06-30' });
    expect(view.nodes.length).toBeGreaterThan(1);
    expect(walk).not.toHaveBeenCalled();
    expect(dated).toHaveBeenCalled();
  });

  it('keeps the dated events of one range until the graph changes', () => {
    const sg = datedGraph(5);
    const first = sg.eventsDated('2021-01-01', '2021-12-31');
    expect(sg.eventsDated('2021-01-01', '2021-12-31')).toBe(first);
    expect(sg.eventsDated('2021-01-01', '2021-11-30')).not.toBe(first);
    const again = sg.eventsDated('2021-01-01', '2021-12-31');
    sg.addDocument(bundleOf([['state-0', 'state-1', 'AID', '2021-05-05']]).extraction);
    const after = sg.eventsDated('2021-01-01', '2021-12-31');
    expect(after).not.toBe(again);
    expect(after.length).toBe(again.length + 1);
  });
});
