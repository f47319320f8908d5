// The views' own ForceAtlas2 loop against graphology-layout-forceatlas2 with the settings views
// use: the same positions bit for bit on random graphs (stars, chains, dense clusters, isolated
// and coincident nodes), and layoutPositions as it was built on the library alone.
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

describe('forceAtlasSquare', () => {
  it('gives the library’s positions bit for bit on random graphs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const n = 2 + ((seed * 37) % 160);
      const c = randomCase(seed, n, (seed * 13) % (3 * n), seed % 2 === 0);
      const iterations = 1 + ((seed * 7) % 100);
      expect(viaLoop(c, iterations)).toEqual(viaLibrary(c, iterations));
    }
  });

  it('moves nodes (the comparison is not between two unchanged seeds)', () => {
    const c = randomCase(5, 30, 40, true);
    const moved = viaLoop(c, 50);
    expect(moved.n3!.x).not.toBe(Math.fround(c.x[3]!));
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
    expect(viaLoop(c, 30)).toEqual(viaLibrary(c, 30));
  });
});

describe('layoutPositions', () => {
  /** The layout as built before on the library alone (one graph edge per pair). */
  function libraryLayout(nodes: string[], edges: { source: string; target: string }[]) {
    const seeded: Positions = {};
    [...nodes].sort().forEach((key, i) => {
      const r = 10 * Math.sqrt(i + 0.5);
      const angle = i * Math.PI * (3 - Math.sqrt(5));
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
    const positions = forceAtlas2(g, {
      iterations: 100,
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 300 },
    });
    const round = (v: number) => Math.round(v * 1000) / 1000;
    for (const p of Object.values(positions)) {
      p.x = round(p.x);
      p.y = round(p.y);
    }
    return positions;
  }

  it('equals the library’s layout for views small and over the Barnes-Hut size', () => {
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
      expect(layoutPositions(nodes, edges)).toEqual(libraryLayout(nodes, edges));
    }
  });
});
