// The analyses run in their own thread: on random graphs, with and without filters, each measure,
// the blocs and the alignment pairs equal those of a dyad graph folded here from every event in
// insertion order and analysed in this thread; one computation however many ask; a graph change
// supersedes a computation of the old version; a small graph analysed inline gives the same.
import { DirectedGraph } from 'graphology';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AnalysisSupersededError,
  AnalysisThread,
  MEASURES,
  alignedPairs,
  alignmentBlocs,
  analysisSettings,
  isCached,
  isComputing,
  rankActors,
  rankingKey,
  runTask,
  type AnalysisFilter,
  type DyadGraph,
  type StanceGraph,
} from '../../server/graph/index.ts';
import { eventMatches, filterIsActive, kindAllowed } from '../../server/graph/event-filter.ts';
import { bundleOf, randomGraph } from './analytics-fixtures.ts';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The dyad graph folded from the events one by one, in this thread. */
function referenceDyads(sg: StanceGraph, filter: AnalysisFilter): DyadGraph {
  const pairs = new Map<string, { events: number; net: number }>();
  const touched = new Set<string>();
  sg.forEachEvent((attrs, source, target) => {
    if (source === target) return;
    if (!kindAllowed(sg.actorKind(source)!, filter.kinds)) return;
    if (!kindAllowed(sg.actorKind(target)!, filter.kinds)) return;
    if (!eventMatches(attrs, filter)) return;
    const key = `${source}\u0000${target}`;
    const pair = pairs.get(key) ?? { events: 0, net: 0 };
    pair.events += 1;
    pair.net += attrs.score;
    pairs.set(key, pair);
    touched.add(source).add(target);
  });
  const g: DyadGraph = new DirectedGraph();
  const nodes = filterIsActive(filter)
    ? [...touched]
    : sg.graph.filterNodes((_n, a) => kindAllowed(a.kind, filter.kinds));
  for (const node of nodes.sort(byCodeUnits)) g.addNode(node);
  const keys = [...pairs.keys()].sort((x, y) => {
    const [xs, xt] = x.split('\u0000') as [string, string];
    const [ys, yt] = y.split('\u0000') as [string, string];
    return byCodeUnits(xs, ys) || byCodeUnits(xt, yt);
  });
  for (const key of keys) {
    const [s, t] = key.split('\u0000') as [string, string];
    g.addDirectedEdge(s, t, pairs.get(key)!);
  }
  return g;
}

const FILTERS: AnalysisFilter[] = [
  {},
  { kinds: ['state', 'organization'] },
  { polarities: ['hostile'] },
  { from: '2021', to: '2023-06', kinds: ['state'] },
];

afterEach(() => vi.restoreAllMocks());

// These graphs are small enough to be analysed inline; send them to the thread all the same.
const inlineBelow = analysisSettings.inlineBelow;
beforeAll(() => void (analysisSettings.inlineBelow = 0));
afterAll(() => void (analysisSettings.inlineBelow = inlineBelow));

