// The graph's pair index in columns (server/graph/pair-index.ts) against a plain reference: a map of
// maps of event lists, tallied by the dyad arithmetic. Random adds and removals must leave the same
// stances, type counts, partner lists in opening order, and pairs among any set of actors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES, ploverInfo, type PloverType } from '../../server/model/index.ts';
import { PairIndex, PairMap } from '../../server/graph/pair-index.ts';
import { PairCounter } from '../../server/graph/dyads.ts';
import type { EventEdgeAttributes } from '../../server/graph/index.ts';

const ACTORS = ['kavel', 'morrow-isles', 'tuvani', 'ashgrove', 'el-qadir', 'bruni'];

function event(type: PloverType, date: string | null, n: number): EventEdgeAttributes {
  const info = ploverInfo(type);
  return {
    kind: 'event',
    id: `e${n}`,
    eventType: type,
    quad: info.quad,
    polarity: info.polarity,
    score: info.score + (n % 3) * 0.25,
    mode: null,
    date,
    datePrecision: date === null ? null : 'day',
    confidence: 0.8,
    document: `d${n % 5}`,
    extractor: 'test',
    sentence: 0,
    evidenceStart: 0,
    evidenceEnd: 1,
  };
}

/** Pairs as a map of maps (insertion order kept as a Map keeps it), each with its events. */
class Reference {
  readonly out = new Map<string, Map<string, EventEdgeAttributes[]>>();
  readonly into = new Map<string, Map<string, EventEdgeAttributes[]>>();

  add(s: string, t: string, e: EventEdgeAttributes): void {
    let events = this.out.get(s)?.get(t);
    if (!events) {
      events = [];
      if (!this.out.has(s)) this.out.set(s, new Map());
      if (!this.into.has(t)) this.into.set(t, new Map());
      this.out.get(s)!.set(t, events);
      this.into.get(t)!.set(s, events);
    }
    events.push(e);
  }

  /** Drops the events `drop` picks from a pair; the pair closes when none is left. */
  remove(s: string, t: string, drop: (i: number) => boolean): EventEdgeAttributes[] {
    const events = this.out.get(s)?.get(t) ?? [];
    const kept = events.filter((_e, i) => !drop(i));
    if (kept.length === 0) {
      this.out.get(s)?.delete(t);
      this.into.get(t)?.delete(s);
    } else {
      events.splice(0, events.length, ...kept);
    }
    return kept;
  }

  tally(s: string, t: string) {
    const c = new PairCounter(s, t);
    for (const e of this.out.get(s)?.get(t) ?? []) c.add(e);
    return { stance: c.stance, types: c.types };
  }

  pairs(): [string, string][] {
    return [...this.out].flatMap(([s, m]) => [...m.keys()].map((t) => [s, t] as [string, string]));
  }
}

/** Everything the index answers, in the index's own order, as plain data. */
function snapshot(index: PairIndex) {
  return {
    size: index.size,
    partners: ACTORS.map((a) => {
      const n = index.findActor(a);
      const out: [string, object, object][] = [];
      const into: [string, object, object][] = [];
      index.forEachOut(n, (p, t) => out.push([index.actorId(t), index.stance(p), index.types(p)]));
      index.forEachIn(n, (p, s) => into.push([index.actorId(s), index.stance(p), index.types(p)]));
      return [a, out, into];
    }),
  };
}

function expected(ref: Reference) {
  return {
    size: ref.pairs().length,
    partners: ACTORS.map((a) => [
      a,
      [...(ref.out.get(a)?.keys() ?? [])].map((t) => [t, ...Object.values(ref.tally(a, t))]),
      [...(ref.into.get(a)?.keys() ?? [])].map((s) => [s, ...Object.values(ref.tally(s, a))]),
    ]),
  };
}

const step = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    s: fc.constantFrom(...ACTORS),
    t: fc.constantFrom(...ACTORS),
    type: fc.constantFrom(...PLOVER_TYPES),
    date: fc.option(fc.constantFrom('2019-03-02', '2021-11-30', '2023-06-15', '2024-01-09')),
  }),
  fc.record({
    op: fc.constant('remove' as const),
    s: fc.constantFrom(...ACTORS),
    t: fc.constantFrom(...ACTORS),
    every: fc.integer({ min: 1, max: 3 }),
  }),
);

