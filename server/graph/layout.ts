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

/** The square ForceAtlas2 of force-atlas.ts, run in this thread or elsewhere (layout-thread.ts). */
export interface SquareLayoutJob {
  seedX: Float64Array;
  seedY: Float64Array;
  from: Int32Array;
  to: Int32Array;
  iterations: number;
}

/** Runs a square layout job in this thread. */
export function runSquareLayout(job: SquareLayoutJob): { x: Float64Array; y: Float64Array } {
  const { seedX, seedY, from, to, iterations } = job;
  return forceAtlasSquare(seedX, seedY, from, to, iterations, squareSettings(seedX.length));
}

/**
 * A layout before ForceAtlas2: the seed positions, and the job that refines them when the view
 * is small enough for the square loop (`square`) or, larger, the pairs for Barnes-Hut.
 */
interface LayoutPlan {
  keys: string[];
  seeded: Positions;
  square: SquareLayoutJob | null;
  barnesHut: { from: number[]; to: number[]; iterations: number } | null;
}

function layoutPlan(
  nodes: readonly string[],
  edges: readonly { source: string; target: string }[],
): LayoutPlan {
  const seeded: Positions = {};
  [...nodes].sort(byCodeUnits).forEach((key, i) => {
    const r = 10 * Math.sqrt(i + 0.5);
    seeded[key] = { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) };
  });
  const keys = Object.keys(seeded);
  const plan: LayoutPlan = { keys, seeded, square: null, barnesHut: null };
  const iterations = iterationsFor(nodes.length);
  if (iterations === 0 || edges.length === 0) return plan;
  // Nodes in the seed's key order, edges one per pair: parallel events add nothing to the shape
  // but cost ForceAtlas2 time. A pair is its two nodes' places, the smaller id's first.
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
  if (from.length === 0) return plan;
  if (keys.length > BARNES_HUT_ORDER) {
    plan.barnesHut = { from, to, iterations };
    return plan;
  }
  plan.square = {
    seedX: Float64Array.from(keys, (k) => seeded[k]!.x),
    seedY: Float64Array.from(keys, (k) => seeded[k]!.y),
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    iterations,
  };
  return plan;
}

/** The plan's positions, given the square job's result when it has one; rounded for the reply. */
function placed(plan: LayoutPlan, square: { x: Float64Array; y: Float64Array } | null): Positions {
  const { keys, seeded } = plan;
  let positions = seeded;
  if (square) {
    positions = {};
    keys.forEach((key, i) => (positions[key] = { x: square.x[i]!, y: square.y[i]! }));
  } else if (plan.barnesHut) {
    const { from, to, iterations } = plan.barnesHut;
    positions = barnesHut(keys, seeded, from, to, iterations);
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  for (const p of Object.values(positions)) {
    p.x = round(p.x);
    p.y = round(p.y);
  }
  return positions;
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
  const plan = layoutPlan(nodes, edges);
  return placed(plan, plan.square && runSquareLayout(plan.square));
}

/**
 * {@link layoutPositions}, the square loop run by `run` (another thread): the same positions.
 * Views over BARNES_HUT_ORDER nodes are laid out here.
 */
export async function layoutPositionsBy(
  nodes: readonly string[],
  edges: readonly { source: string; target: string }[],
  run: (job: SquareLayoutJob) => Promise<{ x: Float64Array; y: Float64Array }>,
): Promise<Positions> {
  const plan = layoutPlan(nodes, edges);
  return placed(plan, plan.square && (await run(plan.square)));
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
