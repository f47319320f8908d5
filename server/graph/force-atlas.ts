// ForceAtlas2 for the layouts views ask for (linear attraction, strong gravity, sizes not
// adjusted, unit edge weights, every pair of nodes repelled directly), written for those settings
// alone: no graph object, no settings read in the inner loops, everything in 64-bit floats. The
// forces and the step are graphology-layout-forceatlas2's (which still lays out the views whose
// size calls for its Barnes-Hut approximation); the repulsion between two nodes, k * m1 * m2 / d
// along the unit vector between them, is taken as the vector times k * m1 * m2 / d^2, with no
// square root. The steps run in WebAssembly (force-atlas-kernel.ts) over the nodes' records. The
// library keeps its state in 32-bit floats, so positions agree with it to rounding over a few
// steps and then drift apart where a layout is sensitive to rounding
// (tests/unit/force-atlas.test.ts): the same kind of layout.

import { CONVERGENCE, layoutRecords, MASS, RECORD, runLayout, X, Y } from './force-atlas-kernel.ts';

/** The layout's settings: those `inferSettings` gives a graph of that order. */
export interface SquareSettings {
  scalingRatio: number;
  gravity: number;
  slowDown: number;
}

/** The settings graphology-layout-forceatlas2's `inferSettings` gives a graph of `order` nodes. */
export function squareSettings(order: number): SquareSettings {
  return { scalingRatio: 10, gravity: 0.05, slowDown: 1 + Math.log(order) };
}

/**
 * Runs `iterations` steps from the seed positions (`x`, `y`, one per node) over undirected edges
 * given as node indices (`from[e]`, `to[e]`), and returns the positions.
 */
export function forceAtlasSquare(
  seedX: ArrayLike<number>,
  seedY: ArrayLike<number>,
  from: Int32Array,
  to: Int32Array,
  iterations: number,
  settings: SquareSettings = squareSettings(seedX.length),
): { x: Float64Array; y: Float64Array } {
  const n = seedX.length;
  const edges = from.length;
  const records = layoutRecords(n, edges);
  const { nodes } = records;
  for (let i = 0; i < n; i++) {
    nodes[i * RECORD + X] = seedX[i]!;
    nodes[i * RECORD + Y] = seedY[i]!;
    nodes[i * RECORD + MASS] = 1;
    nodes[i * RECORD + CONVERGENCE] = 1;
  }
  for (let e = 0; e < edges; e++) {
    nodes[from[e]! * RECORD + MASS]! += 1;
    nodes[to[e]! * RECORD + MASS]! += 1;
    records.edges[2 * e] = from[e]!;
    records.edges[2 * e + 1] = to[e]!;
  }
  runLayout(n, edges, iterations, settings);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = nodes[i * RECORD + X]!;
    y[i] = nodes[i * RECORD + Y]!;
  }
  return { x, y };
}
