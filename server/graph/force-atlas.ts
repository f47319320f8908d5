// ForceAtlas2 for the layouts views ask for (linear attraction, strong gravity, sizes not
// adjusted, unit edge weights, every pair of nodes repelled directly), written for those settings
// alone: no graph object, no settings read in the inner loops, each node's own force summed in a
// local, everything in 64-bit floats. The forces and the step are graphology-layout-forceatlas2's
// (which still lays out the views whose size calls for its Barnes-Hut approximation); the
// repulsion between two nodes, k * m1 * m2 / d along the unit vector between them, is taken as the
// vector times k * m1 * m2 / d^2, with no square root. The library keeps its state in 32-bit
// floats, so positions agree with it to rounding over a few steps and then drift apart where a
// layout is sensitive to rounding (tests/unit/force-atlas.test.ts): the same kind of layout, at
// about half the CPU of the loop that matched the library bit for bit.

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
  const x = Float64Array.from(seedX);
  const y = Float64Array.from(seedY);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const oldDx = new Float64Array(n);
  const oldDy = new Float64Array(n);
  const mass = new Float64Array(n).fill(1);
  const convergence = new Float64Array(n).fill(1);
  const edges = from.length;
  for (let e = 0; e < edges; e++) {
    mass[from[e]!]! += 1;
    mass[to[e]!]! += 1;
  }
  const { scalingRatio, gravity, slowDown } = settings;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      oldDx[i] = dx[i]!;
      oldDy[i] = dy[i]!;
    }
    // Repulsion between every two nodes: node i's sum is kept in a local.
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      const mi = scalingRatio * mass[i]!;
      let sumX = 0;
      let sumY = 0;
      for (let j = 0; j < i; j++) {
        const xDist = xi - x[j]!;
        const yDist = yi - y[j]!;
        const squared = xDist * xDist + yDist * yDist;
        if (squared > 0) {
          const factor = (mi * mass[j]!) / squared;
          const fx = xDist * factor;
          const fy = yDist * factor;
          sumX += fx;
          sumY += fy;
          dx[j]! -= fx;
          dy[j]! -= fy;
        }
      }
      // Nodes after i add to dx[i] once i is done, so its own sum starts it afresh.
      dx[i] = sumX;
      dy[i] = sumY;
    }
    // Strong gravity towards the origin.
    const g = gravity / scalingRatio;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      if (xi === 0 && yi === 0) continue;
      const factor = scalingRatio * mass[i]! * g;
      dx[i]! -= xi * factor;
      dy[i]! -= yi * factor;
    }
    // Linear attraction along each edge, of weight 1.
    for (let e = 0; e < edges; e++) {
      const a = from[e]!;
      const b = to[e]!;
      const fx = x[b]! - x[a]!;
      const fy = y[b]! - y[a]!;
      dx[a]! += fx;
      dy[a]! += fy;
      dx[b]! -= fx;
      dy[b]! -= fy;
    }
    // Each node moves by its force, slowed where it swings.
    for (let i = 0; i < n; i++) {
      const fx = dx[i]!;
      const fy = dy[i]!;
      const ox = oldDx[i]!;
      const oy = oldDy[i]!;
      const swinging = mass[i]! * Math.sqrt((ox - fx) * (ox - fx) + (oy - fy) * (oy - fy));
      const traction = Math.sqrt((ox + fx) * (ox + fx) + (oy + fy) * (oy + fy)) / 2;
      const speed = (convergence[i]! * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
      convergence[i] = Math.min(
        1,
        Math.sqrt((speed * (fx * fx + fy * fy)) / (1 + Math.sqrt(swinging))),
      );
      x[i] = x[i]! + fx * (speed / slowDown);
      y[i] = y[i]! + fy * (speed / slowDown);
    }
  }
  return { x, y };
}
