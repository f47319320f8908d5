// Bounded graph views and the indexes behind the fast queries, against brute force over every edge:
// the overview's most active actors and busiest pairs, ego views, relations pages, partners, counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actorDetails,
  buildGraph,
  relations,
  subgraph,
  type StanceGraph,
} from '../../server/graph/index.ts';
import {
  EXTRACTION_SCHEMA,
  PLOVER_TYPES,
  ontology,
  seededRandom,
  type Extraction,
} from '../../server/model/index.ts';
import { withinOneEdit } from '../../server/graph/text-match.ts';
import { canonicalGraph } from './graph-fixtures.ts';

const PLACES = ['Ghana', 'Peru', 'Laos', 'Oman', 'Fiji', 'Chad', 'Cuba', 'Iraq', 'Mali', 'Togo'];

/** Seeded documents among 30 actors, the first ones busiest, dated across 2019-2021. */
function documents(seed: number, count: number): Extraction[] {
  const rand = seededRandom(seed);
  const o = ontology();
  const actors = Array.from({ length: 30 }, (_, i) => {
    const name = `${PLACES[i % PLACES.length]} ${['Bloc', 'Guard', 'Union'][i % 3]} ${i}`;
    return {
      id: name.toLowerCase().replace(/ /g, '-'),
      name,
      kind: i % 3 === 0 ? ('state' as const) : ('organization' as const),
      country: null,
    };
  });
  const pick = () => Math.floor(actors.length * rand() ** 2);
  return Array.from({ length: count }, (_, d) => {
    const used = new Set<number>();
    const events = Array.from({ length: 6 }, (_, e) => {
      const s = pick();
      const t = (s + 1 + Math.floor(rand() * 5)) % actors.length;
      used.add(s).add(t);
      const type = PLOVER_TYPES[Math.floor(rand() * PLOVER_TYPES.length)]!;
      const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      return {
        id: `d${d}e${e}`,
        source: actors[s]!.id,
        target: actors[t]!.id,
        type,
        quad: o.types[type].quad,
        polarity: o.types[type].polarity,
        score: o.types[type].score,
        mode: null,
        date: `${2019 + Math.floor(rand() * 3)}-${month}`,
        datePrecision: 'month' as const,
        confidence: Math.round(rand() * 100) / 100,
        evidence: { sentence: e, start: 0, end: 4, quote: 'text' },
      };
    });
    return {
      schema: EXTRACTION_SCHEMA,
      extractor: 'test',
      document: { id: `doc-${d}`, title: null, published: null, source: null, url: null },
      actors: [...used].map((i) => ({ ...actors[i]!, aliases: [], mentions: [] })),
      affiliations: [],
      events,
    };
  });
}

const docs = documents(11, 80);
const g = buildGraph(docs);

/** Events per actor and per ordered pair, counted edge by edge. */
function bruteForce(sg: StanceGraph, match: (date: string | null) => boolean = () => true) {
  const activity = new Map<string, number>();
  const pairs = new Map<string, number>();
  sg.forEachEvent((a, s, t) => {
    if (!match(a.date)) return;
    activity.set(s, (activity.get(s) ?? 0) + 1);
    if (s !== t) activity.set(t, (activity.get(t) ?? 0) + 1);
    pairs.set(`${s}>${t}`, (pairs.get(`${s}>${t}`) ?? 0) + 1);
  });
  return { activity, pairs };
}

