// Several server processes over one PostgreSQL database (the cluster of STANCEGRAPH_TEST_PG_URL,
// which .ci/run provides): replicas started together migrate once; a document ingested through
// one is served by the other within one second, and a deletion likewise; a batch ingest run as a
// separate process reaches both; a replica killed mid-ingest comes back caught up with every
// acknowledged document. Documents enter through the import route (coded events), so the test
// exercises the store and its change log rather than the extractor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/pg-cluster.ts';
import { cli } from '../helpers/run-cli.ts';
import { getJson, spawnServer, within, type ServerProcess } from '../helpers/server-process.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PG_URL = process.env.STANCEGRAPH_TEST_PG_URL;
if (!PG_URL) {
  console.warn('replicas: NOT RUN, no PostgreSQL (set STANCEGRAPH_TEST_PG_URL; .ci/run does)');
  if (process.env.CI) {
    it('has a PostgreSQL cluster to run against under CI', () => {
      expect(PG_URL, 'STANCEGRAPH_TEST_PG_URL must be set in CI').toBeTruthy();
    });
  }
}

interface Health {
  status: string;
  documents: number;
  actors: number;
  events: number;
}

/** A small coded-event file naming a made-up party n, so each import is a new document. */
function eventsCsv(n: number): string {
  return [
    'source,target,type,date,quote',
    `Velmora League ${n},Kenya,ACCUSE,2025-03-0${1 + (n % 9)},The league accused Kenya (${n}).`,
    `Kenya,Velmora League ${n},CONSULT,2025-03-1${n % 10},Kenya consulted the league (${n}).`,
  ].join('\n');
}

async function importThrough(base: string, n: number): Promise<{ status: number; id: string }> {
  const res = await fetch(`${base}/api/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'csv', fileName: `league-${n}.csv`, content: eventsCsv(n) }),
  });
  const body = (await res.json()) as { document: string };
  return { status: res.status, id: body.document };
}

const hasActor = async (base: string, n: number) => {
  const hits = await getJson<{ items: { id: string }[] }>(
    `${base}/api/actors?q=${encodeURIComponent(`velmora league ${n}`)}`,
  );
  return hits.items.some((a) => a.id === `velmora-league-${n}`);
};

describe.skipIf(!PG_URL)('replicas over one PostgreSQL database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: ServerProcess;
  let b: ServerProcess;
  let dir: string;
  const env = () => ({ DATABASE_URL: db.url, DATA_DIR: path.join(dir, 'unused') });

  beforeAll(async () => {
    db = await freshDatabase(PG_URL!, 'replicas');
    dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-replicas-'));
    // Started together: both race to migrate the empty database.
    [a, b] = await Promise.all([spawnServer(env()), spawnServer(env())]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('serves through one what was ingested through the other, within one second', async () => {
    const start = await getJson<Health>(`${b.url}/healthz`);
    expect(start).toEqual(await getJson<Health>(`${a.url}/healthz`));
    const { status, id } = await importThrough(a.url, 1);
    expect(status).toBe(201);
    const took = await within(1000, async () => {
      expect(await hasActor(b.url, 1)).toBe(true);
      expect((await getJson<Health>(`${b.url}/healthz`)).documents).toBe(start.documents + 1);
    });
    expect(took).toBeLessThan(1000);
    const rel = await getJson<{ total: number }>(`${b.url}/api/relations?document=${id}`);
    expect(rel.total).toBe(2);

    // Deleted through the other replica: gone from the first within a second.
    const del = await fetch(`${b.url}/api/documents/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    await within(1000, async () => {
      expect(await hasActor(a.url, 1)).toBe(false);
      expect(await getJson<Health>(`${a.url}/healthz`)).toEqual(start);
    });
  });

  it('takes a batch ingest from a separate process while serving', async () => {
    const files = mkdtempSync(path.join(dir, 'batch-'));
    for (const n of [20, 21, 22]) writeFileSync(path.join(files, `league-${n}.csv`), eventsCsv(n));
    const before = await getJson<Health>(`${a.url}/healthz`);
    const run = await cli(
      ['import', ...[20, 21, 22].map((n) => path.join(files, `league-${n}.csv`))],
      env(),
    );
    expect(run.code, run.stderr).toBe(0);
    await within(1000, async () => {
      for (const server of [a, b]) {
        expect((await getJson<Health>(`${server.url}/healthz`)).documents).toBe(
          before.documents + 3,
        );
        expect(await hasActor(server.url, 22)).toBe(true);
      }
    });
  });

  it('brings a replica killed mid-ingest back with every acknowledged document', async () => {
    const acknowledged: string[] = [];
    let n = 100;
    // Imports stream into A; A is killed while one is in flight.
    const writer = (async () => {
      for (;;) {
        try {
          const r = await importThrough(a.url, n++);
          if (r.status === 201) acknowledged.push(r.id);
        } catch {
          return; // the connection died with the process
        }
      }
    })();
    await within(10_000, () => expect(acknowledged.length).toBeGreaterThanOrEqual(5), 5);
    await a.kill();
    await writer;
    // While A is down, B takes more.
    for (let k = 0; k < 3; k++) {
      const r = await importThrough(b.url, 500 + k);
      expect(r.status).toBe(201);
      acknowledged.push(r.id);
    }
    a = await spawnServer(env());
    const health = await getJson<Health>(`${a.url}/healthz`);
    expect(health).toEqual(await getJson<Health>(`${b.url}/healthz`));
    for (const id of acknowledged) {
      const rel = await getJson<{ total: number }>(`${a.url}/api/relations?document=${id}`);
      expect(rel.total, id).toBe(2);
    }
    for (const id of acknowledged) {
      const doc = await fetch(`${a.url}/api/documents/${id}`);
      expect(doc.status, id).toBe(200);
    }
    // And it follows again after the restart.
    await importThrough(b.url, 900);
    await within(1000, async () => expect(await hasActor(a.url, 900)).toBe(true));
  });
});