describe('pair index in columns', () => {
  it('any sequence of adds and recounts gives the reference tallies, partners and order', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const index = new PairIndex();
        const ref = new Reference();
        steps.forEach((x, n) => {
          if (x.op === 'add') {
            const e = event(x.type, x.date, n);
            index.add(x.s, x.t, e);
            ref.add(x.s, x.t, e);
          } else {
            const kept = ref.remove(x.s, x.t, (i) => i % x.every === 0);
            index.recount(x.s, x.t, kept);
          }
        });
        expect(snapshot(index)).toEqual(expected(ref));
        for (const [s, t] of ref.pairs()) {
          expect(index.stance(index.findIds(s, t))).toEqual(ref.tally(s, t).stance);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts types in the order first seen and keeps the stance key order of a dyad', () => {
    const index = new PairIndex();
    const types: PloverType[] = ['ACCUSE', 'CONSULT', 'ACCUSE', 'AID', 'CONSULT', 'ACCUSE'];
    types.forEach((t, i) => index.add('tuvani', 'kavel', event(t, null, i)));
    const p = index.findIds('tuvani', 'kavel');
    expect(Object.entries(index.types(p))).toEqual([
      ['ACCUSE', 3],
      ['CONSULT', 2],
      ['AID', 1],
    ]);
    expect(Object.keys(index.stance(p))).toEqual([
      'source',
      'target',
      'eventCount',
      'netScore',
      'cooperative',
      'hostile',
      'neutral',
      'firstDate',
      'lastDate',
    ]);
    expect(index.stance(p)).toMatchObject({ firstDate: null, lastDate: null, eventCount: 6 });
  });

  it('finds every pair after many open and close, across table growth', () => {
    const index = new PairIndex();
    const names = Array.from({ length: 60 }, (_v, i) => `actor-${i}`);
    const live = new Set<string>();
    let n = 0;
    for (let round = 0; round < 3; round++) {
      for (const s of names) {
        for (const t of names) {
          if ((names.indexOf(s) * 7 + names.indexOf(t) + round) % 4 !== 0) continue;
          index.add(s, t, event('CONSULT', '2022-02-02', n++));
          live.add(`${s}>${t}`);
        }
      }
      // Close about a third of the live pairs, then check every pair both ways.
      for (const key of [...live].filter((_k, i) => i % 3 === round % 3)) {
        const [s, t] = key.split('>') as [string, string];
        index.recount(s, t, []);
        live.delete(key);
      }
      expect(index.size).toBe(live.size);
      for (const s of names) {
        for (const t of names) {
          expect(index.findIds(s, t) >= 0).toBe(live.has(`${s}>${t}`));
        }
      }
    }
  });

  it('lists the pairs among a set of actors, as a scan of every pair would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { minLength: 1, maxLength: 300 }),
        fc.uniqueArray(fc.nat(39), { maxLength: 40 }),
        (pairs, members) => {
          const index = new PairIndex();
          pairs.forEach(([s, t], i) => index.add(`a${s}`, `a${t}`, event('AID', null, i)));
          const numbers = members.map((m) => index.findActor(`a${m}`));
          const found = index.among(numbers);
          const inSet = new Set(members.map((m) => `a${m}`));
          const want = new Set(
            pairs.filter(([s, t]) => inSet.has(`a${s}`) && inSet.has(`a${t}`)).map(String),
          );
          const got = [...found.pairs].map((p) =>
            [index.actorId(index.source(p)).slice(1), index.actorId(index.target(p)).slice(1)]
              .map(Number)
              .join(','),
          );
          expect(new Set(got)).toEqual(want);
          expect(got.length).toBe(want.size);
          found.pairs.forEach((p, i) => {
            expect(found.sources[i]).toBe(index.source(p));
            expect(found.events[i]).toBe(index.eventCount(p));
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('shows an actor side as a read-only map', () => {
    const index = new PairIndex();
    index.add('ashgrove', 'bruni', event('AID', '2020-05-05', 1));
    index.add('ashgrove', 'el-qadir', event('ACCUSE', '2020-06-05', 2));
    index.add('bruni', 'ashgrove', event('AID', '2020-07-05', 3));
    const out = new PairMap(index, index.findActor('ashgrove'), 'out');
    expect(out.size).toBe(2);
    expect([...out.keys()]).toEqual(['bruni', 'el-qadir']);
    expect(out.has('el-qadir')).toBe(true);
    expect(out.has('ashgrove')).toBe(false);
    expect(out.get('bruni')!.stance).toMatchObject({ source: 'ashgrove', eventCount: 1 });
    const into = new PairMap(index, index.findActor('ashgrove'), 'in');
    expect([...into].map(([k, v]) => [k, v.types])).toEqual([['bruni', { AID: 1 }]]);
    const none = new PairMap(index, index.findActor('nobody'), 'out');
    expect(none.size).toBe(0);
    expect([...none]).toEqual([]);
    expect(none.get('bruni')).toBeUndefined();
  });
});
