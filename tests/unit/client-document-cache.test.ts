// The explorer's document cache: a document is fetched once however many quotes ask for it, a
// failed fetch is tried again, and sentence fetches wait in line SENTENCE_FETCHES at a time while
// a document asked for directly (the article viewer) is fetched at once.
import { describe, expect, it } from 'vitest';
import {
  createDocumentCache,
  SENTENCE_FETCHES,
  type DocumentWithExtraction,
} from '../../client/src/api/index.ts';

/** A fake API whose fetches stay open until released, recording which are in flight. */
function fakeApi() {
  const open = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  const asked: string[] = [];
  let peak = 0;
  const body = (id: string) => `Opening of ${id}. The envoy from Quito met Lima's minister.`;
  const api = {
    document(id: string): Promise<DocumentWithExtraction> {
      asked.push(id);
      return new Promise((resolve, reject) => {
        open.set(id, {
          resolve: () => {
            open.delete(id);
            const text = body(id);
            const cut = text.indexOf('.') + 1;
            resolve({
              document: { id, text } as DocumentWithExtraction['document'],
              extraction: {} as DocumentWithExtraction['extraction'],
              sentences: [
                { start: 0, end: cut },
                { start: cut + 1, end: text.length },
              ],
            });
          },
          reject: (e) => {
            open.delete(id);
            reject(e);
          },
        });
        peak = Math.max(peak, open.size);
      });
    },
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { api, open, asked, peak: () => peak, settle };
}

describe('document cache', () => {
  it('fetches sentences a few documents at a time, in the order asked', async () => {
    const f = fakeApi();
    const cache = createDocumentCache(f.api);
    const ids = Array.from({ length: 9 }, (_, i) => `doc-${i}`);
    const span = { start: 30, end: 35 };
    const done = ids.map((id) => cache.sentence(id, span));
    await f.settle();
    expect(f.open.size).toBe(SENTENCE_FETCHES);
    while (f.open.size > 0) {
      [...f.open.values()][0]!.resolve();
      await f.settle();
      expect(f.open.size).toBeLessThanOrEqual(SENTENCE_FETCHES);
    }
    const texts = await Promise.all(done);
    expect(f.peak()).toBe(SENTENCE_FETCHES);
    expect(f.asked).toEqual(ids);
    expect(texts[3]).toEqual({
      text: "The envoy from Quito met Lima's minister.",
      start: 'Opening of doc-3.'.length + 1,
    });
  });

  it('fetches a document asked for directly at once, past the waiting sentences', async () => {
    const f = fakeApi();
    const cache = createDocumentCache(f.api);
    for (let i = 0; i < 5; i++) void cache.sentence(`doc-${i}`, { start: 0, end: 4 });
    const article = cache.get('article');
    await f.settle();
    expect(f.open.has('article')).toBe(true);
    expect(f.open.size).toBe(SENTENCE_FETCHES + 1);
    f.open.get('article')!.resolve();
    expect((await article).document.id).toBe('article');
  });

  it('asks once per document, and again after a failure', async () => {
    const f = fakeApi();
    const cache = createDocumentCache(f.api);
    const a = cache.sentence('doc-x', { start: 0, end: 7 });
    const b = cache.sentence('doc-x', { start: 20, end: 25 });
    await f.settle();
    expect(f.asked).toEqual(['doc-x']);
    f.open.get('doc-x')!.reject(new Error('offline'));
    await expect(a).rejects.toThrow('offline');
    await expect(b).rejects.toThrow('offline');
    const c = cache.sentence('doc-x', { start: 0, end: 7 });
    await f.settle();
    expect(f.asked).toEqual(['doc-x', 'doc-x']);
    f.open.get('doc-x')!.resolve();
    expect((await c).text).toBe('Opening of doc-x.');
    // A failure frees its turn: the line keeps moving.
    expect(f.open.size).toBe(0);
  });
});
