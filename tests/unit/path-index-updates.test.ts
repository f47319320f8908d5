// The path index kept up to date: after seeded random sequences of documents added and removed (one
// at a time and in bursts, bringing new actors in and dropping others), caught up by the query or
// by the slices scheduled after each change, the index of the changed graph holds what an index
// built afresh from a graph of the same documents holds (each actor's partners with their events
// and hop costs, the cheapest-first order, the ids' order), paths come out the same on both graphs,
// and no update builds the index again from the whole graph: not a burst past the journal's reach,
// and not a query in the middle of a burst. A graph with no path index schedules nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kShortestPaths } from '../../server/graph/analytics/k-paths.ts';
import {
  hopCost,
  pathIndex,
  pathIndexBuilds,
  pathIndexVersion,
  type PathIndex,
  type PathMode,
} from '../../server/graph/analytics/path-index.ts';
import { buildGraph, StanceGraph } from '../../server/graph/index.ts';
import { seededRandom, type DocumentBundle } from '../../server/model/index.ts';
import { randomGraph } from './analytics-fixtures.ts';

const MODES: PathMode[] = ['any', 'cooperative', 'hostile'];

/** One turn of the event loop: scheduled slices run. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets the scheduled slices run until every mode's kept index holds the graph's version. */
async function caughtUp(graph: StanceGraph, modes: PathMode[]): Promise<void> {
  for (let t = 0; t < 10_000; t++) {
    if (modes.every((mode) => pathIndexVersion(graph, mode) === graph.version)) return;
    await turn();
  }
  throw new Error('the path index never caught up');
}

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
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([3, 17, 40])(
    'equals a fresh build after random adds and removes (seed %i)',
    async (seed) => {
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
        // Every other step the slices catch up before the query comes; on the others, the query.
        if (step % 2 === 0) {
          await caughtUp(graph, MODES);
        } else {
          for (const mode of MODES)
            expect(pathIndexVersion(graph, mode)).toBeLessThan(graph.version);
        }
        checkAgainstFresh(graph, present, rand);
      }
      // Fresh graphs' indexes are built; the kept ones never were again.
      expect(pathIndexBuilds() - builds).toBe(40 * MODES.length);
    },
  );

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

  it('follows a burst past the journal reach without building again', async () => {
    // A journal of 300 entries: a few documents of 30 events each fill it.
    const { documents } = randomGraph(11, 60, 6_000, 30);
    const graph = new StanceGraph(undefined, { journalEntries: 300 });
    const present = documents.slice(0, 20);
    for (const doc of present) graph.addDocument(doc.extraction);
    for (const mode of MODES) pathIndex(graph, mode);
    const builds = pathIndexBuilds();
    const built = graph.version;
    // Added in one run, with no turn of the event loop for the slices: only the catch-up before
    // each drop keeps the indexes within reach.
    for (const doc of documents.slice(20, 120)) {
      graph.addDocument(doc.extraction);
      present.push(doc);
    }
    expect(graph.touchedSince(built)).toBeNull();
    // With no turn and no query, only those catch-ups moved the indexes on, each reading only the
    // entries about to be dropped: the indexes stand at the journal's oldest version.
    for (const mode of MODES) {
      const version = pathIndexVersion(graph, mode)!;
      expect(version).toBeGreaterThan(built);
      expect(graph.touchedSince(version - 1)).toBeNull();
      expect(graph.touchedSince(version)).not.toBeNull();
    }
    checkAgainstFresh(graph, present, seededRandom(12));
    // Then one document a turn, the slices keeping up as they go; removals too.
    for (const doc of documents.slice(120)) {
      graph.addDocument(doc.extraction);
      present.push(doc);
      await turn();
    }
    for (const doc of present.splice(0, 60)) {
      graph.removeDocument(doc.extraction.document.id);
      await turn();
    }
    await caughtUp(graph, MODES);
    checkAgainstFresh(graph, present, seededRandom(13));
    expect(pathIndexBuilds()).toBe(builds + 2 * MODES.length);
  });

  it('answers a query in the middle of a burst as a fresh build would', async () => {
    const { documents } = randomGraph(21, 80, 4_000, 20);
    const graph = buildGraph(documents.slice(0, 40).map((d) => d.extraction));
    const present = documents.slice(0, 40);
    pathIndex(graph, 'any');
    const builds = pathIndexBuilds();
    const rand = seededRandom(22);
    for (const [i, doc] of documents.slice(40, 160).entries()) {
      graph.addDocument(doc.extraction);
      present.push(doc);
      // The slices may run between documents, but the query comes right after one.
      if (i % 2 === 0) await turn();
      if (i % 40 === 39) {
        expect(pathIndexVersion(graph, 'any')).toBeLessThan(graph.version);
        const fresh = buildGraph(present.map((d) => d.extraction));
        const actors = fresh.graph.nodes().sort();
        expect(rowsOf(pathIndex(graph, 'any'), actors)).toEqual(
          rowsOf(pathIndex(fresh, 'any'), actors),
        );
        for (let q = 0; q < 4; q++) {
          const from = actors[Math.floor(rand() * actors.length)]!;
          const to = actors[Math.floor(rand() * actors.length)]!;
          expect(pathsOf(graph, from, to, 'any')).toEqual(pathsOf(fresh, from, to, 'any'));
        }
      }
    }
    // One build for each fresh graph, none for the kept index.
    expect(pathIndexBuilds()).toBe(builds + 3);
  });

  it('schedules nothing for a graph with no path index', () => {
    const { documents } = randomGraph(31, 40, 600, 20);
    const graph = buildGraph(documents.slice(0, 10).map((d) => d.extraction));
    const scheduled = vi.spyOn(globalThis, 'setImmediate');
    for (const doc of documents.slice(10, 20)) graph.addDocument(doc.extraction);
    graph.removeDocument(documents[0]!.extraction.document.id);
    expect(scheduled).not.toHaveBeenCalled();
    expect(pathIndexVersion(graph, 'any')).toBeNull();
    // Once it has one, a change schedules its catch-up, once however many changes come.
    pathIndex(graph, 'any');
    for (const doc of documents.slice(20, 25)) graph.addDocument(doc.extraction);
    expect(scheduled).toHaveBeenCalledTimes(1);
  });
});
