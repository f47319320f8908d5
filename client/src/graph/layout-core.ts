// ForceAtlas2 run in batches with a deterministic stopping rule (settled, or an iteration budget
// by graph size), shared by the web worker and the tests. No clock: the same input always stops
// after the same number of iterations at the same positions.
import { UndirectedGraph } from 'graphology';
import * as fa2Module from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { RenderGraph } from './render-graph.ts';

interface Fa2 {
  (
    graph: UndirectedGraph,
    params: { iterations: number; settings: ForceAtlas2Settings },
  ): Record<string, { x: number; y: number }>;
  inferSettings(order: number): ForceAtlas2Settings;
}
// The package is CommonJS with an ESM-style default in its typings; accept either shape.
const forceAtlas2 = ((fa2Module as unknown as { default?: Fa2 }).default ??
  (fa2Module as unknown as Fa2)) as Fa2;

export interface LayoutInput {
  /** Node ids and starting positions, as parallel arrays. */
  ids: string[];
  xs: number[];
  ys: number[];
  /** Undirected links as index pairs with a weight (the event count). */
  links: [number, number, number][];
}

export interface LayoutStep {
  xs: number[];
  ys: number[];
  iterations: number;
  settled: boolean;
}

export const BATCH = 20;
const SETTLE_RATIO = 0.0015;

/** Iteration budget: large graphs get fewer iterations so the layout ends in bounded time. */
export function iterationBudget(order: number): number {
  if (order <= 200) return 800;
  if (order <= 1000) return 400;
  if (order <= 3000) return 200;
  return 120;
}

export function createLayoutRun(input: LayoutInput): { step(): LayoutStep } {
  const g = new UndirectedGraph({ allowSelfLoops: false, multi: false });
  input.ids.forEach((id, i) => g.addNode(id, { x: input.xs[i]!, y: input.ys[i]! }));
  for (const [a, b, w] of input.links) {
    if (a === b) continue;
    const s = input.ids[a]!;
    const t = input.ids[b]!;
    if (g.hasEdge(s, t)) g.updateEdgeAttribute(s, t, 'weight', (v) => (v as number) + w);
    else g.addEdge(s, t, { weight: w });
  }
  const settings: ForceAtlas2Settings = {
    ...forceAtlas2.inferSettings(g.order),
    barnesHutOptimize: g.order > 400,
    edgeWeightInfluence: 0.5,
    // Stronger than inferred, so actors without events do not drift to the edge of the frame.
    gravity: 0.5,
  };
  const budget = iterationBudget(g.order);
  let iterations = 0;
  let xs = [...input.xs];
  let ys = [...input.ys];
  return {
    step() {
      if (g.order < 2 || g.size === 0 || iterations >= budget) {
        return { xs, ys, iterations, settled: true };
      }
      const pos = forceAtlas2(g, { iterations: BATCH, settings });
      iterations += BATCH;
      let moved = 0;
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      const nx: number[] = [];
      const ny: number[] = [];
      input.ids.forEach((id, i) => {
        const p = pos[id]!;
        nx.push(p.x);
        ny.push(p.y);
        moved += Math.hypot(p.x - xs[i]!, p.y - ys[i]!);
        minX = Math.min(minX, p.x);
        maxX = Math.max(maxX, p.x);
        minY = Math.min(minY, p.y);
        maxY = Math.max(maxY, p.y);
        g.mergeNodeAttributes(id, { x: p.x, y: p.y });
      });
      xs = nx;
      ys = ny;
      const extent = Math.hypot(maxX - minX, maxY - minY) || 1;
      const settled = moved / g.order / extent < SETTLE_RATIO || iterations >= budget;
      return { xs, ys, iterations, settled };
    },
  };
}

/** Layout input from the render graph: node order sorted by id, links from dyad edges. */
export function layoutInput(graph: RenderGraph): LayoutInput {
  const ids = graph.nodes().sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const links: [number, number, number][] = [];
  graph.forEachEdge((_key, attrs, source, target) => {
    if (attrs.role === 'event') return;
    links.push([index.get(source)!, index.get(target)!, Math.max(1, attrs.events.length)]);
  });
  return {
    ids,
    xs: ids.map((id) => graph.getNodeAttribute(id, 'x')),
    ys: ids.map((id) => graph.getNodeAttribute(id, 'y')),
    links,
  };
}
