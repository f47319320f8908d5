// The path index built from a seeded random graph: each row lists an actor's partners in increasing
// order, each with the events the two share in the mode (counted here from the graph's own events),
// and byCost lists the same positions row by row, cheapest link first; also once documents are
// removed.
import { describe, expect, it } from 'vitest';
import { hopCost, pathIndex, type PathMode } from '../../server/graph/analytics/path-index.ts';
import type { StanceGraph } from '../../server/graph/index.ts';
import { randomGraph } from './analytics-fixtures.ts';

/** Builds an index and checks it against the events of the graph, counted here one by one. */
function checkIndex(graph: StanceGraph, mode: PathMode): void {
  const idx = pathIndex(graph, mode);
  const shared = new Map<string, number>();
  graph.forEachEvent((attrs, source, target) => {
    if (source === target || (mode !== 'any' && attrs.polarity !== mode)) return;
    for (const [a, b] of [
      [source, target],
      [target, source],
    ]) {
      shared.set(`${a}>${b}`, (shared.get(`${a}>${b}`) ?? 0) + 1);
    }
  });
  let entries = 0;
  for (let v = 0; v < idx.ids.length; v++) {
    const begin = idx.starts[v]!;
    const end = idx.ends[v]!;
    const row = [...idx.neighbours.subarray(begin, end)];
    expect(row).toEqual([...row].sort((a, b) => a - b));
    expect(new Set(row).size).toBe(row.length);
    for (let at = begin; at < end; at++) {
      const key = `${idx.ids[v]}>${idx.ids[idx.neighbours[at]!]}`;
      expect(idx.events[at]).toBe(shared.get(key));
      expect(idx.costs[at]).toBe(hopCost(idx.events[at]!));
    }
    const order = [...idx.byCost.subarray(begin, end)];
    expect([...order].sort((a, b) => a - b)).toEqual(row.map((_, i) => begin + i));
    for (let i = 1; i < order.length; i++) {
      expect(idx.costs[order[i - 1]!]!).toBeLessThanOrEqual(idx.costs[order[i]!]!);
    }
    entries += row.length;
  }
  // Every pair sharing an event, once from each end.
  expect(entries).toBe(shared.size);
  expect(entries).toBeGreaterThan(100);
}

describe('path index', () => {
  it.each(['any', 'cooperative', 'hostile'] as PathMode[])('holds sorted rows in %s mode', (mode) =>
    checkIndex(randomGraph(11, 60, 3_000).graph, mode),
  );

  it.each(['any', 'cooperative', 'hostile'] as PathMode[])(
    'counts what is left after documents are removed, in %s mode',
    (mode) => {
      // Small documents, so removing some empties pairs in one direction or in both.
      const { graph, documents } = randomGraph(23, 40, 2_000, 20);
      pathIndex(graph, mode);
      for (const d of documents.filter((_, i) => i % 3 === 0)) {
        graph.removeDocument(d.extraction.document.id);
      }
      checkIndex(graph, mode);
    },
  );
});
