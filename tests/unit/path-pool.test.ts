// The path rows' pool replaced without a long stop: a second pool filled a few rows at a time while
// the rows are read and written in the current one. Seeded random link changes and new actors are
// applied to a PathRows with the copy stepped by hand (or not at all, as when changes come with no
// turn of the event loop between them), and after every change the rows read from the pool equal a
// plain model of the links, mid-copy and after each replacement; the link writes alone end each
// copy before the pool runs out. On a graph, with a stepped clock so each slice does one step,
// queries caught in the middle of a copy and after it answer as a fresh build does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kShortestPaths } from '../../server/graph/analytics/k-paths.ts';
import {
  hopCost,
  pathIndex,
  pathIndexBuilds,
  pathIndexCopying,
  pathIndexVersion,
  type PathIndex,
} from '../../server/graph/analytics/path-index.ts';
import { PathRows } from '../../server/graph/analytics/path-rows.ts';
import { buildGraph } from '../../server/graph/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { randomGraph } from './analytics-fixtures.ts';

/** Links by actor id: each actor's partners with the events they share. */
type Model = Map<string, Map<string, number>>;

/**
 * Every row of `rows` as the model says it should be: partners in node order with their events and
 * costs, and the positions again cheapest first (most events first, equal costs by the partners'
 * rank), listed from the pool and from the model, to be compared.
 */
function rowsAndModel(rows: PathIndex, model: Model, nodes: Iterable<number>) {
  const got: string[] = [];
  const want: string[] = [];
  for (const v of nodes) {
    const start = rows.starts[v]!;
    const end = rows.ends[v]!;
    const links: string[] = [];
    for (let at = start; at < end; at++) {
      links.push(`${rows.neighbours[at]}:${rows.events[at]}:${rows.costs[at]}`);
    }
    const order = [...rows.byCost.subarray(start, end)].map((at) => rows.neighbours[at]);
    got.push(`${rows.ids[v]} ${links.join(' ')} | ${order.join(' ')}`);
    const partners = [...model.get(rows.ids[v]!)!]
      .map(([id, events]) => [rows.indexOf.get(id)!, events] as const)
      .sort((a, b) => a[0] - b[0]);
    const cheapest = [...partners].sort(
      (a, b) => b[1] - a[1] || rows.rank[a[0]]! - rows.rank[b[0]]!,
    );
    want.push(
      `${rows.ids[v]} ${partners.map(([u, e]) => `${u}:${e}:${hopCost(e)}`).join(' ')} | ` +
        cheapest.map(([u]) => u).join(' '),
    );
  }
  return { got, want, count: model.size };
}

/** Checks the rows of `nodes` (all by default) against the model. */
function checkRows(rows: PathIndex, model: Model, nodes: Iterable<number> = rows.ids.keys()): void {
  const { got, want, count } = rowsAndModel(rows, model, nodes);
  expect(rows.ids.length).toBe(count);
  expect(got).toEqual(want);
}

/** Rows of `nodes` actors with a few seeded links each, built as the index builds them. */
function seededRows(seed: number, nodes: number): { rows: PathRows; model: Model } {
  const rand = seededRandom(seed);
  const ids = Array.from({ length: nodes }, (_, i) => `a${String(i).padStart(4, '0')}`);
  const model: Model = new Map(ids.map((id) => [id, new Map()]));
  for (let i = 0; i < 2 * nodes; i++) {
    const a = ids[Math.floor(rand() * nodes)]!;
    const b = ids[Math.floor(rand() * nodes)]!;
    if (a === b) continue;
    const events = 1 + Math.floor(rand() * 4);
    model.get(a)!.set(b, events);
    model.get(b)!.set(a, events);
  }
  let links = 0;
  for (const partners of model.values()) links += partners.size;
  const rows = new PathRows(ids, links);
  const shared = new Int32Array(nodes);
  for (let v = 0; v < nodes; v++) {
    const partners = [...model.get(ids[v]!)!];
    for (const [id, events] of partners) shared[rows.indexOf.get(id)!] = events;
    rows.appendRow(v, Int32Array.from(partners, ([id]) => rows.indexOf.get(id)!).sort(), shared);
  }
  return { rows: rows.ordered(), model };
}

/**
 * Applies `changes` seeded random changes: links set (added, re-costed or dropped, hubs more
 * often, so rows outgrow their room and move), now and then a new actor; after each, `step` runs
 * and the changed rows are checked, and every row each time a pool was replaced and every 100
 * changes. Returns how many changes found a copy under way after them.
 */
