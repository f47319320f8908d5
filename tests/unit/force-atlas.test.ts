// The views' own ForceAtlas2 loop (64-bit floats) against graphology-layout-forceatlas2 with the
// settings views use (32-bit floats): the same positions to rounding over the first steps on
// random graphs (stars, chains, dense clusters, isolated and coincident nodes), so the forces and
// the step are the library's; over a full layout, linked nodes drawn together and every node
// apart; and layoutPositions as the library and the loop lay out from the same seed.
import { createRequire } from 'node:module';
import { MultiGraph } from 'graphology';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { forceAtlasSquare } from '../../server/graph/force-atlas.ts';
import { layoutPositions } from '../../server/graph/layout.ts';
import { seededRandom } from '../../server/model/index.ts';

type Positions = Record<string, { x: number; y: number }>;
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as {
  (graph: MultiGraph, params: { iterations: number; settings: ForceAtlas2Settings }): Positions;
  inferSettings(graph: MultiGraph): ForceAtlas2Settings;
};

interface Case {
  x: number[];
  y: number[];
  edges: [number, number][];
}

/** A random graph: `n` nodes at random or spiral places, a star's spokes and random edges. */
function randomCase(seed: number, n: number, extra: number, spiral: boolean): Case {
  const rand = seededRandom(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = 10 * Math.sqrt(i + 0.5);
    x.push(spiral ? r * Math.cos(i * 2.4) : (rand() - 0.5) * 400);
    y.push(spiral ? r * Math.sin(i * 2.4) : (rand() - 0.5) * 400);
  }
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number) => {
    const key = `${Math.min(a, b)}>${Math.max(a, b)}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    edges.push([a, b]);
  };
  for (let i = 1; i < n; i++) if (rand() < 0.6) add(0, i);
  for (let k = 0; k < extra; k++) add(Math.floor(rand() * n), Math.floor(rand() * n));
  return { x, y, edges };
}

function viaLibrary(c: Case, iterations: number): Positions {
  const g = new MultiGraph({ allowSelfLoops: true });
  c.x.forEach((x, i) => g.addNode(`n${i}`, { x, y: c.y[i] }));
  for (const [a, b] of c.edges) g.addEdge(`n${a}`, `n${b}`);
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: false };
  return forceAtlas2(g, { iterations, settings });
}

function viaLoop(c: Case, iterations: number): Positions {
  const { x, y } = forceAtlasSquare(
    c.x,
    c.y,
    Int32Array.from(c.edges, ([a]) => a),
    Int32Array.from(c.edges, ([, b]) => b),
    iterations,
  );
  const out: Positions = {};
  c.x.forEach((_, i) => (out[`n${i}`] = { x: x[i]!, y: y[i]! }));
  return out;
}

/** Largest distance between the same node in two layouts, over the mean distance from the origin. */
function offset(a: Positions, b: Positions): number {
  let most = 0;
  let radius = 0;
  const keys = Object.keys(a);
  for (const key of keys) {
    most = Math.max(most, Math.hypot(a[key]!.x - b[key]!.x, a[key]!.y - b[key]!.y));
    radius += Math.hypot(b[key]!.x, b[key]!.y);
  }
  return most / (radius / keys.length);
}

describe('forceAtlasSquare', () => {
  it('gives the library’s positions to rounding over the first steps on random graphs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const n = 2 + ((seed * 37) % 160);
      const c = randomCase(seed, n, (seed * 13) % (3 * n), seed % 2 === 0);
      const iterations = 1 + (seed % 5);
      const loop = viaLoop(c, iterations);
      const library = viaLibrary(c, iterations);
      // Moved, and the same way: a wrong force or step would be off by far more than rounding.
      expect(offset(loop, library)).toBeLessThan(1e-4);
      expect(offset(loop, viaLoop(c, 0))).toBeGreaterThan(1e-2);
    }
  });

  it('draws linked nodes together and keeps every node apart over a whole layout', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const c = randomCase(seed, 20 + seed * 15, seed * 20, seed % 2 === 0);
      const at = viaLoop(c, 100);
      const n = c.x.length;
      const dist = (a: number, b: number) =>
        Math.hypot(at[`n${a}`]!.x - at[`n${b}`]!.x, at[`n${a}`]!.y - at[`n${b}`]!.y);
      let all = 0;
      let nearest = Infinity;
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < a; b++) {
          all += dist(a, b);
          nearest = Math.min(nearest, dist(a, b));
        }
      }
      const linked = c.edges.reduce((sum, [a, b]) => sum + dist(a, b), 0) / c.edges.length;
      expect(linked).toBeLessThan(0.6 * (all / ((n * (n - 1)) / 2)));
      expect(nearest).toBeGreaterThan(0);
      // The same input, the same positions.
      expect(viaLoop(c, 100)).toEqual(at);
    }
  });

  it('agrees where nodes coincide or stand alone', () => {
    const c: Case = {
      x: [0, 0, 5, 5, -3, 12],
      y: [0, 0, 5, 5, 8, -1],
      edges: [
        [0, 2],
        [1, 3],
        [0, 1],
      ],
    };
    expect(offset(viaLoop(c, 3), viaLibrary(c, 3))).toBeLessThan(1e-4);
  });
});

describe('layoutPositions', () => {
  /**
   * The layout built here from the same seed and one edge per pair: the library's Barnes-Hut
   * variant over 300 nodes, the loop for smaller views.
   */
  function reference(nodes: string[], edges: { source: string; target: string }[]) {
    const seeded: Positions = {};
    [...nodes].sort().forEach((key, i) => {
      const r = 10 * Math.sqrt(i + 0.5);
      // The golden angle, then times i, as layout.ts rounds it.
      const angle = i * (Math.PI * (3 - Math.sqrt(5)));
      seeded[key] = { x: r * Math.cos(angle), y: r * Math.sin(angle) };
    });
    const g = new MultiGraph({ allowSelfLoops: true });
    for (const [key, p] of Object.entries(seeded)) g.addNode(key, { ...p });
    const pairs = new Set<string>();
    for (const e of edges) {
      if (e.source === e.target) continue;
      const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
      if (pairs.has(`${a}>${b}`)) continue;
      pairs.add(`${a}>${b}`);
      g.addEdge(a, b);
    }
    let positions: Positions;
    if (g.order > 300) {
      positions = forceAtlas2(g, {
        iterations: 100,
        settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true },
      });
    } else {
      const keys = g.nodes();
      const { x, y } = forceAtlasSquare(
        keys.map((k) => seeded[k]!.x),
        keys.map((k) => seeded[k]!.y),
        Int32Array.from(g.edges(), (e) => keys.indexOf(g.source(e))),
        Int32Array.from(g.edges(), (e) => keys.indexOf(g.target(e))),
        100,
      );
      positions = {};
      keys.forEach((k, i) => (positions[k] = { x: x[i]!, y: y[i]! }));
    }
    const round = (v: number) => Math.round(v * 1000) / 1000;
    for (const p of Object.values(positions)) {
      p.x = round(p.x);
      p.y = round(p.y);
    }
    return positions;
  }

  it('lays out views small and over the Barnes-Hut size from the seed, one edge a pair', () => {
    for (const [seed, n] of [
      [11, 12],
      [12, 100],
      [13, 240],
      [14, 340],
    ] as const) {
      const rand = seededRandom(seed);
      // Ids in mixed forms, numeric-looking ones among them (objects list those first).
      const nodes = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? `${i * 11}` : `Q${i}x`));
      const edges: { source: string; target: string }[] = [];
      for (let k = 0; k < 3 * n; k++) {
        const source = nodes[Math.floor(rand() ** 2 * n)]!;
        const target = nodes[Math.floor(rand() * n)]!;
        edges.push({ source, target });
      }
      expect(layoutPositions(nodes, edges)).toEqual(reference(nodes, edges));
    }
  });
});
