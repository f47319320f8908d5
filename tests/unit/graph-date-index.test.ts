// The date index behind date-filtered reads: the events it gives for a range are exactly those a
// full scan keeps (dates known to the day, month or year, undated ones never), in insertion order,
// as documents come and go and after the slots of removed events are given back; and the pairs a
// view counts under a date bound (read from the dated events) match a pair-by-pair walk, tallies,
// type order and float sums included.
import { describe, expect, it } from 'vitest';
import { buildGraph, relations, type StanceGraph } from '../../server/graph/index.ts';
import { dateInRange } from '../../server/graph/dates.ts';
import { PairCounter } from '../../server/graph/dyads.ts';
import { eventMatches, type EventFilter } from '../../server/graph/event-filter.ts';
import { pairsAmong } from '../../server/graph/view-pairs.ts';
import { datedActivity } from '../../server/graph/dated-activity.ts';
import { BudgetTicker, overviewNodes } from '../../server/graph/view-select.ts';
import type { Extraction, PloverType } from '../../server/model/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';
import type { ActorKind } from '../../server/model/index.ts';

const ACTORS = ['marrowind', 'tesk-union', 'ilvaro', 'north-pell', 'saqqa-front', 'obrenne'];
const KINDS: Record<string, ActorKind> = { 'tesk-union': 'organization', 'saqqa-front': 'person' };
const TYPES: PloverType[] = ['AID', 'ACCUSE', 'CONSULT', 'THREATEN', 'SANCTION', 'COOPERATE'];

type Rand = () => number;

