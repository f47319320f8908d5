// The graph read on a worker thread: a graph filled from it is the graph filled by a read on the
// calling thread (over many batches, with the thread held back by the calling one), and a store
// file below the size the store opened with reads on the calling thread; batches in columns decode
// to what the read in one thread hands over, also when the table of texts starts afresh; a thread
// that cannot read fails with an error naming the file and the cause, a reader that throws stops
// the thread, a damaged row is reported as on the calling thread, and start-up falls back to
// reading on the serving thread (one log line) when the thread fails.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actorDetails, buildGraph, relations, type StanceGraph } from '../../server/graph/index.ts';
import type { PloverType } from '../../server/model/index.ts';
import { openGraph } from '../../server/saved-graph.ts';
import {
  fillGraph,
  GRAPH_THREAD_MIN_BYTES,
  GraphReadThreadError,
  openSqliteStore,
  type GraphDocument,
  type SqliteStore,
  type Store,
} from '../../server/store/index.ts';
import { GraphBatchEncoder } from '../../server/store/graph-batch.ts';
import { GraphBatchDecoder } from '../../server/store/graph-batch-decoder.ts';
import { prepareGraphRead, readGraphRows } from '../../server/store/graph-read.ts';
import { readGraphInThread } from '../../server/store/graph-read-thread.ts';
import { assembleGraphDocuments } from '../../server/store/rows.ts';
import {
  ARLEN_VOSS,
  ESTMARK,
  NORLAND,
  OSTLAND,
  makeBundle,
  vossPresident,
  type ActorSpec,
} from '../helpers/store-bundles.ts';

const TYPES: PloverType[] = ['CONSULT', 'ACCUSE', 'AGREE', 'COERCE', 'SUPPORT'];
const STATES = [NORLAND, ESTMARK, OSTLAND];

/** Document n: two of the states (their stated forms changing now and then), events among them. */
function bundle(n: number) {
  const [a, b] = [STATES[n % 3]!, STATES[(n + 1 + (n % 2)) % 3]!];
  const restated = (s: ActorSpec): ActorSpec =>
    n % 5 === 0 ? { ...s, forms: [...s.forms, `${s.name} Government`] } : s;
  const voss = n % 4 === 0;
  const text =
    `Bulletin ${n}: ${a.name} met ${b.name} over quotas.` +
    (n % 5 === 0 ? ` The ${a.name} Government and the ${b.name} Government spoke.` : '') +
    (voss ? ' President Arlen Voss of Norland attended.' : '');
  return makeBundle({
    text,
    title: n % 3 ? `Bulletin ${n}` : null,
    published: n % 2 ? `2023-0${1 + (n % 9)}-1${n % 10}` : null,
    extractor: n % 7 === 0 ? 'older@1' : 'test@2',
    actors: [
      restated(a),
      restated(b),
      ...(voss ? [ARLEN_VOSS, ...(a === NORLAND || b === NORLAND ? [] : [NORLAND])] : []),
    ],
    affiliations: voss ? [vossPresident('President Arlen Voss of Norland')] : [],
    events: [
      {
        source: a.id,
        target: b.id,
        type: TYPES[n % TYPES.length]!,
        quote: `met ${b.name}`,
        date: n % 3 ? `2023-0${1 + (n % 9)}` : null,
        mode: n % 6 === 0 ? 'negated' : null,
      },
      { source: b.id, target: a.id, type: TYPES[(n + 2) % TYPES.length]!, quote: 'over quotas' },
    ],
  });
}

/** What a graph answers, as JSON: every part the queries read. */
function replies(g: StanceGraph): string {
  const hub = g.byActivity()[0]!;
  return JSON.stringify([
    g.export(),
    g.counts(),
    g.documentIds(),
    g.dyads(),
    relations(g, { actor: hub, limit: 20 }),
    actorDetails(g, hub, undefined, 10),
    actorDetails(g, ARLEN_VOSS.id, undefined, 10),
  ]);
}

