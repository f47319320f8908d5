// k shortest paths (Yen) over hand-built actor graphs: order, ties, modes, bounds, budgets, and
// agreement with a brute-force enumeration of every simple path.
import { describe, expect, it } from 'vitest';
import { hopCost, kShortestPaths, UnknownActorError } from '../../server/graph/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { graphOf, type EventTuple } from './analytics-fixtures.ts';

describe('kShortestPaths', () => {
  // avalor - brenn - cordia - dunmark, and a short cut avalor - estova - dunmark.
  const chain: EventTuple[] = [
    ['avalor', 'brenn', 'CONSULT'],
    ['brenn', 'cordia', 'AGREE'],
    ['cordia', 'dunmark', 'SUPPORT'],
    ['avalor', 'estova', 'ACCUSE'],
    ['dunmark', 'estova', 'THREATEN'],
    ['fenwick', 'fenwick', 'CONSULT'],
  ];
  const g = graphOf(chain);

  it('lists the cheapest path first, then longer ones, each hop with its events', () => {
    const r = kShortestPaths(g, 'avalor', 'dunmark', { k: 3 });
    expect(r.paths.map((p) => p.nodes)).toEqual([
      ['avalor', 'estova', 'dunmark'],
      ['avalor', 'brenn', 'cordia', 'dunmark'],
    ]);
    expect(r.paths[0]!.length).toBe(2);
    expect(r.paths[0]!.cost).toBeCloseTo(2 * hopCost(1), 9);
    // Direction is ignored for the path, kept on the events: dunmark threatened estova.
    expect(r.paths[0]!.hops[1]).toMatchObject({ from: 'estova', to: 'dunmark', eventCount: 1 });
    expect(r.paths[0]!.hops[1]!.events[0]).toMatchObject({
      type: 'THREATEN',
      source: 'dunmark',
      target: 'estova',
    });
    expect(kShortestPaths(g, 'avalor', 'dunmark', { k: 1 }).paths).toHaveLength(1);
  });

  it('gives an empty list when the target is out of reach, and throws for unknown actors', () => {
    expect(kShortestPaths(g, 'avalor', 'fenwick').paths).toEqual([]);
    expect(kShortestPaths(g, 'avalor', 'dunmark', { maxLength: 1 }).paths).toEqual([]);
    expect(
      kShortestPaths(g, 'avalor', 'cordia', { maxLength: 2 }).paths.map((p) => p.nodes),
    ).toEqual([['avalor', 'brenn', 'cordia']]);
    expect(() => kShortestPaths(g, 'avalor', 'atlantis')).toThrow(UnknownActorError);
  });

  it('keeps only links of the chosen polarity in a mode', () => {
    const coop = kShortestPaths(g, 'avalor', 'dunmark', { mode: 'cooperative' });
    expect(coop.paths.map((p) => p.nodes)).toEqual([['avalor', 'brenn', 'cordia', 'dunmark']]);
    const hostile = kShortestPaths(g, 'avalor', 'dunmark', { mode: 'hostile' });
    expect(hostile.paths.map((p) => p.nodes)).toEqual([['avalor', 'estova', 'dunmark']]);
    expect(kShortestPaths(g, 'brenn', 'dunmark', { mode: 'hostile' }).paths).toEqual([]);
  });

  it('orders equal paths by their actor ids and prefers better-attested hops', () => {
    const square: EventTuple[] = [
      ['north', 'west', 'CONSULT'],
      ['west', 'south', 'CONSULT'],
      ['north', 'east', 'CONSULT'],
      ['east', 'south', 'CONSULT'],
    ];
    const tied = kShortestPaths(graphOf(square), 'north', 'south', { k: 5 });
    expect(tied.paths.map((p) => p.nodes)).toEqual([
      ['north', 'east', 'south'],
      ['north', 'west', 'south'],
    ]);
    expect(tied.paths[0]!.cost).toBe(tied.paths[1]!.cost);
    // Two more events on the west side make it the better-attested, cheaper route.
    const attested = graphOf([...square, ['west', 'north', 'AGREE'], ['south', 'west', 'AGREE']]);
    expect(kShortestPaths(attested, 'north', 'south').paths.map((p) => p.nodes)).toEqual([
      ['north', 'west', 'south'],
      ['north', 'east', 'south'],
    ]);
  });

  it('stops with the budget error once the budget is spent', () => {
    class Spent extends Error {}
    let checks = 0;
    const budget = {
      check() {
        if (++checks > 2) throw new Spent();
      },
    };
    expect(() => kShortestPaths(g, 'avalor', 'dunmark', { budget })).toThrow(Spent);
  });

  it('agrees with every simple path enumerated by brute force', () => {
    const rand = seededRandom(99);
    const names = Array.from({ length: 9 }, (_, i) => `actor-${String.fromCharCode(97 + i)}`);
    const events: EventTuple[] = [];
    for (let i = 0; i < 22; i++) {
      const a = names[Math.floor(rand() * names.length)]!;
      const b = names[Math.floor(rand() * names.length)]!;
      if (a !== b) events.push([a, b, rand() < 0.5 ? 'AGREE' : 'ACCUSE']);
    }
    const rg = graphOf(events);
    const between = new Map<string, number>();
    for (const [a, b] of events) {
      const key = [a, b].sort().join('|');
      between.set(key, (between.get(key) ?? 0) + 1);
    }
    const neighbours = (n: string) =>
      names.filter((m) => between.has([n, m].sort().join('|')) && m !== n);
    const all: { nodes: string[]; cost: number }[] = [];
    const walk = (path: string[], target: string, maxLength: number) => {
      const last = path[path.length - 1]!;
      if (last === target) {
        let cost = 0;
        for (let i = 0; i + 1 < path.length; i++) {
          cost += hopCost(between.get([path[i]!, path[i + 1]!].sort().join('|'))!);
        }
        all.push({ nodes: [...path], cost });
        return;
      }
      if (path.length > maxLength) return;
      for (const m of neighbours(last))
        if (!path.includes(m)) walk([...path, m], target, maxLength);
    };
    let compared = 0;
    for (const from of names) {
      for (const to of names) {
        if (from === to || !rg.hasActor(from) || !rg.hasActor(to)) continue;
        all.length = 0;
        walk([from], to, 4);
        const expected = all
          .map((p) => p.cost)
          .sort((x, y) => x - y)
          .slice(0, 4);
        const got = kShortestPaths(rg, from, to, { k: 4, maxLength: 4 }).paths;
        expect(got.map((p) => p.cost)).toEqual(expected.map((c) => Math.round(c * 1e6) / 1e6));
        for (const p of got) expect(new Set(p.nodes).size).toBe(p.nodes.length);
        compared += got.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('lists the newest events of a busy hop as a full sort of all its events would', () => {
    // Both directions, repeated dates and undated events, three polarities.
    const rand = seededRandom(7);
    const dates = ['2023-05-02', '2023-05', '2021-11-30', null, '2024'];
    const types = ['CONSULT', 'SANCTION', 'AID', 'COERCE', 'RETREAT'] as const;
    const events: EventTuple[] = Array.from({ length: 30 }, () => {
      const type = types[Math.floor(rand() * types.length)]!;
      const date = dates[Math.floor(rand() * dates.length)]!;
      return rand() < 0.5 ? ['tarsis', 'velmora', type, date] : ['velmora', 'tarsis', type, date];
    });
    events.push(['velmora', 'quorin', 'AID'], ['quorin', 'tarsis', 'AID']);
    const hg = graphOf(events);
    for (const mode of ['any', 'cooperative', 'hostile'] as const) {
      const all: { date: string | null; id: string; document: string }[] = [];
      for (const [s, t] of [
        ['tarsis', 'velmora'],
        ['velmora', 'tarsis'],
      ] as const) {
        for (const a of hg.eventsBetween(s, t)) {
          if (mode === 'any' || a.polarity === mode) all.push(a);
        }
      }
      all.sort((a, b) => {
        if (a.date !== b.date) {
          if (a.date === null) return 1;
          if (b.date === null) return -1;
          return a.date > b.date ? -1 : 1;
        }
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      });
      for (const eventsPerHop of [0, 1, 4, 40]) {
        const r = kShortestPaths(hg, 'tarsis', 'velmora', { k: 1, mode, eventsPerHop });
        const hop = r.paths[0]?.hops[0];
        if (all.length === 0) {
          expect(hop).toBeUndefined();
          continue;
        }
        expect(hop!.eventCount).toBe(all.length);
        const shown = hop!.events.map((e) => `${e.document}|${e.id}|${e.date}`);
        const expected = all.slice(0, eventsPerHop).map((e) => `${e.document}|${e.id}|${e.date}`);
        expect(shown).toEqual(expected);
      }
    }
  });
});
