// Request validation shared by every route: unknown query parameters are refused by name, enum
// values are read in any letter case, and every bound error names the bound the schema sets.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/api/routes.ts';
import { testApp } from './setup.ts';

const t = await testApp();
const api = request(t.app);
afterAll(() => t.close());

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}
type OpenApiDoc = {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
};

async function openapi(): Promise<OpenApiDoc> {
  return (await api.get('/api/openapi.json').expect(200)).body as OpenApiDoc;
}

/** A concrete URL for an OpenAPI path, with fixture ids in its path parameters. */
function concrete(path: string): string {
  return path.replace('{id}', path.startsWith('/api/documents') ? 'cfb41a23a6249ecb' : 'norland');
}

/** A value a parameter's schema accepts: its first enum value, its default or minimum, an id. */
function acceptable(p: OpenApiParameter): string {
  const s = p.schema as { enum?: unknown[]; items?: { enum?: unknown[] }; default?: unknown };
  const first = s.enum?.[0] ?? s.items?.enum?.[0];
  if (first !== undefined) return String(first);
  const n = p.schema as { type?: string; minimum?: number };
  if (n.type === 'integer' || n.type === 'number') return String(s.default ?? n.minimum ?? 1);
  return p.name === 'to' || p.name === 'target' ? 'sudmark' : 'norland';
}

/** The query parameters an operation requires, each with a value its schema accepts. */
function requiredQuery(params: OpenApiParameter[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of params) if (p.in === 'query' && p.required) values[p.name] = acceptable(p);
  return values;
}

function send(method: string, url: string) {
  const m = method as 'get' | 'post' | 'delete';
  return m === 'post' ? api.post(url).send({ text: 'Norland praised Sudmark.' }) : api[m](url);
}

describe('unknown query parameters', () => {
  it('answers 400 naming the unknown parameter and listing the accepted ones', async () => {
    const res = await api.get('/api/actors?qq=kim').expect(400);
    expect(res.body.error.code).toBe('unknown_parameter');
    const { message } = res.body.error as { message: string };
    expect(message).toContain('"qq"');
    for (const accepted of ['q', 'kind', 'limit', 'cursor']) expect(message).toMatch(accepted);
  });

  it('names every unknown parameter of the request', async () => {
    const res = await api.get('/api/relations?sourse=norland&lmit=5&limit=5').expect(400);
    expect(res.body.error.message).toContain('"sourse"');
    expect(res.body.error.message).toContain('"lmit"');
  });

  it('is refused on every route the OpenAPI document lists, with its own parameters', async () => {
    const doc = await openapi();
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const params = op.parameters ?? [];
        const query = new URLSearchParams({ ...requiredQuery(params), bogusKey: '1' });
        const res = await send(method, `${concrete(path)}?${query}`);
        const label = `${method.toUpperCase()} ${path}`;
        expect(res.status, label).toBe(400);
        expect(res.body.error?.code, label).toBe('unknown_parameter');
        const message = res.body.error.message as string;
        expect(message, label).toContain('"bogusKey"');
        const declared = params.filter((p) => p.in === 'query').map((p) => p.name);
        // The message lists exactly what the document declares: the two come from one schema.
        const listed = /accepted: ([^)]*)\)/.exec(message)?.[1]?.split(', ') ?? [];
        expect(listed.sort(), label).toEqual([...declared].sort());
        if (declared.length === 0) expect(message, label).toMatch(/no query parameters/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(ROUTES.length);
  });

  it('still answers requests that only use declared parameters', async () => {
    await api.get('/api/actors?q=nor&limit=3').expect(200);
    await api.get('/api/actors/norland').expect(200);
    await api.get('/api/ontology').expect(200);
  });

  it('refuses prototype keys by name instead of ignoring them', async () => {
    const res = await api.get('/api/graph?__proto__=x').expect(400);
    expect(res.body.error.message).toContain('"__proto__"');
  });
});