function randomChanges(
  seed: number,
  rows: PathRows,
  model: Model,
  changes: number,
  step: (rand: () => number) => void,
): number {
  const rand = seededRandom(seed);
  let midCopy = 0;
  let replaced = rows.replaced;
  for (let c = 0; c < changes; c++) {
    const touched: number[] = [];
    if (rand() < 0.02) {
      const id = `b${Math.floor(rand() * 1e9)}`;
      if (!model.has(id)) {
        model.set(id, new Map());
        rows.addNode(id);
      }
    } else {
      const ids = rows.ids;
      const a = ids[Math.floor(ids.length * rand() ** 2)]!;
      const b = ids[Math.floor(ids.length * rand())]!;
      if (a === b) continue;
      const events = rand() < 0.25 ? 0 : 1 + Math.floor(rand() * 6);
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (events === 0) model.get(x)!.delete(y);
        else model.get(x)!.set(y, events);
        rows.setLink(rows.indexOf.get(x)!, rows.indexOf.get(y)!, events);
        touched.push(rows.indexOf.get(x)!);
      }
    }
    step(rand);
    if (rows.copying) midCopy += 1;
    if (rows.replaced > replaced || c % 100 === 0) {
      replaced = rows.replaced;
      checkRows(rows, model);
    } else {
      checkRows(rows, model, touched);
    }
  }
  return midCopy;
}

describe('path pool replaced in steps', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([1, 2, 3])('reads every row right mid-copy and after, copy stepped (seed %i)', (seed) => {
    const { rows, model } = seededRows(seed, 300);
    checkRows(rows, model);
    // A few rows' worth copied after each change, as the slices would between changes.
    const midCopy = randomChanges(seed, rows, model, 4_000, (rand) => {
      if (rand() < 0.5) rows.copyRows(Math.floor(rand() * 40));
    });
    expect(rows.replaced).toBeGreaterThanOrEqual(3);
    expect(midCopy).toBeGreaterThan(100);
    expect(rows.finishedAtOnce).toBe(0);
    // Whatever copy is under way ends as well.
    rows.copyRows(Infinity);
    expect(rows.copying).toBe(false);
    checkRows(rows, model);
  });

  it('ends every copy through the link writes alone when nothing else steps it', () => {
    // As when changes come with no turn of the event loop between them.
    const { rows, model } = seededRows(7, 400);
    const midCopy = randomChanges(8, rows, model, 5_000, () => {});
    expect(rows.replaced).toBeGreaterThanOrEqual(3);
    expect(midCopy).toBeGreaterThan(100);
    expect(rows.finishedAtOnce).toBe(0);
  });

  it('answers queries mid-copy and after as a fresh build does, one step a slice', async () => {
    // A clock that moves a millisecond each time it is read: each slice does one step of work.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const { documents } = randomGraph(41, 600, 12_000, 12);
    const present = documents.slice(0, 200);
    const graph = buildGraph(present.map((d) => d.extraction));
    pathIndex(graph, 'any');
    const builds = pathIndexBuilds();
    const rand = seededRandom(42);
    let midCopy = 0;
    let copies = 0;
    let copying = false;
    const check = () => {
      const fresh = buildGraph(present.map((d) => d.extraction));
      const actors = fresh.graph.nodes().sort();
      const kept = pathIndex(graph, 'any');
      const reference = pathIndex(fresh, 'any');
      for (const id of actors) {
        const row = (idx: PathIndex) => {
          const v = idx.indexOf.get(id)!;
          const links: [string, number][] = [];
          for (let at = idx.starts[v]!; at < idx.ends[v]!; at++) {
            links.push([idx.ids[idx.neighbours[at]!]!, idx.events[at]!]);
          }
          const order: string[] = [];
          for (let i = idx.starts[v]!; i < idx.ends[v]!; i++) {
            order.push(idx.ids[idx.neighbours[idx.byCost[i]!]!]!);
          }
          return { links: links.sort((a, b) => (a[0] < b[0] ? -1 : 1)), order };
        };
        expect(row(kept)).toEqual(row(reference));
      }
      for (let q = 0; q < 3; q++) {
        const from = actors[Math.floor(rand() * actors.length)]!;
        const to = actors[Math.floor(rand() * actors.length)]!;
        const paths = (g: typeof graph) =>
          kShortestPaths(g, from, to, { k: 3, maxLength: 4 }).paths.map((p) => [p.nodes, p.cost]);
        expect(paths(graph)).toEqual(paths(fresh));
      }
    };
    for (const doc of documents.slice(200)) {
      graph.addDocument(doc.extraction);
      present.push(doc);
      // Two slices a document: the catch-up keeps up, and the copy goes a step at a time.
      await turn();
      await turn();
      if (pathIndexCopying(graph, 'any')) {
        // Caught mid-copy: checked at the first turn of each copy.
        if (!copying) {
          midCopy += 1;
          check();
          // The query read the current pool and left the copy where it was.
          expect(pathIndexCopying(graph, 'any')).toBe(true);
        }
        copying = true;
      } else if (copying) {
        copying = false;
        copies += 1;
        check();
      }
    }
    for (let t = 0; t < 1_000 && pathIndexCopying(graph, 'any'); t++) await turn();
    expect(pathIndexCopying(graph, 'any')).toBe(false);
    expect(pathIndexVersion(graph, 'any')).toBe(graph.version);
    check();
    expect(midCopy).toBeGreaterThanOrEqual(3);
    expect(copies).toBeGreaterThanOrEqual(midCopy - 1);
    // The fresh graphs' builds only.
    expect(pathIndexBuilds() - builds).toBe(copies + midCopy + 1);
  });
});
