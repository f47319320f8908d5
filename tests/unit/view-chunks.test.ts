// Serialised graph views with event edges kept across views: the chunks join to exactly what
// JSON.stringify gives the view with its quotes read from the store, whether each event edge is
// made or taken from the kept ones, after documents are removed and stored again with other
// content under the same ids, and with quotes that need escaping; the kept edges stay within their
// bound and an event whose quote is gone is not kept.
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  CHUNK_CODE_UNITS,
  EventFragments,
  type QuoteSource,
  type StanceGraph,
  type SubgraphQuery,
} from '../../server/graph/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { documents, expected, MemoryQuotes, servedView } from './view-fixtures.ts';

async function served(
  sg: StanceGraph,
  q: SubgraphQuery,
  quotes: QuoteSource,
  kept: EventFragments,
) {
  const view = await servedView(sg, q, quotes, kept);
  expect(view.bytes).toBe(Buffer.byteLength(view.text, 'utf8'));
  return view;
}

const QUERIES: ((focus: string) => SubgraphQuery)[] = [
  (focus) => ({ focus }),
  (focus) => ({ focus, limit: 4, edgeLimit: 7 }),
  (focus) => ({ focus, depth: 2, edgeLimit: 30 }),
  (focus) => ({ focus, mode: 'dyads' }),
  (focus) => ({ focus, from: '2019', to: '2020' }),
  (focus) => ({ focus, polarities: ['hostile'], layout: false }),
  () => ({ edgeLimit: 40 }),
  () => ({ limit: 6, mode: 'dyads' }),
];

describe('viewChunks with kept event edges', () => {
  it('joins to JSON.stringify of the quoted view, made or kept, as documents change', async () => {
    const docs = documents(21, 60);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg);
    const rand = seededRandom(5);
    const actors = sg.byActivity();
    const round = async () => {
      for (let i = 0; i < 30; i++) {
        const focus = actors[Math.floor(rand() * actors.length)]!;
        const q = QUERIES[i % QUERIES.length]!(focus);
        const { text, complete } = await served(sg, q, quotes, kept);
        expect(complete).toBe(true);
        expect(text).toBe(await expected(sg, q, quotes));
      }
    };
    await round();
    expect(kept.size.entries).toBeGreaterThan(0);
    // Asked again, the kept edges answer: fewer quotes are read than the views show.
    const before = quotes.asked;
    await round();
    const shownAgain = quotes.asked - before;
    // Documents removed and stored again under the same ids with other events and quotes.
    const replaced = documents(77, 12, ' (revised)');
    for (const doc of replaced) {
      sg.removeDocument(doc.document.id);
      quotes.drop(docs[Number(doc.document.id.split('-')[1])]!);
      sg.addDocument(doc);
      quotes.hold(doc);
    }
    await round();
    expect(shownAgain).toBeLessThan(before);
  });

  it('makes edges again once removals have renumbered the events', async () => {
    const docs = documents(45, 1_000);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg);
    const views = async () => {
      for (const focus of sg.byActivity().slice(0, 8)) {
        const q = { focus, depth: 2, edgeLimit: 200 };
        expect((await served(sg, q, quotes, kept)).text).toBe(await expected(sg, q, quotes));
      }
    };
    await views();
    // The first 900 of 1,000 documents go: their events outnumber the live ones, so the table is
    // compacted and the last documents' events take the numbers the first ones had.
    for (const doc of docs.slice(0, 900)) {
      sg.removeDocument(doc.document.id);
      quotes.drop(doc);
    }
    await views();
  });

  it('cuts a large view into chunks of about CHUNK_CODE_UNITS that join to the whole', async () => {
    const docs = documents(45, 1_000);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg);
    for (const q of [{ edgeLimit: 3_000 }, { focus: sg.byActivity()[0]!, edgeLimit: 1_000 }]) {
      // Made, then taken from the kept edges: the chunks are cut the same way either time.
      for (let turn = 0; turn < 2; turn++) {
        const { text, chunks } = await served(sg, q, quotes, kept);
        expect(text).toBe(await expected(sg, q, quotes));
        const items = JSON.parse(text) as { nodes: unknown[]; edges: unknown[] };
        const longest = Math.max(
          ...[...items.nodes, ...items.edges].map((item) => JSON.stringify(item).length),
        );
        expect(text.length).toBeGreaterThan(3 * CHUNK_CODE_UNITS);
        expect(chunks.length).toBeGreaterThan(3);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThan(CHUNK_CODE_UNITS + longest + 2);
        }
      }
    }
  });

  it('keeps no edge whose quote is gone from the store, and stays within its bound', async () => {
    const docs = documents(33, 40);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.slice(1).forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg, 3_000);
    const focus = docs[0]!.events[0]!.source;
    const first = await served(sg, { focus, depth: 2 }, quotes, kept);
    expect(first.complete).toBe(false);
    quotes.hold(docs[0]!);
    const again = await served(sg, { focus, depth: 2 }, quotes, kept);
    expect(again.complete).toBe(true);
    expect(again.text).toBe(await expected(sg, { focus, depth: 2 }, quotes));
    expect(kept.size.units).toBeLessThanOrEqual(3_000);
    expect(kept.size.entries).toBeGreaterThan(0);
  });
});