/** A date known to the day, the month or the year between 2019 and 2023, or none. */
function randomDate(rand: Rand): string | null {
  const r = rand();
  if (r < 0.08) return null;
  const year = String(2019 + Math.floor(rand() * 5));
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  if (r < 0.18) return year;
  if (r < 0.3) return `${year}-${month}`;
  return `${year}-${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
}

function documents(count: number, seed: number): Extraction[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const out: Extraction[] = [];
  for (let d = 0; d < count; d++) {
    const events: EventTuple[] = [];
    const n = 1 + Math.floor(rand() * 7);
    for (let i = 0; i < n; i++) {
      events.push([pick(ACTORS), pick(ACTORS), pick(TYPES), randomDate(rand)]);
    }
    out.push(bundleOf(events, KINDS).extraction);
  }
  return out;
}

/** A range with either end possibly open, each end a day, a month or a year. */
function randomRange(rand: Rand): [string | undefined, string | undefined] {
  const end = () => (rand() < 0.2 ? undefined : (randomDate(rand) ?? '2021'));
  const a = end();
  const b = end();
  if (a !== undefined && b !== undefined && a > b) return [b, a];
  return [a, b];
}

/** Keys of the dated events a full scan finds in the range, in scan order. */
function scanned(g: StanceGraph, from?: string, to?: string): number[] {
  const out: number[] = [];
  g.forEachEvent((attrs, _s, _t, key) => {
    if (attrs.date !== null && dateInRange(attrs.date, from, to)) out.push(key);
  });
  return out;
}

function expectIndexMatchesScan(g: StanceGraph, rand: Rand, rounds: number): void {
  for (let i = 0; i < rounds; i++) {
    const [from, to] = randomRange(rand);
    expect([...g.eventsDated(from, to)], `${from}..${to}`).toEqual(scanned(g, from, to));
  }
}

describe('events by date', () => {
  it('gives what a scan keeps, through adds, removes, re-adds and compaction', () => {
    const rand = seededRandom(4711);
    const docs = documents(2600, 97);
    const g = buildGraph();
    for (const d of docs.slice(0, 300)) g.addDocument(d);
    expectIndexMatchesScan(g, rand, 40);
    // Added after the index was built: it must take them in.
    for (const d of docs.slice(300, 700)) g.addDocument(d);
    for (let i = 0; i < 700; i += 3) g.removeDocument(docs[i]!.document.id);
    expectIndexMatchesScan(g, rand, 40);
    for (let i = 0; i < 700; i += 9) g.addDocument(docs[i]!);
    expectIndexMatchesScan(g, rand, 40);
    // Enough removals that the event slots are compacted (their numbers change).
    for (const d of docs.slice(700)) g.addDocument(d);
    expectIndexMatchesScan(g, rand, 10);
    const before = g.eventsDated(undefined, undefined).at(-1)!;
    for (let i = 0; i < 2400; i++) g.removeDocument(docs[i]!.document.id);
    const after = g.eventsDated(undefined, undefined);
    expect(after.at(-1)!).toBeLessThan(before - 4096);
    expectIndexMatchesScan(g, rand, 40);
    for (const d of docs.slice(0, 50)) g.addDocument(d);
    expectIndexMatchesScan(g, rand, 40);
  });

  it('gives no undated event, and nothing for a range no event falls in', () => {
    const g = buildGraph();
    for (const d of documents(60, 5)) g.addDocument(d);
    const all = g.eventsDated(undefined, '9999');
    expect(all.length).toBe(scanned(g).length);
    expect(all.length).toBeLessThan(g.counts().events);
    expect(g.eventsDated('2030', undefined).length).toBe(0);
    // A date known only to the year is not inside one month of it.
    for (const key of g.eventsDated('2021-04', '2021-04')) {
      expect(g.event(key)!.event.date!.startsWith('2021-04')).toBe(true);
    }
  });

  it('pages dated relations across the whole graph as the scan would', () => {
    const rand = seededRandom(31);
    const g = buildGraph();
    for (const d of documents(400, 12)) g.addDocument(d);
    for (let i = 0; i < 20; i++) {
      const [start, to] = randomRange(rand);
      const from = start ?? (to === undefined ? '2020-06' : undefined);
      const q = { limit: 7, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const page = relations(g, q);
      const keys = scanned(g, from, to);
      expect(page.total).toBe(keys.length);
      // The newest matching events, newest first, ties by id.
      const want = keys
        .map((k) => g.event(k)!.event)
        .sort((a, b) =>
          a.date === b.date ? (a.id < b.id ? -1 : 1) : (a.date ?? '') > (b.date ?? '') ? -1 : 1,
        )
        .slice(0, 7);
      expect(page.items.map((e) => [e.date, e.id])).toEqual(want.map((e) => [e.date, e.id]));
    }
  });
});

/** The tallies of the kept actors' pairs under a filter, pair by pair, each newest first. */
function walkedPairs(g: StanceGraph, kept: readonly string[], q: EventFilter): PairCounter[] {
  const out: PairCounter[] = [];
  for (const s of kept) {
    for (const t of kept) {
      const tally = new PairCounter(s, t);
      g.forEachEventBetween(s, t, (attrs) => {
        if (eventMatches(attrs, q)) tally.add(attrs);
      });
      if (tally.stance.eventCount > 0) out.push(tally);
    }
  }
  return out;
}

const plain = (p: { stance: object; types: object }) => JSON.stringify([p.stance, p.types]);

describe('pairs of a view under a date bound', () => {
  it('match a pair-by-pair walk of the matching events', () => {
    const rand = seededRandom(2718);
    const g = buildGraph();
    const docs = documents(900, 44);
    for (const d of docs) g.addDocument(d);
    for (let i = 0; i < 900; i += 7) g.removeDocument(docs[i]!.document.id);
    for (let round = 0; round < 60; round++) {
      const kept = ACTORS.filter(() => rand() < 0.7);
      const [from, to] = randomRange(rand);
      const q: EventFilter = {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(round % 3 === 0 ? { polarities: ['hostile' as const] } : {}),
        ...(round % 4 === 1 ? { types: ['AID', 'SANCTION'] as PloverType[] } : {}),
      };
      const found = pairsAmong(g, new Set(kept), q, new BudgetTicker(undefined));
      const want = walkedPairs(g, kept, q);
      expect(found.count).toBe(want.length);
      expect(found.events).toBe(want.reduce((n, p) => n + p.stance.eventCount, 0));
      for (const p of want) {
        expect(plain(found.get(p.stance.source, p.stance.target)!)).toBe(plain(p));
      }
      const busiest = found.busiest(want.length).map(plain);
      expect(new Set(busiest)).toEqual(new Set(want.map(plain)));
    }
  });
});

describe('activity under a date bound', () => {
  it('counts what a scan of the matching events counts, kinds and self-events included', () => {
    const rand = seededRandom(99);
    const g = buildGraph();
    const docs = documents(500, 8);
    for (const d of docs) g.addDocument(d);
    for (let i = 0; i < 500; i += 5) g.removeDocument(docs[i]!.document.id);
    const kindSets: (ActorKind[] | undefined)[] = [undefined, ['state'], ['state', 'person']];
    for (let round = 0; round < 30; round++) {
      const [from, to] = randomRange(rand);
      const f: EventFilter = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const kinds = kindSets[round % 3];
      const want = new Map<string, number>();
      g.forEachEvent((attrs, s, t) => {
        if (attrs.date === null || !eventMatches(attrs, f)) return;
        if (kinds && (!kinds.includes(g.actorKind(s)!) || !kinds.includes(g.actorKind(t)!))) return;
        want.set(s, (want.get(s) ?? 0) + 1);
        if (t !== s) want.set(t, (want.get(t) ?? 0) + 1);
      });
      const got = datedActivity(g, f, kinds, () => {});
      expect(new Map([...got].sort()), `${from}..${to}`).toEqual(new Map([...want].sort()));
      if (from === undefined && to === undefined) continue;
      const top = overviewNodes(
        g,
        { ...f, ...(kinds ? { kinds } : {}) },
        3,
        new BudgetTicker(undefined),
      );
      expect(top.total).toBe(want.size);
      const best = [...want].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      expect(top.ids.map((id) => want.get(id))).toEqual(best.slice(0, 3).map(([, n]) => n));
    }
  });
});
