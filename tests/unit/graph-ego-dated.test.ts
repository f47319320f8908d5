// Ego views under a date range: the actors a hop keeps are counted from the graph's date index
// (the events dated in range) when those are fewer than the frontier's own events, instead of
// walking each actor's event list. The view must be the one the event-by-event walk gives: the
// same actors, totals, edges and layout, at depths 1 and 2, for busy and quiet actors, for day,
// month and year ranges and ranges no event falls in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph, subgraph, type StanceGraph } from '../../server/graph/index.ts';
import { dateInRange } from '../../server/graph/dates.ts';
import { eventMatches } from '../../server/graph/event-filter.ts';
import { pairsAmong } from '../../server/graph/view-pairs.ts';
import { BudgetTicker } from '../../server/graph/view-select.ts';
import type { Extraction, PloverType } from '../../server/model/index.ts';
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
 * Documents of 30 events among 60 actors, a few busy ones; dates from 2019 to 2023 stated to the
 * day, the month or the year, some undated; a few events of an actor with itself.
 */
function datedDocuments(seed: number, count: number): Extraction[] {
  const next = random(seed);
  const actor = (): string => `state-${Math.floor(next() ** 3 * 60)}`;
  const documents = [];
  for (let d = 0; d < count; d++) {
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
  return documents;
}

/** A graph of 40 such documents. */
function datedGraph(seed: number): StanceGraph {
  return buildGraph(datedDocuments(seed, 40));
}

const RANGES: [string | undefined, string | undefined][] = [
  ['2021-01-01', '2021-12-31'],
  ['2020-03-01', '2020-03-31'],
  ['2022-06-15', '2022-06-15'],
  ['2019-01-01', undefined],
  [undefined, '2020-12-31'],
  ['2030-01-01', '2030-12-31'],
];

/** Depths, edge modes and orders a view is compared in (dyads read the pairs' full tallies). */
const VIEW_KINDS: [number, 'events' | 'dyads', 'busiest' | 'graph'][] = [
  [1, 'events', 'busiest'],
  [2, 'events', 'busiest'],
  [1, 'dyads', 'busiest'],
  [2, 'dyads', 'graph'],
  [1, 'events', 'graph'],
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
          for (const [depth, mode, order] of VIEW_KINDS) {
            const q = { focus, depth, from, to, limit: 12, edgeLimit: 40, mode, order };
            // Any other filter (here one every event meets) takes the event-by-event walk.
            const walked = subgraph(sg, { ...q, minConfidence: 0 });
            expect(
              subgraph(sg, q),
              `${seed} ${focus} ${from}..${to} ${depth} ${mode} ${order}`,
            ).toEqual(walked);
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

  it("counts a busy actor's ties from its pairs' date keys, not from its own events", () => {
    const sg = datedGraph(4);
    const walk = vi.spyOn(sg, 'forEachEventOf');
    const dated = vi.spyOn(sg, 'pairsDated');
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

/** Each pair's events within [from, to] by a scan of every event, keyed source>target. */
function scannedPairCounts(sg: StanceGraph, from?: string, to?: string): Map<string, number> {
  const out = new Map<string, number>();
  sg.forEachEvent((attrs, source, target) => {
    if (!dateInRange(attrs.date, from, to)) return;
    const key = `${source}>${target}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  });
  return out;
}

/** Each pair's count as pairsDated gives it, keyed source>target (pairs with none left out). */
function countedPairs(sg: StanceGraph, from?: string, to?: string): Map<string, number> {
  const counter = sg.pairsDated(from, to);
  const out = new Map<string, number>();
  for (const stance of sg.dyads()) {
    const n = counter.count(sg.pairs.findIds(stance.source, stance.target));
    if (n > 0) out.set(`${stance.source}>${stance.target}`, n);
  }
  return out;
}

/** Each pair's events in range as pairsDated lists them, and as a walk of its list keeps them. */
function listedPairEvents(sg: StanceGraph, from?: string, to?: string): [number[], number[]][] {
  const counter = sg.pairsDated(from, to);
  return sg.dyads().map((stance) => {
    const walked: number[] = [];
    sg.forEachEventKeyBetween(stance.source, stance.target, (key) => {
      if (dateInRange(sg.event(key)!.event.date, from, to)) walked.push(key);
    });
    const pair = sg.pairs.findIds(stance.source, stance.target);
    return [[...counter.events(pair)], walked];
  });
}

/** Ranges whose ends are stated to the day, the month or the year, open at either end or none. */
const COUNT_RANGES: [string | undefined, string | undefined][] = [
  ...RANGES,
  ['2020', '2021'],
  ['2020-02', '2020-02'],
  ['2019-12-31', '2020-01'],
  ['2021-03-01', '2021-03-31'],
  ['2022', undefined],
  [undefined, '2019-06'],
  ['2023-12-31', '2023'],
  ['2021-02-28', '2021-03-01'],
];

describe("pairs' events in a date range, counted and listed from their date keys", () => {
  it('equal a scan of every event, and a fresh build, through adds, removes and compaction', () => {
    const documents = datedDocuments(11, 400);
    const sg = buildGraph();
    const live = new Set<number>();
    const check = (stage: string): void => {
      const fresh = buildGraph([...live].sort((a, b) => a - b).map((i) => documents[i]!));
      for (const [from, to] of COUNT_RANGES) {
        const counted = countedPairs(sg, from, to);
        expect(counted, `${stage} ${from}..${to}`).toEqual(scannedPairCounts(sg, from, to));
        expect(counted, `${stage} fresh ${from}..${to}`).toEqual(countedPairs(fresh, from, to));
        for (const [listed, walked] of listedPairEvents(sg, from, to)) {
          expect(listed, `${stage} events ${from}..${to}`).toEqual(walked);
        }
      }
    };
    const add = (i: number): void => {
      sg.addDocument(documents[i]!);
      live.add(i);
    };
    const remove = (i: number): void => {
      sg.removeDocument(documents[i]!.document.id);
      live.delete(i);
    };
    for (let i = 0; i < 60; i++) add(i);
    check('built');
    // A few changes after the keys were built: the changed pairs are read again.
    add(60);
    remove(3);
    remove(17);
    check('a few changes');
    // Many: the keys are built anew.
    for (let i = 61; i < 400; i++) add(i);
    check('many added');
    for (let i = 0; i < 400; i += 2) if (live.has(i)) remove(i);
    check('half removed');
    for (let i = 0; i < 100; i += 4) add(i);
    check('some added again');
    // Enough removals that the event slots are compacted (their numbers change).
    for (let i = 0; i < 390; i++) if (live.has(i)) remove(i);
    check('most removed');
  });

  it('count dates of another form as dateInRange judges them', () => {
    const sg = datedGraph(12);
    sg.addDocument(
      bundleOf([
        ['state-0', 'state-1', 'AID', '2021-5'],
        ['state-0', 'state-1', 'AID', '2021-06-01'],
        ['state-2', 'state-0', 'ACCUSE', '20210601'],
      ]).extraction,
    );
    for (const [from, to] of COUNT_RANGES) {
      expect(countedPairs(sg, from, to), `${from}..${to}`).toEqual(scannedPairCounts(sg, from, to));
    }
  });
});
