// The pairs among a view's shown actors are kept per set of actors and read again only for the
// actors a document has touched since: views built that way after single-document adds and
// removes equal a fresh build's, and their edge totals and busiest pairs equal a count over every
// edge of the graph.
import { describe, expect, it } from 'vitest';
import { buildGraph, subgraph, type StanceGraph } from '../../server/graph/index.ts';
import {
  EXTRACTION_SCHEMA,
  PLOVER_TYPES,
  ontology,
  seededRandom,
  type Extraction,
} from '../../server/model/index.ts';

const TOWNS = ['Tromso', 'Arequipa', 'Kisumu', 'Daegu', 'Tabriz', 'Cuenca', 'Mwanza', 'Sfax'];

/** Seeded documents of three events each among 64 actors, the first ones busiest. */
function documents(seed: number, count: number): Extraction[] {
  const rand = seededRandom(seed);
  const o = ontology();
  const actors = Array.from({ length: 64 }, (_, i) => {
    const name = `${TOWNS[i % TOWNS.length]} ${['Council', 'Front', 'League', 'Port'][i % 4]} ${i}`;
    return { id: name.toLowerCase().replace(/ /g, '-'), name, kind: 'organization' as const };
  });
  const pick = () => Math.floor(actors.length * rand() ** 2.5);
  return Array.from({ length: count }, (_, d) => {
    const used = new Set<number>();
    const events = Array.from({ length: 3 }, (_, e) => {
      const s = pick();
      let t = pick();
      if (t === s) t = (s + 1 + Math.floor(rand() * 9)) % actors.length;
      used.add(s).add(t);
      const type = PLOVER_TYPES[Math.floor(rand() * PLOVER_TYPES.length)]!;
      return {
        id: `n${d}e${e}`,
        source: actors[s]!.id,
        target: actors[t]!.id,
        type,
        quad: o.types[type].quad,
        polarity: o.types[type].polarity,
        score: o.types[type].score,
        mode: null,
        date: `${2017 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}`,
        datePrecision: 'month' as const,
        confidence: 0.7,
        evidence: { sentence: e, start: 0, end: 5, quote: 'words' },
      };
    });
    return {
      schema: EXTRACTION_SCHEMA,
      extractor: 'test',
      document: { id: `kept-${d}`, title: null, published: null, source: null, url: null },
      actors: [...used].map((i) => ({ ...actors[i]!, country: null, aliases: [], mentions: [] })),
      affiliations: [],
      events,
    };
  });
}

/** The views compared: overviews and ego views, both modes, several caps. */
function views(sg: StanceGraph, foci: readonly string[]) {
  const out = [
    subgraph(sg, { layout: false, limit: 40, edgeLimit: 25 }),
    subgraph(sg, { layout: false, limit: 40, edgeLimit: 25, mode: 'dyads' }),
    subgraph(sg, { layout: false }),
  ];
  for (const focus of foci) {
    out.push(
      subgraph(sg, { focus, depth: 1, limit: 30, edgeLimit: 40, layout: false }),
      subgraph(sg, { focus, depth: 1, limit: 30, edgeLimit: 12, mode: 'dyads', layout: false }),
      subgraph(sg, { focus, depth: 2, limit: 50, edgeLimit: 60, layout: false }),
    );
  }
  return out;
}

/** Events among the shown actors, pair by pair, counted over every edge of the graph. */
function bruteForce(sg: StanceGraph, shown: ReadonlySet<string>) {
  const pairs = new Map<string, { source: string; target: string; events: number }>();
  sg.forEachEvent((_attrs, source, target) => {
    if (!shown.has(source) || !shown.has(target)) return;
    const key = `${source}\u0000${target}`;
    const pair = pairs.get(key) ?? { source, target, events: 0 };
    pair.events += 1;
    pairs.set(key, pair);
  });
  const ranked = [...pairs.values()].sort(
    (a, b) =>
      b.events - a.events ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
      (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
  );
  return { ranked, events: ranked.reduce((n, p) => n + p.events, 0) };
}

describe('pairs kept per set of shown actors', () => {
  const docs = documents(23, 160);

  it('give the views of a fresh build after each single add or remove', () => {
    const live = buildGraph(docs.slice(0, 100));
    // Two foci: with the overviews, eight sets of shown actors, as many as are kept.
    const foci = [live.byActivity()[0]!, live.byActivity()[20]!];
    views(live, foci);
    const present = new Set(docs.slice(0, 100));
    const rand = seededRandom(5);
    for (let step = 0; step < 24; step++) {
      if (step % 2 === 0) {
        const d = [...present][Math.floor(rand() * present.size)]!;
        live.removeDocument(d.document.id);
        present.delete(d);
      } else {
        const d = docs[100 + step]!;
        live.addDocument(d);
        present.add(d);
      }
      const fresh = buildGraph([...present]);
      expect(views(live, foci)).toEqual(views(fresh, foci));
    }
  });

  it('count and rank the pairs among the shown actors as every edge does', () => {
    const sg = buildGraph(docs);
    let checked = 0;
    for (const focus of [undefined, ...sg.byActivity().slice(0, 6)]) {
      for (const edgeLimit of [1, 7, 30, 500]) {
        const q = { focus, depth: 1, limit: 25, edgeLimit, layout: false };
        const dyads = subgraph(sg, { ...q, mode: 'dyads' });
        const events = subgraph(sg, q);
        const shown = new Set(dyads.nodes.map((n) => n.key));
        const truth = bruteForce(sg, shown);
        expect(dyads.attributes.shown.edgesTotal).toBe(truth.ranked.length);
        expect(events.attributes.shown.edgesTotal).toBe(truth.events);
        const pairEdges = dyads.edges.filter((e) => e.attributes.kind === 'dyad');
        const tallies = pairEdges.map((e) => e.attributes as { eventCount: number });
        expect(pairEdges.map((e, i) => [e.source, e.target, tallies[i]!.eventCount])).toEqual(
          truth.ranked.slice(0, edgeLimit).map((p) => [p.source, p.target, p.events]),
        );
        // Events mode takes the busiest pairs' events in the same order until edgeLimit.
        const eventPairs: string[] = [];
        for (const e of events.edges) {
          if (e.attributes.kind !== 'event') continue;
          const key = `${e.source}>${e.target}`;
          if (eventPairs[eventPairs.length - 1] !== key) eventPairs.push(key);
        }
        const expected: string[] = [];
        let taken = 0;
        for (const p of truth.ranked) {
          if (taken >= edgeLimit) break;
          expected.push(`${p.source}>${p.target}`);
          taken += p.events;
        }
        expect(eventPairs).toEqual(expected);
        checked += 1;
      }
    }
    expect(checked).toBe(28);
  });
});
