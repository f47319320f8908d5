// Yen's search over hand-built path indexes full of ties (many links with the same hop cost): the
// k paths it gives are simple, distinct, in cost-then-ids order, cost for cost those of every
// simple path enumerated by brute force, and at each cost level that fits wholly within k, exactly
// the paths brute force finds there. Many paths per query drive the later rounds of Yen's
// algorithm, where spur searches repeat and are skipped.
import { describe, expect, it } from 'vitest';
import { hopCost, yenPaths } from '../../server/graph/analytics/k-paths.ts';
import type { PathIndex } from '../../server/graph/analytics/path-index.ts';
import { seededRandom } from '../../server/model/index.ts';

/** A random undirected graph as a path index: `n` nodes, `m` links, 1-3 events each (so ties). */
function randomIndex(n: number, m: number, seed: number): PathIndex {
  const rand = seededRandom(seed);
  const links = new Map<string, number>();
  while (links.size < m) {
    const a = Math.floor(rand() * n);
    const b = Math.floor(rand() * n);
    if (a === b) continue;
    links.set(a < b ? `${a},${b}` : `${b},${a}`, 1 + Math.floor(rand() * 3));
  }
  const adjacency: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [key, events] of links) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    adjacency[a]!.push([b, events]);
    adjacency[b]!.push([a, events]);
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + adjacency[i]!.length;
  const neighbours = new Int32Array(offsets[n]!);
  const events = new Float64Array(offsets[n]!);
  adjacency.forEach((list, i) =>
    list.forEach(([b, count], j) => {
      neighbours[offsets[i]! + j] = b;
      events[offsets[i]! + j] = count;
    }),
  );
  const ids = Array.from({ length: n }, (_, i) => `node-${String(i).padStart(3, '0')}`);
  return {
    ids,
    indexOf: new Map(ids.map((id, i) => [id, i])),
    offsets,
    neighbours,
    events,
    costs: events.map(hopCost),
  };
}

/** Every simple path from s to t of at most maxHops hops, with its cost. */
function allPaths(idx: PathIndex, s: number, t: number, maxHops: number) {
  const out: { nodes: number[]; cost: number }[] = [];
  const walk = (path: number[], cost: number) => {
    const last = path[path.length - 1]!;
    if (last === t) {
      out.push({ nodes: [...path], cost });
      return;
    }
    if (path.length > maxHops) return;
    for (let at = idx.offsets[last]!; at < idx.offsets[last + 1]!; at++) {
      const u = idx.neighbours[at]!;
      if (!path.includes(u)) walk([...path, u], cost + idx.costs[at]!);
    }
  };
  walk([s], 0);
  return out;
}

const round = (c: number) => Math.round(c * 1e6);
const idsOf = (idx: PathIndex, nodes: number[]) => nodes.map((i) => idx.ids[i]!).join('>');

describe("Yen's search on graphs with ties", () => {
  it('gives the k cheapest simple paths, in order, as brute force ranks them', () => {
    let compared = 0;
    for (const [n, m, seed] of [
      [12, 26, 1],
      [16, 30, 2],
      [20, 60, 3],
      [14, 40, 4],
    ] as const) {
      const idx = randomIndex(n, m, seed);
      const rand = seededRandom(seed * 31);
      for (let q = 0; q < 25; q++) {
        const s = Math.floor(rand() * n);
        const t = Math.floor(rand() * n);
        if (s === t) continue;
        const k = 1 + Math.floor(rand() * 8);
        const maxHops = 1 + Math.floor(rand() * 5);
        const got = yenPaths(idx, s, t, k, maxHops);
        expect(got.truncated).toBe(false);
        const all = allPaths(idx, s, t, maxHops).sort((a, b) => a.cost - b.cost);
        // Costs, cost for cost.
        expect(got.paths.map((p) => round(p.cost))).toEqual(
          all.slice(0, k).map((p) => round(p.cost)),
        );
        const keys = got.paths.map((p) => idsOf(idx, p.nodes));
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of got.paths) {
          expect(p.nodes[0]).toBe(s);
          expect(p.nodes.at(-1)).toBe(t);
          expect(new Set(p.nodes).size).toBe(p.nodes.length);
          expect(p.nodes.length - 1).toBeLessThanOrEqual(maxHops);
        }
        // Cheaper first, equal costs by their actor ids.
        for (let i = 1; i < got.paths.length; i++) {
          const [a, b] = [got.paths[i - 1]!, got.paths[i]!];
          if (round(a.cost) === round(b.cost)) expect(keys[i - 1]! < keys[i]!).toBe(true);
          else expect(a.cost).toBeLessThan(b.cost);
        }
        // A cost level wholly within the k paths holds exactly the paths brute force finds there.
        const levels = new Set(got.paths.map((p) => round(p.cost)));
        for (const level of levels) {
          const want = all.filter((p) => round(p.cost) === level);
          const have = got.paths.filter((p) => round(p.cost) === level);
          const below = all.filter((p) => round(p.cost) <= level).length;
          if (below > k) continue;
          expect(have.map((p) => idsOf(idx, p.nodes)).sort()).toEqual(
            want.map((p) => idsOf(idx, p.nodes)).sort(),
          );
        }
        compared += got.paths.length;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('answers the same query the same way every time', () => {
    const idx = randomIndex(40, 120, 9);
    const first = yenPaths(idx, 3, 17, 8, 5);
    for (let i = 0; i < 3; i++) {
      yenPaths(idx, 17, 3, 5, 4);
      expect(yenPaths(idx, 3, 17, 8, 5)).toEqual(first);
    }
  });
});
