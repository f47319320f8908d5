// The read endpoints over a seeded store: graph, actors, relations, stance, paths, ontology, health, docs.
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { PLOVER_TYPES } from '../../server/model/index.ts';
import { GraphService } from '../../server/api/graph-service.ts';
import { buildGraph, relations, type QuoteSource } from '../../server/graph/index.ts';
import { quotedReply } from '../../server/api/quoted-reply.ts';
import { GraphQuery, GraphResponse } from '../../server/api/schemas.ts';
import { TimeBudgetExceededError, timeBudgets } from '../../server/security/index.ts';
import { fixtureBundle, sigmaDefaultPrograms } from '../unit/graph-fixtures.ts';
import { testApp } from './setup.ts';

const t = await testApp();
const api = request(t.app);
afterAll(() => t.close());

describe('GET /api/graph', () => {
  it('serves the whole graph in serialized form with sigma attributes', async () => {
    const res = await api.get('/api/graph').expect(200);
    expect(res.body.options).toMatchObject({ type: 'directed', multi: true });
    expect(res.body.nodes).toHaveLength(6);
    const events = res.body.edges.filter(
      (e: { attributes: { kind: string } }) => e.attributes.kind === 'event',
    );
    expect(events).toHaveLength(9);
    const node = res.body.nodes.find((n: { key: string }) => n.key === 'norland');
    expect(node.attributes).toMatchObject({ label: 'Norland', kind: 'state', documents: 2 });
    expect(typeof node.attributes.x).toBe('number');
  });

  it('loads into a graphology MultiDirectedGraph with sigma-ready edge attributes', async () => {
    const { DirectedGraph, MultiDirectedGraph } = await import('graphology');
    const programs = await sigmaDefaultPrograms();
    const res = await api.get('/api/graph').expect(200);
    expect(GraphResponse.safeParse(res.body).success).toBe(true);
    const graph = MultiDirectedGraph.from(res.body);
    expect(graph.order).toBe(res.body.nodes.length);
    expect(graph.size).toBe(res.body.edges.length);
    const relations = await api.get('/api/relations?limit=500').expect(200);
    const typeOf = new Map(
      relations.body.items.map((e: { id: string; type: string }) => [e.id, e.type]),
    );
    let events = 0;
    graph.forEachEdge((key, attrs, source, target) => {
      expect(programs.edges, key).toContain(attrs.type);
      if (attrs.kind !== 'event') return;
      events += 1;
      expect(PLOVER_TYPES).toContain(attrs.eventType);
      expect(typeOf.get(attrs.id), key).toBe(attrs.eventType);
      expect(graph.hasNode(source) && graph.hasNode(target)).toBe(true);
    });
    expect(events).toBe(9);
    const dyads = await api.get('/api/graph?mode=dyads').expect(200);
    expect(dyads.body.options.multi).toBe(false);
    const dyadGraph = DirectedGraph.from(dyads.body);
    expect(dyadGraph.size).toBe(dyads.body.edges.length);
    dyadGraph.forEachEdge((key, attrs) => {
      expect(programs.edges, key).toContain(attrs.type);
      if (attrs.kind === 'dyad') expect(attrs).not.toHaveProperty('types');
    });
  });

  it('applies filters, ego networks and dyad mode', async () => {
    const aid = await api.get('/api/graph?type=AID').expect(200);
    expect(aid.body.nodes.map((n: { key: string }) => n.key).sort()).toEqual([
      'ocean-council',
      'westria',
    ]);
    const hostile = await api
      .get('/api/graph')
      .query({ polarity: 'hostile', affiliations: 'false', kind: 'state' })
      .expect(200);
    expect(hostile.body.edges).toHaveLength(3);
    const ranged = await api.get('/api/graph?from=2023-03&to=2023-03-31&affiliations=false');
    expect(
      ranged.body.edges
        .map((e: { attributes: { eventType: string } }) => e.attributes.eventType)
        .sort(),
    ).toEqual(['AGREE', 'CONSULT']);
    const conf = await api.get('/api/graph?minConfidence=0.9&affiliations=false');
    expect(conf.body.edges).toHaveLength(2);
    const ego = await api.get('/api/graph?focus=norland&depth=1').expect(200);
    expect(ego.body.nodes).toHaveLength(3);
    expect(ego.body.attributes).toMatchObject({ mode: 'events', focus: 'norland', depth: 1 });
    const dyads = await api.get('/api/graph?mode=dyads&type=AGREE,CONSULT').expect(200);
    expect(dyads.body.edges).toHaveLength(1);
    expect(dyads.body.edges[0].attributes).toMatchObject({
      kind: 'dyad',
      eventCount: 2,
      netScore: 5,
      eventTypes: { AGREE: 1, CONSULT: 1 },
      type: 'arrow',
    });
  });

  it('accepts repeated list parameters', async () => {
    const res = await api.get('/api/graph?type=AID&type=SANCTION&affiliations=false').expect(200);
    expect(res.body.edges).toHaveLength(2);
  });

  it.each([
    ['type=FOO', 'type'],
    ['quad=sideways', 'quad'],
    ['polarity=angry', 'polarity'],
    ['kind=planet', 'kind'],
    ['from=2023-13-01', 'from'],
    ['to=yesterday', 'to'],
    ['from=2023-05&to=2023-01', 'to'],
    ['minConfidence=2', 'minConfidence'],
    ['minConfidence=abc', 'minConfidence'],
    ['depth=4&focus=norland', 'depth'],
    ['mode=tree', 'mode'],
    ['affiliations=maybe', 'affiliations'],
  ])('rejects %s with a 400 naming %s', async (query, param) => {
    const res = await api.get(`/api/graph?${query}`).expect(400);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(res.body.error.message).toContain(`"${param}"`);
  });

  it('answers 404 for an unknown focus', async () => {
    const res = await api.get('/api/graph?focus=atlantis').expect(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('atlantis');
  });

  type Node = { key: string; attributes: { eventCount: number; documents: number } };
  type Edge = { source: string; target: string; attributes: { kind: string; eventCount: number } };

  it('shows the most active actors, and says how many of how many', async () => {
    const all = await api.get('/api/graph?layout=false').expect(200);
    const ranked = [...(all.body.nodes as Node[])].sort(
      (a, b) =>
        b.attributes.eventCount - a.attributes.eventCount ||
        b.attributes.documents - a.attributes.documents ||
        (a.key < b.key ? -1 : 1),
    );
    const top = await api.get('/api/graph?limit=2&layout=false').expect(200);
    expect((top.body.nodes as Node[]).map((n) => n.key).sort()).toEqual(
      ranked
        .slice(0, 2)
        .map((n) => n.key)
        .sort(),
    );
    expect(top.body.attributes.shown).toMatchObject({
      actors: 2,
      actorsTotal: all.body.nodes.length,
      actorsBy: 'activity',
    });
    expect(top.body.attributes.shown.summary).toMatch(/^2 of 6 actors, by activity; /);
    // Every edge shown joins two shown actors.
    const keys = new Set((top.body.nodes as Node[]).map((n) => n.key));
    for (const e of top.body.edges as Edge[]) {
      expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    }
  });

  it('caps edges at edgeLimit, keeping the busiest pairs', async () => {
    const all = await api.get('/api/graph?mode=dyads&affiliations=false').expect(200);
    const counts = (all.body.edges as Edge[]).map((e) => e.attributes.eventCount);
    const one = await api.get('/api/graph?mode=dyads&affiliations=false&edgeLimit=1').expect(200);
    expect(one.body.edges).toHaveLength(1);
    expect(one.body.edges[0].attributes.eventCount).toBe(Math.max(...counts));
    expect(one.body.attributes.shown).toMatchObject({ edges: 1, edgesTotal: counts.length });
    expect(one.body.attributes.shown.summary).toContain(`1 of ${counts.length} pairs`);
    const events = await api.get('/api/graph?affiliations=false&edgeLimit=2').expect(200);
    expect(events.body.edges).toHaveLength(2);
    expect(events.body.attributes.shown).toMatchObject({ edges: 2, edgesTotal: 9 });
  });

  it('caps an ego view at the best-tied neighbours', async () => {
    const actor = await api.get('/api/actors/norland').expect(200);
    const ego = await api.get('/api/graph?focus=norland&limit=2&layout=false').expect(200);
    expect((ego.body.nodes as Node[]).map((n) => n.key).sort()).toEqual(
      ['norland', actor.body.partners[0].id].sort(),
    );
    expect(ego.body.attributes.shown).toMatchObject({ actors: 2, actorsBy: 'ties' });
    expect(ego.body.attributes.shown.actorsTotal).toBeGreaterThan(2);
  });

  it('streams the reply with its length declared up front', async () => {
    const res = await api.get('/api/graph?mode=dyads').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text, 'utf8'));
    expect(GraphResponse.safeParse(res.body).success).toBe(true);
  });

  it('answers 413 past the size bound, saying how to narrow the request', async () => {
    const service = new GraphService(t.graph, t.store, undefined, { maxReplyBytes: 2_000 });
    const query = GraphQuery.parse({});
    await expect(service.subgraph(query)).rejects.toThrow(
      expect.objectContaining({ status: 413, code: 'reply_too_large' }),
    );
    await expect(service.subgraph(query)).rejects.toThrow(/limit.*edgeLimit.*mode=dyads/);
    // Narrowed, the same service answers.
    const narrowed = await service.subgraph(GraphQuery.parse({ limit: '1' }));
    expect(narrowed.view.bytes).toBeLessThan(2_000);
  });

  it('closes the connection of a client too slow to take the reply', async () => {
    const reply = await new GraphService(t.graph, t.store, timeBudgets(50)).subgraph(
      GraphQuery.parse({}),
    );
    // A client that never drains: every write reports a full buffer.
    const written: string[] = [];
    const res = Object.assign(new EventEmitter(), {
      destroyed: false,
      status: () => res,
      type: () => res,
      set: () => res,
      write: (chunk: string) => (written.push(chunk), false),
      end: () => expect.unreachable('the reply must not complete'),
      destroy: () => {
        res.destroyed = true;
        res.emit('close');
      },
    });
    const started = performance.now();
    await reply.send(res as unknown as Response);
    expect(res.destroyed).toBe(true);
    expect(written).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('builds a view once per graph version', async () => {
    const graph = buildGraph([fixtureBundle('one').extraction]);
    const noStore: QuoteSource = { eventQuotes: async (keys) => keys.map(() => null) };
    const service = new GraphService(graph, noStore);
    const query = GraphQuery.parse({ mode: 'dyads' });
    const first = (await service.subgraph(query)).view;
    expect((await service.subgraph(query)).view).toBe(first);
    graph.addDocument(fixtureBundle('two').extraction);
    const next = (await service.subgraph(query)).view;
    expect(next).not.toBe(first);
    expect(next.bytes).toBeGreaterThan(first.bytes);
  });

  it('keeps an ego view once it is asked again at the same graph version', async () => {
    const graph = buildGraph([fixtureBundle('one').extraction]);
    const noStore: QuoteSource = { eventQuotes: async (keys) => keys.map(() => null) };
    const service = new GraphService(graph, noStore);
    const ego = GraphQuery.parse({ focus: 'norland', mode: 'dyads' });
    const other = GraphQuery.parse({ focus: 'sudmark', mode: 'dyads' });
    const first = (await service.subgraph(ego)).view;
    // Asked once: built afresh the second time, the same text; kept from then on.
    const second = (await service.subgraph(ego)).view;
    expect(second).not.toBe(first);
    expect(second.chunks.join('')).toBe(first.chunks.join(''));
    expect((await service.subgraph(ego)).view).toBe(second);
    // Another actor's view asked once in between changes nothing for the first.
    await service.subgraph(other);
    expect((await service.subgraph(ego)).view).toBe(second);
    // At a new version the count starts over.
    graph.addDocument(fixtureBundle('two').extraction);
    const third = (await service.subgraph(ego)).view;
    expect((await service.subgraph(ego)).view).not.toBe(third);
    const fourth = (await service.subgraph(ego)).view;
    expect((await service.subgraph(ego)).view).toBe(fourth);
  });

  it('answers 503 when building the overview outruns the time budget', async () => {
    let now = 0;
    const service = new GraphService(
      t.graph,
      t.store,
      timeBudgets(1_000, () => (now += 600)),
    );
    await expect(service.subgraph(GraphQuery.parse({}))).rejects.toThrow(TimeBudgetExceededError);
    await expect(service.subgraph(GraphQuery.parse({}))).rejects.toThrow(
      /graph overview took longer/,
    );
  });
});

describe('GET /api/actors', () => {
  it('searches names and aliases, tolerant of case, accents and typos', async () => {
    const res = await api.get('/api/actors?q=ELODIE').expect(200);
    expect(res.body.items[0]).toMatchObject({ id: 'elodie-varga', name: 'Élodie Varga' });
    const typo = await api.get('/api/actors').query({ q: 'Kasmir' }).expect(200);
    expect(typo.body.items[0].id).toBe('kasimir-oduya');
    const alias = await api.get('/api/actors?q=nordl').expect(200);
    expect(alias.body.items[0].id).toBe('norland');
    const people = await api.get('/api/actors?kind=person').expect(200);
    expect(people.body.items.map((a: { id: string }) => a.id).sort()).toEqual([
      'elodie-varga',
      'kasimir-oduya',
    ]);
  });

  it('paginates with limit and cursor', async () => {
    const first = await api.get('/api/actors?limit=4').expect(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.total).toBe(6);
    const second = await api.get('/api/actors').query({ limit: 4, cursor: first.body.nextCursor });
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=garbage', 'cursor'],
    ['kind=planet', 'kind'],
  ])('rejects %s with a 400 naming %s', async (query, param) => {
    const res = await api.get(`/api/actors?${query}`).expect(400);
    expect(res.body.error.message).toContain(`"${param}"`);
  });
});

describe('GET /api/actors/:id', () => {
  it('gives the actor with roles, counts and partners', async () => {
    const res = await api.get('/api/actors/elodie-varga').expect(200);
    expect(res.body).toMatchObject({ id: 'elodie-varga', kind: 'person', country: 'norland' });
    expect(res.body.roles.length).toBeGreaterThan(0);
    expect(res.body.partners[0]).toMatchObject({ id: 'ocean-council', eventCount: 1 });
    const norland = await api.get('/api/actors/norland').expect(200);
    expect(norland.body).toMatchObject({ eventCount: 4, documents: 2 });
    expect(norland.body.partners[0]).toMatchObject({ id: 'sudmark', eventCount: 4 });
  });

  it('pages the documents that mention an actor', async () => {
    const first = await api.get('/api/actors/norland?limit=1').expect(200);
    expect(first.body.documentIds).toHaveLength(1);
    expect(first.body.nextDocumentCursor).toEqual(expect.any(String));
    const second = await api
      .get('/api/actors/norland')
      .query({ limit: 1, cursor: first.body.nextDocumentCursor })
      .expect(200);
    expect(second.body.nextDocumentCursor).toBeNull();
    const all = await api.get('/api/actors/norland').expect(200);
    expect([...first.body.documentIds, ...second.body.documentIds]).toEqual(all.body.documentIds);
    expect(all.body.documentIds).toHaveLength(all.body.documents);
    await api.get('/api/actors/norland?limit=0').expect(400);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await api.get('/api/actors/atlantis').expect(404)).body.error.code).toBe('not_found');
    await api.get('/api/actors/%E0%A4%A').expect(400);
  });
});

