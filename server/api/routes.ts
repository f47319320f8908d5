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
    summary: 'The graph in graphology serialized form, ready for sigma',
    description:
      'Nodes are actors (with label, x, y, size), edges are events and affiliations, or one edge ' +
      'per ordered pair with mode=dyads. Event filters drop actors left without a matching event. ' +
      'An ego network (focus) that outruns the query time budget answers 503.',
    query: GraphQuery,
    response: ok('the filtered graph', GraphResponse),
    errors: [404, 503],
    handler: ({ query }, s) => ({ body: s.graph.subgraph(query) }),
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
    summary: 'One actor with roles, counts and top partners by stance',
    params: IdParams,
    response: ok('the actor', ActorResponse),
    errors: [404],
    handler: ({ params }, s) => ({ body: s.graph.actor(params.id) }),
  }),
  defineRoute({
    method: 'get',
    path: '/relations',
    tag: 'relations',
    summary: 'Events with their evidence, newest first',
    query: RelationsQuery,
    response: ok('a page of events', RelationsResponse),
    errors: [404],
    handler: ({ query }, s) => ({ body: s.graph.relations(query) }),
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
    handler: ({ query }, s) => ({ body: s.documents.list(query.limit, query.cursor) }),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:id',
    tag: 'documents',
    summary: 'One document: its text and everything extracted from it, with spans',
    params: IdParams,
    response: ok('the document and its extraction', DocumentResponse),
    errors: [404],
    handler: ({ params }, s) => ({ body: s.documents.get(params.id) }),
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
    response: { status: 201, description: 'stored (200: already stored)', schema: IngestResponse },
    errors: [401, 413, 415, 429],
    handler: ({ body }, s) => {
      const result = s.documents.ingest(body);
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
    errors: [401, 404],
    handler: ({ params }, s) => ({ body: s.documents.remove(params.id) }),
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
          documents: s.documents.counts().documents,
          actors: graph.actors,
          events: graph.events,
        },
      };
    },
  }),
];