describe('analyses in the analysis thread', () => {
  it('rank every measure as the same algorithms do on the events folded in this thread', async () => {
    for (const seed of [3, 11]) {
      const { graph } = randomGraph(seed, 120, 1500);
      for (const filter of FILTERS) {
        const held = { g: referenceDyads(graph, filter) };
        for (const measure of MEASURES) {
          const got = await rankActors(graph, measure, { filter, limit: 1000 });
          const want = runTask(held, { kind: 'ranking', measure }) as {
            ids: string[];
            values: Float64Array;
            exact: boolean;
          };
          expect(got.total).toBe(want.ids.length);
          expect(got.exact).toBe(want.exact);
          expect(got.items.map((i) => i.id)).toEqual(want.ids.slice(0, 1000));
          expect(got.items.map((i) => i.value)).toEqual([...want.values].slice(0, 1000));
        }
      }
    }
  });

  it('find the same blocs and aligned pairs', async () => {
    const { graph } = randomGraph(5, 90, 1200);
    for (const filter of FILTERS) {
      const held = { g: referenceDyads(graph, filter) };
      const blocs = await alignmentBlocs(graph, { filter });
      const want = runTask(held, { kind: 'blocs' }) as {
        blocs: { members: string[] }[];
        modularity: number;
        between: unknown[];
        unaligned: number;
      };
      expect(blocs.blocs.map((b) => b.members.map((m) => m.id))).toEqual(
        want.blocs.map((b) => b.members),
      );
      expect(blocs.modularity).toBe(want.modularity);
      expect(blocs.between).toEqual(want.between);
      expect(blocs.unaligned).toBe(want.unaligned);
      for (const order of ['aligned', 'opposed'] as const) {
        const options = { minCommon: 2, limit: 15, order, actor: undefined };
        const pairs = await alignedPairs(graph, { filter, ...options });
        expect(pairs.length).toBeGreaterThan(0);
        expect(pairs).toEqual(runTask(held, { kind: 'alignment', options }));
      }
    }
  });

  it('computes a ranking once however many ask while it runs', async () => {
    const { graph } = randomGraph(21, 80, 800);
    const run = vi.spyOn(AnalysisThread.prototype, 'run');
    const key = rankingKey('pagerank', { polarities: ['cooperative'] });
    const asked = [1, 2, 3].map(() =>
      rankActors(graph, 'pagerank', { filter: { polarities: ['cooperative'] } }),
    );
    expect(isComputing(graph, key)).toBe(true);
    const [a, b, c] = await Promise.all(asked);
    expect(run).toHaveBeenCalledTimes(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(isCached(graph, key)).toBe(true);
    expect(isComputing(graph, key)).toBe(false);
  });

  it('drops a computation of a version the graph has left', async () => {
    const { graph, kinds } = randomGraph(8, 100, 1000);
    const key = rankingKey('betweenness', {});
    const before = graph.version;
    const stale = rankActors(graph, 'betweenness', {});
    graph.addDocument(
      bundleOf(
        [
          ['actor-7', 'actor-93', 'AID'],
          ['actor-93', 'actor-2', 'CONSULT'],
        ],
        kinds,
      ).extraction,
    );
    await expect(stale).rejects.toThrow(AnalysisSupersededError);
    expect(isCached(graph, key)).toBe(false);
    const fresh = await rankActors(graph, 'betweenness', {});
    expect(fresh.version).toBe(before + 1);
    const want = runTask(
      { g: referenceDyads(graph, {}) },
      { kind: 'ranking', measure: 'betweenness' },
    );
    expect(fresh.items.map((i) => i.id)).toEqual((want as { ids: string[] }).ids.slice(0, 50));
  });

  it('gives after a removal what a fold of the remaining events gives', async () => {
    const { graph, documents } = randomGraph(13, 70, 900, 150);
    graph.removeDocument(documents[2]!.extraction.document.id);
    const got = await rankActors(graph, 'pagerank', { limit: 1000 });
    const want = runTask(
      { g: referenceDyads(graph, {}) },
      { kind: 'ranking', measure: 'pagerank' },
    );
    const w = want as { ids: string[]; values: Float64Array };
    expect(got.items.map((i) => i.id)).toEqual(w.ids);
    got.items.forEach((item, i) => expect(Math.abs(item.value - w.values[i]!)).toBeLessThan(1e-12));
  });

  it('analyses a graph below the inline limit on the calling thread, with the same result', async () => {
    const { graph } = randomGraph(29, 60, 700);
    const run = vi.spyOn(AnalysisThread.prototype, 'run');
    analysisSettings.inlineBelow = 1_000_000;
    try {
      const got = await rankActors(graph, 'betweenness', { limit: 1000 });
      const blocs = await alignmentBlocs(graph, { filter: { polarities: ['cooperative'] } });
      expect(run).not.toHaveBeenCalled();
      const want = runTask(
        { g: referenceDyads(graph, {}) },
        { kind: 'ranking', measure: 'betweenness' },
      );
      expect(got.items.map((i) => [i.id, i.value])).toEqual(
        (want as { ids: string[] }).ids.map((id, i) => [
          id,
          (want as { values: Float64Array }).values[i],
        ]),
      );
      const wantBlocs = runTask(
        { g: referenceDyads(graph, { polarities: ['cooperative'] }) },
        { kind: 'blocs' },
      ) as { blocs: { members: string[] }[] };
      expect(blocs.blocs.map((b) => b.members.map((m) => m.id))).toEqual(
        wantBlocs.blocs.map((b) => b.members),
      );
    } finally {
      analysisSettings.inlineBelow = 0;
    }
  });
});
