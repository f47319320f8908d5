// ForceAtlas2 for the layouts views ask for (linear attraction, strong gravity, sizes not
// adjusted, unit edge weights, every pair of nodes repelled directly), written for those settings
// alone: no graph object, no settings read in the inner loops, each node's own force summed in a
// local. Positions, forces and masses are kept in 32-bit floats and every sum is rounded to 32
// bits where the general implementation (graphology-layout-forceatlas2, which handles the views
// whose size calls for its Barnes-Hut approximation) stores it, in the same order, so both give
// the same positions bit for bit (tests/unit/force-atlas.test.ts compares them).

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
 * Runs `iterations` steps from the seed positions (`x`, `y`, one per node, in the order the nodes
 * would be added to a graph) over undirected edges given as node indices (`from[e]`, `to[e]`, in
 * the order they would be added), and returns the positions, 32-bit floats read as numbers.
 */
export function forceAtlasSquare(
  seedX: ArrayLike<number>,
  seedY: ArrayLike<number>,
  from: Int32Array,
  to: Int32Array,
  iterations: number,
  settings: SquareSettings = squareSettings(seedX.length),
): { x: Float32Array; y: Float32Array } {
  const n = seedX.length;
  const x = Float32Array.from(seedX);
  const y = Float32Array.from(seedY);
  const dx = new Float32Array(n);
  const dy = new Float32Array(n);
  const oldDx = new Float32Array(n);
  const oldDy = new Float32Array(n);
  const mass = new Float32Array(n).fill(1);
  const convergence = new Float32Array(n).fill(1);
  const edges = from.length;
  for (let e = 0; e < edges; e++) {
    mass[from[e]!]! += 1;
    mass[to[e]!]! += 1;
  }
  const { scalingRatio, gravity, slowDown } = settings;
  const fround = Math.fround;
  // The positions and masses as doubles for the repulsion loop (the same values, read faster).
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pm = Float64Array.from(mass);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      px[i] = x[i]!;
      py[i] = y[i]!;
      oldDx[i] = dx[i]!;
      oldDy[i] = dy[i]!;
      dx[i] = 0;
      dy[i] = 0;
    }
    // Repulsion between every two nodes: node i's sum is kept in a local, rounded as stored.
    for (let i = 0; i < n; i++) {
      const xi = px[i]!;
      const yi = py[i]!;
      const mi = scalingRatio * pm[i]!;
      let sumX = dx[i]!;
      let sumY = dy[i]!;
      for (let j = 0; j < i; j++) {
        const xDist = xi - px[j]!;
        const yDist = yi - py[j]!;
        const distance = Math.sqrt(xDist * xDist + yDist * yDist);
        if (distance > 0) {
          const factor = (mi * pm[j]!) / distance / distance;
          const fx = xDist * factor;
          const fy = yDist * factor;
          sumX = fround(sumX + fx);
          sumY = fround(sumY + fy);
          dx[j]! -= fx;
          dy[j]! -= fy;
        }
      }
      dx[i] = sumX;
      dy[i] = sumY;
    }
    // Strong gravity towards the origin.
    const g = gravity / scalingRatio;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      const distance = Math.sqrt(Math.pow(xi, 2) + Math.pow(yi, 2));
      const factor = distance > 0 ? scalingRatio * mass[i]! * g : 0;
      dx[i]! -= xi * factor;
      dy[i]! -= yi * factor;
    }
    // Linear attraction along each edge, of weight 1.
    for (let e = 0; e < edges; e++) {
      const a = from[e]!;
      const b = to[e]!;
      const fx = (x[a]! - x[b]!) * -1;
      const fy = (y[a]! - y[b]!) * -1;
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
        Math.sqrt((speed * (Math.pow(fx, 2) + Math.pow(fy, 2))) / (1 + Math.sqrt(swinging))),
      );
      x[i] = x[i]! + fx * (speed / slowDown);
      y[i] = y[i]! + fy * (speed / slowDown);
    }
  }
  return { x, y };
}
