// Access control: bind refusal, bearer tokens (write and read), /api/config, CORS, security
// headers with the explorer's CSP, the DNS-rebinding Host check, and static files kept in their folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startServer } from '../../server/index.ts';
import {
  SettingsError,
  UnsafeBindError,
  assertSafeBind,
  bearerToken,
  isLoopbackHost,
  securitySettings,
  tokensMatch,
  type SecuritySettings,
} from '../../server/security/index.ts';
import { rawRequest } from './helpers/http.ts';
import { articleText, testApp } from './setup.ts';

const WRITE = 'write-token-abcdefghijklmnop';
const READ = 'read-token-abcdefghijklmnopq';

async function appWith(security: Partial<SecuritySettings>, clientDir?: string) {
  const t = await testApp(['one', 'two', 'three'], clientDir);
  const app = createApp({
    store: t.store,
    graph: t.graph,
    clientDir: clientDir ?? '/nonexistent',
    log: (...a) => t.errors.push(a),
    security,
  });
  return { ...t, app };
}

describe('bind address', () => {
  it('knows loopback addresses from the rest', () => {
    for (const h of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      'localhost',
      'LOCALHOST',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of [
      '0.0.0.0',
      '::',
      '192.168.1.4',
      '10.0.0.1',
      'example.org',
      '128.0.0.1',
      'localhost.evil.org',
    ]) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });

  it('refuses a non-loopback HOST without a token, and says why', () => {
    const s = securitySettings({ HOST: '0.0.0.0' });
    expect(() => assertSafeBind(s)).toThrow(UnsafeBindError);
    expect(() => assertSafeBind(s)).toThrow(/STANCEGRAPH_TOKEN/);
    expect(() =>
      assertSafeBind(securitySettings({ HOST: '0.0.0.0', STANCEGRAPH_TOKEN: WRITE })),
    ).not.toThrow();
    expect(() => assertSafeBind(securitySettings({}))).not.toThrow();
  });

  it('startServer rejects before opening anything', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'stancegraph-bind-'));
    try {
      await expect(startServer({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir })).rejects.toThrow(
        /refusing to listen on 0\.0\.0\.0.*STANCEGRAPH_TOKEN/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('rejects settings it cannot honour, naming the variable', () => {
    expect(() => securitySettings({ STANCEGRAPH_TOKEN: 'short' })).toThrow(/STANCEGRAPH_TOKEN.*16/);
    expect(() => securitySettings({ STANCEGRAPH_READ_TOKEN: READ })).toThrow(SettingsError);
    expect(() => securitySettings({ CORS_ORIGIN: '*' })).toThrow(/CORS_ORIGIN/);
    expect(() => securitySettings({ CORS_ORIGIN: 'https://a.example/path' })).toThrow(
      /CORS_ORIGIN/,
    );
    expect(() => securitySettings({ STANCEGRAPH_INGEST_RATE: 'lots' })).toThrow(
      /STANCEGRAPH_INGEST_RATE/,
    );
    const s = securitySettings({
      STANCEGRAPH_INGEST_RATE: '5/s',
      STANCEGRAPH_BODY_LIMIT: '512kb',
      CORS_ORIGIN: 'https://a.example/',
    });
    expect(s.ingestRate).toEqual({ requests: 5, perMs: 1000 });
    expect(s.bodyLimitBytes).toBe(512 * 1024);
    expect(s.corsOrigin).toBe('https://a.example');
    expect(securitySettings({ STANCEGRAPH_INGEST_RATE: 'off' }).ingestRate).toBeNull();
  });
});

describe('tokens', async () => {
  it('parses bearer headers and compares in full', () => {
    expect(bearerToken(`Bearer ${WRITE}`)).toBe(WRITE);
    expect(bearerToken(`bearer  ${WRITE} `)).toBe(WRITE);
    expect(bearerToken(`Basic ${WRITE}`)).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(tokensMatch(WRITE, WRITE)).toBe(true);
    expect(tokensMatch(WRITE.slice(0, -1), WRITE)).toBe(false);
    expect(tokensMatch(`${WRITE}x`, WRITE)).toBe(false);
    expect(tokensMatch('', WRITE)).toBe(false);
    expect(tokensMatch(null, WRITE)).toBe(false);
  });

  const t = await appWith({ token: WRITE });
  afterAll(() => t.close());

  it('needs the write token for every data-changing request, with a WWW-Authenticate challenge', async () => {
    const api = request(t.app);
    const none = await api
      .post('/api/documents')
      .send({ text: articleText('a') })
      .expect(401);
    expect(none.body.error.code).toBe('unauthorized');
    expect(none.body.error.message).toMatch(/Authorization: Bearer/);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="stancegraph"');
    const wrong = await api
      .delete('/api/documents/x')
      .set('authorization', `Bearer ${WRITE}x`)
      .expect(401);
    expect(wrong.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    await api
      .post('/api/extract')
      .send({ text: articleText('b') })
      .expect(401);
    await api.put('/api/documents/x').expect(401);
    // Routes match case-insensitively and with a trailing slash; the token check cannot be dodged.
    await api
      .post('/API/Documents/')
      .send({ text: articleText('e') })
      .expect(401);
    await api.delete('/Api/documents/x').expect(401);
    await api.patch('/api/documents/x').expect(401);
    expect((await t.store.counts()).documents).toBe(3);
    const ok = await api
      .post('/api/documents')
      .set('authorization', `Bearer ${WRITE}`)
      .send({ text: articleText('c') })
      .expect(201);
    await api
      .delete(`/api/documents/${ok.body.id}`)
      .set('authorization', `Bearer ${WRITE}`)
      .expect(200);
  });

  it('leaves reads open without a read token', async () => {
    await request(t.app).get('/api/graph').expect(200);
    await request(t.app).get('/api/documents').expect(200);
  });

  it('tells clients whether writes need a token, never the token', async () => {
    const res = await request(t.app).get('/api/config').expect(200);
    expect(res.body.auth).toEqual({
      writeTokenRequired: true,
      readTokenRequired: false,
      scheme: 'Bearer',
    });
    expect(JSON.stringify(res.body)).not.toContain(WRITE);
    const open = await appWith({});
    try {
      const r = await request(open.app).get('/api/config').expect(200);
      expect(r.body.auth.writeTokenRequired).toBe(false);
      expect(r.body.limits).toMatchObject({ bodyBytes: 2 * 1024 * 1024, articleChars: 200_000 });
    } finally {
      open.close();
    }
  });

  it('with a read token, reads need either token; config and health stay open', async () => {
    const r = await appWith({ token: WRITE, readToken: READ });
    try {
      const api = request(r.app);
      const denied = await api.get('/api/graph').expect(401);
      expect(denied.body.error.message).toMatch(/reading/);
      await api.get('/api/graph').set('authorization', `Bearer ${READ}`).expect(200);
      await api.get('/api/graph').set('authorization', `Bearer ${WRITE}`).expect(200);
      await api
        .get('/api/relations')
        .set('authorization', 'Bearer nope-nope-nope-nope')
        .expect(401);
      await api.get('/API/graph/').expect(401);
      const cfg = await api.get('/api/config').expect(200);
      expect(cfg.body.auth.readTokenRequired).toBe(true);
      await api.get('/healthz').expect(200);
      // The read token does not allow writes.
      await api
        .post('/api/documents')
        .set('authorization', `Bearer ${READ}`)
        .send({ text: articleText('d') })
        .expect(401);
    } finally {
      r.close();
    }
  });
});

describe('headers and CORS', async () => {
  const t = await appWith({});
  afterAll(() => t.close());

  it('sends a CSP the explorer works under, with no inline script', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('gives the script-free docs page its own policy', async () => {
    const res = await request(t.app).get('/api/docs').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(res.text).not.toMatch(/<script/i);
  });

  it('keeps CORS closed by default', async () => {
    const res = await request(t.app)
      .get('/api/graph')
      .set('origin', 'https://evil.example')
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await request(t.app)
      .options('/api/documents')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST')
      .expect(403);
    expect(pre.body.error.code).toBe('cors_forbidden');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens CORS to the one origin CORS_ORIGIN names, with preflight', async () => {
    const c = await appWith({ corsOrigin: 'https://ok.example' });
    try {
      const api = request(c.app);
      const pre = await api
        .options('/api/documents')
        .set('origin', 'https://ok.example')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization, content-type')
        .expect(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://ok.example');
      expect(pre.headers['access-control-allow-methods']).toContain('POST');
      expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(pre.headers.vary).toMatch(/Origin/);
      const get = await api.get('/api/graph').set('origin', 'https://ok.example').expect(200);
      expect(get.headers['access-control-allow-origin']).toBe('https://ok.example');
      const other = await api
        .get('/api/graph')
        .set('origin', 'https://ok.example.evil')
        .expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      await api
        .options('/api/documents')
        .set('origin', 'http://ok.example')
        .set('access-control-request-method', 'POST')
        .expect(403);
    } finally {
      c.close();
    }
  });

  it('answers only loopback Host names when bound to loopback (DNS rebinding)', async () => {
    const res = await request(t.app).get('/api/graph').set('host', 'attacker.example').expect(421);
    expect(res.body.error.code).toBe('host_not_allowed');
    await request(t.app).get('/api/graph').set('host', 'localhost:3000').expect(200);
    await request(t.app).get('/api/graph').set('host', '[::1]:3000').expect(200);
    const listed = await appWith({ allowedHosts: ['graph.internal'] });
    try {
      await request(listed.app).get('/api/graph').set('host', 'graph.internal:8080').expect(200);
    } finally {
      listed.close();
    }
    const lan = await appWith({ host: '0.0.0.0', token: WRITE });
    try {
      await request(lan.app).get('/api/graph').set('host', 'attacker.example').expect(200);
    } finally {
      lan.close();
    }
  });
});

describe('static files', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'stancegraph-static-'));
  const clientDir = path.join(root, 'client');
  mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'export const ok = 1;');
  writeFileSync(path.join(clientDir, '.secret'), 'DOTFILE-SECRET');
  writeFileSync(path.join(root, 'secret.txt'), 'OUTSIDE-SECRET');
  writeFileSync(path.join(root, 'package.json'), '{"name":"OUTSIDE-SECRET"}');
  const t = await appWith({}, clientDir);
  let server: http.Server;
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('cannot be made to leave the client folder', async () => {
    server = await new Promise<http.Server>((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ok = await rawRequest(base, 'GET', '/assets/app.js');
    expect(ok.text).toContain('export const ok');
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/..%255csecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/assets/..\\..\\secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/..%00/secret.txt',
      '/.secret',
      '/%2esecret',
      '/assets/../.secret',
      '//secret.txt',
      `/${encodeURIComponent(root)}/secret.txt`,
    ];
    for (const p of attempts) {
      const res = await rawRequest(base, 'GET', p);
      expect(res.status, p).toBeLessThan(500);
      expect(res.text, p).not.toContain('OUTSIDE-SECRET');
      expect(res.text, p).not.toContain('DOTFILE-SECRET');
    }
    expect(t.errors).toEqual([]);
  });
});
