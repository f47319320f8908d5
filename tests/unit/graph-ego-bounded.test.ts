// The work of a small ego view follows its answer, not the graph: a leaf's view reads the same
// partner entries and pair look-ups in a graph of 200 bystanders as in one of 2,000, never walks
// every edge, node or actor, and the pairs of small sets in a large graph equal a sort of every dyad;
// an ego view shows 100 actors and 500 events unless asked for more, and says how many there are.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildGraph,
  subgraph,
  type DyadStance,
  type StanceGraph,
} from '../../server/graph/index.ts';
import { PairIndex } from '../../server/graph/pair-index.ts';
import { pairsAmong } from '../../server/graph/view-pairs.ts';
import { BudgetTicker } from '../../server/graph/view-select.ts';
import type { PloverType } from '../../server/model/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';

const TYPES: PloverType[] = ['CONSULT', 'ACCUSE', 'AID', 'THREATEN'];

/**
 * A hub ("marovia") tied to `bystanders` actors, each bystander also tied to the next one, in
 * documents of 50 events; then one document where "oskel-river-council" meets the hub once.
 */
function graphWith(bystanders: number): StanceGraph {
  const events: EventTuple[] = [];
  for (let i = 0; i < bystanders; i++) {
    const b = `bystander-${i}`;
    events.push(['marovia', b, TYPES[i % TYPES.length]!]);
    if (i > 0) events.push([`bystander-${i - 1}`, b, TYPES[(i + 1) % TYPES.length]!]);
  }
  const documents = [];
  for (let i = 0; i < events.length; i += 50) {
    documents.push(bundleOf(events.slice(i, i + 50)).extraction);
  }
  documents.push(bundleOf([['oskel-river-council', 'marovia', 'CONSULT']]).extraction);
  return buildGraph(documents);
}

/** Counts what one call of `run` reads from the graph and its pair index. */
function workOf(sg: StanceGraph, run: () => void) {
  const work = { partnerEntries: 0, lookUps: 0, perActorScans: 0, wholeGraph: 0 };
  const forEachOut = PairIndex.prototype.forEachOut;
  const forEachIn = PairIndex.prototype.forEachIn;
  vi.spyOn(PairIndex.prototype, 'forEachOut').mockImplementation(function (
    this: PairIndex,
    a,
    visit,
  ) {
    forEachOut.call(this, a, (p, b) => {
      work.partnerEntries += 1;
      visit(p, b);
    });
  });
  vi.spyOn(PairIndex.prototype, 'forEachIn').mockImplementation(function (
    this: PairIndex,
    a,
    visit,
  ) {
    forEachIn.call(this, a, (p, b) => {
      work.partnerEntries += 1;
      visit(p, b);
    });
  });
  const find = PairIndex.prototype.find;
  vi.spyOn(PairIndex.prototype, 'find').mockImplementation(function (this: PairIndex, s, t) {
    work.lookUps += 1;
    return find.call(this, s, t);
  });
  const among = PairIndex.prototype.among;
  vi.spyOn(PairIndex.prototype, 'among').mockImplementation(function (this: PairIndex, actors) {
    work.perActorScans += 1;
    return among.call(this, actors);
  });
  const g = sg.graph;
  for (const name of ['forEachEdge', 'forEachNode', 'nodes', 'edges'] as const) {
    const original = g[name].bind(g) as (...args: unknown[]) => unknown;
    vi.spyOn(g, name).mockImplementation(((...args: unknown[]) => {
      // A call with an actor as first argument reads that actor's edges only.
      if (args.length === 0 || typeof args[0] === 'function') work.wholeGraph += 1;
      return original(...args);
    }) as never);
  }
  for (const name of ['forEachEvent', 'forEachEdge'] as const) {
    const original = sg[name].bind(sg) as (...args: unknown[]) => unknown;
    vi.spyOn(sg, name).mockImplementation(((...args: unknown[]) => {
      work.wholeGraph += 1;
      return original(...args);
    }) as never);
  }
  const byActivity = sg.byActivity.bind(sg);
  vi.spyOn(sg, 'byActivity').mockImplementation(() => {
    work.wholeGraph += 1;
    return byActivity();
  });
  try {
    run();
  } finally {
    vi.restoreAllMocks();
  }
  return work;
}

afterEach(() => vi.restoreAllMocks());

