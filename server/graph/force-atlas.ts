// ForceAtlas2 for the layouts views ask for (linear attraction, strong gravity, sizes not
// adjusted, unit edge weights, every pair of nodes repelled directly), written for those settings
// alone: no graph object, no settings read in the inner loops, everything in 64-bit floats. The
// forces and the step are graphology-layout-forceatlas2's (which still lays out the views whose
// size calls for its Barnes-Hut approximation); the repulsion between two nodes, k * m1 * m2 / d
// along the unit vector between them, is taken as the vector times k * m1 * m2 / d^2, with no
// square root, by a WebAssembly kernel (repulsion.ts) over the nodes' records in its memory. The
// library keeps its state in 32-bit floats, so positions agree with it to rounding over a few
// steps and then drift apart where a layout is sensitive to rounding
// (tests/unit/force-atlas.test.ts): the same kind of layout.

import { DX, DY, layoutRecords, MASS, RECORD, repel, X, Y } from './repulsion.ts';

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
  const nodes = layoutRecords(n);
  const oldDx = new Float64Array(n);
  const oldDy = new Float64Array(n);
  const convergence = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    nodes[i * RECORD + X] = seedX[i]!;
    nodes[i * RECORD + Y] = seedY[i]!;
    nodes[i * RECORD + MASS] = 1;
  }
  const edges = from.length;
  for (let e = 0; e < edges; e++) {
    nodes[from[e]! * RECORD + MASS]! += 1;
    nodes[to[e]! * RECORD + MASS]! += 1;
  }
  const { scalingRatio, gravity, slowDown } = settings;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      oldDx[i] = nodes[i * RECORD + DX]!;
      oldDy[i] = nodes[i * RECORD + DY]!;
    }
    // Repulsion between every two nodes: each node's force set afresh.
    repel(n, scalingRatio);
    // Strong gravity towards the origin.
    const g = gravity / scalingRatio;
    for (let i = 0; i < n; i++) {
      const r = i * RECORD;
      const xi = nodes[r + X]!;
      const yi = nodes[r + Y]!;
      if (xi === 0 && yi === 0) continue;
      const factor = scalingRatio * nodes[r + MASS]! * g;
      nodes[r + DX]! -= xi * factor;
      nodes[r + DY]! -= yi * factor;
    }
    // Linear attraction along each edge, of weight 1.
    for (let e = 0; e < edges; e++) {
      const a = from[e]! * RECORD;
      const b = to[e]! * RECORD;
      const fx = nodes[b + X]! - nodes[a + X]!;
      const fy = nodes[b + Y]! - nodes[a + Y]!;
      nodes[a + DX]! += fx;
      nodes[a + DY]! += fy;
      nodes[b + DX]! -= fx;
      nodes[b + DY]! -= fy;
    }
    // Each node moves by its force, slowed where it swings.
    for (let i = 0; i < n; i++) {
      const r = i * RECORD;
      const fx = nodes[r + DX]!;
      const fy = nodes[r + DY]!;
      const ox = oldDx[i]!;
      const oy = oldDy[i]!;
      const mass = nodes[r + MASS]!;
      const swinging = mass * Math.sqrt((ox - fx) * (ox - fx) + (oy - fy) * (oy - fy));
      const traction = Math.sqrt((ox + fx) * (ox + fx) + (oy + fy) * (oy + fy)) / 2;
      const speed = (convergence[i]! * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
      convergence[i] = Math.min(
        1,
        Math.sqrt((speed * (fx * fx + fy * fy)) / (1 + Math.sqrt(swinging))),
      );
      nodes[r + X] = nodes[r + X]! + fx * (speed / slowDown);
      nodes[r + Y] = nodes[r + Y]! + fy * (speed / slowDown);
    }
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = nodes[i * RECORD + X]!;
    y[i] = nodes[i * RECORD + Y]!;
  }
  return { x, y };
}
