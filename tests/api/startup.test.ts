// Start-up re-extraction: a sample article stored by another extractor version is removed and
// ingested again by startServer, so the served graph reflects the current extractor.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXTRACTOR_VERSION, extractArticle } from '../../server/extract/index.ts';
import { startServer, type RunningServer } from '../../server/index.ts';
import { loadArticleFile } from '../../server/ingest/index.ts';
import { dataPath } from '../../server/model/index.ts';
import { openStore } from '../../server/store/index.ts';

const STALE = 'stancegraph-rules@0.0.0-stale';
const OLD_INGEST = '2000-01-01T00:00:00.000Z';

describe('start-up re-extraction of stale samples', () => {
  let dir: string;
  let running: RunningServer | undefined;
  let sampleId: string;
  let logged: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-startup-'));
    const env = { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' };
    const sample = readdirSync(dataPath('articles')).find((f) => f.endsWith('.txt'));
    expect(sample, 'a sample article in graph-data/articles').toBeDefined();
    const article = await loadArticleFile(dataPath('articles', sample!));
    const extraction = extractArticle(article);
    const store = await openStore(env);
    try {
      const added = await store.addDocument(
        { text: article.text, extraction: { ...extraction, extractor: STALE } },
        { ingestedAt: OLD_INGEST },
      );
      expect(added.created).toBe(true);
      sampleId = added.id;
      expect((await store.getDocument(sampleId))?.extractor).toBe(STALE);
    } finally {
      await store.close();
    }
    logged = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logged.push(args.join(' '));
    });
    running = await startServer(env);
    // Start-up waits for the extraction workers to load their models.
  }, 120_000);

  afterAll(async () => {
    await running?.close();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the stale document with one from the current extractor', async () => {
    const res = await fetch(`${running!.url}/api/documents/${sampleId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      document: { extractor: string; ingestedAt: string };
      extraction: { extractor: string };
    };
    expect(body.document.extractor).toBe(EXTRACTOR_VERSION);
    expect(body.extraction.extractor).toBe(EXTRACTOR_VERSION);
    expect(body.document.ingestedAt).not.toBe(OLD_INGEST);
  });

  it('keeps one copy of the article and says how many it re-extracted', async () => {
    const res = await fetch(`${running!.url}/api/documents?limit=500`);
    const ids = ((await res.json()) as { items: { id: string }[] }).items.map((d) => d.id);
    expect(ids.filter((id) => id === sampleId)).toHaveLength(1);
    expect(logged.join('\n')).toMatch(/\(1 re-extracted\)/);
  });
});
