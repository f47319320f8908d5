// The change feed gives the event loop a turn between the documents of a long page: timed by an
// injected clock, every change still applied once and in log order, and work queued behind the
// pass (a request, an index's catch-up slice) runs before the pass ends.
import { describe, expect, it } from 'vitest';
import { ChangeFeed, type FollowedGraph } from '../../server/store/change-feed.ts';
import type { Change, GraphDocument, Store } from '../../server/store/types.ts';

/** A log of `count` changes: adds of doc-1..doc-N, with every fifth document removed again later. */
function changeLog(count: number): Change[] {
  const log: Change[] = [];
  for (let i = 1; log.length < count; i++) {
    log.push({ seq: log.length + 1, kind: 'add', document: `doc-${i}` });
    if (i % 5 === 0 && log.length < count) {
      log.push({ seq: log.length + 1, kind: 'remove', document: `doc-${i - 2}` });
    }
  }
  return log;
}

/** Just what the feed reads of a store: the log in pages, and each added document. */
function logStore(log: Change[]): Store {
  const store = {
    async changesSince(after: number, limit: number) {
      return { changes: log.filter((c) => c.seq > after).slice(0, limit), trimmedThrough: 0 };
    },
    async getExtraction(id: string) {
      return { document: { id } } as unknown as GraphDocument;
    },
    watchChanges() {
      return () => undefined;
    },
  };
  return store as unknown as Store;
}

/** A graph that records what it was asked, advancing a clock by `costMs` per applied change. */
function recordingGraph(clock: { t: number }, costMs: number) {
  const held = new Set<string>();
  const applied: string[] = [];
  const graph: FollowedGraph = {
    addDocument(d) {
      clock.t += costMs;
      applied.push(`+${d.document.id}`);
      held.add(d.document.id);
    },
    removeDocument(id) {
      clock.t += costMs;
      applied.push(`-${id}`);
      held.delete(id);
    },
    hasDocument: (id) => held.has(id),
    documentIds: () => [...held],
  };
  return { graph, applied, held };
}

/** What applying the log in order gives, change by change. */
function expectedOrder(log: Change[]): string[] {
  return log.map((c) => (c.kind === 'add' ? `+${c.document}` : `-${c.document}`));
}

describe('change feed turns', () => {
  it('gives a turn each time the slice is used up, and applies every change in order', async () => {
    const log = changeLog(2_500); // three pages of the log
    const clock = { t: 0 };
    const { graph, applied } = recordingGraph(clock, 1);
    let turns = 0;
    const appliedAtTurns: number[] = [];
    const feed = new ChangeFeed(logStore(log), graph, {
      from: 0,
      sliceMs: 4,
      now: () => clock.t,
      nextTurn: async () => {
        turns += 1;
        appliedAtTurns.push(applied.length);
      },
    });
    await feed.catchUp();
    expect(applied).toEqual(expectedOrder(log));
    expect(feed.applied).toBe(log.length);
    // One turn after every 4 ms of applying: each change costs 1 ms here.
    expect(turns).toBe(Math.floor(log.length / 4));
    expect(appliedAtTurns.slice(0, 3)).toEqual([4, 8, 12]);
  });

  it('gives no turn while the pass stays inside its slice', async () => {
    const log = changeLog(300);
    const clock = { t: 0 };
    const { graph, applied } = recordingGraph(clock, 0);
    let turns = 0;
    const feed = new ChangeFeed(logStore(log), graph, {
      from: 0,
      now: () => clock.t,
      nextTurn: async () => {
        turns += 1;
      },
    });
    await feed.catchUp();
    expect(turns).toBe(0);
    expect(applied).toEqual(expectedOrder(log));
  });

  it('lets work queued on the event loop run before a long pass ends', async () => {
    const log = changeLog(1_200);
    const clock = { t: 0 };
    const { graph, applied, held } = recordingGraph(clock, 1);
    const feed = new ChangeFeed(logStore(log), graph, { from: 0, sliceMs: 50, now: () => clock.t });
    const seen: number[] = [];
    // Stands for a request or a catch-up slice: it runs on each turn the pass gives.
    const tick = (): void => {
      seen.push(applied.length);
      if (applied.length < log.length) setImmediate(tick);
    };
    setImmediate(tick);
    await feed.catchUp();
    const during = seen.filter((n) => n > 0 && n < log.length);
    expect(during.length).toBeGreaterThanOrEqual(Math.floor(log.length / 50) - 1);
    // Whatever it saw, it saw a prefix of the log applied in whole changes.
    for (const n of during) expect(n % 50).toBe(0);
    const fresh = new Set<string>();
    for (const c of log) {
      if (c.kind === 'add') fresh.add(c.document);
      else fresh.delete(c.document);
    }
    expect([...held].sort()).toEqual([...fresh].sort());
  });
});
