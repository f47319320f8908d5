// The route registry: every endpoint with its schemas, answer and handler, in documentation order.
import { z } from 'zod';
import {
  ACTOR_KINDS,
  EVENT_MODES,
  PLOVER_TYPES,
  POLARITIES,
  QUADS,
  ontology,
} from '../model/index.ts';
import { analyticsRoutes } from './analytics-routes.ts';
import { extractPreviewRoute } from './extract-preview.ts';
import { defineRoute, type RouteSpec } from './route-spec.ts';
import {
  ActorQuery,
  ActorResponse,
  ActorSearchResponse,
  ActorsQuery,
  ArticleBody,
  DeleteResponse,
  DocumentResponse,
  DocumentsQuery,
  DocumentsResponse,
  GraphQuery,
  GraphResponse,
  HealthResponse,
  IdParams,
  IngestResponse,
  OntologyResponse,
  RelationsQuery,
  RelationsResponse,
  StanceQuery,
  StanceResponse,
} from './schemas.ts';

const ok = (description: string, schema: z.ZodType) => ({ status: 200, description, schema });

export const ROUTES: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/graph',
    tag: 'graph',
    summary: 'A bounded view of the graph in graphology serialized form, ready for sigma',
    description:
      'Without focus: an overview of the `limit` most active actors (default 1,000) under the ' +
      'filters; with focus: the actor and its neighbours ranked by ties, hop by hop, up to ' +
      '`limit` (default 100, and 500 edges). Edges are events and affiliations, or one edge per ordered pair with ' +
      'mode=dyads, those of the busiest pairs first, at most `edgeLimit`. attributes.shown says ' +
      'what is shown out of what there is. Event filters drop actors without a matching event. ' +
      'A view over the size bound answers 413, one that outruns the query time budget (building ' +
      'and sending) 503; both say how to narrow the request. Large replies are streamed.',
    query: GraphQuery,
    response: ok('the bounded view', GraphResponse),
    errors: [404, 413, 503],
    handler: async ({ query }, s) => {
      const reply = await s.graph.subgraph(query);
      return { body: null, send: (res) => reply.send(res) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/actors',
    tag: 'actors',
    summary: 'Search actors by name or alias',
    description: 'Case- and accent-insensitive, prefix and typo-tolerant; best matches first.',
    query: ActorsQuery,
    response: ok('a page of matching actors', ActorSearchResponse),
    handler: ({ query }, s) => ({ body: s.graph.searchActors(query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/actors/:id',
    tag: 'actors',
    summary: 'One actor with roles, counts, top partners by stance and a page of its documents',
    params: IdParams,
    query: ActorQuery,
    response: ok('the actor', ActorResponse),
    errors: [404],
    handler: ({ params, query }, s) => ({ body: s.graph.actor(params.id, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/relations',
    tag: 'relations',
    summary: 'Events with their evidence, newest first',
    query: RelationsQuery,
    response: ok('a page of events', RelationsResponse),
    errors: [404],
    handler: async ({ query }, s) => ({ body: await s.graph.relations(query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/stance',
    tag: 'relations',
    summary: 'The stance between two actors in both directions',
    description: 'Counts by type, net score and a monthly timeline for source->target and back.',
    query: StanceQuery,
    response: ok('the dyad both ways', StanceResponse),
    errors: [404],
    handler: ({ query }, s) => ({ body: s.graph.stance(query) }),
  }),
  ...analyticsRoutes,
  defineRoute({
    method: 'get',
    path: '/documents',
    tag: 'documents',
    summary: 'Stored documents, newest ingested first',
    query: DocumentsQuery,
    response: ok('a page of documents', DocumentsResponse),
    handler: async ({ query }, s) => ({ body: await s.documents.list(query.limit, query.cursor) }),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:id',
    tag: 'documents',
    summary: 'One document: its text and everything extracted from it, with spans',
    params: IdParams,
    response: ok('the document and its extraction', DocumentResponse),
    errors: [404],
    handler: async ({ params }, s) => ({ body: await s.documents.get(params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/documents',
    tag: 'documents',
    summary: 'Ingest an article',
    description:
      'Extracts, stores and adds the article to the graph. 201 when new; 200 with the existing ' +
      'id when the same text is already stored. JSON only, at most 2 MB.',
    body: ArticleBody,
    response: {
      status: 201,
      description: 'stored',
      schema: IngestResponse,
      alternate: {
        status: 200,
        description: 'the same text was already stored: its id and extraction',
      },
    },
    errors: [401, 413, 415, 422, 429, 503, 507],
    handler: async ({ body }, s) => {
      const result = await s.documents.ingest(body);
      return { status: result.created ? 201 : 200, body: result };
    },
  }),
  extractPreviewRoute,
  defineRoute({
    method: 'delete',
    path: '/documents/:id',
    tag: 'documents',
    summary: 'Delete a document; its events leave the graph and unmentioned actors go',
    params: IdParams,
    response: ok('deleted', DeleteResponse),
    errors: [401, 404, 507],
    handler: async ({ params }, s) => ({ body: await s.documents.remove(params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/ontology',
    tag: 'meta',
    summary: 'PLOVER types with quad class, polarity and score, for legends and filters',
    response: ok('the ontology', OntologyResponse),
    handler: () => {
      const o = ontology();
      return {
        body: {
          quads: QUADS.map((id) => ({ id, ...o.quads[id] })),
          types: PLOVER_TYPES.map((type) => {
            const t = o.types[type];
            return {
              type,
              quad: t.quad,
              polarity: t.polarity,
              score: t.score,
              description: t.description,
            };
          }),
          polarities: [...POLARITIES],
          actorKinds: [...ACTOR_KINDS],
          eventModes: [...EVENT_MODES],
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/healthz',
    absolute: true,
    tag: 'meta',
    summary: 'Liveness and what is loaded',
    response: ok('up', HealthResponse),
    handler: (_input, s) => {
      const graph = s.graph.counts();
      return {
        body: {
          status: 'ok',
          // From the graph, not the store: health reports what the endpoints serve.
          documents: graph.documents,
          actors: graph.actors,
          events: graph.events,
        },
      };
    },
  }),
];
