// The analytics and interchange endpoints over a seeded store: paths, metrics, blocs, timeline,
// export and import, with their validation, caching, attachments and per-row import errors.
import { MultiDirectedGraph } from 'graphology';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BlocsResponse,
  ImportResponse,
  MetricsResponse,
  PathsResponse,
  TimelineResponse,
} from '../../server/api/analytics-schemas.ts';
import { createApp } from '../../server/app.ts';
import { testApp } from './setup.ts';

const t = await testApp();
const api = request(t.app);
afterAll(() => {
  expect(t.errors).toEqual([]);
  t.close();
});

describe('GET /api/paths', () => {
  it('lists up to k paths, cheapest first, each hop with its events', async () => {
    const res = await api.get('/api/paths?from=norland&to=ocean-council&k=5').expect(200);
    expect(PathsResponse.safeParse(res.body).success).toBe(true);
    const paths = res.body.paths as { nodes: string[]; cost: number; hops: unknown[] }[];
    expect(paths.length).toBeGreaterThan(1);
    expect(paths[0]!.nodes[0]).toBe('norland');
    expect(paths.every((p) => p.nodes.at(-1) === 'ocean-council')).toBe(true);
    const costs = paths.map((p) => p.cost);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    expect(new Set(paths.map((p) => p.nodes.join('>'))).size).toBe(paths.length);
  });

  it('answers an empty list for an unreachable actor and validates k and mode', async () => {
    const none = await api.get('/api/paths?from=norland&to=elodie-varga&mode=hostile').expect(200);
    expect(none.body.paths).toEqual([]);
    const k = await api.get('/api/paths?from=norland&to=westria&k=11').expect(400);
    expect(k.body.error.message).toContain('"k"');
    const mode = await api.get('/api/paths?from=norland&to=westria&mode=friendly').expect(400);
    expect(mode.body.error.message).toContain('"mode"');
    await api.get('/api/paths?from=norland&to=atlantis').expect(404);
  });
});

describe('GET /api/metrics', () => {
  it('ranks actors by each measure over the filtered graph', async () => {
    for (const measure of ['degree', 'weighted-degree', 'pagerank', 'betweenness']) {
      const res = await api.get(`/api/metrics?measure=${measure}&limit=3`).expect(200);
      expect(MetricsResponse.safeParse(res.body).success).toBe(true);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      const values = res.body.items.map((i: { value: number }) => i.value);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
    }
    const all = await api.get('/api/metrics?measure=pagerank&limit=500').expect(200);
    const sum = all.body.items.reduce((s: number, i: { value: number }) => s + i.value, 0);
    expect(sum).toBeCloseTo(1, 9);
    const hostile = await api.get('/api/metrics?measure=degree&polarity=hostile').expect(200);
    expect(hostile.body.total).toBeLessThan(all.body.total);
    await api.get('/api/metrics?measure=closeness').expect(400);
  });
});

describe('GET /api/blocs and /api/timeline', () => {
  it('answers blocs with members and alignment pairs', async () => {
    const res = await api.get('/api/blocs?minCommon=1').expect(200);
    expect(BlocsResponse.safeParse(res.body).success).toBe(true);
    const members = res.body.blocs.flatMap((b: { members: { id: string }[] }) =>
      b.members.map((m) => m.id),
    );
    expect(new Set(members).size).toBe(members.length);
    await api.get('/api/blocs?actor=atlantis').expect(404);
  });

  it('lists no alignment pairs for limit=0, blocs still', async () => {
    const full = await api.get('/api/blocs?minCommon=1').expect(200);
    const none = await api.get('/api/blocs?minCommon=1&limit=0').expect(200);
    expect(none.body.alignment).toEqual([]);
    expect(none.body.blocs).toEqual(full.body.blocs);
  });

  it('charts an actor and a dyad by month', async () => {
    const res = await api.get('/api/timeline?actor=norland').expect(200);
    expect(TimelineResponse.safeParse(res.body).success).toBe(true);
    const counted = res.body.buckets.reduce(
      (s: number, b: { eventCount: number }) => s + b.eventCount,
      0,
    );
    expect(counted + res.body.offTimeline).toBe(res.body.eventCount);
    const dyad = await api.get('/api/timeline?actor=norland&partner=sudmark').expect(200);
    expect(dyad.body.eventCount).toBe(4);
    await api.get('/api/timeline?actor=norland&granularity=day').expect(400);
    await api.get('/api/timeline').expect(400);
  });
});