describe('the graph read on a worker thread', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-graph-thread-'));
    file = path.join(dir, 'store.sqlite');
    // A thread from any size of file (the default spares small stores the thread's start).
    store = openSqliteStore({ file, graphThreadFrom: 0 });
    for (let n = 0; n < 90; n++) await store.addDocument(bundle(n));
    // A removal leaves a gap in the ingest order.
    await store.removeDocument(bundle(17).extraction.document.id);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the graph a read on the calling thread fills, over many batches', async () => {
    const plain = await fillGraph(store, buildGraph());
    expect(plain.counts().documents).toBe(89);
    const threaded = buildGraph();
    let batches = 0;
    await store.graphDocuments(
      (batch) => {
        batches += 1;
        for (const d of batch) threaded.addDocument(d);
      },
      { batch: 3, thread: true },
    );
    expect(batches).toBe(30);
    expect(replies(threaded)).toBe(replies(plain));
  });

  it('reads on the calling thread below the size the store opened with', async () => {
    // The read on the calling thread maps the store file on this connection; the thread does not.
    const mapped: number[] = [];
    await store.graphDocuments(() => void mapped.push(store.settings().mapBytes), {
      thread: true,
    });
    expect(mapped.length).toBeGreaterThan(0);
    expect(mapped.every((bytes) => bytes === 0)).toBe(true);
    expect(statSync(file).size).toBeLessThan(GRAPH_THREAD_MIN_BYTES);
    const small = openSqliteStore({ file });
    try {
      mapped.length = 0;
      await small.graphDocuments(() => void mapped.push(small.settings().mapBytes), {
        thread: true,
      });
      expect(mapped.length).toBeGreaterThan(0);
      expect(mapped.every((bytes) => bytes > 0)).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('hands over the documents in order while the reader lags behind', async () => {
    const plain: GraphDocument[] = [];
    await store.graphDocuments((batch) => plain.push(...batch), { batch: 2 });
    const threaded: GraphDocument[] = [];
    await readGraphInThread(file, 2, (batch) => {
      // A slow reader: the thread waits rather than piling batches up.
      const until = performance.now() + 2;
      while (performance.now() < until);
      threaded.push(...batch);
    });
    expect(threaded).toEqual(plain);
  });

  it('decodes batches in columns to the documents a read in one thread hands over', () => {
    const db = new Database(file, { readonly: true });
    try {
      const statements = prepareGraphRead(db);
      for (const limit of [1 << 20, 40]) {
        const encoder = new GraphBatchEncoder(limit);
        const decoder = new GraphBatchDecoder();
        const direct: GraphDocument[] = [];
        const decoded: GraphDocument[] = [];
        let resets = 0;
        readGraphRows(db, statements, { batch: 4, mapped: false }, (rows) => {
          assembleGraphDocuments(rows, 4, (batch) => direct.push(...batch));
          // Through a structured clone, as between threads.
          const { batch } = encoder.encode(rows);
          if (batch.reset) resets += 1;
          decoded.push(...decoder.decode(structuredClone(batch)));
        });
        expect(decoded).toEqual(direct);
        // A small table starts afresh between batches; a large one never does here.
        if (limit === 40) expect(resets).toBeGreaterThan(3);
        else expect(resets).toBe(0);
      }
    } finally {
      db.close();
    }
  });

  it('fails with the file and the cause when the thread cannot read the store', async () => {
    const missing = path.join(dir, 'no-such-store.sqlite');
    const failed = readGraphInThread(missing, 10, () => undefined);
    await expect(failed).rejects.toThrow(GraphReadThreadError);
    await expect(failed).rejects.toThrow(`graph read thread on ${missing}: unable to open`);
  });

  it('stops the thread when the reader throws, rejecting with what it threw', async () => {
    let calls = 0;
    const read = store.graphDocuments(
      () => {
        calls += 1;
        throw new Error('the reader gave up');
      },
      { batch: 1, thread: true },
    );
    await expect(read).rejects.toThrow('the reader gave up');
    expect(calls).toBe(1);
  });

  it('reports a damaged row as the read on the calling thread does', async () => {
    const copy = path.join(dir, 'damaged.sqlite');
    const db = new Database(file, { readonly: true });
    await db.backup(copy);
    db.close();
    const raw = new Database(copy);
    const event = raw.prepare('SELECT document, id FROM events LIMIT 1 OFFSET 40').get() as {
      document: string;
      id: string;
    };
    raw
      .prepare('UPDATE events SET origin = \'{"file":\' WHERE document = ? AND id = ?')
      .run(event.document, event.id);
    raw.close();
    const damaged = openSqliteStore({ file: copy, graphThreadFrom: 0 });
    try {
      const message = `table events, row (document="${event.document}", id="${event.id}"): column origin holds malformed JSON`;
      await expect(damaged.graphDocuments(() => undefined)).rejects.toThrow(message);
      await expect(damaged.graphDocuments(() => undefined, { thread: true })).rejects.toThrow(
        message,
      );
    } finally {
      await damaged.close();
    }
  });

  it('at start-up, falls back to reading on the serving thread when the thread fails', async () => {
    // The store as it is, but its reads on a thread fail as a thread that cannot start would.
    const failing: Store = Object.create(store) as Store;
    failing.graphDocuments = (onBatch, options) =>
      options?.thread
        ? Promise.reject(new GraphReadThreadError(file, 'the thread exited with code 1'))
        : store.graphDocuments(onBatch, options);
    const warned: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((line) => void warned.push(line));
    try {
      const opened = await openGraph(failing, null, () => undefined);
      opened.feed.stop();
      expect(opened.loaded).toBe(false);
      expect(replies(opened.graph)).toBe(replies(await fillGraph(store, buildGraph())));
      expect(warned).toEqual([
        `stancegraph: graph read thread on ${file}: the thread exited with code 1;` +
          ' reading the rows on the serving thread instead',
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