describe('enum values in any letter case', () => {
  const ids = (body: { nodes: { key: string }[] }) => body.nodes.map((n) => n.key).sort();

  it('reads types, quads, polarities and kinds case-insensitively', async () => {
    const canonical = await api.get('/api/graph?type=AGREE,CONSULT').expect(200);
    const lower = await api.get('/api/graph?type=agree,Consult').expect(200);
    expect(ids(lower.body)).toEqual(ids(canonical.body));
    expect(ids(lower.body).length).toBeGreaterThan(0);

    const quad = await api.get('/api/relations?quad=Material-Conflict').expect(200);
    expect(quad.body.items.length).toBeGreaterThan(0);
    for (const e of quad.body.items) expect(e.quad).toBe('material-conflict');

    const hostile = await api.get('/api/relations?polarity=HOSTILE&type=accuse').expect(200);
    expect(hostile.body.items.length).toBeGreaterThan(0);
    for (const e of hostile.body.items) {
      expect(e).toMatchObject({ polarity: 'hostile', type: 'ACCUSE' });
    }

    const people = await api.get('/api/actors?kind=PERSON').expect(200);
    expect(people.body.items.length).toBeGreaterThan(0);
    for (const a of people.body.items) expect(a.kind).toBe('person');
  });

  it('normalises modes and flags to their canonical form', async () => {
    const dyads = await api.get('/api/graph?mode=Dyads&affiliations=FALSE').expect(200);
    expect(dyads.body.attributes.mode).toBe('dyads');
    for (const e of dyads.body.edges) expect(e.attributes.kind).toBe('dyad');
  });

  it('still refuses values that are not in the enum, listing the accepted ones', async () => {
    const res = await api.get('/api/graph?type=agreee').expect(400);
    expect(res.body.error.message).toContain('"type"');
    expect(res.body.error.message).toContain('AGREE');
  });

  it('says in the OpenAPI document that enum parameters take any case', async () => {
    const doc = await openapi();
    const params = doc.paths['/api/graph']!.get!.parameters!;
    for (const name of ['type', 'quad', 'polarity', 'kind', 'mode', 'layout']) {
      const p = params.find((x) => x.name === name)!;
      expect(p.description, name).toMatch(/any letter case/);
    }
    expect(params.find((x) => x.name === 'focus')!.description).not.toMatch(/letter case/);
  });
});

describe('bounds named in errors', () => {
  it('names the real bound of limit, however large the value', async () => {
    const res = await api.get('/api/relations?limit=1e21').expect(400);
    expect(res.body.error.message).toContain('limit');
    expect(res.body.error.message).toMatch(/must be an integer between 1 and 500/);
    expect(res.body.error.message).not.toContain('9007199254740991');
  });

  it('names the bounds the OpenAPI document gives, for every numeric parameter', async () => {
    const doc = await openapi();
    const bad = ['1e21', '-1e21', '1e400', 'NaN', 'ten', '1.5', '-1', '0', '100000'];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const p of op.parameters ?? []) {
          const s = p.schema as { type?: string; minimum?: number; maximum?: number };
          if (p.in !== 'query' || (s.type !== 'integer' && s.type !== 'number')) continue;
          const kind = s.type === 'integer' ? 'an integer' : 'a number';
          const expected = `"${p.name}": must be ${kind} between ${s.minimum} and ${s.maximum}`;
          for (const value of bad) {
            const n = Number(value);
            const fits =
              Number.isFinite(n) &&
              n >= s.minimum! &&
              n <= s.maximum! &&
              (s.type === 'number' || Number.isInteger(n));
            if (fits) continue;
            const query = new URLSearchParams({
              ...requiredQuery(op.parameters!),
              [p.name]: value,
            });
            const res = await send(method, `${concrete(path)}?${query}`);
            const label = `${path} ${p.name}=${value}`;
            expect(res.status, label).toBe(400);
            expect(res.body.error.message, label).toContain(expected);
            expect(res.body.error.message, label).not.toMatch(/9007199254740991|received/);
            checked += 1;
          }
        }
      }
    }
    // At least limit on three routes, depth and minConfidence on two, with several bad values each.
    expect(checked).toBeGreaterThan(30);
  });

  it('names length bounds of string parameters', async () => {
    const res = await api.get(`/api/actors?q=${'k'.repeat(201)}`).expect(400);
    expect(res.body.error.message).toMatch(/"q": must be at most 200 characters/);
  });

  it('refuses a search cursor whose offset is past the safe integers', async () => {
    const cursor = Buffer.from(JSON.stringify({ o: 1e21 }), 'utf8').toString('base64url');
    const res = await api.get(`/api/actors?cursor=${cursor}`).expect(400);
    expect(res.body.error.message).toContain('"cursor"');
  });

  it('refuses dates that do not exist, naming the parameter', async () => {
    for (const query of ['from=2023-02-30', 'to=2023-04-31', 'from=2023-13', 'to=2023-00-10']) {
      const res = await api.get(`/api/relations?${query}`).expect(400);
      expect(res.body.error.message, query).toContain(`"${query.split('=')[0]}"`);
    }
    await api.get('/api/relations?from=2024-02-29').expect(200);
  });

  it('names the bounds of body fields', async () => {
    const long = await api
      .post('/api/extract')
      .send({ text: 'Norland praised Sudmark.', title: 't'.repeat(1001) })
      .expect(400);
    expect(long.body.error.message).toMatch(/"title": must be at most 1000 characters/);
    const day = await api
      .post('/api/extract')
      .send({ text: 'Norland praised Sudmark.', published: '2023-02-29' })
      .expect(400);
    expect(day.body.error.message).toContain('"published"');
    const empty = await api.post('/api/extract').send({ text: '' }).expect(400);
    expect(empty.body.error.message).toMatch(/"text": must not be empty/);
  });
});
