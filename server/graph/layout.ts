// Deterministic node positions for sigma: a golden-angle spiral seed refined by ForceAtlas2 (the
// views' own loop in 64-bit floats, force-atlas.ts; graphology's Barnes-Hut variant for views of
// over 300 nodes).
import { createRequire } from 'node:module';
import { MultiGraph } from 'graphology';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { byCodeUnits } from './contributions.ts';
import { forceAtlasSquare, squareSettings } from './force-atlas.ts';

export type Positions = Record<string, { x: number; y: number }>;

// The package is CommonJS with an ESM-style default in its typings; require keeps both honest.
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as {
  (graph: MultiGraph, params: { iterations: number; settings: ForceAtlas2Settings }): Positions;
  inferSettings(graph: MultiGraph): ForceAtlas2Settings;
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Above this many nodes ForceAtlas2 approximates far nodes' repulsion (Barnes-Hut). */
const BARNES_HUT_ORDER = 300;

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
    // Nodes in the seed's key order, edges one per pair: parallel events add nothing to the shape
    // but cost ForceAtlas2 time. A pair is its two nodes' places, the smaller id's first.
    const keys = Object.keys(seeded);
    const at = new Map<string, number>();
    keys.forEach((key, i) => at.set(key, i));
    const pairs = new Set<number>();
    const from: number[] = [];
    const to: number[] = [];
    for (const e of edges) {
      if (e.source === e.target) continue;
      const forward = e.source < e.target;
      const a = at.get(forward ? e.source : e.target)!;
      const b = at.get(forward ? e.target : e.source)!;
      const pair = a * keys.length + b;
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      from.push(a);
      to.push(b);
    }
    if (from.length > 0) {
      positions =
        keys.length > BARNES_HUT_ORDER
          ? barnesHut(keys, seeded, from, to, iterations)
          : squareLayout(keys, seeded, from, to, iterations);
    }
  }
  for (const p of Object.values(positions)) {
    p.x = round(p.x);
    p.y = round(p.y);
  }
  return positions;
}

/** ForceAtlas2 with every pair of nodes repelled directly, by the views' own loop. */
function squareLayout(
  keys: readonly string[],
  seeded: Positions,
  from: readonly number[],
  to: readonly number[],
  iterations: number,
): Positions {
  const { x, y } = forceAtlasSquare(
    keys.map((k) => seeded[k]!.x),
    keys.map((k) => seeded[k]!.y),
    Int32Array.from(from),
    Int32Array.from(to),
    iterations,
    squareSettings(keys.length),
  );
  const out: Positions = {};
  keys.forEach((key, i) => (out[key] = { x: x[i]!, y: y[i]! }));
  return out;
}

/** ForceAtlas2 through graphology, approximating far nodes' repulsion (Barnes-Hut). */
function barnesHut(
  keys: readonly string[],
  seeded: Positions,
  from: readonly number[],
  to: readonly number[],
  iterations: number,
): Positions {
  const g = new MultiGraph({ allowSelfLoops: true });
  for (const key of keys) g.addNode(key, { ...seeded[key]! });
  for (let e = 0; e < from.length; e++) g.addEdge(keys[from[e]!]!, keys[to[e]!]!);
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true };
  return forceAtlas2(g, { iterations, settings });
}