describe('GET /api/export', () => {
  it('sends each format as an attachment with its media type', async () => {
    const gexf = await api.get('/api/export?format=gexf').expect(200);
    expect(gexf.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    expect(gexf.headers['content-disposition']).toMatch(
      /^attachment; filename="?stancegraph\.gexf"?$/,
    );
    expect(gexf.text).toContain('<gexf version="1.3"');
    const graphml = await api.get('/api/export?format=graphml&mode=dyads').expect(200);
    expect(graphml.text).toContain('<graph id="stancegraph" edgedefault="directed">');
    const json = await api.get('/api/export?format=json&polarity=hostile').expect(200);
    const g = MultiDirectedGraph.from(JSON.parse(json.text));
    expect(g.someEdge((_k, a) => a.kind === 'event' && a.polarity !== 'hostile')).toBe(false);
    const nodes = await api.get('/api/export?format=csv&table=nodes').expect(200);
    expect(nodes.headers['content-disposition']).toContain('stancegraph-nodes.csv');
    expect(nodes.text.split('\r\n')[0]).toMatch(/^id,label,kind,/);
  });

  it('goes through the shared validation: enum case, unknown parameters', async () => {
    const upper = await api.get('/api/export?format=GEXF&polarity=Hostile').expect(200);
    expect(upper.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    const unknown = await api.get('/api/metrics?measure=pagerank&colour=red').expect(400);
    expect(unknown.body.error.code).toBe('unknown_parameter');
  });

  it('validates the format and the shared graph filters', async () => {
    expect((await api.get('/api/export').expect(400)).body.error.message).toContain('"format"');
    await api.get('/api/export?format=xlsx').expect(400);
    await api.get('/api/export?format=csv&from=2024-05&to=2024-01').expect(400);
    await api.get('/api/export?format=gexf&focus=atlantis').expect(404);
  });
});

describe('POST /api/import', () => {
  const content = [
    'source,target,type,date,quote,url',
    'Norland,Westria,SUPPORT,2024-02-10,Norland backed Westria at the summit.,https://example.org/n',
    'Norland,Kelvarra Alliance,CONSULT,2024-02-11,,',
    'Norland,,AID,2024-02-12,,',
  ].join('\n');

  it('stores good rows, reports bad ones, and the analyses see the new events', async () => {
    const before = (await api.get('/api/metrics?measure=degree').expect(200)).body;
    const res = await api
      .post('/api/import')
      .send({ format: 'csv', fileName: 'extra.csv', content })
      .expect(201);
    expect(ImportResponse.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({ created: true, rows: 3, imported: 2 });
    expect(res.body.newActors).toEqual(['kelvarra-alliance']);
    expect(res.body.errors).toEqual([{ line: 4, row: 3, message: 'target: is empty' }]);
    const rel = await api.get('/api/relations?actor=kelvarra-alliance').expect(200);
    expect(rel.body.items[0].origin).toMatchObject({ file: 'extra.csv', line: 3, row: 2 });
    const after = (await api.get('/api/metrics?measure=degree').expect(200)).body;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.total).toBe(before.total + 1);
    const again = await api
      .post('/api/import')
      .send({ format: 'csv', fileName: 'extra.csv', content })
      .expect(200);
    expect(again.body).toMatchObject({ created: false, imported: 0 });
  });

  it('refuses a bad body, a file without the needed columns and a non-JSON request', async () => {
    await api.post('/api/import').send({ format: 'xml', fileName: 'a', content: 'x' }).expect(400);
    const cols = await api
      .post('/api/import')
      .send({ format: 'csv', fileName: 'a.csv', content: 'who,whom\na,b\n' })
      .expect(400);
    expect(cols.body.error.code).toBe('invalid_import');
    await api.post('/api/import').set('content-type', 'text/csv').send('a,b').expect(415);
  });

  it('needs the write token when one is set', async () => {
    const app = createApp({
      store: t.store,
      graph: t.graph,
      clientDir: '/nonexistent',
      security: { token: 'a-long-enough-write-token' },
      log: (...a) => t.errors.push(a),
    });
    await request(app)
      .post('/api/import')
      .send({ format: 'csv', fileName: 'b.csv', content })
      .expect(401);
  });
});