describe('a small ego view', () => {
  it("reads the same few entries for a leaf whatever the graph's size", () => {
    const results = [200, 2_000].map((bystanders) => {
      const sg = graphWith(bystanders);
      const q = { focus: 'oskel-river-council', depth: 1, layout: false } as const;
      const work = workOf(sg, () => subgraph(sg, q));
      // Asked again at the same version, and again after a document elsewhere.
      const again = workOf(sg, () => subgraph(sg, q));
      sg.addDocument(bundleOf([['bystander-3', 'bystander-9', 'AID']]).extraction);
      const later = workOf(sg, () => subgraph(sg, q));
      const view = subgraph(sg, q);
      return { work, again, later, view };
    });
    const [small, large] = results;
    expect(large!.view.nodes.map((n) => n.key)).toEqual(['marovia', 'oskel-river-council']);
    expect(large!.view.edges.map((e) => [e.source, e.target])).toEqual([
      ['oskel-river-council', 'marovia'],
    ]);
    for (const run of ['work', 'again', 'later'] as const) {
      expect(large![run]).toEqual(small![run]);
      expect(large![run].wholeGraph).toBe(0);
      expect(large![run].perActorScans).toBe(0);
      expect(large![run].partnerEntries + large![run].lookUps).toBeLessThan(20);
    }
  });

  it('still reads the hub through the per-actor scan, its pairs among 1,000 shown actors', () => {
    const sg = graphWith(2_000);
    let view: ReturnType<typeof subgraph> | undefined;
    const work = workOf(sg, () => {
      view = subgraph(sg, {
        focus: 'marovia',
        depth: 1,
        layout: false,
        mode: 'dyads',
        limit: 1_000,
      });
    });
    expect(view!.nodes).toHaveLength(1_000);
    expect(work.perActorScans).toBe(1);
    expect(work.wholeGraph).toBe(0);
  });

  it('shows the hub and its 99 best-tied neighbours by default, saying how many there are', () => {
    const sg = graphWith(600);
    const view = subgraph(sg, { focus: 'marovia', depth: 1, layout: false });
    expect(view.nodes).toHaveLength(100);
    expect(view.nodes.map((n) => n.key)).toContain('marovia');
    const shown = view.attributes.shown;
    expect(shown).toMatchObject({ actors: 100, actorsTotal: 602, actorsBy: 'ties' });
    expect(shown.summary).toMatch(/^100 of 602 actors within reach, by ties/);
    // Only the ranking cuts the hub's neighbours here: each is tied to it by one event.
    const events = view.edges.filter((e) => e.attributes.kind === 'event');
    expect(events.length).toBe(shown.edges);
    expect(shown.edges).toBeLessThanOrEqual(500);
    const more = subgraph(sg, { focus: 'marovia', depth: 1, layout: false, limit: 400 });
    expect(more.nodes).toHaveLength(400);
    expect(more.attributes.shown.actorsTotal).toBe(602);
    // The overview keeps its own, larger bounds.
    expect(subgraph(sg, { layout: false }).nodes).toHaveLength(602);
  });

  it('shows 500 of the events among them by default, and more when asked', () => {
    // 30 partners of a hub, 30 events with each: 900 events among the 31 actors.
    const events: EventTuple[] = [];
    for (let i = 0; i < 30; i++) {
      for (let j = 0; j < 30; j++) events.push(['tallinn-port-authority', `shipper-${i}`, 'AID']);
    }
    const documents = [];
    for (let i = 0; i < events.length; i += 50) {
      documents.push(bundleOf(events.slice(i, i + 50)).extraction);
    }
    const sg = buildGraph(documents);
    const view = subgraph(sg, { focus: 'tallinn-port-authority', layout: false });
    expect(view.nodes).toHaveLength(31);
    expect(view.attributes.shown).toMatchObject({ edges: 500, edgesTotal: 900 });
    expect(view.edges.filter((e) => e.attributes.kind === 'event')).toHaveLength(500);
    const all = subgraph(sg, { focus: 'tallinn-port-authority', layout: false, edgeLimit: 900 });
    expect(all.attributes.shown).toMatchObject({ edges: 900, edgesTotal: 900 });
  });

  it('finds the pairs of small sets in a large graph as a sort of every dyad', () => {
    const sg = graphWith(600);
    const core = [
      'marovia',
      'oskel-river-council',
      'bystander-0',
      'bystander-1',
      'bystander-2',
      'bystander-3',
      'bystander-4',
      'bystander-7',
    ];
    sg.addDocument(
      bundleOf([
        ['bystander-7', 'marovia', 'ACCUSE'],
        ['bystander-7', 'marovia', 'ACCUSE'],
        ['bystander-1', 'oskel-river-council', 'AID'],
        ['oskel-river-council', 'bystander-0', 'THREATEN'],
      ]).extraction,
    );
    const byHand = (kept: Set<string>): DyadStance[] =>
      sg
        .dyads()
        .filter((d) => kept.has(d.source) && kept.has(d.target))
        .sort(
          (a, b) =>
            b.eventCount - a.eventCount ||
            (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
            (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
        );
    for (let mask = 1; mask < 1 << core.length; mask++) {
      const kept = new Set(core.filter((_, i) => mask & (1 << i)));
      const found = pairsAmong(sg, kept, {}, new BudgetTicker(undefined));
      const all = byHand(kept);
      expect(found.count).toBe(all.length);
      expect(found.busiest(3).map((p) => p.stance)).toEqual(all.slice(0, 3));
    }
    // Read again for the two members a document touches (a quarter), the others' runs kept.
    sg.addDocument(
      bundleOf([
        ['bystander-7', 'marovia', 'AID'],
        ['bystander-7', 'marovia', 'AID'],
        ['bystander-7', 'marovia', 'AID'],
      ]).extraction,
    );
    const kept = new Set(core);
    const found = pairsAmong(sg, kept, {}, new BudgetTicker(undefined));
    expect(found.busiest(Infinity).map((p) => p.stance)).toEqual(byHand(kept));
  });
});
