// The views' ForceAtlas2 kernel (WebAssembly, repulsion two rows a step) against the plain loop it
// replaces, written here in 64-bit floats one node at a time: the same positions bit for bit after
// one step and after a whole layout, on random graphs of odd and even orders with coincident
// nodes, a node at the origin, isolated nodes and layouts large enough to grow the kernel's
// memory; the same positions again on a second run, and a hand-worked step of two nodes.
import { describe, expect, it } from 'vitest';
import { forceAtlasSquare, squareSettings } from '../../server/graph/force-atlas.ts';
import { seededRandom } from '../../server/model/index.ts';

interface Graph {
  x: number[];
  y: number[];
  from: Int32Array;
  to: Int32Array;
}

/** The plain loop: ForceAtlas2's forces and step, node by node, in the kernel's order. */
function plainLayout(g: Graph, iterations: number): { x: Float64Array; y: Float64Array } {
  const n = g.x.length;
  const { scalingRatio, gravity, slowDown } = squareSettings(n);
  const x = Float64Array.from(g.x);
  const y = Float64Array.from(g.y);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const oldDx = new Float64Array(n);
  const oldDy = new Float64Array(n);
  const mass = new Float64Array(n).fill(1);
  const convergence = new Float64Array(n).fill(1);
  for (let e = 0; e < g.from.length; e++) {
    mass[g.from[e]!]! += 1;
    mass[g.to[e]!]! += 1;
  }
  for (let it = 0; it < iterations; it++) {
    oldDx.set(dx);
    oldDy.set(dy);
    for (let i = 0; i < n; i++) {
      const mi = scalingRatio * mass[i]!;
      let sumX = 0;
      let sumY = 0;
      for (let j = 0; j < i; j++) {
        const xDist = x[i]! - x[j]!;
        const yDist = y[i]! - y[j]!;
        const squared = xDist * xDist + yDist * yDist;
        if (squared > 0) {
          const factor = (mi * mass[j]!) / squared;
          sumX += xDist * factor;
          sumY += yDist * factor;
          dx[j]! -= xDist * factor;
          dy[j]! -= yDist * factor;
        }
      }
      dx[i] = sumX;
      dy[i] = sumY;
    }
    const g2 = gravity / scalingRatio;
    for (let i = 0; i < n; i++) {
      if (x[i] === 0 && y[i] === 0) continue;
      const factor = scalingRatio * mass[i]! * g2;
      dx[i]! -= x[i]! * factor;
      dy[i]! -= y[i]! * factor;
    }
    for (let e = 0; e < g.from.length; e++) {
      const a = g.from[e]!;
      const b = g.to[e]!;
      const fx = x[b]! - x[a]!;
      const fy = y[b]! - y[a]!;
      dx[a]! += fx;
      dy[a]! += fy;
      dx[b]! -= fx;
      dy[b]! -= fy;
    }
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

/** Random places (some shared with an earlier node, one at the origin) and random edges. */
function randomGraph(seed: number, n: number, edges: number): Graph {
  const rand = seededRandom(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const twin = i > 0 && rand() < 0.1 ? Math.floor(rand() * i) : -1;
    x.push(twin >= 0 ? x[twin]! : (rand() - 0.5) * 10 ** (1 + 2 * rand()));
    y.push(twin >= 0 ? y[twin]! : (rand() - 0.5) * 10 ** (1 + 2 * rand()));
  }
  if (n > 2) {
    x[2] = 0;
    y[2] = 0;
  }
  const from: number[] = [];
  const to: number[] = [];
  // Nodes past two thirds stay isolated.
  const linked = Math.max(1, Math.floor((2 * n) / 3));
  for (let e = 0; e < edges && n > 1; e++) {
    from.push(Math.floor(rand() * linked));
    to.push(Math.floor(rand() * n));
  }
  return { x, y, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** Whether two arrays hold the same doubles, bit for bit (signed zeros told apart). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
}

function viaKernel(g: Graph, iterations: number) {
  return forceAtlasSquare(g.x, g.y, g.from, g.to, iterations);
}

describe('the ForceAtlas2 kernel', () => {
  it('gives the plain loop’s positions bit for bit on random graphs of odd and even orders', () => {
    for (let seed = 1; seed <= 48; seed++) {
      const n = seed <= 8 ? seed - 1 : 5 + ((seed * 41) % 200);
      const g = randomGraph(seed, n, (seed * 7) % (3 * n + 1));
      for (const iterations of [1, 2 + (seed % 3), 100]) {
        const plain = plainLayout(g, iterations);
        const kernel = viaKernel(g, iterations);
        expect(sameBits(kernel.x, plain.x)).toBe(true);
        expect(sameBits(kernel.y, plain.y)).toBe(true);
      }
      // The same input, the same positions.
      expect(sameBits(viaKernel(g, 100).x, plainLayout(g, 100).x)).toBe(true);
    }
  });

  it('grows its memory for a large layout and still gives the plain loop’s positions', () => {
    const g = randomGraph(99, 1_201, 4_000);
    const plain = plainLayout(g, 3);
    const kernel = viaKernel(g, 3);
    expect(sameBits(kernel.x, plain.x)).toBe(true);
    expect(sameBits(kernel.y, plain.y)).toBe(true);
  });

  it('moves two linked nodes by the hand-worked first step', () => {
    // Nodes at (0, 0) and (3, 4), linked: masses 2 and 2, k = 10, d = 5. Node 1's force: repulsion
    // 10 * 2 * 2 / 25 * (3, 4) = (4.8, 6.4), gravity (0.05 / 10) * 10 * 2 * (3, 4) = (0.3, 0.4)
    // inwards, attraction (3, 4) inwards: (1.5, 2.0). Node 0 at the origin: no gravity, so
    // (-4.8, -6.4) + (3, 4) = (-1.8, -2.4). Step: old force 0, swinging = 2 * |f|, traction |f| / 2,
    // speed = log(1 + traction) / (1 + sqrt(swinging)), moved by f * speed / (1 + ln 2).
    const { x, y } = viaKernel(
      { x: [0, 3], y: [0, 4], from: Int32Array.of(0), to: Int32Array.of(1) },
      1,
    );
    const moved = (f: number) => {
      const speed = Math.log(1 + f / 2) / (1 + Math.sqrt(2 * f));
      return speed / (1 + Math.log(2));
    };
    expect(x[1]).toBeCloseTo(3 + 1.5 * moved(2.5), 12);
    expect(y[1]).toBeCloseTo(4 + 2.0 * moved(2.5), 12);
    expect(x[0]).toBeCloseTo(-1.8 * moved(3), 12);
    expect(y[0]).toBeCloseTo(-2.4 * moved(3), 12);
  });
});