describe('evidence quotes', () => {
  /** Each fixture event's quote by document and event id, as extracted. */
  const extracted = new Map(
    (['one', 'two', 'three'] as const).flatMap((f) => {
      const x = fixtureBundle(f).extraction;
      return x.events.map((e) => [`${x.document.id} ${e.id}`, e.evidence] as const);
    }),
  );
  type Shown = { document: string; id: string; evidence: Record<string, unknown> };
  const checkQuotes = (events: Shown[]) => {
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      const evidence = extracted.get(`${e.document} ${e.id}`)!;
      expect(e.evidence).toEqual(evidence);
      // Key order as the store gives it, whether the event was read at start-up or just added.
      expect(Object.keys(e.evidence)).toEqual(['sentence', 'start', 'end', 'quote']);
    }
  };

  it('are read from the store for views, relations, paths and exports', async () => {
    const view = await api.get('/api/graph?focus=norland&depth=2').expect(200);
    checkQuotes(
      view.body.edges
        .map((e: { attributes: Shown & { kind: string } }) => e.attributes)
        .filter((a: { kind: string }) => a.kind === 'event'),
    );
    const page = await api.get('/api/relations?actor=norland&limit=3').expect(200);
    checkQuotes(page.body.items);
    const more = await api
      .get('/api/relations')
      .query({ actor: 'norland', limit: 3, cursor: page.body.nextCursor })
      .expect(200);
    checkQuotes(more.body.items);
    const paths = await api.get('/api/paths?from=westria&to=sudmark').expect(200);
    checkQuotes(
      paths.body.paths.flatMap((p: { hops: { events: Shown[] }[] }) =>
        p.hops.flatMap((h) => h.events),
      ),
    );
    const json = await api.get('/api/export?format=json').expect(200);
    const exported = JSON.parse(json.text) as { edges: { attributes: Shown & { kind: string } }[] };
    const events = exported.edges.map((e) => e.attributes).filter((a) => a.kind === 'event');
    expect(events).toHaveLength(9);
    checkQuotes(events);
    const csv = await api.get('/api/export?format=csv').expect(200);
    for (const e of events) expect(csv.text).toContain(e.evidence.quote as string);
  });

  it('build the reply again when a document goes between the graph read and the quotes', async () => {
    const own = await testApp();
    try {
      const gone = fixtureBundle('two').extraction.document.id;
      let calls = 0;
      // The first read of quotes finds the document removed from the store, as a concurrent
      // delete would leave it; the graph follows.
      const racing: QuoteSource = {
        eventQuotes: async (keys) => {
          if (calls++ === 0) {
            await own.store.removeDocument(gone);
            own.graph.removeDocument(gone);
          }
          return own.store.eventQuotes(keys);
        },
      };
      const query = { actor: 'norland', limit: 50 };
      const reply = await quotedReply(
        own.graph,
        racing,
        () => relations(own.graph, query),
        (r) => r.items,
      );
      expect(calls).toBe(2);
      expect(reply.items.map((e) => e.document)).not.toContain(gone);
      checkQuotes(reply.items);
      expect(reply.items).toEqual(
        (
          await quotedReply(
            own.graph,
            own.store,
            () => relations(own.graph, query),
            (r) => r.items,
          )
        ).items,
      );
    } finally {
      await own.close();
    }
  });

  it('never sit in the graph itself', () => {
    const quotes = [...extracted.values()].map((e) => e.quote);
    t.graph.forEachEdge((_k, attrs) => {
      const held = JSON.stringify(attrs);
      for (const q of quotes) expect(held).not.toContain(q);
    });
  });
});

