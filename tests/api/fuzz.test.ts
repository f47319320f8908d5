// API fuzz: thousands of seeded generated requests (random paths and parameters, wrong types, huge
// numbers, unicode, injection strings, traversal attempts, malformed bodies and content types,
// random tokens and origins) against the app on loopback: no 500, no crash, every error is JSON 4xx,
// and every status an operation answered is documented for that operation in the OpenAPI document.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { buildGraph } from '../../server/graph/index.ts';
import { openSqliteStore, type Store } from '../../server/store/index.ts';
import { fixtureBundle } from '../unit/graph-fixtures.ts';
import { QUERY_KEYS, QUERY_PATHS, writeClientBuild } from './helpers/app-inputs.ts';

const RUNS = 6000;
const TOKEN = 'fuzz-write-token-0123456789';
const SECRET = 'SECRET-OUTSIDE-CLIENT-DIR';

const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-fuzz-'));
const clientDir = path.join(dir, 'client');
mkdirSync(clientDir);
writeClientBuild(clientDir, 'export {};');
writeFileSync(path.join(dir, 'secret.txt'), SECRET);
writeFileSync(path.join(clientDir, '.env'), SECRET);

let store: Store;
let server: http.Server;
let base = '';
const logged: unknown[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  store = openSqliteStore({ file: path.join(dir, 'fuzz.sqlite') });
  for (const f of ['one', 'two', 'three'] as const) await store.addDocument(fixtureBundle(f));
  const app = createApp({
    store,
    graph: buildGraph(await store.allExtractions()),
    clientDir,
    log: (...args) => logged.push(args),
    security: { token: TOKEN, ingestRate: null, corsOrigin: 'https://allowed.example' },
  });
  server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NASTY = [
  "' OR 1=1 --",
  '"; DROP TABLE documents; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '..\\..\\package.json',
  '%00',
  '\u0000',
  '\u202e\u200b\ufeff',
  '𝕊𝕥𝕒𝕟𝕔𝕖 🙂 ü ß 中文 العربية',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '99999999999999999999999999',
  '-9007199254740993',
  '0x10',
  '1.5',
  'true',
  'null',
  '[]',
  '{}',
  'a'.repeat(5000),
  'norland',
  'sudmark',
  '2023-01',
  '2023-13-45',
  'AID,FOO,SANCTION',
];

const PATH_BASES = [
  ...QUERY_PATHS,
  '/api/extract',
  '/api/ontology',
  '/api/config',
  '/api/openapi.json',
  '/api/docs',
  '/healthz',
  '/api',
  '/',
  '/app.js',
];
const TRAVERSAL = [
  '/..%2f..%2fpackage.json',
  '/..%2fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/%252e%252e%252fsecret.txt',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/.env',
  '/%2eenv',
  '/app.js/..%2f..%2fsecret.txt',
  '/api/documents/..%2f..%2f',
  '/api/actors/%E0%A4%A',
  '/api/actors/%',
  '/%c0%ae%c0%ae/secret.txt',
  '//etc/passwd',
];
const KEYS = [...QUERY_KEYS, '__proto__', 'constructor'];

const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);
const segment = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 }));

const pathArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PATH_BASES) },
  { weight: 2, arbitrary: fc.constantFrom(...TRAVERSAL) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('/api/actors/', '/api/documents/', '/api/', '/'), segment)
      .map(([p, s]) => p + encodeURIComponent(s)),
  },
);

const queryArb = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value), {
    maxLength: 6,
  })
  .map((pairs) =>
    pairs.length
      ? '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
      : '',
  );

const textArb = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 200 }),
  fc.constant(
    'Norland criticized Sudmark over the border. <script>alert("x")</script> Sudmark rejected it.',
  ),
  fc.integer({ min: 200_001, max: 200_050 }).map((n) => 'word '.repeat(n).slice(0, n)),
);
const jsonBodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        text: fc.oneof(textArb, fc.jsonValue({ maxDepth: 1 })),
        title: fc.oneof(value, fc.jsonValue({ maxDepth: 1 })),
        published: fc.oneof(value, fc.constantFrom('2024-02-30', '2024-01-01', '')),
        source: value,
        url: value,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.constantFrom('{', '{"text":', '[1,2', 'nul', '{"text":"\\ud800"}', '\u0000', '', ' '),
  fc.string({ maxLength: 100 }),
);
const contentTypeArb = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  '',
  'garbage/;;;',
);

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Well-formed, authorised article posts with fuzzed fields, so validation and bounds are reached. */
const ingestArb: fc.Arbitrary<FuzzRequest> = fc
  .record({
    path: fc.constantFrom('/api/documents', '/api/extract'),
    text: textArb,
    title: fc.option(value),
    published: fc.option(fc.constantFrom('2024-02-30', '2024-01-01', '2024', 'soon', '')),
  })
  .map(({ path, ...fields }) => ({
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  }));

