// The OpenAPI document passes Redocly's recommended ruleset with no errors, declares the bearer
// scheme on writes (and on reads when a read token is set), and documents the answers the
// security stack and the extraction pool give: 200 for a duplicate post, 401, 403, 421, 422, 507.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { testApp } from './setup.ts';

const WRITE = 'write-token-for-openapi-0001';
const READ = 'read-token-for-openapi-00002';

const t = await testApp(['one']);
afterAll(() => t.close());

type Operation = {
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
};
type Doc = {
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes?: Record<string, { type: string; scheme: string }> };
};

async function documentFor(readToken: string | null): Promise<Doc> {
  const app = createApp({
    store: t.store,
    graph: t.graph,
    clientDir: '/nonexistent',
    log: (...a) => t.errors.push(a),
    security: { token: WRITE, readToken },
  });
  const res = await request(app)
    .get('/api/openapi.json')
    .set('authorization', `Bearer ${readToken ?? WRITE}`)
    .expect(200);
  return res.body as Doc;
}

function operations(doc: Doc) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
}

describe('OpenAPI document', () => {
  it.each([
    ['without a read token', null],
    ['with a read token', READ],
  ])('passes the recommended Redocly lint with no errors (%s)', async (_label, readToken) => {
    const doc = await documentFor(readToken);
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(errors).toEqual([]);
    expect(problems.map((p) => p.ruleId)).not.toContain('info-license');
    expect(problems.map((p) => p.ruleId)).not.toContain('operation-4xx-response');
  });

  it('declares the bearer scheme on writes, and on reads only when a read token is set', async () => {
    const open = await documentFor(null);
    const closed = await documentFor(READ);
    expect(open.components.securitySchemes?.bearerToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(open.info.license?.name).toBe('MIT');
    for (const { path, method, op } of operations(open)) {
      const needs = method !== 'get' && path !== '/healthz';
      expect(op.security, `${method} ${path}`).toEqual(needs ? [{ bearerToken: [] }] : []);
      expect('401' in op.responses, `${method} ${path}`).toBe(needs);
    }
    for (const { path, method, op } of operations(closed)) {
      const open = path === '/healthz' || path === '/api/config';
      expect(op.security, `${method} ${path}`).toEqual(open ? [] : [{ bearerToken: [] }]);
      expect('401' in op.responses, `${method} ${path}`).toBe(!open);
    }
  });

  it('documents every answer the front of the server and the ingest route give', async () => {
    const doc = await documentFor(READ);
    for (const { path, method, op } of operations(doc)) {
      for (const status of ['400', '403', '421']) {
        expect(op.responses, `${method} ${path} ${status}`).toHaveProperty(status);
      }
    }
    const ingest = doc.paths['/api/documents']!.post!.responses;
    for (const status of ['200', '201', '401', '413', '415', '422', '429', '503', '507']) {
      expect(ingest, status).toHaveProperty(status);
    }
    expect(doc.paths['/api/documents/{id}']!.delete!.responses).toHaveProperty('507');
    expect(doc.paths['/api/extract']!.post!.responses).toHaveProperty('422');
  });
});
