// Crash safety: a child server ingesting a stream of articles is SIGKILLed at seeded random moments;
// after every restart each acknowledged document is there with all its events, no document is
// partial, SQLite's integrity check passes and the graph equals a fresh build. SIGTERM lets an
// in-flight request finish and closes the store with the WAL checkpointed.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { buildGraph, fillQuotes, subgraph, viewQuotes } from '../../server/graph/index.ts';
import type { Extraction } from '../../server/model/index.ts';
import { STORE_FILE } from '../../server/store/index.ts';
import { seededRandom, testArticle, type TestArticle } from './helpers/articles.ts';
import { startChildServer, type ChildServer } from './helpers/child-server.ts';
import { splitPost } from './helpers/split-post.ts';
import { getJson } from './helpers/http.ts';

const SEED = 5;
const ROUNDS = 5;
const CONCURRENCY = 3;
const dataDir = mkdtempSync(path.join(tmpdir(), 'stancegraph-crash-'));
const dbFile = path.join(dataDir, STORE_FILE);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface DocBody {
  document: { id: string; title: string | null; published: string | null };
  extraction: Extraction;
}

/** Sorted, JSON-normalised export so graphs built in different orders compare equal. */
function normalisedGraph(g: { nodes: { key: string }[]; edges: { key: string }[] }) {
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
  return JSON.parse(
    JSON.stringify({ nodes: [...g.nodes].sort(byKey), edges: [...g.edges].sort(byKey) }),
  ) as unknown;
}

async function storedDocuments(url: string): Promise<DocBody[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await getJson(
      `${url}/api/documents?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    ids.push(...page.body.items.map((d) => d.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  const docs: DocBody[] = [];
  for (const id of ids.reverse()) {
    const res = await getJson<DocBody>(`${url}/api/documents/${id}`);
    expect(res.status).toBe(200);
    docs.push(res.body);
  }
  return docs;
}

/** Everything a restart must show; returns how many documents are stored. */
async function verify(url: string, acked: Map<string, Extraction>, sent: Map<string, TestArticle>) {
  const docs = await storedDocuments(url);
  const byId = new Map(docs.map((d) => [d.document.id, d]));
  for (const [id, extraction] of acked) {
    expect(byId.get(id)?.extraction, `acknowledged document ${id}`).toEqual(extraction);
  }
  for (const doc of docs) {
    const article = doc.document.title ? sent.get(doc.document.title) : undefined;
    if (article && !acked.has(doc.document.id)) {
      // Committed but maybe never acknowledged: it must still be whole, i.e. what the
      // (deterministic) extractor makes of its text.
      expect(doc.extraction).toEqual(extractArticle(article));
    }
    const rel = await getJson<{ total: number }>(
      `${url}/api/relations?document=${doc.document.id}&limit=1`,
    );
    expect(rel.body.total, `events of ${doc.document.id}`).toBe(doc.extraction.events.length);
  }
  const check = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
  } finally {
    check.close();
  }
  const served = await getJson<Parameters<typeof normalisedGraph>[0]>(
    `${url}/api/graph?layout=false`,
  );
  const fresh = subgraph(buildGraph(docs.map((d) => d.extraction)), { layout: false });
  // The graph keeps where each quote stands; the served view read the quotes from the store.
  const quoteOf = new Map(
    docs.flatMap((d) => d.extraction.events.map((e) => [`${d.document.id} ${e.id}`, e] as const)),
  );
  await fillQuotes(
    {
      eventQuotes: async (keys) =>
        keys.map((k) => quoteOf.get(`${k.document} ${k.id}`)?.evidence.quote ?? null),
    },
    viewQuotes(fresh),
  );
  expect(normalisedGraph(served.body)).toEqual(normalisedGraph(fresh));
  return docs.length;
}

async function ingest(url: string, article: TestArticle) {
  const res = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(article),
  });
  return { status: res.status, body: (await res.json()) as { id: string; extraction: Extraction } };
}

describe('crash safety', () => {
  const acked = new Map<string, Extraction>();
  const sent = new Map<string, TestArticle>();
  let serial = 0;
  const rnd = seededRandom(SEED);

  it(`loses no acknowledged document over ${ROUNDS} SIGKILL rounds`, async () => {
    const killedAfter: number[] = [];
    let cut = 0;
    let lastCount = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child: ChildServer = await startChildServer(dataDir);
      try {
        lastCount = await verify(child.url, acked, sent);
        const killAt = 100 + Math.floor(rnd() * 500);
        killedAfter.push(killAt);
        let dead = false;
        const worker = async () => {
          while (!dead) {
            const article = testArticle(SEED, serial++);
            sent.set(article.title, article);
            try {
              const res = await ingest(child.url, article);
              expect([200, 201]).toContain(res.status);
              acked.set(res.body.id, res.body.extraction);
            } catch {
              // The server died under this request: it may or may not be stored, never in part.
              cut++;
              dead = true;
            }
          }
        };
        const workers = Array.from({ length: CONCURRENCY }, worker);
        await new Promise((r) => setTimeout(r, killAt));
        await child.kill('SIGKILL');
        dead = true;
        await Promise.all(workers);
      } finally {
        await child.kill('SIGKILL');
      }
    }
    const child = await startChildServer(dataDir);
    try {
      const finalCount = await verify(child.url, acked, sent);
      expect(finalCount).toBeGreaterThanOrEqual(lastCount);
      console.log(
        `crash safety: ${ROUNDS} SIGKILL rounds (killed after ${killedAfter.join(', ')} ms), ` +
          `${acked.size} acknowledged, ${cut} requests cut by a kill, ${finalCount} stored, 0 lost`,
      );
      // Each kill landed while requests were in flight.
      expect(cut).toBeGreaterThanOrEqual(ROUNDS);
    } finally {
      await child.kill('SIGKILL');
    }
    expect(acked.size).toBeGreaterThan(ROUNDS);
  });

  it('keeps the incrementally built graph equal to a fresh build', async () => {
    const child = await startChildServer(dataDir);
    try {
      for (let i = 0; i < 6; i++) {
        const article = testArticle(SEED + 1, i);
        sent.set(article.title, article);
        const res = await ingest(child.url, article);
        expect(res.status).toBe(201);
        acked.set(res.body.id, res.body.extraction);
      }
      const removed = [...acked.keys()][0]!;
      const del = await fetch(`${child.url}/api/documents/${removed}`, { method: 'DELETE' });
      expect(del.status).toBe(200);
      acked.delete(removed);
      await verify(child.url, acked, sent);
    } finally {
      await child.kill('SIGKILL');
    }
  });

  it('on SIGTERM finishes the in-flight request and closes the store cleanly', async () => {
    const child = await startChildServer(dataDir);
    const article = testArticle(SEED + 2, 0);
    const body = JSON.stringify(article);
    // The rest of the body arrives after the signal: the request is in flight across it.
    const response = splitPost(child.url, body, 40, () => void child.kill('SIGTERM'), 300);
    const reply = await response;
    expect(reply.status).toBe(201);
    const { id } = JSON.parse(reply.text) as { id: string };
    const exit = await child.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const wal = `${dbFile}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('select id from documents where id = ?').get(id);
      expect(row).toEqual({ id });
    } finally {
      db.close();
    }
  });
});
