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
  if (order <= 500) return 100;
  if (order <= 2000) return 30;
  return 0;
}

/**
 * Positions for the given nodes and edges. The seed depends only on the sorted node ids and
 * ForceAtlas2 has no randomness, so the same subgraph always gets the same layout.
 */
export function layoutPositions(
  nodes: readonly string[],
  edges: readonly { source: string; target: string }[],
): Positions {
  const g = new MultiGraph({ allowSelfLoops: true });
  [...nodes].sort(byCodeUnits).forEach((key, i) => {
    const r = 10 * Math.sqrt(i + 0.5);
    g.addNode(key, { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) });
  });
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
  const iterations = iterationsFor(g.order);
  const positions: Positions = {};
  if (iterations > 0 && g.size > 0) {
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 300 };
    Object.assign(positions, forceAtlas2(g, { iterations, settings }));
  } else {
    g.forEachNode((key, a) => (positions[key] = { x: a.x as number, y: a.y as number }));
  }
  for (const p of Object.values(positions)) {
    p.x = Math.round(p.x * 1000) / 1000;
    p.y = Math.round(p.y * 1000) / 1000;
  }
  return positions;
}