const anyRequestArb: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.constantFrom(
      'GET',
      'GET',
      'GET',
      'POST',
      'POST',
      'DELETE',
      'PUT',
      'PATCH',
      'HEAD',
      'OPTIONS',
    ),
    path: pathArb,
    query: queryArb,
    body: jsonBodyArb,
    contentType: contentTypeArb,
    auth: fc.constantFrom('right', 'none', 'wrong', 'malformed'),
    origin: fc.constantFrom(null, 'https://allowed.example', 'https://evil.example', 'null'),
    preflight: fc.boolean(),
  })
  .map((r) => {
    const headers: Record<string, string> = {};
    if (r.auth === 'right') headers.authorization = `Bearer ${TOKEN}`;
    if (r.auth === 'wrong') headers.authorization = 'Bearer not-the-token-at-all-0000';
    if (r.auth === 'malformed') headers.authorization = 'Basic Zm9vOmJhcg==';
    if (r.origin) headers.origin = r.origin;
    if (r.method === 'OPTIONS' && r.preflight) headers['access-control-request-method'] = 'POST';
    const withBody = r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH';
    if (withBody && r.contentType) headers['content-type'] = r.contentType;
    return {
      method: r.method,
      path: r.path + r.query,
      headers,
      ...(withBody ? { body: r.body } : {}),
    };
  });

const requestArb = fc.oneof(
  { weight: 9, arbitrary: anyRequestArb },
  { weight: 1, arbitrary: ingestArb },
);

function send(req: FuzzRequest) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const r = http.request(
      { hostname, port, method: req.method, path: req.path, headers: req.headers, agent },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            text,
          }),
        );
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

type OpenApiPaths = Record<string, Record<string, { responses: Record<string, unknown> }>>;

/** The documented operation a request reaches, as Express routes it (any case, optional slash). */
function operationFor(paths: OpenApiPaths, req: FuzzRequest) {
  const pathname = req.path.split('?')[0]!;
  for (const [template, item] of Object.entries(paths)) {
    const pattern = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    if (!new RegExp(`^${pattern}/?$`, 'i').test(pathname)) continue;
    if (req.method === 'OPTIONS') {
      // A preflight is answered for the path; its refusal is documented on each operation.
      return { name: `OPTIONS ${template}`, responses: Object.values(item)[0]!.responses };
    }
    const op = item[req.method === 'HEAD' ? 'get' : req.method.toLowerCase()];
    return op ? { name: `${req.method} ${template}`, responses: op.responses } : null;
  }
  return null;
}

function problem(req: FuzzRequest, res: { status: number; type: string; text: string }) {
  if (res.status >= 500) return `status ${res.status}`;
  if (res.text.includes(SECRET) || res.text.includes('"devDependencies"')) return 'escaped folder';
  if (res.status < 400 || req.method === 'HEAD') return null;
  if (res.status >= 500 || res.status < 400) return `status ${res.status}`;
  if (!res.type.startsWith('application/json')) return `error as ${res.type}`;
  try {
    const body = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
      return 'error without code and message';
    }
  } catch {
    return 'error body is not JSON';
  }
  return null;
}

describe('API fuzz', () => {
  it(`answers ${RUNS} generated requests without a 500, errors as JSON 4xx`, async () => {
    const requests = fc.sample(requestArb, { seed: 20240601, numRuns: RUNS });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const answered: { req: FuzzRequest; status: number }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const res = await send(req);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        answered.push({ req, status: res.status });
        const p = problem(req, res);
        if (p) failures.push(`${p}: ${req.method} ${req.path} -> ${res.text.slice(0, 200)}`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: 8 }, worker));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
    console.log(
      `API fuzz: ${requests.length} requests in ${seconds} s, statuses ${summary.join(' ')}`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(logged).toEqual([]);
    // The fuzz must reach past the front door, not just collect 401s and 404s.
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 20);
    const health = await send({ method: 'GET', path: '/healthz', headers: {} });
    expect(health.status).toBe(200);

    const openapi = await send({ method: 'GET', path: '/api/openapi.json', headers: {} });
    const paths = (JSON.parse(openapi.text) as { paths: OpenApiPaths }).paths;
    const undocumented = new Set<string>();
    let checked = 0;
    for (const { req, status } of answered) {
      if (req.method === 'OPTIONS' && status === 204) continue;
      const op = operationFor(paths, req);
      if (!op) continue;
      checked++;
      if (!(String(status) in op.responses)) undocumented.add(`${op.name} answered ${status}`);
    }
    console.log(`API fuzz: ${checked} answers checked against the OpenAPI document`);
    expect(checked).toBeGreaterThan(RUNS / 4);
    expect([...undocumented].sort()).toEqual([]);
  });
});
