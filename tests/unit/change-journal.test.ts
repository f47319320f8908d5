// The graph's journal of touched pairs: after a version it gives the pairs whose events the later
// changes added or removed and the actors they listed; it forgets the oldest versions once it holds
// too many entries (and says so to a caller from before them), telling its followers first, and a
// restored graph knows nothing of the changes before it.
import { describe, expect, it } from 'vitest';
import { ChangeJournal } from '../../server/graph/change-journal.ts';
import { StanceGraph } from '../../server/graph/index.ts';
import { randomGraph } from './analytics-fixtures.ts';

describe('change journal', () => {
  it('gives the entries after a version, whole versions at a time', () => {
    const journal = new ChangeJournal();
    journal.note(1, 'a', 'b');
    journal.completed(1);
    journal.note(2, 'b', 'c');
    journal.note(2, 'c', 'c');
    journal.completed(2);
    journal.note(3, 'd', 'a');
    journal.completed(3);
    // A change that touched nothing still moves `through` on.
    journal.completed(4);
    expect(journal.since(0)).toEqual({
      firsts: ['a', 'b', 'c', 'd'],
      seconds: ['b', 'c', 'c', 'a'],
      through: 4,
    });
    expect(journal.since(1)).toEqual({
      firsts: ['b', 'c', 'd'],
      seconds: ['c', 'c', 'a'],
      through: 4,
    });
    expect(journal.since(3)).toEqual({ firsts: [], seconds: [], through: 4 });
    // At most some entries: whole changes, at least the first, and how far they reach.
    expect(journal.since(0, 1)).toEqual({ firsts: ['a'], seconds: ['b'], through: 1 });
    expect(journal.since(0, 2)).toEqual({
      firsts: ['a', 'b', 'c'],
      seconds: ['b', 'c', 'c'],
      through: 2,
    });
    expect(journal.since(1, 1)).toEqual({ firsts: ['b', 'c'], seconds: ['c', 'c'], through: 2 });
    expect(journal.since(2, 5)).toEqual({ firsts: ['d'], seconds: ['a'], through: 4 });
    // Up to a version: the changes up to it only, through it.
    expect(journal.since(0, Infinity, 2)).toEqual({
      firsts: ['a', 'b', 'c'],
      seconds: ['b', 'c', 'c'],
      through: 2,
    });
    expect(journal.since(0, 1, 2)).toEqual({ firsts: ['a'], seconds: ['b'], through: 1 });
    expect(journal.since(2, Infinity, 3)).toEqual({ firsts: ['d'], seconds: ['a'], through: 3 });
    expect(journal.since(3, Infinity, 3)).toEqual({ firsts: [], seconds: [], through: 3 });
    expect(journal.since(0, Infinity, 9)).toEqual(journal.since(0));
    journal.reset(7);
    expect(journal.since(6)).toBeNull();
    expect(journal.since(7)).toEqual({ firsts: [], seconds: [], through: 7 });
  });

  it('drops the oldest versions once full, and refuses callers from before them', () => {
    const journal = new ChangeJournal();
    let version = 0;
    // Versions of 3 entries each until well past the bound.
    for (let i = 0; i < 200_000; i++) {
      if (i % 3 === 0) version += 1;
      journal.note(version, `x${i}`, `y${i}`);
      if (i % 3 === 2) journal.completed(version);
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

  it('tells its followers of each change, and before dropping what they may still need', () => {
    const journal = new ChangeJournal(10);
    const seen: string[] = [];
    let at = 0;
    journal.follow({
      changed: () => seen.push('changed'),
      dropping: (floor) => {
        // Still readable here: a follower behind the floor catches up from its own version.
        const touched = journal.since(at)!;
        seen.push(`dropping ${floor} with ${touched.firsts.length} after ${at}`);
        at = touched.through;
      },
    });
    for (let version = 1; version <= 4; version++) {
      for (let i = 0; i < 4; i++) journal.note(version, `a${version}`, `b${i}`);
      journal.completed(version);
    }
    // 12 entries after the third change, more than 10: down to at most 5 by whole changes, so the
    // third's 4 are kept and the first two changes' dropped (the floor is 2); 8 after the fourth.
    expect(seen).toEqual([
      'changed',
      'changed',
      'dropping 2 with 12 after 0',
      'changed',
      'changed',
    ]);
    expect(journal.since(1)).toBeNull();
    expect(journal.since(2)!.firsts).toHaveLength(8);
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