const byCount = (m: Map<string, number>) =>
  [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

describe('the overview', () => {
  it('shows the most active actors and the busiest pairs among them', () => {
    const view = subgraph(g, { limit: 8, edgeLimit: 10, mode: 'dyads', layout: false });
    const { activity, pairs } = bruteForce(g);
    const ranked = [...g.graph.nodes()].sort(
      (a, b) =>
        g.graph.getNodeAttribute(b, 'eventCount') - g.graph.getNodeAttribute(a, 'eventCount') ||
        g.graph.getNodeAttribute(b, 'documents') - g.graph.getNodeAttribute(a, 'documents') ||
        (a < b ? -1 : 1),
    );
    const top = new Set(ranked.slice(0, 8));
    expect(new Set(view.nodes.map((n) => n.key))).toEqual(top);
    for (const id of top) expect(activity.get(id)).toBe(g.actor(id)!.eventCount);
    const among = byCount(
      new Map(
        [...pairs].filter(([k]) => {
          const [s, t] = k.split('>');
          return top.has(s!) && top.has(t!);
        }),
      ),
    );
    expect(
      view.edges.map((e) => [e.key, (e.attributes as { eventCount: number }).eventCount]),
    ).toEqual(among.slice(0, 10));
    expect(view.attributes.shown).toMatchObject({
      actors: 8,
      actorsTotal: g.graph.order,
      edges: 10,
      edgesTotal: among.length,
    });
  });

  it('ranks by matching events under a date filter', () => {
    const view = subgraph(g, { from: '2020', to: '2020', limit: 5, mode: 'dyads', layout: false });
    const { activity } = bruteForce(g, (d) => d !== null && d.startsWith('2020'));
    const top = byCount(activity)
      .slice(0, 5)
      .map(([id]) => id);
    expect(view.nodes.map((n) => n.key).sort()).toEqual(top.sort());
    expect(view.attributes.shown.actorsTotal).toBe(activity.size);
    for (const e of view.edges) {
      const d = e.attributes as { firstDate: string; lastDate: string };
      expect(d.firstDate.startsWith('2020') && d.lastDate.startsWith('2020')).toBe(true);
    }
  });

  it('takes events pair by pair, busiest first, up to the edge limit', () => {
    const view = subgraph(g, { limit: 6, edgeLimit: 7, layout: false });
    expect(view.edges).toHaveLength(7);
    const busiest = subgraph(g, { limit: 6, edgeLimit: 1, mode: 'dyads', layout: false }).edges[0]!;
    const first = view.edges[0]!;
    expect(`${first.source}>${first.target}`).toBe(busiest.key);
  });
});

describe('ego views', () => {
  it('keep the focus and its neighbours with the most events with it', () => {
    const focus = g.graph.nodes()[3]!;
    const view = subgraph(g, { focus, depth: 1, limit: 4, layout: false });
    const ties = new Map<string, number>();
    g.forEachEventOf(focus, 'any', (_a, s, t) => {
      const other = s === focus ? t : s;
      if (other !== focus) ties.set(other, (ties.get(other) ?? 0) + 1);
    });
    const best = [...ties].sort(
      (a, b) =>
        b[1] - a[1] ||
        g.graph.getNodeAttribute(b[0], 'eventCount') -
          g.graph.getNodeAttribute(a[0], 'eventCount') ||
        (a[0] < b[0] ? -1 : 1),
    );
    expect(view.nodes.map((n) => n.key).sort()).toEqual(
      [focus, ...best.slice(0, 3).map(([id]) => id)].sort(),
    );
    expect(view.attributes.shown.actorsTotal).toBe(ties.size + 1);
  });

  it('without a cap equal the whole neighbourhood within the depth', () => {
    const focus = g.graph.nodes()[0]!;
    const view = subgraph(g, { focus, depth: 2, layout: false });
    const reach = new Set([focus]);
    let frontier = [focus];
    for (let d = 0; d < 2; d++) {
      const next: string[] = [];
      for (const n of frontier) {
        const neighbours = new Set<string>();
        g.forEachEventOf(n, 'any', (_a, s, t) => neighbours.add(s === n ? t : s));
        for (const key of g.affiliationsOf(n)) neighbours.add(g.affiliation(key).of);
        for (const key of g.affiliationsTo(n)) neighbours.add(g.affiliation(key).person);
        neighbours.delete(n);
        for (const m of neighbours) {
          if (reach.has(m)) continue;
          reach.add(m);
          next.push(m);
        }
      }
      frontier = next;
    }
    expect(new Set(view.nodes.map((n) => n.key))).toEqual(reach);
  });
});

describe('ego views after changes', () => {
  const views = (sg: StanceGraph, focus: string) => [
    subgraph(sg, { focus, depth: 1, limit: 4, layout: false }),
    subgraph(sg, { focus, depth: 1, limit: 7, kinds: ['state'], mode: 'dyads', layout: false }),
    subgraph(sg, { focus, depth: 2, limit: 9, edgeLimit: 30, layout: false }),
    subgraph(sg, { focus, depth: 1, affiliations: false, layout: false }),
  ];

  it('rank neighbours as a fresh build does once documents were added and removed', () => {
    const live = buildGraph(docs.slice(0, 30));
    const actors = live.graph.nodes();
    // Every actor's ranking is kept now; some of them are touched below, others only see their
    // partners' activity change.
    for (const focus of actors) views(live, focus);
    for (const d of docs.slice(30, 60)) live.addDocument(d);
    for (const d of docs.slice(3, 9)) live.removeDocument(d.document.id);
    const fresh = buildGraph([...docs.slice(0, 3), ...docs.slice(9, 60)]);
    let compared = 0;
    for (const focus of fresh.graph.nodes()) {
      expect(views(live, focus)).toEqual(views(fresh, focus));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('break equal ties by how active the neighbours are now', () => {
    // After the first query, a document the focus is not part of lifts one of two equally tied
    // neighbours above the other.
    const tie = (id: string) => ({ id, name: id, kind: 'state' as const, country: null });
    const doc = (id: string, pairs: [string, string][]): Extraction => ({
      schema: EXTRACTION_SCHEMA,
      extractor: 'test',
      document: { id, title: null, published: null, source: null, url: null },
      actors: [...new Set(pairs.flat())].map((a) => ({ ...tie(a), aliases: [], mentions: [] })),
      affiliations: [],
      events: pairs.map(([source, target], e) => ({
        id: `${id}-e${e}`,
        source,
        target,
        type: 'CONSULT' as const,
        quad: 'verbal-cooperation' as const,
        polarity: 'cooperative' as const,
        score: 1,
        mode: null,
        date: '2022-03',
        datePrecision: 'month' as const,
        confidence: 0.8,
        evidence: { sentence: e, start: 0, end: 4, quote: 'text' },
      })),
    });
    const live = buildGraph([
      doc('lund-talks', [
        ['nordvik', 'aberlay'],
        ['nordvik', 'zorrin'],
      ]),
    ]);
    const first = subgraph(live, { focus: 'nordvik', depth: 1, limit: 2, layout: false });
    expect(first.nodes.map((n) => n.key).sort()).toEqual(['aberlay', 'nordvik']);
    live.addDocument(
      doc('kiev-meeting', [
        ['zorrin', 'pellam'],
        ['pellam', 'zorrin'],
      ]),
    );
    const after = subgraph(live, { focus: 'nordvik', depth: 1, limit: 2, layout: false });
    expect(after.nodes.map((n) => n.key).sort()).toEqual(['nordvik', 'zorrin']);
    expect(after.attributes.shown.actorsTotal).toBe(3);
  });
});

describe('indexed queries', () => {
  it('page relations exactly as a full sort would', () => {
    const hub = g.byActivity()[0]!;
    const all: { date: string | null; id: string }[] = [];
    g.forEachEventOf(hub, 'any', (a) => all.push({ date: a.date, id: a.id }));
    all.sort((a, b) =>
      a.date !== b.date ? (a.date! > b.date! ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = relations(g, { actor: hub, limit: 7, cursor });
      expect(page.total).toBe(all.length);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it('rank partners and count health figures without walking the graph', () => {
    const hub = g.byActivity()[0]!;
    const { pairs } = bruteForce(g);
    const partners = new Map<string, number>();
    for (const [k, n] of pairs) {
      const [s, t] = k.split('>') as [string, string];
      if (s === hub) partners.set(t, (partners.get(t) ?? 0) + n);
      else if (t === hub) partners.set(s, (partners.get(s) ?? 0) + n);
    }
    const top = actorDetails(g, hub, undefined, 5).partners;
    expect(top.map((p) => p.eventCount)).toEqual(
      [...partners.values()].sort((a, b) => b - a).slice(0, 5),
    );
    expect(g.counts().events).toBe([...pairs.values()].reduce((a, b) => a + b, 0));
  });

  it('stay equal to a fresh build as documents come and go', () => {
    const live = buildGraph(docs.slice(0, 50));
    for (const d of docs.slice(10, 30)) live.removeDocument(d.document.id);
    for (const d of docs.slice(50)) live.addDocument(d);
    const fresh = buildGraph([...docs.slice(0, 10), ...docs.slice(30)]);
    expect(canonicalGraph(live)).toEqual(canonicalGraph(fresh));
    const q = { limit: 10, edgeLimit: 20, mode: 'dyads' as const, layout: false };
    expect(subgraph(live, q)).toEqual(subgraph(fresh, q));
  });
});

/** Optimal string alignment distance, the plain dynamic programme. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('the one-edit test of actor search', () => {
  it('agrees with the edit distance on any pair of short words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, fc.nat(8), (a, b, k) => {
        expect(withinOneEdit(a, b)).toBe(osa(a, b) <= 1);
        // On a prefix of b, without cutting it out.
        expect(withinOneEdit(a, b, k)).toBe(osa(a, b.slice(0, k)) <= 1);
      }),
      { numRuns: 2_000 },
    );
    expect(withinOneEdit('tanzania', 'tanzaina')).toBe(true);
    expect(withinOneEdit('zambia', 'gambia')).toBe(true);
    expect(withinOneEdit('bolivia', 'olivia')).toBe(true);
    expect(withinOneEdit('nepal', 'napels')).toBe(false);
  });
});

describe('relations of one actor after changes', () => {
  it('follow documents added and removed after the actor was first asked for', () => {
    const live = buildGraph(docs.slice(0, 40));
    const hub = live.byActivity()[0]!;
    const before = relations(live, { actor: hub, limit: 500 });
    for (const d of docs.slice(40)) live.addDocument(d);
    for (const d of docs.slice(0, 5)) live.removeDocument(d.document.id);
    const fresh = buildGraph(docs.slice(5));
    const after = relations(live, { actor: hub, limit: 500 });
    expect(after).toEqual(relations(fresh, { actor: hub, limit: 500 }));
    expect(after.total).not.toBe(before.total);
    const hostile = { actor: hub, limit: 3, polarities: ['hostile' as const] };
    expect(relations(live, hostile)).toEqual(relations(fresh, hostile));
  });
});
