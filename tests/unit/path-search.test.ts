// Yen's search over hand-built path indexes full of ties (many links with the same hop cost), some
// with hubs linked to most nodes: the k paths it gives are exactly the first k of every simple path
// enumerated by brute force, ranked by cost and then by actor ids, each simple and within the hop
// bound. Many paths per query drive the later rounds of Yen's algorithm, where spur searches repeat
// and are skipped; hubs make the searches look nodes up in a hub's row instead of reading it.
import { describe, expect, it } from 'vitest';
import { hopCost, yenPaths } from '../../server/graph/analytics/k-paths.ts';
import { costOrder, type PathIndex } from '../../server/graph/analytics/path-index.ts';
import { seededRandom } from '../../server/model/index.ts';

/**
 * A random undirected graph as a path index: `n` nodes, `m` random links, 1-3 events each (so
 * ties), and `hubs` nodes each linked to about two thirds of the others.
 */
function randomIndex(n: number, m: number, seed: number, hubs = 0): PathIndex {
  const rand = seededRandom(seed);
  const links = new Map<string, number>();
  for (let h = 0; h < hubs; h++) {
    for (let b = 0; b < n; b++) {
      if (b !== h && rand() < 2 / 3) {
        links.set(h < b ? `${h},${b}` : `${b},${h}`, 1 + Math.floor(rand() * 3));
      }
    }
  }
  const wanted = links.size + m;
  while (links.size < wanted) {
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
  // Rows in increasing neighbour order, as the path index keeps them.
  for (const list of adjacency) list.sort((x, y) => x[0] - y[0]);
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
  const costs = events.map(hopCost);
  const starts = offsets.slice(0, n);
  const ends = offsets.slice(1);
  // Ids in node order, so each node's rank is its number.
  const rank = Int32Array.from(ids, (_, i) => i);
  return {
    ids,
    indexOf: new Map(ids.map((id, i) => [id, i])),
    rank,
    byRank: rank.slice(),
    starts,
    ends,
    neighbours,
    events,
    costs,
    byCost: costOrder(starts, ends, n, events, events.length),
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
    for (let at = idx.starts[last]!; at < idx.ends[last]!; at++) {
      const u = idx.neighbours[at]!;
      if (!path.includes(u)) walk([...path, u], cost + idx.costs[at]!);
    }
  };
  walk([s], 0);
  return out;
}

const round = (c: number) => Math.round(c * 1e6);
const idsOf = (idx: PathIndex, nodes: number[]) => nodes.map((i) => idx.ids[i]!).join('>');

/**
 * Asks `queries` random queries of the index and checks each against brute force; returns the
 * paths compared.
 */
function checkQueries(idx: PathIndex, seed: number, queries: number, longest: number): number {
  const n = idx.ids.length;
  const rand = seededRandom(seed);
  let compared = 0;
  for (let q = 0; q < queries; q++) {
    const s = Math.floor(rand() * n);
    const t = Math.floor(rand() * n);
    if (s === t) continue;
    const k = 1 + Math.floor(rand() * 8);
    const maxHops = 1 + Math.floor(rand() * longest);
    const got = yenPaths(idx, s, t, k, maxHops);
    expect(got.truncated).toBe(false);
    const all = allPaths(idx, s, t, maxHops);
    // Exactly the first k of every path ranked by cost, then by actor ids: which of several
    // equal-cost paths are given does not depend on the order the search explores in.
    const ranked = all.sort(
      (a, b) =>
        round(a.cost) - round(b.cost) || (idsOf(idx, a.nodes) < idsOf(idx, b.nodes) ? -1 : 1),
    );
    expect(got.paths.map((p) => idsOf(idx, p.nodes))).toEqual(
      ranked.slice(0, k).map((p) => idsOf(idx, p.nodes)),
    );
    expect(got.paths.map((p) => round(p.cost))).toEqual(
      ranked.slice(0, k).map((p) => round(p.cost)),
    );
    for (const p of got.paths) {
      expect(p.nodes[0]).toBe(s);
      expect(p.nodes.at(-1)).toBe(t);
      expect(new Set(p.nodes).size).toBe(p.nodes.length);
    }
    compared += got.paths.length;
  }
  return compared;
}

describe("Yen's search on graphs with ties", () => {
  it('gives the k cheapest simple paths, equal costs by actor ids, as brute force ranks them', () => {
    let compared = 0;
    for (const [n, m, seed] of [
      [12, 26, 1],
      [16, 30, 2],
      [20, 60, 3],
      [14, 40, 4],
    ] as const) {
      compared += checkQueries(randomIndex(n, m, seed), seed * 31, 25, 5);
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('gives the same on graphs with hubs, where settling a hub looks up the nodes already met', () => {
    let compared = 0;
    for (const [n, m, hubs, seed] of [
      [400, 400, 3, 5],
      [600, 500, 4, 6],
    ] as const) {
      compared += checkQueries(randomIndex(n, m, seed, hubs), seed * 31, 30, 3);
    }
    expect(compared).toBeGreaterThan(100);
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
