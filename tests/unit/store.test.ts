// The SQLite store's own guarantees, beyond the contract both stores share
// (tests/api/store-contract.test.ts): all-or-nothing inserts under a failure inside the
// transaction, foreign keys in the schema, WAL settings, in-memory use, the default location,
// and the change log's backfill of documents stored before it existed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, openStore, type SqliteStore } from '../../server/store/index.ts';
import { docA, docB, docN } from '../helpers/store-bundles.ts';

/** Row counts of every table, read through a separate connection. */
function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['documents', 'actors', 'document_actors', 'affiliations', 'events']) {
      out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

let dir: string;
let file: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stancegraph-store-'));
  file = path.join(dir, 'test.sqlite');
  store = openSqliteStore({ file });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('atomic insert', () => {
  it('rolls back every row when the database fails midway through the insert', async () => {
    await store.addDocument(docB());
    const before = tableCounts(file);
    const countsBefore = await store.counts();
    // A trigger makes the second event's insert fail after document, actors, mentions,
    // the affiliation and the first event were written inside the transaction.
    const bundle = docA();
    const failingId = bundle.extraction.events[1]!.id;
    const raw = new Database(file);
    raw
      .prepare(
        `CREATE TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.id = '${failingId}'
         BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
      )
      .run();
    raw.close();
    await expect(store.addDocument(bundle)).rejects.toThrow(/forced failure/);
    expect(tableCounts(file)).toEqual(before);
    expect(await store.counts()).toEqual(countsBefore);
    expect((await store.changesSince(0, 10)).changes).toHaveLength(1);
    expect(await store.getActor('arlen-voss')).toBeNull();
    expect(await store.getActor('estmark')).toBeNull();
    expect((await store.getActor('norland'))!.aliases).toEqual(['Norland', 'Norlandic government']);
  });

  it('has foreign keys in the schema itself, not only in the validation', async () => {
    await store.addDocument(docA());
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const id = docA().extraction.document.id;
    expect(() =>
      raw
        .prepare(
          `INSERT INTO events (document, id, ord, source, target, type, quad, polarity, score,
             confidence, sentence, ev_start, ev_end, quote, extractor)
           VALUES (?, 'x', 9, 'ostland', 'estmark', 'ACCUSE', 'verbal-conflict', 'hostile', -2,
             0.5, 0, 0, 1, 'P', 'raw')`,
        )
        .run(id),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});

describe('settings and location', () => {
  it('runs in WAL mode with foreign keys, a busy timeout and synchronous=NORMAL', () => {
    expect(store.settings()).toMatchObject({
      journalMode: 'wal',
      foreignKeys: true,
      synchronous: 'NORMAL',
    });
    expect(store.settings().busyTimeoutMs).toBeGreaterThan(0);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('maps the file only while the graph read runs, and unmaps it when a batch fails', async () => {
    await store.addDocument(docA());
    await store.addDocument(docB());
    expect(store.settings().mapBytes).toBe(0);
    const during: number[] = [];
    await store.graphDocuments(() => during.push(store.settings().mapBytes), { batch: 1 });
    expect(during).toHaveLength(2);
    for (const bytes of during) expect(bytes).toBeGreaterThan(0);
    expect(store.settings().mapBytes).toBe(0);
    await expect(
      store.graphDocuments(() => {
        throw new Error('the reader gave up');
      }),
    ).rejects.toThrow('the reader gave up');
    expect(store.settings().mapBytes).toBe(0);
  });

  it('works in memory too', async () => {
    const mem = openSqliteStore({ memory: true });
    const a = docA();
    await mem.addDocument(a);
    expect(await mem.getExtraction(a.extraction.document.id)).toEqual(a.extraction);
    expect(mem.settings().foreignKeys).toBe(true);
    await mem.close();
    expect(existsSync(path.join(dir, ':memory:'))).toBe(false);
  });

  it('openStore puts stancegraph.sqlite under DATA_DIR, creating the folder', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const s = await openStore({ DATA_DIR: dataDir });
    await s.addDocument(docN(1));
    await s.close();
    expect(existsSync(path.join(dataDir, 'stancegraph.sqlite'))).toBe(true);
    const again = await openStore({ DATA_DIR: dataDir });
    expect((await again.counts()).documents).toBe(1);
    await again.close();
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', async () => {
    await expect(openStore({ DATA_DIR: dir, DATABASE_URL: 'mysql://x@y/z' })).rejects.toThrow(
      /postgres:\/\//,
    );
  });
});

describe('change log migration', () => {
  it('logs documents stored before the log existed as adds, in ingest order', async () => {
    // A version-2 file with documents: filled through the store, then the log taken out again
    // (raw inserts would duplicate the store's insert code).
    const filled = openSqliteStore({ file: path.join(dir, 'new.sqlite') });
    const ids: string[] = [];
    for (const b of [docB(), docN(1), docA()]) ids.push((await filled.addDocument(b)).id);
    await filled.close();
    const raw = new Database(path.join(dir, 'new.sqlite'));
    raw.exec(
      'DROP TABLE store_state; DROP TABLE changes; DROP TABLE change_log_state; PRAGMA user_version = 2',
    );
    raw.close();
    const reopened = openSqliteStore({ file: path.join(dir, 'new.sqlite') });
    const { changes } = await reopened.changesSince(0, 10);
    expect(changes.map((c) => [c.seq, c.kind, c.document])).toEqual(
      ids.map((id, i) => [i + 1, 'add', id]),
    );
    expect(await reopened.lastChange()).toBe(3);
    await reopened.close();
  });
  it('gives a store from before the generation one at its change number, raised from then on', async () => {
    const file = path.join(dir, 'older.sqlite');
    const filled = openSqliteStore({ file });
    const ids: string[] = [];
    for (const b of [docN(4), docA(), docN(5)]) ids.push((await filled.addDocument(b)).id);
    await filled.removeDocument(ids[1]!);
    await filled.close();
    const raw = new Database(file);
    raw.exec(
      'DROP TRIGGER changes_raise_generation; DROP TABLE store_state; PRAGMA user_version = 3',
    );
    raw.close();
    const reopened = openSqliteStore({ file });
    const migrated = await reopened.generation();
    expect(migrated).toMatchObject({ generation: 4, lastChange: 4 });
    await reopened.removeDocument(ids[0]!);
    expect(await reopened.generation()).toEqual({ ...migrated, generation: 5, lastChange: 5 });
    await reopened.close();
  });
});
