// The path index kept up to date: after seeded random sequences of documents added and removed (one
// at a time and in bursts, bringing new actors in and dropping others), the index of the changed
// graph holds what an index built afresh from a graph of the same documents holds (each actor's
// partners with their events and hop costs, the cheapest-first order, the ids' order), paths come
// out the same on both graphs, and no update builds the index again from the whole graph.
import { describe, expect, it } from 'vitest';
import { kShortestPaths } from '../../server/graph/analytics/k-paths.ts';
import {
  hopCost,
  pathIndex,
  pathIndexBuilds,
  type PathIndex,
  type PathMode,
} from '../../server/graph/analytics/path-index.ts';
import { buildGraph, type StanceGraph } from '../../server/graph/index.ts';
import { seededRandom, type DocumentBundle } from '../../server/model/index.ts';
import { randomGraph } from './analytics-fixtures.ts';

const MODES: PathMode[] = ['any', 'cooperative', 'hostile'];

/** Each actor's row by ids: partners and their events in id order, and the cheapest-first order. */
function rowsOf(idx: PathIndex, actors: string[]) {
  return actors.map((id) => {
    const v = idx.indexOf.get(id)!;
    const links: [string, number][] = [];
    for (let at = idx.starts[v]!; at < idx.ends[v]!; at++) {
      expect(idx.costs[at]).toBe(hopCost(idx.events[at]!));
      links.push([idx.ids[idx.neighbours[at]!]!, idx.events[at]!]);
    }
    const byCost: string[] = [];
    for (let i = idx.starts[v]!; i < idx.ends[v]!; i++) {
      byCost.push(idx.ids[idx.neighbours[idx.byCost[i]!]!]!);
    }
    return { id, links: links.sort((a, b) => (a[0] < b[0] ? -1 : 1)), byCost };
  });
}

/** What holds whatever the numbering: rows sorted by number, ranks in id order, gone rows empty. */
function checkShape(idx: PathIndex, graph: StanceGraph): void {
  const live = idx.ids.filter((id) => graph.hasActor(id));
  expect(live.length).toBe(graph.graph.order);
  const sorted = [...idx.ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(sorted.map((id) => idx.rank[idx.indexOf.get(id)!])).toEqual(sorted.map((_, r) => r));
  for (let v = 0; v < idx.ids.length; v++) {
    expect(idx.byRank[idx.rank[v]!]).toBe(v);
    const row = [...idx.neighbours.subarray(idx.starts[v]!, idx.ends[v]!)];
    expect(row).toEqual([...row].sort((a, b) => a - b));
    if (!graph.hasActor(idx.ids[v]!)) expect(row).toEqual([]);
  }
}

/** The paths of the query as ids, costs and each hop's events. */
function pathsOf(graph: StanceGraph, from: string, to: string, mode: PathMode) {
  return kShortestPaths(graph, from, to, { k: 4, mode, maxLength: 4 }).paths.map((p) => ({
    nodes: p.nodes,
    cost: p.cost,
    hops: p.hops.map((h) => [h.eventCount, h.events.map((e) => e.id)]),
  }));
}

/** Checks the kept index of `graph` against a fresh graph of the same documents, in every mode. */
function checkAgainstFresh(graph: StanceGraph, present: DocumentBundle[], rand: () => number) {
  const fresh = buildGraph(present.map((d) => d.extraction));
  const actors = fresh.graph.nodes().sort();
  for (const mode of MODES) {
    const builds = pathIndexBuilds();
    const kept = pathIndex(graph, mode);
    expect(pathIndexBuilds()).toBe(builds);
    checkShape(kept, graph);
    expect(rowsOf(kept, actors)).toEqual(rowsOf(pathIndex(fresh, mode), actors));
    for (let q = 0; q < 4 && actors.length > 1; q++) {
      const from = actors[Math.floor(rand() * actors.length)]!;
      const to = actors[Math.floor(rand() * actors.length)]!;
      expect(pathsOf(graph, from, to, mode)).toEqual(pathsOf(fresh, from, to, mode));
    }
  }
}

describe('path index kept up to date', () => {
  it.each([3, 17, 40])('equals a fresh build after random adds and removes (seed %i)', (seed) => {
    // Small documents over few actors: pairs open and close, actors come, go and come back.
    const { documents } = randomGraph(seed, 120, 1_200, 4);
    const rand = seededRandom(seed + 1);
    const present = documents.slice(0, documents.length >> 3);
    const absent = documents.slice(documents.length >> 3);
    const graph = buildGraph(present.map((d) => d.extraction));
    for (const mode of MODES) pathIndex(graph, mode);
    const builds = pathIndexBuilds();
    for (let step = 0; step < 40; step++) {
      // Mostly one change between queries, sometimes a burst of them.
      const changes = rand() < 0.2 ? 2 + Math.floor(rand() * 8) : 1;
      for (let c = 0; c < changes; c++) {
        if (absent.length > 0 && (present.length === 0 || rand() < 0.5)) {
          const [doc] = absent.splice(Math.floor(rand() * absent.length), 1);
          graph.addDocument(doc!.extraction);
          present.push(doc!);
        } else {
          const [doc] = present.splice(Math.floor(rand() * present.length), 1);
          graph.removeDocument(doc!.extraction.document.id);
        }
      }
      checkAgainstFresh(graph, present, rand);
    }
    // Fresh graphs' indexes are built; the kept ones never were again.
    expect(pathIndexBuilds() - builds).toBe(40 * MODES.length);
  });

  it('grows rows past their room and packs them, and still equals a fresh build', () => {
    // Hubs gain partners document after document: their rows move, and moved rows leave room
    // behind until the pool is packed again.
    const { documents } = randomGraph(5, 400, 6_000, 10);
    const rand = seededRandom(6);
    const present = documents.slice(0, 20);
    const graph = buildGraph(present.map((d) => d.extraction));
    pathIndex(graph, 'any');
    const builds = pathIndexBuilds();
    for (const doc of documents.slice(20)) {
      graph.addDocument(doc.extraction);
      present.push(doc);
      pathIndex(graph, 'any');
    }
    expect(pathIndexBuilds()).toBe(builds);
    const fresh = buildGraph(present.map((d) => d.extraction));
    const actors = fresh.graph.nodes().sort();
    const kept = pathIndex(graph, 'any');
    checkShape(kept, graph);
    expect(rowsOf(kept, actors)).toEqual(rowsOf(pathIndex(fresh, 'any'), actors));
    for (let q = 0; q < 8; q++) {
      const from = actors[Math.floor(rand() * actors.length)]!;
      const to = actors[Math.floor(rand() * actors.length)]!;
      expect(pathsOf(graph, from, to, 'any')).toEqual(pathsOf(fresh, from, to, 'any'));
    }
  });

  it('is built afresh when the graph cannot say what changed', () => {
    const { graph, documents } = randomGraph(9, 30, 400, 10);
    pathIndex(graph, 'any');
    const builds = pathIndexBuilds();
    // A restored graph knows its version but not the changes that led there.
    const restored = (graph.constructor as typeof StanceGraph).restore(graph.save());
    pathIndex(restored, 'any');
    expect(pathIndexBuilds()).toBe(builds + 1);
    restored.removeDocument(documents[0]!.extraction.document.id);
    pathIndex(restored, 'any');
    expect(pathIndexBuilds()).toBe(builds + 1);
  });
});
