// Kept event edges written ahead: the busiest pairs' newest events, a slice a turn, up to a share of
// the bound; views served after it are byte for byte what they are without it (also when documents
// change while it runs), and read fewer quotes.
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  EventFragments,
  warmEventFragments,
  type StanceGraph,
  type SubgraphQuery,
} from '../../server/graph/index.ts';
import { seededRandom } from '../../server/model/index.ts';
import { documents, expected, MemoryQuotes, servedView } from './view-fixtures.ts';

/** Quote reads in calls, so a test can see the slices. */
class CountedQuotes extends MemoryQuotes {
  largestCall = 0;
  override async eventQuotes(keys: readonly { document: string; id: string }[]) {
    this.largestCall = Math.max(this.largestCall, keys.length);
    return super.eventQuotes(keys);
  }
}

/** The graph's pairs with events, busiest first. */
function pairsByEvents(sg: StanceGraph): { source: string; target: string; events: number }[] {
  const index = sg.pairs;
  const out: { source: string; target: string; events: number }[] = [];
  for (let a = 0; a < index.actorCount; a++) {
    index.forEachOut(a, (p, t) => {
      const events = index.eventCount(p);
      if (events > 0) out.push({ source: index.actorId(a), target: index.actorId(t), events });
    });
  }
  return out.sort((x, y) => y.events - x.events);
}

const turns = () => {
  let count = 0;
  const nextTurn = () => {
    count += 1;
    return Promise.resolve();
  };
  return { nextTurn, count: () => count };
};

describe('warmEventFragments', () => {
  it('keeps the busiest pairs newest events first, a slice a turn, up to its share', async () => {
    const docs = documents(3, 300);
    const sg = buildGraph(docs);
    const quotes = new CountedQuotes();
    docs.forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg, 40_000);
    const turn = turns();
    const figures = await warmEventFragments(
      sg,
      { quotes, fragments: kept },
      { share: 0.5, slice: 8, perPair: 20, nextTurn: turn.nextTurn },
    );
    expect(figures.written).toBe(kept.size.entries);
    expect(kept.size.units).toBeGreaterThanOrEqual(20_000);
    expect(kept.size.units).toBeLessThanOrEqual(40_000);
    expect(quotes.largestCall).toBeLessThanOrEqual(8);
    expect(turn.count()).toBeGreaterThanOrEqual(figures.written / 8);
    // The busiest pair's 20 newest events are kept, its older ones are not.
    const busiest = pairsByEvents(sg)[0]!;
    expect(busiest.events).toBeGreaterThan(20);
    const newest: number[] = [];
    sg.forEachEventKeyBetween(busiest.source, busiest.target, (e) => {
      newest.push(e);
    });
    expect(newest.slice(0, 20).every((e) => kept.has(e))).toBe(true);
    expect(newest.slice(20).some((e) => kept.has(e))).toBe(false);
    // The quietest pairs are not reached.
    const quietest = pairsByEvents(sg).at(-1)!;
    sg.forEachEventKeyBetween(quietest.source, quietest.target, (e) => {
      expect(kept.has(e)).toBe(false);
    });
  });

  it('stops at the pairs it ranks when they hold less than its share', async () => {
    const docs = documents(4, 40);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg, 1 << 24);
    const figures = await warmEventFragments(sg, { quotes, fragments: kept }, { pairs: 3 });
    expect(figures.pairs).toBe(3);
    const three = pairsByEvents(sg)
      .slice(0, 3)
      .reduce((n, p) => n + p.events, 0);
    expect(kept.size.entries).toBe(three);
  });

  it('changes no view, and views after it read fewer quotes', async () => {
    const docs = documents(21, 200);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.forEach((d) => quotes.hold(d));
    const rand = seededRandom(8);
    const actors = sg.byActivity();
    const queries: SubgraphQuery[] = Array.from({ length: 24 }, (_, i) => {
      const focus = actors[Math.floor(rand() * actors.length)]!;
      return i % 3 === 0 ? { focus } : i % 3 === 1 ? { focus, edgeLimit: 40 } : { focus, depth: 2 };
    });
    const cold = new EventFragments(sg);
    const before = quotes.asked;
    const coldTexts = [];
    for (const q of queries) coldTexts.push((await servedView(sg, q, quotes, cold)).text);
    const coldReads = quotes.asked - before;

    const warm = new EventFragments(sg);
    await warmEventFragments(sg, { quotes, fragments: warm });
    let warmReads = 0;
    for (const [i, q] of queries.entries()) {
      const asked = quotes.asked;
      const text = (await servedView(sg, q, quotes, warm)).text;
      warmReads += quotes.asked - asked;
      expect(text).toBe(coldTexts[i]);
      expect(text).toBe(await expected(sg, q, quotes));
    }
    expect(warmReads).toBeLessThan(coldReads / 2);
  });

  it('changes no view when documents change while it runs', async () => {
    const docs = documents(45, 1_000);
    const sg = buildGraph(docs);
    const quotes = new MemoryQuotes();
    docs.forEach((d) => quotes.hold(d));
    const kept = new EventFragments(sg);
    // Some turns in, documents are replaced, then the first 900 go: the events left outnumbered,
    // the table is compacted and later events take the numbers earlier ones had.
    const replaced = documents(77, 30, ' (revised)');
    let turn = 0;
    const nextTurn = async () => {
      turn += 1;
      if (turn === 20) {
        for (const doc of replaced) {
          sg.removeDocument(doc.document.id);
          quotes.drop(docs[Number(doc.document.id.split('-')[1])]!);
          sg.addDocument(doc);
          quotes.hold(doc);
        }
      }
      if (turn === 60) {
        for (const doc of docs.slice(0, 900)) {
          sg.removeDocument(doc.document.id);
          quotes.drop(doc);
        }
      }
    };
    const figures = await warmEventFragments(
      sg,
      { quotes, fragments: kept },
      { slice: 4, nextTurn },
    );
    expect(turn).toBeGreaterThan(60);
    expect(figures.written).toBeGreaterThan(0);
    for (const focus of sg.byActivity().slice(0, 12)) {
      for (const q of [{ focus }, { focus, depth: 2, edgeLimit: 300 }]) {
        expect((await servedView(sg, q, quotes, kept)).text).toBe(await expected(sg, q, quotes));
      }
    }
  });
});
