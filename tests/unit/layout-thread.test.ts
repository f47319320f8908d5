// Views laid out in the layout thread: the same positions, bit for bit, as layoutPositions gives
// in the serving thread (random views of every size the square loop takes, edges repeated and
// reversed, self-loops, a view over the Barnes-Hut bound and one without edges), jobs given at
// once answered each with its own, a job out when the thread dies laid out in this thread, a view
// whose graph changed during its layout drafted again, and an ego view served through a
// GraphService with the thread the same text as without.
import { afterAll, describe, expect, it } from 'vitest';
import { GraphService } from '../../server/api/graph-service.ts';
import { GraphQuery } from '../../server/api/schemas.ts';
import {
  buildGraph,
  layoutPositions,
  layoutPositionsBy,
  LayoutThread,
  type QuoteSource,
} from '../../server/graph/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { fixtureBundle } from './graph-fixtures.ts';

const thread = new LayoutThread();
afterAll(() => thread.close());

/** A random view: `n` ids and `m` edges, busy ids drawn more often. */
function randomView(seed: number, n: number, m: number) {
  const rand = seededRandom(seed);
  const nodes = Array.from({ length: n }, (_, i) => (i % 5 === 2 ? `${i * 13}` : `a${i}`));
  const edges: { source: string; target: string }[] = [];
  for (let k = 0; k < m; k++) {
    const source = nodes[Math.floor(rand() ** 2 * n)]!;
    const target = nodes[Math.floor(rand() * n)]!;
    edges.push({ source, target });
  }
  return { nodes, edges };
}

describe('LayoutThread', () => {
  it('lays views out as the serving thread does, bit for bit', async () => {
    for (const [seed, n, m] of [
      [1, 2, 1],
      [2, 12, 30],
      [3, 100, 460],
      [4, 250, 900],
      [5, 300, 40],
      [6, 340, 700],
      [7, 40, 0],
    ] as const) {
      const { nodes, edges } = randomView(seed, n, m);
      const here = layoutPositions(nodes, edges);
      const there = await layoutPositionsBy(nodes, edges, (job) => thread.run(job));
      expect(there).toEqual(here);
      for (const key of nodes) expect(Object.is(there[key]!.x, here[key]!.x)).toBe(true);
    }
  });

  it('answers each of many jobs given at once with its own positions', async () => {
    const views = Array.from({ length: 12 }, (_, i) => randomView(100 + i, 20 + 7 * i, 60 + i));
    const there = await Promise.all(
      views.map((v) => layoutPositionsBy(v.nodes, v.edges, (job) => thread.run(job))),
    );
    views.forEach((v, i) => expect(there[i]).toEqual(layoutPositions(v.nodes, v.edges)));
  });

  it('lays a job out in this thread when the thread dies, and starts a new one after', async () => {
    const { nodes, edges } = randomView(9, 60, 200);
    const expected = layoutPositions(nodes, edges);
    const dying = new LayoutThread();
    try {
      const pending = layoutPositionsBy(nodes, edges, (job) => dying.run(job));
      await dying.close();
      expect(await pending).toEqual(expected);
      expect(await layoutPositionsBy(nodes, edges, (job) => dying.run(job))).toEqual(expected);
      // Started ahead of its jobs, and started again after it stopped.
      await dying.close();
      dying.start();
      dying.start();
      expect(await layoutPositionsBy(nodes, edges, (job) => dying.run(job))).toEqual(expected);
    } finally {
      await dying.close();
    }
  });

  it('drafts a view again when the graph changed while it was laid out', async () => {
    const graph = buildGraph([fixtureBundle('one').extraction]);
    const quotes: QuoteSource = { eventQuotes: async (keys) => keys.map((k) => `quote ${k.id}`) };
    const query = GraphQuery.parse({ focus: 'norland' });
    let jobs = 0;
    // A document arrives while the first layout is out, as the change feed could apply one.
    const changing = {
      run: async (job: Parameters<LayoutThread['run']>[0]) => {
        if (jobs++ === 0) graph.addDocument(fixtureBundle('two').extraction);
        return thread.run(job);
      },
    };
    const there = await new GraphService(graph, quotes, undefined, { layouts: changing }).subgraph(
      query,
    );
    expect(jobs).toBe(2);
    const here = await new GraphService(graph, quotes).subgraph(query);
    expect(there.view.chunks.join('')).toBe(here.view.chunks.join(''));
    expect(there.view.chunks.join('')).toContain('"norland"');
  });

  it('serves an ego view the same with the layout in the thread', async () => {
    const graph = buildGraph([fixtureBundle('one').extraction, fixtureBundle('two').extraction]);
    const noStore: QuoteSource = { eventQuotes: async (keys) => keys.map(() => null) };
    const query = GraphQuery.parse({ focus: 'norland' });
    const here = await new GraphService(graph, noStore).subgraph(query);
    const there = await new GraphService(graph, noStore, undefined, { layouts: thread }).subgraph(
      query,
    );
    expect(there.view.chunks.join('')).toBe(here.view.chunks.join(''));
  });
});
