// Concurrency: the same article posted many times at once (to one server, and to two server
// processes sharing a store) becomes one document; readers polling during ingest see each
// document's events all or none.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { extractArticle } from '../../server/extract/index.ts';
import { documentId } from '../../server/model/index.ts';
import { testArticle } from './helpers/articles.ts';
import { startChildServer } from './helpers/child-server.ts';
import { getJson, postJson } from './helpers/http.ts';
import { testApp, type TestApp } from './setup.ts';

const PARALLEL = 24;

describe('one server', () => {
  let t: TestApp;
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    t = await testApp(['one']);
    const app = createApp({
      store: t.store,
      graph: t.graph,
      clientDir: '/nonexistent',
      log: (...a) => t.errors.push(a),
      security: { ingestRate: null },
    });
    server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    expect(t.errors).toEqual([]);
    t.close();
  });

  it(`stores the same article posted ${PARALLEL} times at once as one document`, async () => {
    const article = testArticle(11, 0);
    const before = (await t.store.counts()).documents;
    const replies = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        postJson<{ id: string; created: boolean }>(`${base}/api/documents`, article),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(PARALLEL - 1);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect((await t.store.counts()).documents).toBe(before + 1);
    const rel = await getJson<{ total: number }>(
      `${base}/api/relations?document=${replies[0]!.body.id}&limit=1`,
    );
    expect(rel.body.total).toBe(extractArticle(article).events.length);
  });

  it('shows readers during ingest all of a document’s events or none', async () => {
    const articles = Array.from({ length: 12 }, (_, i) => testArticle(12, i));
    const expected = new Map(
      articles.map((a) => [documentId(a.text), extractArticle(a).events.length]),
    );
    expect([...expected.values()].some((n) => n > 0)).toBe(true);
    const seen = new Map<string, Set<number>>([...expected.keys()].map((id) => [id, new Set()]));
    let ingesting = true;
    let polls = 0;
    const reader = async () => {
      while (ingesting) {
        for (const id of expected.keys()) {
          const res = await getJson<{ total: number }>(
            `${base}/api/relations?document=${id}&limit=500`,
          );
          expect(res.status).toBe(200);
          seen.get(id)!.add(res.body.total);
          polls++;
        }
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    await Promise.all(
      articles.map(async (a) => {
        const res = await postJson<{ id: string }>(`${base}/api/documents`, a);
        expect(res.status).toBe(201);
        expect(res.body.id).toBe(documentId(a.text));
      }),
    );
    ingesting = false;
    await Promise.all(readers);
    for (const [id, totals] of seen) {
      for (const total of totals) expect([0, expected.get(id)]).toContain(total);
    }
    expect(polls).toBeGreaterThan(expected.size);
  });
});

describe('two server processes on one store', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stancegraph-concurrent-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('store one document for the same article posted to both at once', async () => {
    // The first start creates the store; the second then opens it instead of racing to create it.
    const a = await startChildServer(dataDir);
    const b = await startChildServer(dataDir);
    try {
      const article = testArticle(13, 0);
      const replies = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          postJson<{ id: string }>(`${i % 2 ? a.url : b.url}/api/documents`, article),
        ),
      );
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      expect(replies.every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
      const id = replies[0]!.body.id;
      for (const url of [a.url, b.url]) {
        const doc = await getJson<{ extraction: unknown }>(`${url}/api/documents/${id}`);
        expect(doc.status).toBe(200);
        expect(doc.body.extraction).toEqual(extractArticle(article));
      }
      const list = await getJson<{ items: { title: string }[] }>(
        `${a.url}/api/documents?limit=500`,
      );
      expect(list.body.items.filter((d) => d.title === article.title)).toHaveLength(1);
    } finally {
      await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
    }
  });
});
