// The app shell: client fallback outside /api, JSON errors inside it, and no input that yields a 500.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { QUERY_KEYS, QUERY_PATHS, writeClientBuild } from './helpers/app-inputs.ts';
import { testApp } from './setup.ts';

const clientDir = mkdtempSync(path.join(tmpdir(), 'stancegraph-client-'));
writeClientBuild(clientDir, 'console.log(1);');
const t = await testApp(['one', 'two', 'three'], clientDir);
const api = request(t.app);
afterAll(() => {
  t.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('client', () => {
  it('serves built files and falls back to index.html for other GETs', async () => {
    await api
      .get('/app.js')
      .expect(200)
      .expect('content-type', /javascript/);
    const page = await api.get('/actors/norland').expect(200);
    expect(page.text).toContain('<title>explorer</title>');
    const root = await api.get('/').expect(200);
    expect(root.text).toContain('explorer');
  });

  it('never answers /api paths with the client page', async () => {
    const res = await api.get('/api/unknown/thing').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers 404 JSON for other paths when no client is built', async () => {
    const bare = await testApp(['one']);
    try {
      const res = await request(bare.app).get('/somewhere').expect(404);
      expect(res.body.error.code).toBe('not_found');
    } finally {
      bare.close();
    }
  });
});

describe('robustness', () => {
  const endpoints = [...QUERY_PATHS, '/api/ontology'];

  it('answers any query string with a 2xx or a 4xx JSON error', async () => {
    const query = fc.array(
      fc.tuple(
        fc.constantFrom(...QUERY_KEYS),
        fc.oneof(
          fc.string(),
          fc.constantFrom('norland', 'sudmark', '2023-01', '0', '-1', '1e9', 'AID,FOO'),
        ),
      ),
      { maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), query, async (endpoint, pairs) => {
        const qs = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const res = await api.get(`${endpoint}?${qs}`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body.error).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
        }
      }),
      { seed: 7, numRuns: 150 },
    );
    expect(t.errors).toEqual([]);
  });

  it('answers arbitrary JSON bodies without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await api
          .post('/api/documents')
          .set('content-type', 'application/json')
          .send(JSON.stringify(body));
        expect(res.status).toBeLessThan(500);
      }),
      { seed: 11, numRuns: 60 },
    );
    expect(t.errors).toEqual([]);
  });

  it('sets security headers and hides the framework', async () => {
    const res = await api.get('/healthz').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
