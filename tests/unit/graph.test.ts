// The stance graph: in-place add/remove equals a fresh build, dyads, ego networks, filters, search, paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES, type Extraction } from '../../server/model/index.ts';
import {
  actorDetails,
  buildGraph,
  relations,
  searchActors,
  kShortestPaths,
  stance,
  subgraph,
  StanceGraph,
  UnknownActorError,
  InvalidCursorError,
} from '../../server/graph/index.ts';
import { bundleOf } from './analytics-fixtures.ts';
import { canonicalGraph, fixtureBundle, sigmaDefaultPrograms } from './graph-fixtures.ts';

const one = fixtureBundle('one').extraction;
const two = fixtureBundle('two').extraction;
const three = fixtureBundle('three').extraction;

describe('incremental updates', () => {
  it('removing a document equals a fresh build of the rest', () => {
    const g = buildGraph([one, two, three]);
    g.removeDocument(two.document.id);
    expect(canonicalGraph(g)).toEqual(canonicalGraph(buildGraph([one, three])));
    g.removeDocument(one.document.id);
    expect(canonicalGraph(g)).toEqual(canonicalGraph(buildGraph([three])));
  });

  it('folds later documents into an actor in place, keys and search as a fresh build', () => {
    const docs = [0, 1, 2, 3].map(
      () =>
        bundleOf([
          ['ostra', 'pellin', 'AGREE'],
          ['pellin', 'ostra', 'ACCUSE'],
        ]).extraction,
    );
    docs[2]!.actors.find((a) => a.id === 'ostra')!.aliases = ['Ostra', 'Republic of Ostra'];
    const g = buildGraph(docs);
    const tallies = ['eventCount', 'outCount', 'inCount', 'cooperative', 'hostile', 'neutral'];
    const identity = ['kind', 'name', 'country', 'aliases'];
    expect(Object.keys(g.actor('ostra')!)).toEqual([...identity, 'documents', ...tallies]);
    expect(g.actor('ostra')).toMatchObject({
      documents: 4,
      eventCount: 8,
      outCount: 4,
      inCount: 4,
      aliases: ['Ostra', 'Republic of Ostra'],
    });
    expect(searchActors(g, { q: 'republic', limit: 5 }).items.map((h) => h.id)).toEqual(['ostra']);
    // An actor of one document keeps the key order it always had.
    expect(Object.keys(buildGraph([docs[0]!]).actor('ostra')!)).toEqual([
      ...identity,
      ...tallies,
      'documents',
    ]);
    g.removeDocument(docs[2]!.document.id);
    const rest = buildGraph([docs[0]!, docs[1]!, docs[3]!]);
    expect(JSON.stringify(g.actor('ostra'))).toBe(JSON.stringify(rest.actor('ostra')));
    expect(canonicalGraph(g)).toEqual(canonicalGraph(rest));
    expect(searchActors(g, { q: 'republic', limit: 5 }).items).toEqual([]);
  });

  it('adding then removing a document restores the graph', () => {
    const g = buildGraph([one, three]);
    const before = canonicalGraph(g);
    g.addDocument(two);
    expect(canonicalGraph(g)).not.toEqual(before);
    g.removeDocument(two.document.id);
    expect(canonicalGraph(g)).toEqual(before);
  });

  it('removing everything leaves an empty graph', () => {
    const g = buildGraph([one, two, three]);
    for (const id of g.documentIds()) g.removeDocument(id);
    expect(g.graph.order).toBe(0);
    expect(g.graph.size).toBe(0);
    expect(g.counts().events).toBe(0);
    expect(g.dyads()).toEqual([]);
  });

  it('any sequence of adds and removes equals a fresh build of what remains', () => {
    const docs = [one, two, three];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 })), { maxLength: 12 }),
        (ops) => {
          const g = new StanceGraph();
          const present: Extraction[] = [];
          for (const [add, i] of ops) {
            const doc = docs[i]!;
            const at = present.indexOf(doc);
            if (add && at < 0) {
              g.addDocument(doc);
              present.push(doc);
            } else if (!add && at >= 0) {
              g.removeDocument(doc.document.id);
              present.splice(at, 1);
            }
          }
          expect(canonicalGraph(g)).toEqual(canonicalGraph(buildGraph(present)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('keeps actor identities, tallies, document lists and partners equal to a fresh build', () => {
    // Small generated documents over four actors that are named, placed and aliased differently
    // from one document to the next, with self-loops and events naming an actor the document
    // does not list (ignored).
    const ids = ['tamsin-oru', 'kelvara', 'ostrel-bank', 'pavo-linde'] as const;
    const names = ['Tamsin Oru', 'Kelvara', 'Ostrel Bank', 'Pavo Linde', 'the Bank of Ostrel'];
    const aliasPool = ['Oru', 'KLV', 'Ostrel', 'Minister Linde', 'Kelvaran state'];
    const actorArb = fc.record({
      id: fc.constantFrom(...ids),
      name: fc.constantFrom(...names),
      kind: fc.constantFrom('person' as const, 'state' as const, 'organization' as const),
      country: fc.constantFrom(null, 'kelvara', 'ostrel-bank'),
      aliases: fc.subarray(aliasPool),
    });
    const eventArb = fc.record({
      source: fc.constantFrom(...ids, 'unlisted-actor'),
      target: fc.constantFrom(...ids),
      type: fc.constantFrom(...PLOVER_TYPES),
      polarity: fc.constantFrom('cooperative' as const, 'hostile' as const, 'neutral' as const),
      score: fc.integer({ min: -10, max: 10 }),
      date: fc.constantFrom(null, '2019-04-02', '2021', '2023-08'),
    });
    const docArb = fc.record({
      actors: fc.array(actorArb, { minLength: 1, maxLength: 5 }),
      events: fc.array(eventArb, { maxLength: 6 }),
    });
    type GeneratedDoc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;
    const toInput = (i: number, d: GeneratedDoc) => ({
      extractor: i % 2 ? 'fixture@1' : 'fixture@2',
      document: { id: `gen-${i}`, title: null, published: null },
      actors: d.actors,
      affiliations: [],
      events: d.events.map((e, k) => ({
        ...e,
        id: `g${i}e${k}`,
        quad: 'verbal-conflict' as const,
        mode: null,
        datePrecision: e.date === null ? null : ('day' as const),
        confidence: 0.5,
        evidence: { sentence: 0, start: 0, end: 4, quote: `said ${k}` },
      })),
    });
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat(4)), { maxLength: 14 }),
        (docs, ops) => {
          const inputs = docs.map((d, i) => toInput(i, d));
          const g = new StanceGraph();
          const present: typeof inputs = [];
          for (const [add, n] of ops) {
            const doc = inputs[n % inputs.length]!;
            const at = present.indexOf(doc);
            if (add && at < 0) {
              g.addDocument(doc);
              present.push(doc);
            } else if (!add && at >= 0) {
              g.removeDocument(doc.document.id);
              present.splice(at, 1);
            }
            // Partners are ranked once per change to the actor and kept: they must follow.
            const fresh = buildGraph(present);
            for (const id of ids) {
              if (!fresh.hasActor(id)) continue;
              expect(actorDetails(g, id, undefined, 2).partners).toEqual(
                actorDetails(fresh, id, undefined, 2).partners,
              );
            }
          }
          expect(canonicalGraph(g)).toEqual(canonicalGraph(buildGraph(present)));
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it('adding the same document twice changes nothing', () => {
    const g = buildGraph([one]);
    const before = canonicalGraph(g);
    g.addDocument(one);
    expect(canonicalGraph(g)).toEqual(before);
  });

  it('aggregates node attributes over documents and drops actors left unmentioned', () => {
    const g = buildGraph([one, two, three]);
    expect(g.actor('norland')).toMatchObject({
      name: 'Norland',
      kind: 'state',
      aliases: ['Nordland', 'Norland', 'Norlandic government'],
      documents: 2,
      eventCount: 4,
      outCount: 3,
      inCount: 1,
      cooperative: 2,
      hostile: 2,
    });
    expect(g.actor('elodie-varga')?.country).toBe('norland');
    g.removeDocument(two.document.id);
    expect(g.actor('norland')).toMatchObject({
      aliases: ['Norland', 'Norlandic government'],
      documents: 1,
      eventCount: 2,
    });
    g.removeDocument(three.document.id);
    expect(g.hasActor('westria')).toBe(false);
    expect(g.hasActor('kasimir-oduya')).toBe(false);
    expect(g.hasActor('sudmark')).toBe(true);
  });

  it('keeps one edge per event with its provenance, and affiliation edges', () => {
    const g = buildGraph([one]);
    const ev = one.events[0]!;
    const held = [...g.eventsBetween(ev.source, ev.target)].find((e) => e.id === ev.id);
    expect(held).toMatchObject({
      kind: 'event',
      eventType: 'ACCUSE',
      document: one.document.id,
      extractor: 'fixture@1',
      sentence: ev.evidence.sentence,
      evidenceStart: ev.evidence.start,
      evidenceEnd: ev.evidence.end,
    });
    // The quote stays in the store: the edge keeps where it stands, and replies read it there.
    expect(held).not.toHaveProperty('evidence');
    expect(JSON.stringify(held)).not.toContain(ev.evidence.quote);
    const aff = g.graph.filterEdges((_k, a) => a.kind === 'affiliation');
    expect(aff).toHaveLength(1);
    expect(g.graph.extremities(aff[0]!)).toEqual(['elodie-varga', 'norland']);
  });
});

describe('dyad stance', () => {
  it('sums events of an ordered pair and updates on removal', () => {
    const g = buildGraph([one, two, three]);
    expect(g.dyad('norland', 'sudmark')).toEqual({
      source: 'norland',
      target: 'sudmark',
      eventCount: 3,
      netScore: 2,
      cooperative: 2,
      hostile: 1,
      neutral: 0,
      firstDate: '2023-01-10',
      lastDate: '2023-03-15',
    });
    expect(g.dyad('sudmark', 'norland')).toMatchObject({ eventCount: 1, netScore: -2 });
    g.removeDocument(two.document.id);
    expect(g.dyad('norland', 'sudmark')).toMatchObject({
      eventCount: 1,
      netScore: -3,
      lastDate: '2023-01-10',
    });
    g.removeDocument(one.document.id);
    expect(g.dyad('norland', 'sudmark')).toBeNull();
  });

  it('gives counts by type and a monthly timeline in both directions', () => {
    const g = buildGraph([one, two, three]);
    const s = stance(g, 'norland', 'sudmark');
    expect(s.forward.byType).toEqual({ ACCUSE: 1, AGREE: 1, CONSULT: 1 });
    expect(s.forward.timeline.map((p) => [p.month, p.eventCount, p.netScore])).toEqual([
      ['2023-01', 1, -3],
      ['2023-03', 2, 5],
    ]);
    expect(s.forward.polarity).toBe('cooperative');
    expect(s.backward.byType).toEqual({ REJECT: 1 });
    expect(s.eventCount).toBe(4);
    expect(s.netScore).toBe(0);
    expect(() => stance(g, 'norland', 'atlantis')).toThrow(UnknownActorError);
  });
});

describe('subgraph', () => {
  const g = buildGraph([one, two, three]);
  const keys = (x: { key: string }[]) => x.map((n) => n.key).sort();

  it('grows the ego network with depth', () => {
    expect(keys(subgraph(g, { focus: 'norland', depth: 1 }).nodes)).toEqual([
      'elodie-varga',
      'norland',
      'sudmark',
    ]);
    expect(keys(subgraph(g, { focus: 'norland', depth: 2 }).nodes)).toEqual([
      'elodie-varga',
      'norland',
      'ocean-council',
      'sudmark',
      'westria',
    ]);
    expect(subgraph(g, { focus: 'norland', depth: 3 }).nodes).toHaveLength(6);
    expect(keys(subgraph(g, { focus: 'norland', depth: 1, affiliations: false }).nodes)).toEqual([
      'norland',
      'sudmark',
    ]);
    expect(() => subgraph(g, { focus: 'atlantis' })).toThrow(UnknownActorError);
  });

  it('filters events by type, quad, polarity, confidence, date and actor kind', () => {
    const types = (q: Parameters<typeof subgraph>[1]) =>
      subgraph(g, { ...q, affiliations: false })
        .edges.map((e) =>
          e.attributes.kind === 'event' ? e.attributes.eventType : e.attributes.kind,
        )
        .sort();
    expect(types({ types: ['AID'] })).toEqual(['AID']);
    expect(keys(subgraph(g, { types: ['AID'] }).nodes)).toEqual(['ocean-council', 'westria']);
    expect(types({ quads: ['material-cooperation'] })).toEqual(['AID']);
    expect(types({ polarities: ['hostile'] })).toEqual(['ACCUSE', 'REJECT', 'SANCTION']);
    expect(types({ minConfidence: 0.8 })).toEqual(['ACCUSE', 'AGREE', 'AID', 'REJECT']);
    // The year-only SUPPORT (2023) is not known to fall in February.
    expect(types({ from: '2023-02', to: '2023-02' })).toEqual(['AID', 'SANCTION', 'SUPPORT']);
    expect(types({ from: '2023-03-01' })).toEqual(['AGREE', 'CONSULT']);
    expect(types({ to: '2023-01-10' })).toEqual(['ACCUSE']);
    const states = subgraph(g, { kinds: ['state'] });
    expect(keys(states.nodes)).toEqual(['norland', 'sudmark', 'westria']);
    expect(states.edges.every((e) => e.source !== 'elodie-varga')).toBe(true);
    expect(states.edges).toHaveLength(5);
  });

  it('aggregates one edge per ordered pair in dyad mode', () => {
    const d = subgraph(g, { mode: 'dyads', affiliations: false });
    const ns = d.edges.find((e) => e.source === 'norland' && e.target === 'sudmark');
    expect(ns?.attributes).toMatchObject({
      kind: 'dyad',
      eventCount: 3,
      netScore: 2,
      polarity: 'cooperative',
      eventTypes: { ACCUSE: 1, AGREE: 1, CONSULT: 1 },
      type: 'arrow',
    });
    expect(ns?.attributes).not.toHaveProperty('types');
    expect(d.edges).toHaveLength(7);
    expect(d.options.multi).toBe(false);
  });

  it('gives every node a label, a size and a deterministic position', () => {
    const a = subgraph(g);
    const b = subgraph(buildGraph([one, two, three]));
    expect(a).toEqual(b);
    for (const n of a.nodes) {
      expect(n.attributes.label).toBe(n.attributes.name);
      expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
      expect(n.attributes.size).toBeGreaterThan(0);
    }
  });
});

describe('sigma readiness of the exports', () => {
  const g = buildGraph([one, two, three]);
  const queries: [string, Parameters<typeof subgraph>[1]][] = [
    ['the whole graph', {}],
    ['dyad mode', { mode: 'dyads' }],
    ['an ego network', { focus: 'norland', depth: 2 }],
    ['a filtered view without layout', { polarities: ['hostile'], layout: false }],
    ['dyads without affiliations', { mode: 'dyads', affiliations: false, kinds: ['state'] }],
  ];

  it.each(queries)('%s names only sigma default programs in `type`', async (_name, q) => {
    const programs = await sigmaDefaultPrograms();
    expect(programs.edges).toContain('arrow');
    const out = subgraph(g, q);
    expect(out.edges.length).toBeGreaterThan(0);
    for (const e of out.edges) {
      const type = (e.attributes as { type?: unknown }).type;
      if (type !== undefined) expect(programs.edges, e.key).toContain(type);
    }
    for (const n of out.nodes) {
      const type = (n.attributes as { type?: unknown }).type;
      if (type !== undefined) expect(programs.nodes, n.key).toContain(type);
    }
  });

  it('keeps the PLOVER type in eventType, and dyads count eventTypes', () => {
    const events = subgraph(g).edges.flatMap((e) =>
      e.attributes.kind === 'event' ? [e.attributes] : [],
    );
    expect(events).toHaveLength(9);
    for (const e of events) {
      expect(PLOVER_TYPES).toContain(e.eventType);
      expect(e.type).toBe('arrow');
    }
    const dyads = subgraph(g, { mode: 'dyads', affiliations: false }).edges;
    const counted = dyads.reduce(
      (n, e) =>
        n +
        (e.attributes.kind === 'dyad'
          ? Object.values(e.attributes.eventTypes).reduce((a, b) => a + b, 0)
          : 0),
      0,
    );
    expect(counted).toBe(9);
  });

  it('adds the sigma program on export only, and the queries still answer `type`', async () => {
    const programs = await sigmaDefaultPrograms();
    g.forEachEdge((_k, attrs) => expect(attrs).not.toHaveProperty('type'));
    const whole = g.export();
    const { events, affiliations } = g.counts();
    expect(whole.edges).toHaveLength(events + affiliations);
    for (const e of whole.edges) expect(programs.edges).toContain(e.attributes?.type);
    const item = relations(g, { source: 'norland', limit: 1 }).items[0]!;
    expect(PLOVER_TYPES).toContain(item.type);
    expect(item).not.toHaveProperty('eventType');
    const held = [...g.eventsBetween(item.source, item.target)].find((e) => e.id === item.id);
    expect(held).toMatchObject({ eventType: item.type });
  });
});

describe('actor search', () => {
  const g = buildGraph([one, two, three]);
  const top = (q: string) => searchActors(g, { q, limit: 5 }).items[0]?.id;

  it('is case- and accent-insensitive and matches prefixes and aliases', () => {
    expect(top('élodie varga')).toBe('elodie-varga');
    expect(top('ELODIE')).toBe('elodie-varga');
    expect(top('varg')).toBe('elodie-varga');
    expect(top('nordl')).toBe('norland');
    expect(top('ocean coun')).toBe('ocean-council');
  });

  it('tolerates one typo in terms of four or more letters only', () => {
    expect(top('Elodei')).toBe('elodie-varga');
    expect(top('norlnd')).toBe('norland');
    expect(top('kasimri oduya')).toBe('kasimir-oduya');
    expect(searchActors(g, { q: 'wxyz', limit: 5 }).items).toEqual([]);
    expect(searchActors(g, { q: 'sud', limit: 5 }).items.map((h) => h.id)).toEqual(['sudmark']);
    expect(searchActors(g, { q: 'sdu', limit: 5 }).items).toEqual([]);
  });

  it('ranks exact matches above typos and filters by kind', () => {
    const hits = searchActors(g, { q: 'norland', limit: 5 }).items;
    expect(hits[0]).toMatchObject({ id: 'norland', score: 100 });
    expect(searchActors(g, { q: 'norland', kinds: ['person'], limit: 5 }).items).toEqual([]);
  });

  it('lists every actor, most active first, when the query is empty', () => {
    const all = searchActors(g, { limit: 50 });
    expect(all.items.map((h) => h.id)).toEqual([...g.byActivity()]);
    const counts = all.items.map((h) => h.eventCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.items.every((h) => h.score === 0 && h.matched === h.name)).toBe(true);
    const people = searchActors(g, { kinds: ['person'], limit: 50 });
    expect(people.items.length).toBeGreaterThan(0);
    expect(people.total).toBe(all.items.filter((h) => h.kind === 'person').length);
    expect(people.items.map((h) => h.id)).toEqual(
      all.items.filter((h) => h.kind === 'person').map((h) => h.id),
    );
  });

  it('pages through all actors with a cursor', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = searchActors(g, { limit: 4, cursor });
      seen.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(() => searchActors(g, { limit: 4, cursor: 'nonsense' })).toThrow(InvalidCursorError);
  });
});

describe('relations, actor details and paths', () => {
  const g = buildGraph([one, two, three]);

  it('lists events newest first with keyset pagination', () => {
    const all = relations(g, { source: 'norland', limit: 10 });
    expect(all.items.map((e) => e.type)).toEqual(['CONSULT', 'AGREE', 'ACCUSE']);
    const first = relations(g, { source: 'norland', limit: 2 });
    expect(first.items.map((e) => e.type)).toEqual(['CONSULT', 'AGREE']);
    const second = relations(g, { source: 'norland', limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.type)).toEqual(['ACCUSE']);
    expect(second.nextCursor).toBeNull();
    expect(relations(g, { actor: 'westria', limit: 10 }).total).toBe(2);
    expect(relations(g, { document: two.document.id, limit: 10 }).total).toBe(3);
    expect(relations(g, { polarities: ['neutral'], limit: 10 }).total).toBe(1);
    expect(() => relations(g, { source: 'atlantis', limit: 10 })).toThrow(UnknownActorError);
  });

  it('ranks partners by events in both directions', () => {
    const d = actorDetails(g, 'norland');
    expect(d.partners[0]).toMatchObject({ id: 'sudmark', eventCount: 4, netScore: 0 });
    expect(d.partners[0]?.incoming).toMatchObject({ eventCount: 1 });
    expect(d.documentIds).toEqual([one.document.id, two.document.id]);
  });

  it('finds the shortest undirected path over event edges within the bound', () => {
    const [p] = kShortestPaths(g, 'norland', 'westria', { k: 1, maxLength: 4 }).paths;
    expect(p!.nodes).toEqual(['norland', 'sudmark', 'westria']);
    expect(p!.hops[0]?.eventCount).toBe(4);
    expect(p!.hops[0]?.events[0]?.type).toBe('CONSULT');
    // Only an affiliation links Élodie Varga to Norland; events take three hops.
    expect(kShortestPaths(g, 'norland', 'elodie-varga', { maxLength: 3 }).paths[0]!.nodes).toEqual([
      'norland',
      'sudmark',
      'ocean-council',
      'elodie-varga',
    ]);
    expect(kShortestPaths(g, 'norland', 'elodie-varga', { maxLength: 2 }).paths).toEqual([]);
    expect(() => kShortestPaths(g, 'norland', 'atlantis')).toThrow(UnknownActorError);
  });

  it('checks a time budget at each node the ego and path searches expand', () => {
    class Spent extends Error {}
    /** Allows `checks` checks, then throws; counts them. */
    const budget = (checks: number) => ({
      used: 0,
      check() {
        if (++this.used > checks) throw new Spent();
      },
    });
    const ample = budget(1_000);
    expect(subgraph(g, { focus: 'norland', depth: 2 }, ample)).toEqual(
      subgraph(g, { focus: 'norland', depth: 2 }),
    );
    // Depth 2 from norland expands norland, then its two neighbours, then builds the reply.
    expect(ample.used).toBeGreaterThanOrEqual(3);
    expect(() => subgraph(g, { focus: 'norland', depth: 2 }, budget(2))).toThrow(Spent);
    // The overview is bounded by the same budget.
    const overview = budget(1_000);
    subgraph(g, { layout: false }, overview);
    expect(overview.used).toBeGreaterThan(0);
    expect(() => subgraph(g, { layout: false }, budget(0))).toThrow(Spent);

    const onPath = budget(1_000);
    const bounded = { maxLength: 3, k: 2 };
    expect(kShortestPaths(g, 'norland', 'elodie-varga', { ...bounded, budget: onPath })).toEqual(
      kShortestPaths(g, 'norland', 'elodie-varga', bounded),
    );
    expect(onPath.used).toBeGreaterThanOrEqual(3);
    expect(() =>
      kShortestPaths(g, 'norland', 'elodie-varga', { ...bounded, budget: budget(onPath.used - 1) }),
    ).toThrow(Spent);
  });
});

describe('partial dates', () => {
  it('bounds months by their real last day', async () => {
    const { dateUpperBound, dateLowerBound, dateInRange } =
      await import('../../server/graph/dates.ts');
    expect(dateUpperBound('2024-02')).toBe('2024-02-29');
    expect(dateUpperBound('2023-02')).toBe('2023-02-28');
    expect(dateUpperBound('2023')).toBe('2023-12-31');
    expect(dateLowerBound('2023-07')).toBe('2023-07-01');
    expect(dateInRange('2023-02', '2023-02-01', '2023-02-28')).toBe(true);
    expect(dateInRange('2023', '2023-02-01', '2023-02-28')).toBe(false);
    expect(dateInRange(null, '2023', undefined)).toBe(false);
    expect(dateInRange(null, undefined, undefined)).toBe(true);
  });
});