describe('GET /api/relations', () => {
  it('lists events with evidence, newest first, paginated', async () => {
    const res = await api.get('/api/relations?source=norland&target=sudmark').expect(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual([
      'CONSULT',
      'AGREE',
      'ACCUSE',
    ]);
    const text = fixtureBundle('two').text;
    const ev = res.body.items[0];
    expect(text.slice(ev.evidence.start, ev.evidence.end)).toBe(ev.evidence.quote);
    expect(ev.document).toBe(fixtureBundle('two').extraction.document.id);
    const page = await api.get('/api/relations?limit=4').expect(200);
    expect(page.body.items).toHaveLength(4);
    expect(page.body.total).toBe(9);
    const rest = await api.get('/api/relations').query({ limit: 10, cursor: page.body.nextCursor });
    expect(rest.body.items).toHaveLength(5);
    const ids = new Set([...page.body.items, ...rest.body.items].map((e: { id: string }) => e.id));
    expect(ids.size).toBe(9);
    const filtered = await api.get(
      '/api/relations?quad=material-conflict&from=2023-02-01&to=2023-02-28',
    );
    expect(filtered.body.items.map((e: { type: string }) => e.type)).toEqual(['SANCTION']);
    const byDoc = await api.get(
      `/api/relations?document=${fixtureBundle('three').extraction.document.id}`,
    );
    expect(byDoc.body.total).toBe(3);
  });

  it.each([
    ['limit=501', 'limit'],
    ['type=HUG', 'type'],
    ['from=2023-02-30x', 'from'],
    ['cursor=xyz', 'cursor'],
  ])('rejects %s with a 400 naming %s', async (query, param) => {
    const res = await api.get(`/api/relations?${query}`).expect(400);
    expect(res.body.error.message).toContain(`"${param}"`);
  });

  it('answers 404 for an unknown actor', async () => {
    const res = await api.get('/api/relations?source=atlantis').expect(404);
    expect(res.body.error.message).toContain('"source"');
  });
});

describe('GET /api/stance', () => {
  it('describes the dyad in both directions', async () => {
    const res = await api.get('/api/stance?source=norland&target=sudmark').expect(200);
    expect(res.body.forward).toMatchObject({
      eventCount: 3,
      netScore: 2,
      cooperative: 2,
      hostile: 1,
    });
    expect(res.body.forward.byType).toEqual({ ACCUSE: 1, AGREE: 1, CONSULT: 1 });
    expect(res.body.forward.timeline.map((p: { month: string }) => p.month)).toEqual([
      '2023-01',
      '2023-03',
    ]);
    expect(res.body.backward).toMatchObject({ eventCount: 1, netScore: -2 });
  });

  it('requires both actors and knows them', async () => {
    const missing = await api.get('/api/stance?source=norland').expect(400);
    expect(missing.body.error.message).toContain('"target"');
    const unknown = await api.get('/api/stance?source=norland&target=atlantis').expect(404);
    expect(unknown.body.error.message).toContain('"target"');
  });
});

describe('GET /api/paths', () => {
  it('finds the shortest chain of events', async () => {
    const res = await api.get('/api/paths?from=elodie-varga&to=westria').expect(200);
    expect(res.body.paths[0].nodes).toEqual(['elodie-varga', 'ocean-council', 'westria']);
    expect(res.body.paths[0].hops[1].events[0]).toMatchObject({
      type: 'AID',
      source: 'ocean-council',
    });
    const none = await api.get('/api/paths?from=norland&to=elodie-varga&maxLength=1').expect(200);
    expect(none.body).toEqual({ from: 'norland', to: 'elodie-varga', mode: 'any', paths: [] });
  });

  it('validates its parameters', async () => {
    expect(
      (await api.get('/api/paths?from=norland&to=westria&maxLength=9').expect(400)).body.error
        .message,
    ).toContain('"maxLength"');
    expect((await api.get('/api/paths?to=westria').expect(400)).body.error.message).toContain(
      '"from"',
    );
    expect(
      (await api.get('/api/paths?from=norland&to=atlantis').expect(404)).body.error.message,
    ).toContain('"to"');
  });
});

describe('meta endpoints', () => {
  it('serves the ontology', async () => {
    const res = await api.get('/api/ontology').expect(200);
    expect(res.body.types).toHaveLength(16);
    expect(res.body.types.find((x: { type: string }) => x.type === 'ASSAULT')).toMatchObject({
      quad: 'material-conflict',
      polarity: 'hostile',
    });
    expect(res.body.quads.map((q: { id: string }) => q.id)).toContain('verbal-cooperation');
  });

  it('reports health with counts', async () => {
    const res = await api.get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', documents: 3, actors: 6, events: 9 });
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await api.get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const p of [
      '/api/graph',
      '/api/actors',
      '/api/actors/{id}',
      '/api/relations',
      '/api/stance',
      '/api/paths',
      '/api/documents',
      '/api/documents/{id}',
      '/api/ontology',
      '/healthz',
    ]) {
      expect(res.body.paths[p], p).toBeDefined();
    }
    expect(Object.keys(res.body.paths['/api/documents'])).toEqual(['get', 'post']);
    const limit = res.body.paths['/api/actors'].get.parameters.find(
      (p: { name: string }) => p.name === 'limit',
    );
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    const type = res.body.paths['/api/graph'].get.parameters.find(
      (p: { name: string }) => p.name === 'type',
    );
    expect(type.schema.items.enum).toHaveLength(16);
    const graph = JSON.stringify(
      res.body.paths['/api/graph'].get.responses['200'].content['application/json'].schema,
    );
    expect(graph).toContain('"eventType"');
    expect(graph).toContain('"eventTypes"');
    expect(graph).toContain('sigma');
    const body =
      res.body.paths['/api/documents'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['text']);
  });

  it('renders an escaped HTML reference without scripts', async () => {
    const res = await api
      .get('/api/docs')
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(res.text).toContain('/api/relations');
    expect(res.text).toContain('minConfidence');
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain('{&quot;error&quot;: {&quot;code&quot;, &quot;message&quot;}}');
  });

  it('answers unknown /api routes with a JSON 404', async () => {
    const res = await api.get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
    await api.put('/api/graph').expect(404);
  });

  it('logged no unexpected errors', () => {
    expect(t.errors).toEqual([]);
  });
});
