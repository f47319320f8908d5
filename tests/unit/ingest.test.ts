// Ingest: one article into store and graph, and batches of files and folders where bad files are
// reported and skipped.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestArticle, ingestPaths } from '../../server/ingest/index.ts';
import { openSqliteStore, type Store } from '../../server/store/index.ts';
import { StanceGraph } from '../../server/graph/index.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const BATCH = path.join(import.meta.dirname, '..', 'fixtures', 'articles', 'batch');

const ARTICLE = {
  text: 'Canadian Prime Minister Justin Trudeau met Mexican President Andres Manuel Lopez Obrador in Ottawa on Tuesday. Canada and Mexico signed a trade agreement.',
  title: 'Trade deal',
  published: '2019-06-14',
  source: 'Test Wire',
  url: null,
};

let stores: Store[] = [];
function memoryStore(): Store {
  const store = openSqliteStore({ memory: true });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores) void store.close();
  stores = [];
});

describe('ingestArticle', () => {
  it('stores a new article, adds it to the graph once, and deduplicates the second time', async () => {
    const store = memoryStore();
    const graph = { addDocument: vi.fn() } as unknown as StanceGraph;
    const first = await ingestArticle({ store, graph }, ARTICLE);
    expect(first.created).toBe(true);
    expect(first.extraction.schema).toBe('stancegraph/extraction@1');
    expect(first.extraction.document).toMatchObject({
      title: 'Trade deal',
      published: '2019-06-14',
    });
    expect((await store.getDocument(first.id))?.text).toBe(ARTICLE.text);
    expect(graph.addDocument).toHaveBeenCalledTimes(1);

    const again = await ingestArticle({ store, graph }, { ...ARTICLE, title: 'Other title' });
    expect(again).toMatchObject({ id: first.id, created: false });
    expect(again.extraction).toEqual(first.extraction);
    expect(graph.addDocument).toHaveBeenCalledTimes(1);
    expect((await store.counts()).documents).toBe(1);
  });

  it('works without a graph', async () => {
    const store = memoryStore();
    expect((await ingestArticle({ store }, ARTICLE)).created).toBe(true);
  });
});

describe('ingestPaths', () => {
  it('ingests a folder of good, bad and duplicate files without throwing', async () => {
    const store = memoryStore();
    const graph = new StanceGraph();
    const progress: [number, number, string][] = [];
    const summary = await ingestPaths({ store, graph }, [BATCH], {
      onProgress: (done, total, file) => progress.push([done, total, path.relative(BATCH, file)]),
    });

    expect(summary.documents).toBe(2);
    expect(summary.duplicates).toBe(1);
    expect(summary.skipped).toBe(3);
    expect(summary.errors.map((e) => path.relative(BATCH, e.file))).toEqual([
      '03-bad-date.txt',
      '04-empty.txt',
      path.join('nested', '07-broken.json'),
    ]);
    expect(summary.errors[0]!.message).toMatch(/date/);
    expect(summary.errors[1]!.message).toMatch(/no text/);
    expect(summary.errors[2]!.message).toMatch(/text/);

    // Sorted walk; the .csv file is not an article file.
    expect(progress).toEqual([
      [1, 6, '01-visit.txt'],
      [2, 6, '02-visit-copy.md'],
      [3, 6, '03-bad-date.txt'],
      [4, 6, '04-empty.txt'],
      [5, 6, path.join('nested', '06-talks.json')],
      [6, 6, path.join('nested', '07-broken.json')],
    ]);

    const extractions = await store.allExtractions();
    expect(extractions).toHaveLength(2);
    expect(summary.events).toBe(extractions.reduce((n, x) => n + x.events.length, 0));
    expect(summary.actors).toBe(
      new Set(extractions.flatMap((x) => x.actors.map((a) => a.id))).size,
    );
    expect(summary.actors).toBeGreaterThan(0);
    expect(graph.graph.order).toBe(summary.actors);
    expect(extractions.map((x) => x.document.published)).toEqual(['2021-09-10', '2023-10-29']);

    const again = await ingestPaths({ store, graph }, [BATCH]);
    expect(again).toMatchObject({ documents: 0, duplicates: 3, skipped: 3, actors: 0, events: 0 });
    expect((await store.counts()).documents).toBe(2);
  });

  it('takes single files and reports missing paths and binary files as errors', async () => {
    const dir = tempDir('sg-ingest-');
    const good = path.join(dir, 'good.dat');
    writeFileSync(good, ARTICLE.text);
    const binary = path.join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a, 0x46]));
    const missing = path.join(dir, 'missing.txt');
    const store = memoryStore();
    const summary = await ingestPaths({ store }, [missing, good, binary]);
    expect(summary.documents).toBe(1);
    expect(summary.skipped).toBe(2);
    expect(summary.errors.map((e) => e.file)).toEqual([missing, binary]);
    expect(summary.errors[1]!.message).toMatch(/binary/);
  });

  it('returns an empty summary for an empty folder', async () => {
    const dir = tempDir('sg-ingest-');
    const summary = await ingestPaths({ store: memoryStore() }, [dir]);
    expect(summary).toEqual({
      documents: 0,
      duplicates: 0,
      actors: 0,
      events: 0,
      skipped: 0,
      errors: [],
    });
  });
});
