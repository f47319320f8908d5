// The graph's journal of touched pairs: after a version it gives the pairs whose events the later
// changes added or removed and the actors they listed; it forgets the oldest versions once it holds
// too many entries (and says so to a caller from before them), and a restored graph knows nothing
// of the changes before it.
import { describe, expect, it } from 'vitest';
import { ChangeJournal } from '../../server/graph/change-journal.ts';
import { StanceGraph } from '../../server/graph/index.ts';
import { randomGraph } from './analytics-fixtures.ts';

describe('change journal', () => {
  it('gives the entries after a version, whole versions at a time', () => {
    const journal = new ChangeJournal();
    journal.note(1, 'a', 'b');
    journal.note(2, 'b', 'c');
    journal.note(2, 'c', 'c');
    journal.note(3, 'd', 'a');
    expect(journal.since(0)).toEqual({
      firsts: ['a', 'b', 'c', 'd'],
      seconds: ['b', 'c', 'c', 'a'],
    });
    expect(journal.since(1)).toEqual({ firsts: ['b', 'c', 'd'], seconds: ['c', 'c', 'a'] });
    expect(journal.since(3)).toEqual({ firsts: [], seconds: [] });
    journal.reset(7);
    expect(journal.since(6)).toBeNull();
    expect(journal.since(7)).toEqual({ firsts: [], seconds: [] });
  });

  it('drops the oldest versions once full, and refuses callers from before them', () => {
    const journal = new ChangeJournal();
    let version = 0;
    // Versions of 3 entries each until well past the bound.
    for (let i = 0; i < 200_000; i++) {
      if (i % 3 === 0) version += 1;
      journal.note(version, `x${i}`, `y${i}`);
    }
    expect(journal.since(0)).toBeNull();
    const from = 3 * (version - 10);
    const kept = journal.since(version - 10)!;
    expect(kept.firsts).toEqual(Array.from({ length: 200_000 - from }, (_, j) => `x${from + j}`));
    // The oldest version still known in full: its entries are exactly the ones after it.
    let oldest = 0;
    for (let hi = version; oldest < hi;) {
      const mid = (oldest + hi) >>> 1;
      if (journal.since(mid) === null) oldest = mid + 1;
      else hi = mid;
    }
    expect(oldest).toBeGreaterThan(0);
    const all = journal.since(oldest)!;
    expect(all.firsts.length).toBeLessThanOrEqual(131_072);
    expect(all.firsts.length).toBe(200_000 - 3 * oldest);
  });

  it('records what documents added and removed touched', () => {
    const { graph, documents } = randomGraph(4, 30, 300, 30);
    const version = graph.version;
    const doc = documents[3]!.extraction;
    graph.removeDocument(doc.document.id);
    const touched = graph.touchedSince(version)!;
    const pairs = new Set(touched.firsts.map((a, i) => `${a}>${touched.seconds[i]}`));
    for (const e of doc.events) expect(pairs.has(`${e.source}>${e.target}`)).toBe(true);
    for (const a of doc.actors) expect(pairs.has(`${a.id}>${a.id}`)).toBe(true);
    graph.addDocument(doc);
    expect(graph.touchedSince(version + 1)!.firsts.length).toBe(
      doc.events.length + doc.actors.length,
    );
    expect(StanceGraph.restore(graph.save()).touchedSince(version)).toBeNull();
  });
});
