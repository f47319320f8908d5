// The layout's repulsion kernel (WebAssembly, two rows a step) against the plain loop it replaces,
// one row at a time in 64-bit floats: the same forces bit for bit on random node sets of odd and
// even sizes, with coincident nodes, a node at the origin and a size that grows the memory; the
// same forces again on a second run, and the forces of a hand-worked pair of nodes.
import { describe, expect, it } from 'vitest';
import { DX, DY, layoutRecords, MASS, RECORD, repel, X, Y } from '../../server/graph/repulsion.ts';
import { seededRandom } from '../../server/model/index.ts';

interface Nodes {
  x: number[];
  y: number[];
  mass: number[];
}

/** The plain loop: node i's force summed over j < i in order, each term taken off node j. */
function plainRepulsion(nodes: Nodes, k: number): { dx: Float64Array; dy: Float64Array } {
  const n = nodes.x.length;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mi = k * nodes.mass[i]!;
    let sumX = 0;
    let sumY = 0;
    for (let j = 0; j < i; j++) {
      const xDist = nodes.x[i]! - nodes.x[j]!;
      const yDist = nodes.y[i]! - nodes.y[j]!;
      const squared = xDist * xDist + yDist * yDist;
      if (squared > 0) {
        const factor = (mi * nodes.mass[j]!) / squared;
        sumX += xDist * factor;
        sumY += yDist * factor;
        dx[j]! -= xDist * factor;
        dy[j]! -= yDist * factor;
      }
    }
    dx[i] = sumX;
    dy[i] = sumY;
  }
  return { dx, dy };
}

function viaKernel(nodes: Nodes, k: number): { dx: Float64Array; dy: Float64Array } {
  const n = nodes.x.length;
  const records = layoutRecords(n);
  for (let i = 0; i < n; i++) {
    records[i * RECORD + X] = nodes.x[i]!;
    records[i * RECORD + Y] = nodes.y[i]!;
    records[i * RECORD + MASS] = nodes.mass[i]!;
    // Stale forces from an earlier step: the kernel sets every force afresh.
    records[i * RECORD + DX] = 1e6 * (i + 1);
    records[i * RECORD + DY] = -3;
  }
  repel(n, k);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dx[i] = records[i * RECORD + DX]!;
    dy[i] = records[i * RECORD + DY]!;
  }
  return { dx, dy };
}

/** Random nodes, some on the same spot as an earlier one, one at the origin. */
function randomNodes(seed: number, n: number): Nodes {
  const rand = seededRandom(seed);
  const nodes: Nodes = { x: [], y: [], mass: [] };
  for (let i = 0; i < n; i++) {
    const twin = i > 0 && rand() < 0.1 ? Math.floor(rand() * i) : -1;
    nodes.x.push(twin >= 0 ? nodes.x[twin]! : (rand() - 0.5) * 10 ** (1 + 3 * rand()));
    nodes.y.push(twin >= 0 ? nodes.y[twin]! : (rand() - 0.5) * 10 ** (1 + 3 * rand()));
    nodes.mass.push(1 + Math.floor(rand() * 40));
  }
  if (n > 2) {
    nodes.x[2] = 0;
    nodes.y[2] = 0;
  }
  return nodes;
}

/** Whether two arrays hold the same doubles, bit for bit (signed zeros told apart). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
}

describe('repel', () => {
  it('gives the plain loop’s forces bit for bit on random nodes of odd and even counts', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const n = seed % 20 === 0 ? 0 : seed <= 10 ? seed : 5 + ((seed * 41) % 310);
      const nodes = randomNodes(seed, n);
      const k = seed % 3 === 0 ? 10 : 1 + seededRandom(seed + 999)();
      const plain = plainRepulsion(nodes, k);
      const kernel = viaKernel(nodes, k);
      expect(sameBits(kernel.dx, plain.dx)).toBe(true);
      expect(sameBits(kernel.dy, plain.dy)).toBe(true);
      // The same input, the same forces.
      const again = viaKernel(nodes, k);
      expect(sameBits(again.dx, kernel.dx)).toBe(true);
      expect(sameBits(again.dy, kernel.dy)).toBe(true);
    }
  });

  it('grows its memory for a large layout and still gives the plain loop’s forces', () => {
    const nodes = randomNodes(7, 2_501);
    const plain = plainRepulsion(nodes, 10);
    const kernel = viaKernel(nodes, 10);
    expect(sameBits(kernel.dx, plain.dx)).toBe(true);
    expect(sameBits(kernel.dy, plain.dy)).toBe(true);
  });

  it('pushes two nodes apart by k m1 m2 / d along the line between them', () => {
    // Node 1 at (3, 4) from node 0: d = 5, k m1 m2 = 2 * 1 * 3, so a push of 6 / 5 along (0.6, 0.8).
    const { dx, dy } = viaKernel({ x: [1, 4], y: [1, 5], mass: [1, 3] }, 2);
    expect(dx[1]).toBeCloseTo(0.72, 12);
    expect(dy[1]).toBeCloseTo(0.96, 12);
    expect(dx[0]).toBeCloseTo(-0.72, 12);
    expect(dy[0]).toBeCloseTo(-0.96, 12);
  });
});
