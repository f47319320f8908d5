// Deterministic node positions for sigma: a golden-angle spiral seed refined by ForceAtlas2.
import { createRequire } from 'node:module';
import { MultiGraph } from 'graphology';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { byCodeUnits } from './contributions.ts';

export type Positions = Record<string, { x: number; y: number }>;

// The package is CommonJS with an ESM-style default in its typings; require keeps both honest.
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as {
  (graph: MultiGraph, params: { iterations: number; settings: ForceAtlas2Settings }): Positions;
  inferSettings(graph: MultiGraph): ForceAtlas2Settings;
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Iteration budget shrinking with size, so large exports stay fast. */
function iterationsFor(order: number): number {
  return order <= 500 ? 100 : 0;
}

/**
 * Positions for the given nodes and edges. The seed depends only on the sorted node ids and
 * ForceAtlas2 has no randomness, so the same subgraph always gets the same layout. Large views get
 * the seed alone, without building a graph for the layout.
 */
export function layoutPositions(
  nodes: readonly string[],
  edges: readonly { source: string; target: string }[],
): Positions {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const seeded: Positions = {};
  [...nodes].sort(byCodeUnits).forEach((key, i) => {
    const r = 10 * Math.sqrt(i + 0.5);
    seeded[key] = { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) };
  });
  const iterations = iterationsFor(nodes.length);
  let positions = seeded;
  if (iterations > 0 && edges.length > 0) {
    const g = new MultiGraph({ allowSelfLoops: true });
    for (const [key, p] of Object.entries(seeded)) g.addNode(key, { ...p });
    // Parallel events add nothing to the shape but cost ForceAtlas2 time: one edge per pair.
    const pairs = new Set<string>();
    for (const e of edges) {
      if (e.source === e.target) continue;
      const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
      const key = `${a}>${b}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      g.addEdge(a, b);
    }
    if (g.size > 0) {
      const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 300 };
      positions = forceAtlas2(g, { iterations, settings });
    }
  }
  for (const p of Object.values(positions)) {
    p.x = round(p.x);
    p.y = round(p.y);
  }
  return positions;
}
