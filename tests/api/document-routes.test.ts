// The document endpoints: listing, reading, ingesting (new and duplicate), deleting, and bad bodies.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildGraph } from '../../server/graph/index.ts';
import { Extraction, loneSurrogateAt } from '../../server/model/index.ts';
import { canonicalGraph, fixtureBundle } from '../unit/graph-fixtures.ts';
import { articleText, testApp } from './setup.ts';

const t = await testApp();
const api = request(t.app);
afterAll(() => t.close());

const ids = {
  one: fixtureBundle('one').extraction.document.id,
  two: fixtureBundle('two').extraction.document.id,
  three: fixtureBundle('three').extraction.document.id,
};

describe('GET /api/documents', () => {
  it('lists documents newest first with a cursor', async () => {
    const res = await api.get('/api/documents?limit=2').expect(200);
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual([ids.three, ids.two]);
    expect(res.body.items[0]).toMatchObject({
      eventCount: 3,
      title: 'Ocean Council sends aid to Westria',
    });
    expect(res.body.items[0].text).toBeUndefined();
    const next = await api
      .get('/api/documents')
      .query({ limit: 2, cursor: res.body.nextCursor })
      .expect(200);
    expect(next.body.items.map((d: { id: string }) => d.id)).toEqual([ids.one]);
    expect(next.body.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['cursor=%21%21', 'cursor'],
  ])('rejects %s with a 400 naming %s', async (query, param) => {
    const res = await api.get(`/api/documents?${query}`).expect(400);
    expect(res.body.error.message).toContain(`"${param}"`);
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the text and the extraction with spans into it', async () => {
    const res = await api.get(`/api/documents/${ids.one}`).expect(200);
    expect(res.body.document).toMatchObject({ id: ids.one, text: fixtureBundle('one').text });
    const extraction = Extraction.parse(res.body.extraction);
    for (const e of extraction.events) {
      expect(res.body.document.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.quote);
      // The sentence the evidence names holds its span, so a client can show the whole sentence.
      const sentence = res.body.sentences[e.evidence.sentence];
      expect(sentence.start).toBeLessThanOrEqual(e.evidence.start);
      expect(sentence.end).toBeGreaterThanOrEqual(e.evidence.end);
    }
    expect(extraction.events.length).toBeGreaterThan(0);
    expect(extraction.actors.find((a) => a.id === 'norland')?.mentions.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await api.get('/api/documents/0000000000000000').expect(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
  });
});

describe('POST /api/documents', () => {
  const text = articleText('post test');

  it('ingests a new article with 201 and then reports the duplicate with 200', async () => {
    const created = await api
      .post('/api/documents')
      .send({ text, title: 'Talks resume', published: '2023-04-03', source: 'Test Wire' })
      .expect(201);
    expect(created.body.created).toBe(true);
    expect(typeof created.body.id).toBe('string');
    const extraction = Extraction.parse(created.body.extraction);
    expect(extraction.document).toMatchObject({ id: created.body.id, title: 'Talks resume' });
    expect(t.graph.hasDocument(created.body.id)).toBe(true);
    for (const e of extraction.events) {
      const held = [...t.graph.eventsBetween(e.source, e.target)].map((h) => h.id);
      expect(held).toContain(e.id);
    }
    const stored = await api.get(`/api/documents/${created.body.id}`).expect(200);
    expect(stored.body.document.text).toBe(text);

    const dup = await api.post('/api/documents').send({ text }).expect(200);
    expect(dup.body).toMatchObject({ id: created.body.id, created: false });
    expect(Extraction.parse(dup.body.extraction).document.id).toBe(created.body.id);
  });

  it('refuses bodies that are not JSON objects with text', async () => {
    const wrongType = await api
      .post('/api/documents')
      .set('content-type', 'text/plain')
      .send(text)
      .expect(415);
    expect(wrongType.body.error.code).toBe('unsupported_media_type');
    const noType = await api.post('/api/documents').expect(415);
    expect(noType.body.error).toBeDefined();
    const malformed = await api
      .post('/api/documents')
      .set('content-type', 'application/json')
      .send('{"text": "unterminated')
      .expect(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const missing = await api.post('/api/documents').send({ title: 'no text' }).expect(400);
    expect(missing.body.error.message).toContain('"text"');
    const badDate = await api.post('/api/documents').send({ text, published: 'soon' }).expect(400);
    expect(badDate.body.error.message).toContain('"published"');
    const notObject = await api.post('/api/documents').send([1, 2]).expect(400);
    expect(notObject.body.error).toBeDefined();
    const blank = await api.post('/api/documents').send({ text: '   ' }).expect(400);
    expect(blank.body.error.message).toContain('"text"');
  });

  it('refuses a lone UTF-16 surrogate, naming the field and its position', async () => {
    const at = text.indexOf('Sudmark');
    const broken = `${text.slice(0, at)}\ud800${text.slice(at)}`;
    const res = await api.post('/api/documents').send({ text: broken }).expect(400);
    expect(res.body.error.message).toContain('"text"');
    expect(res.body.error.message).toContain(`position ${at}`);
    const title = await api
      .post('/api/documents')
      .send({ text, title: 'Talks \udc00 resume' })
      .expect(400);
    expect(title.body.error.message).toContain('"title"');
    expect(title.body.error.message).toContain('position 6');
    const preview = await api.post('/api/extract').send({ text: broken }).expect(400);
    expect(preview.body.error.message).toContain(`position ${at}`);
  });

  it('stores exactly the text it acknowledges, with every offset slicing its quote', async () => {
    // Its own app, so its posts stay within a fresh ingest rate limit (30 a minute).
    const own = await testApp([]);
    const api = request(own.app);
    onTestFinished(() => own.close());
    await fc.assert(
      fc.asyncProperty(
        // Any Unicode, lone surrogate halves among it.
        fc
          .array(
            fc.oneof(
              fc.string({ unit: 'binary', maxLength: 4 }),
              fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
            ),
            { maxLength: 4 },
          )
          .map((parts) => parts.join('')),
        fc.nat({ max: text.length }),
        async (inserted, at) => {
          const posted = `${text.slice(0, at)}${inserted}${text.slice(at)}`;
          const res = await api.post('/api/documents').send({ text: posted });
          if (loneSurrogateAt(posted) >= 0) {
            expect(res.status).toBe(400);
            expect(res.body.error.message).toContain(`position ${loneSurrogateAt(posted)}`);
            return;
          }
          expect([200, 201]).toContain(res.status);
          const stored = await api.get(`/api/documents/${res.body.id}`).expect(200);
          expect(stored.body.document.text).toBe(posted);
          for (const e of Extraction.parse(res.body.extraction).events) {
            expect(posted.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.quote);
          }
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });

  it('refuses bodies over 2 MB with 413', async () => {
    const huge = JSON.stringify({ text: 'a'.repeat(2 * 1024 * 1024 + 10) });
    const res = await api
      .post('/api/documents')
      .set('content-type', 'application/json')
      .send(huge)
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('DELETE /api/documents/:id', () => {
  it('removes the document, its events and actors left unmentioned', async () => {
    await api.delete(`/api/documents/${ids.three}`).expect(200, { id: ids.three, deleted: true });
    await api.get(`/api/documents/${ids.three}`).expect(404);
    await api.delete(`/api/documents/${ids.three}`).expect(404);
    const graph = await api.get('/api/graph').expect(200);
    const docs = graph.body.edges.map(
      (e: { attributes: { document: string } }) => e.attributes.document,
    );
    expect(docs).not.toContain(ids.three);
    const keys = graph.body.nodes.map((n: { key: string }) => n.key);
    expect(keys).not.toContain('westria');
    expect(keys).not.toContain('kasimir-oduya');
    await api.get('/api/actors/westria').expect(404);
    const rel = await api.get(`/api/relations?document=${ids.three}`).expect(200);
    expect(rel.body.total).toBe(0);
  });

  it('leaves the same graph as a fresh build from the store', async () => {
    const fresh = buildGraph(await t.store.allExtractions());
    expect(canonicalGraph(t.graph)).toEqual(canonicalGraph(fresh));
  });

  it('logged no unexpected errors', () => {
    expect(t.errors).toEqual([]);
  });
});
