// Saved graphs: a graph written to a file and read back is the graph that was saved (every index
// the queries read, the export in its order, its version), it goes on changing exactly as the
// original does, and a file that is stale, cut short, altered or missing is refused, never loaded;
// its head alone tells the store state it was saved at.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../server/collect-garbage.ts';
import {
  actorDetails,
  buildGraph,
  loadGraph,
  relations,
  saveGraph,
  savedGraphOrigin,
  searchActors,
  subgraph,
  type GraphOrigin,
  type StanceGraph,
} from '../../server/graph/index.ts';
import {
  EXTRACTION_SCHEMA,
  PLOVER_TYPES,
  ontology,
  seededRandom,
  type Extraction,
} from '../../server/model/index.ts';
import { canonicalGraph } from './graph-fixtures.ts';

const RIVERS = ['Volta', 'Mekong', 'Orinoco', 'Zambezi', 'Danube', 'Indus', 'Amur', 'Niger'];

/**
 * Seeded documents among 24 actors: some state aliases that change over time, persons hold
 * roles, event ids repeat across documents, a few events carry an import origin.
 */
function documents(seed: number, count: number): Extraction[] {
  const rand = seededRandom(seed);
  const o = ontology();
  const actors = Array.from({ length: 24 }, (_, i) => {
    const name = `${RIVERS[i % RIVERS.length]} ${['Council', 'Front', 'Minister'][i % 3]} ${i}`;
    return {
      id: name.toLowerCase().replace(/ /g, '-'),
      name,
      kind:
        i % 3 === 2
          ? ('person' as const)
          : i % 3 === 0
            ? ('state' as const)
            : ('organization' as const),
      country: i % 4 === 0 ? RIVERS[i % RIVERS.length]! : null,
    };
  });
  const pick = () => Math.floor(actors.length * rand() ** 2);
  return Array.from({ length: count }, (_, d) => {
    const used = new Set<number>();
    const events = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, e) => {
      const s = pick();
      const t = rand() < 0.05 ? s : (s + 1 + Math.floor(rand() * 7)) % actors.length;
      used.add(s).add(t);
      const type = PLOVER_TYPES[Math.floor(rand() * PLOVER_TYPES.length)]!;
      const dated = rand() < 0.8;
      return {
        // Ids repeat from document to document, so later ones are joined with their document's.
        id: `ev${e}`,
        source: actors[s]!.id,
        target: actors[t]!.id,
        type,
        quad: o.types[type].quad,
        polarity: o.types[type].polarity,
        score: o.types[type].score,
        mode: rand() < 0.2 ? ('hypothetical' as const) : null,
        date: dated
          ? `${2018 + Math.floor(rand() * 4)}-0${1 + Math.floor(rand() * 9)}-1${e}`
          : null,
        datePrecision: dated ? ('day' as const) : null,
        confidence: Math.round(rand() * 100) / 100,
        evidence: { sentence: e, start: 2 * e, end: 2 * e + 9, quote: 'a quote' },
        ...(rand() < 0.1
          ? {
              origin: {
                file: 'feed.tsv',
                line: d + 2,
                row: d + 1,
                layout: 'test',
                storyId: null,
                url: null,
              },
            }
          : {}),
      };
    });
    const listed = [...used];
    const persons = listed.filter((i) => i % 3 === 2);
    const bodies = listed.filter((i) => i % 3 !== 2);
    const affiliations =
      persons.length && bodies.length
        ? [
            {
              person: actors[persons[0]!]!.id,
              of: actors[bodies[0]!]!.id,
              role: rand() < 0.5 ? 'envoy' : 'chair',
              evidence: { sentence: 0, start: 0, end: 5, quote: 'a role' },
            },
          ]
        : [];
    return {
      schema: EXTRACTION_SCHEMA,
      extractor: d % 5 === 0 ? 'older@1' : 'test@2',
      document: {
        id: `story-${seed}-${d}`,
        title: d % 3 ? `Story ${d}` : null,
        published: d % 4 ? `2020-0${1 + (d % 9)}-0${1 + (d % 8)}` : null,
        source: null,
        url: null,
      },
      actors: listed.map((i) => ({
        ...actors[i]!,
        // The stated aliases change now and then, so identities come in several runs.
        aliases:
          d % 7 === i % 7 ? [`${actors[i]!.name.split(' ')[0]} ${d % 2 ? 'Group' : 'Bloc'}`] : [],
        mentions: [],
      })),
      affiliations,
      events,
    };
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-saved-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORIGIN: GraphOrigin = { store: 'a1b2c3', generation: 41, lastChange: 39 };

/** Saves and loads back, through a file. */
async function roundTrip(g: StanceGraph, name: string, origin = ORIGIN): Promise<StanceGraph> {
  const file = path.join(dir, name);
  await saveGraph(g, file, origin);
  const loaded = loadGraph(file, origin);
  if (!('graph' in loaded)) throw new Error(`refused: ${loaded.message}`);
  expect(loaded.lastChange).toBe(origin.lastChange);
  return loaded.graph;
}

/** Replies that read every part of the graph, as JSON. */
function replies(g: StanceGraph): string {
  const hub = g.byActivity()[0]!;
  const leaf = g.byActivity().at(-1)!;
  return JSON.stringify([
    g.export(),
    g.version,
    g.counts(),
    subgraph(g, { limit: 10, edgeLimit: 30, mode: 'dyads', layout: false }),
    subgraph(g, { focus: hub, depth: 1, limit: 8, edgeLimit: 20, layout: false }),
    relations(g, { actor: hub, limit: 15 }),
    relations(g, { actor: leaf, limit: 5, polarities: ['hostile'], from: '2019-01-01' }),
    actorDetails(g, hub, undefined, 5),
    g.documentsOf(leaf),
    searchActors(g, { q: 'volta', limit: 10 }),
    searchActors(g, { q: 'counsil', limit: 10 }),
    g.dyads(),
    [...g.affiliationsOf(hub)],
    g.document('story-7-3'),
  ]);
}

describe('a saved graph', () => {
  const docs = documents(7, 400);

  it('loads as the graph that was saved, with every index and the same replies', async () => {
    const g = buildGraph(docs.slice(0, 300));
    for (const d of docs.slice(40, 90)) g.removeDocument(d.document.id);
    const loaded = await roundTrip(g, 'built.graph');
    expect(canonicalGraph(loaded)).toEqual(canonicalGraph(g));
    expect(replies(loaded)).toBe(replies(g));
    for (const id of g.byActivity()) expect(loaded.touched(id)).toBe(g.touched(id));
  });

  it('goes on changing as the original does: adds, removals, compaction, actors leaving', async () => {
    const g = buildGraph(docs.slice(0, 200));
    const loaded = await roundTrip(g, 'changing.graph');
    for (const sg of [g, loaded]) {
      for (const d of docs.slice(0, 120)) sg.removeDocument(d.document.id);
      for (const d of docs.slice(200)) sg.addDocument(d);
      for (const d of docs.slice(10, 30)) sg.addDocument(d);
    }
    expect(replies(loaded)).toBe(replies(g));
    expect(canonicalGraph(loaded)).toEqual(canonicalGraph(g));
  });

  it('gives its slots back after many removals, as the original does', async () => {
    const many = documents(8, 1500);
    const g = buildGraph(many);
    const loaded = await roundTrip(g, 'compacted.graph');
    // More than 4,096 dead events, and more dead than live: the event table compacts.
    for (const sg of [g, loaded]) {
      for (const d of many.slice(0, 1300)) sg.removeDocument(d.document.id);
      for (const d of documents(9, 40)) sg.addDocument(d);
    }
    expect(replies(loaded)).toBe(replies(g));
    expect(canonicalGraph(loaded)).toEqual(canonicalGraph(g));
  });

  it('lets go of each loaded column once it grows, and then equals a fresh build', async () => {
    const g = buildGraph(docs.slice(0, 200));
    const loaded = await roundTrip(g, 'grown.graph');
    /** The buffers under the graph's columns as saved now (save() gives views of the live ones). */
    const buffers = (sg: StanceGraph) =>
      Object.entries(sg.save().arrays).map(([name, a]) => [name, a.buffer] as const);
    const before = buffers(loaded).map(([name, b]) => [name, new WeakRef(b)] as const);
    // New events and new pairs (the columns are loaded exactly full, so both grow), new actors.
    for (const d of docs.slice(200)) loaded.addDocument(d);
    for (const d of documents(11, 30)) loaded.addDocument(d);
    expect(canonicalGraph(loaded)).toEqual(
      canonicalGraph(buildGraph([...docs, ...documents(11, 30)])),
    );
    // WeakRefs held in this turn stay alive until it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collectGarbage()).not.toBeNull();
    const now = new Map(buffers(loaded));
    const held = before.filter(([name, ref]) => {
      const b = ref.deref();
      return b !== undefined && b !== now.get(name);
    });
    // A loaded buffer still alive under a column that has moved on would be the file's memory kept.
    expect(held.map(([name]) => name)).toEqual([]);
    const gone = before.filter(([, ref]) => ref.deref() === undefined).map(([name]) => name);
    expect(gone).toEqual(expect.arrayContaining(['events.src', 'events.score', 'pairs.net']));
  });

  it('saves an empty graph and loads it', async () => {
    const loaded = await roundTrip(buildGraph(), 'empty.graph');
    expect(loaded.counts()).toEqual({ actors: 0, events: 0, affiliations: 0, documents: 0 });
    loaded.addDocument(docs[0]!);
    expect(canonicalGraph(loaded)).toEqual(canonicalGraph(buildGraph([docs[0]!])));
  });

  it('is written atomically, and clears what a save killed midway left behind', async () => {
    const file = path.join(dir, 'atomic.graph');
    // A process that has exited: its temporary file is left over; a running one's is its own.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${file}.tmp-${gone}`, 'half a graph');
    writeFileSync(`${file}.tmp-${process.ppid}`, 'being written');
    await saveGraph(buildGraph(docs.slice(0, 20)), file, ORIGIN);
    expect(existsSync(`${file}.tmp-${gone}`)).toBe(false);
    expect(existsSync(`${file}.tmp-${process.ppid}`)).toBe(true);
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('atomic.graph'))
        .sort(),
    ).toEqual(['atomic.graph', `atomic.graph.tmp-${process.ppid}`]);
    expect('graph' in loadGraph(file, ORIGIN)).toBe(true);
  });

  describe('is refused', () => {
    const file = path.join(dir, 'checked.graph');
    const g = buildGraph(docs.slice(0, 100));

    it('when the store has another generation or is another store', async () => {
      await saveGraph(g, file, ORIGIN);
      expect(loadGraph(file, { ...ORIGIN, generation: 42 })).toMatchObject({ refused: 'stale' });
      expect(loadGraph(file, { ...ORIGIN, store: 'ffff' })).toMatchObject({ refused: 'stale' });
      expect('graph' in loadGraph(file, ORIGIN)).toBe(true);
    });

    it('when the file is cut short or altered anywhere', async () => {
      await saveGraph(g, file, ORIGIN);
      const whole = readFileSync(file);
      for (const at of [40, Math.floor(whole.length / 2), whole.length - 3]) {
        const altered = Buffer.from(whole);
        altered[at] = altered[at]! ^ 0x10;
        writeFileSync(file, altered);
        expect(loadGraph(file, ORIGIN), `byte ${at}`).toMatchObject({
          refused: expect.any(String),
        });
      }
      const middle = Buffer.from(whole);
      middle[Math.floor(whole.length / 2)]! ^= 1;
      writeFileSync(file, middle);
      expect(loadGraph(file, ORIGIN)).toMatchObject({ refused: 'damaged' });
      writeFileSync(file, whole);
      truncateSync(file, whole.length - 100);
      expect(loadGraph(file, ORIGIN)).toMatchObject({ refused: 'damaged' });
      truncateSync(file, 10);
      expect(loadGraph(file, ORIGIN)).toMatchObject({ refused: 'damaged' });
    });

    it('when any zero byte of a small file is set: the padding between arrays is checked too', async () => {
      const small = path.join(dir, 'small.graph');
      await saveGraph(buildGraph(docs.slice(0, 1)), small, ORIGIN);
      const whole = readFileSync(small);
      const accepted: number[] = [];
      const fd = openSync(small, 'r+');
      try {
        for (let at = 0; at < whole.length; at++) {
          if (whole[at] !== 0) continue;
          writeSync(fd, Uint8Array.of(0x01), 0, 1, at);
          if (!('refused' in loadGraph(small, ORIGIN))) accepted.push(at);
          writeSync(fd, whole, at, 1, at);
        }
      } finally {
        closeSync(fd);
      }
      expect(accepted).toEqual([]);
      expect('graph' in loadGraph(small, ORIGIN)).toBe(true);
    });

    it('when there is no file', () => {
      expect(loadGraph(path.join(dir, 'none.graph'), ORIGIN)).toMatchObject({ refused: 'missing' });
    });
  });

  describe('tells the store state it was saved at from its head alone', () => {
    const file = path.join(dir, 'tagged.graph');

    it('as saved, whatever the body holds', async () => {
      const origin = { store: 'abcd', generation: 17, lastChange: 15 };
      await saveGraph(buildGraph(docs.slice(0, 30)), file, origin);
      expect(savedGraphOrigin(file)).toEqual(origin);
      // The body is not read: a flipped byte in it still leaves the head readable.
      const whole = readFileSync(file);
      whole[whole.length - 5]! ^= 0x10;
      writeFileSync(file, whole);
      expect(savedGraphOrigin(file)).toEqual(origin);
      expect(loadGraph(file, origin)).toMatchObject({ refused: 'damaged' });
    });

    it('or null without a readable head', () => {
      expect(savedGraphOrigin(path.join(dir, 'none.graph'))).toBeNull();
      writeFileSync(file, 'SGGRAPH1 but nothing more');
      expect(savedGraphOrigin(file)).toBeNull();
    });
  });
});
