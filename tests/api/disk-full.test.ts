// A full disk: a write that fails with SQLITE_FULL answers 507 with a JSON error saying the store
// is out of space; reads keep working; writes work again once space returns; and a server started
// on a full disk says "disk full" in one line instead of a stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { STORE_FILE, type Store } from '../../server/store/index.ts';
import { fixtureBundle } from '../unit/graph-fixtures.ts';
import { ROOT } from '../helpers/run-cli.ts';
import { articleText, testApp } from './setup.ts';

/** The error SQLite itself raises when a database cannot grow: a page limit reached. */
function sqliteFullError(): Error {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma('max_page_count = 2');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (;;) insert.run('x'.repeat(4096));
  } catch (error) {
    return error as Error;
  } finally {
    db.close();
  }
}

/** The store, with every write failing as a full disk makes it fail while `full.on` is set. */
function fillable(store: Store) {
  const full = { on: false };
  const writes = new Set<PropertyKey>(['addDocument', 'removeDocument']);
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (full.on && writes.has(prop)) {
        return () => Promise.reject(sqliteFullError());
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { store: proxy, full };
}

describe('writes on a full disk', async () => {
  const t = await testApp(['one', 'two']);
  const { store, full } = fillable(t.store);
  const app = createApp({
    store,
    graph: t.graph,
    clientDir: '/nonexistent',
    log: (...a) => t.errors.push(a),
    security: { ingestRate: null },
  });
  afterAll(() => t.close());

  it('answers 507 for writes, keeps serving reads, and writes again once space returns', async () => {
    expect(sqliteFullError()).toMatchObject({ code: 'SQLITE_FULL' });
    const id = fixtureBundle('one').extraction.document.id;
    full.on = true;
    for (const write of [
      request(app).delete(`/api/documents/${id}`),
      request(app)
        .post('/api/documents')
        .send({ text: articleText('no room') }),
    ]) {
      const res = await write;
      expect(res.status).toBe(507);
      expect(res.body.error.code).toBe('insufficient_storage');
      expect(res.body.error.message).toMatch(/out of disk space/);
    }
    await request(app).get(`/api/documents/${id}`).expect(200);
    await request(app).get('/api/documents').expect(200);
    await request(app).get('/healthz').expect(200);
    // The failed delete changed nothing.
    expect((await t.store.counts()).documents).toBe(2);

    full.on = false;
    await request(app).delete(`/api/documents/${id}`).expect(200);
    expect((await t.store.counts()).documents).toBe(1);
    // Both 507s were reported to the operator's log, nothing else.
    expect(t.errors).toHaveLength(2);
    for (const e of t.errors) expect(String((e as unknown[])[1])).toMatch(/out of disk space/);
  });
});

describe('starting on a full disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-full-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line that says "disk full" and exits 1', async () => {
    // Every write to /dev/full fails with ENOSPC, which SQLite reports as SQLITE_FULL.
    symlinkSync('/dev/full', path.join(dir, STORE_FILE));
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', path.join(ROOT, 'server', 'index.ts')],
          {
            cwd: ROOT,
            env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir },
            timeout: 60_000,
          },
          (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
        );
      },
    );
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^stancegraph: disk full: the store under .* cannot be written/);
  }, 90_000);
});
