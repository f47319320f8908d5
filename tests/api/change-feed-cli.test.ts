// One SQLite data folder, two processes: articles ingested by the `stancegraph` CLI into the data
// folder of a running server reach its graph, its actor search and /healthz within one second,
// and a document deleted by another process leaves them as quickly; /healthz never counts a
// document the graph does not serve.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, STORE_FILE } from '../../server/store/index.ts';
import { cli } from '../helpers/run-cli.ts';
import { getJson, spawnServer, within, type ServerProcess } from '../helpers/server-process.ts';

interface Health {
  status: string;
  documents: number;
  actors: number;
  events: number;
}
interface ActorHits {
  items: { id: string }[];
}

describe('a CLI ingest into the data folder of a running server', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-feed-'));
    server = await spawnServer({ DATA_DIR: path.join(dir, 'data') });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('is served by every endpoint within one second, and a removal too', async () => {
    const before = await getJson<Health>(`${server.url}/healthz`);
    const articles = path.join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(
      path.join(articles, 'pretoria.txt'),
      [
        '---',
        'title: Pretoria hosts rail talks',
        'published: 2025-02-11',
        '---',
        'President Cyril Ramaphosa of South Africa welcomed a delegation from Kenya to Pretoria on',
        'Tuesday. Ramaphosa praised Kenya for its help in settling a dispute over port fees, and the',
        'two governments agreed to expand rail links before the end of the year.',
      ].join('\n'),
    );
    const run = await cli(['ingest', '--json', articles], { DATA_DIR: path.join(dir, 'data') });
    expect(run.code, run.stderr).toBe(0);
    const acknowledged = performance.now();
    expect(JSON.parse(run.stdout)).toMatchObject({ documents: 1 });

    // The CLI has returned: from here the server has one second.
    await within(1000, async () => {
      const hits = await getJson<ActorHits>(`${server.url}/api/actors?q=ramaphosa`);
      expect(hits.items.map((a) => a.id)).toContain('cyril-ramaphosa');
      const health = await getJson<Health>(`${server.url}/healthz`);
      expect(health.documents).toBe(before.documents + 1);
      expect(health.actors).toBeGreaterThan(before.actors);
    });
    expect(performance.now() - acknowledged).toBeLessThan(1500);

    // Another process removes it: the graph follows.
    const store = openSqliteStore({ file: path.join(dir, 'data', STORE_FILE) });
    try {
      const docs = await store.documentsOfActor('cyril-ramaphosa');
      expect(docs).toHaveLength(1);
      expect(await store.removeDocument(docs[0]!)).toBe(true);
    } finally {
      await store.close();
    }
    await within(1000, async () => {
      const hits = await getJson<ActorHits>(`${server.url}/api/actors?q=ramaphosa`);
      expect(hits.items.map((a) => a.id)).not.toContain('cyril-ramaphosa');
      expect(await getJson<Health>(`${server.url}/healthz`)).toEqual(before);
    });
  });
});
