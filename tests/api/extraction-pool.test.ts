// Extraction runs in the worker pool, never on the loop that serves requests: /healthz stays fast
// while a long article is extracted; an article past its time budget answers 422 and the pool
// recovers; a full queue answers 503 with Retry-After; a batch survives one article that fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ingestPaths } from '../../server/ingest/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';
import { ExtractionPool } from '../../server/workers/index.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { articleText, testApp } from './setup.ts';

/** Generated news text of about `chars` characters, in paragraphs. */
function longArticle(chars: number, seed: number): string {
  let text = '';
  for (const a of generateCorpus(Math.ceil(chars / 60), seed)) {
    if (text.length + a.text.length > chars) break;
    text += `${a.text}\n\n`;
  }
  return text;
}

async function listen(app: http.RequestListener) {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function post(base: string, body: unknown) {
  return fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('extraction off the event loop', async () => {
  const t = await testApp(['one']);
  const pool = new ExtractionPool({ size: 1, budgetMs: 120_000 });
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    const app = createApp({
      store: t.store,
      graph: t.graph,
      clientDir: '/nonexistent',
      log: (...a) => t.errors.push(a),
      security: { ingestRate: null },
      workers: pool,
    });
    ({ server, base } = await listen(app));
    // The worker loads its models first, so the measurement below is the extraction alone.
    expect((await post(base, { text: articleText('warm-up') })).status).toBe(201);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await pool.close();
    expect(t.errors).toEqual([]);
    await t.close();
  });

  /** Runs the request while polling /healthz; the request's time and the slowest health answer. */
  async function whilePolling(send: () => Promise<Response>) {
    const started = performance.now();
    let done = false;
    const pending = send().then(async (res) => {
      done = true;
      return { status: res.status, body: (await res.json()) as { id: string }, ms: 0 };
    });
    const health: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 25));
    }
    const result = await pending;
    result.ms = performance.now() - started;
    return { ...result, calls: health.length, slowest: Math.max(...health) };
  }

  it('keeps /healthz fast while a long article is extracted and read back', async () => {
    const text = longArticle(30_000, 7);
    const posted = await whilePolling(() => post(base, { text, title: 'A long digest' }));
    // Reading it back finds its sentences, most of an extraction's work: in the pool too.
    const read = await whilePolling(() => fetch(`${base}/api/documents/${posted.body.id}`));
    for (const [what, r] of [
      ['extracted', posted],
      ['read back', read],
    ] as const) {
      console.log(
        `extraction pool: ${text.length} chars ${what} in ${r.ms.toFixed(0)} ms; ` +
          `${r.calls} /healthz calls meanwhile, slowest ${r.slowest.toFixed(0)} ms`,
      );
      expect(r.calls).toBeGreaterThanOrEqual(3);
      expect(r.slowest).toBeLessThan(500);
      expect(r.ms).toBeGreaterThan(2 * r.slowest);
    }
    expect(posted.status).toBe(201);
    expect(read.status).toBe(200);
  });
});

describe('per-article budget and a full queue', async () => {
  const t = await testApp(['one']);
  const pool = new ExtractionPool({ size: 1, budgetMs: 300, maxQueue: 1 });
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    const app = createApp({
      store: t.store,
      graph: t.graph,
      clientDir: '/nonexistent',
      log: (...a) => t.errors.push(a),
      security: { ingestRate: null },
      workers: pool,
    });
    ({ server, base } = await listen(app));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await pool.close();
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('answers 503 with Retry-After when every worker is busy and the queue is full', async () => {
    // The first article waits for the worker to start; the second finds the queue full.
    const first = post(base, { text: articleText('queue one') });
    const second = await post(base, { text: articleText('queue two') });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe(
      'extraction_busy',
    );
    expect((await first).status).toBe(201);
  });

  it('answers 422 for an article past its budget, then extracts the next one', async () => {
    const res = await post(base, { text: longArticle(20_000, 11) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('extraction_budget_exceeded');
    expect(body.error.message).toMatch(/budget of 0\.3 s/);
    expect((await fetch(`${base}/api/documents?limit=500`)).status).toBe(200);
    const next = await post(base, { text: articleText('after the stop') });
    expect(next.status).toBe(201);
  });
});

describe('batch ingest through the pool', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-pool-'));
  const pool = new ExtractionPool({ size: 2, budgetMs: 1_500 });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores good files in file order and reports the one past its budget', async () => {
    writeFileSync(path.join(dir, 'a.txt'), articleText('first file'));
    writeFileSync(path.join(dir, 'b.txt'), longArticle(400_000, 5));
    writeFileSync(path.join(dir, 'c.txt'), articleText('third file'));
    writeFileSync(path.join(dir, 'd.txt'), articleText('fourth file'));
    const store = openSqliteStore({ memory: true });
    try {
      const deps = { store, extract: pool.extract, concurrency: 4 };
      const summary = await ingestPaths(deps, [dir]);
      expect(summary.documents).toBe(3);
      expect(summary.errors.map((e) => path.basename(e.file))).toEqual(['b.txt']);
      expect(summary.errors[0]!.message).toMatch(/budget/);
      const page = await store.listDocuments({ limit: 10 });
      const texts = await Promise.all(
        page.items.map(async (d) => (await store.getDocument(d.id))!.text),
      );
      // Newest first: stored in file order whatever order the workers finished in.
      expect(texts.map((x) => /\((\w+) file\)/.exec(x)?.[1])).toEqual(['fourth', 'third', 'first']);
    } finally {
      await store.close();
    }
  });
});
