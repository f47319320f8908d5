// The registry entries of the analytics and interchange endpoints, listed in routes.ts.
import { defineRoute } from './route-spec.ts';
import {
  BlocsQuery,
  BlocsResponse,
  ExportQuery,
  ExportResponse,
  ImportBody,
  ImportResponse,
  MetricsQuery,
  MetricsResponse,
  PathsQuery,
  PathsResponse,
  TimelineQuery,
  TimelineResponse,
} from './analytics-schemas.ts';

export const analyticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/paths',
    tag: 'analytics',
    summary: 'The k shortest simple paths between two actors, with the events along each hop',
    description:
      "Yen's algorithm over the actor graph (direction ignored; mode keeps only cooperative or " +
      'hostile events). A hop costs 1 + 1/(8(1 + n)) for n events between the two, so fewer hops ' +
      'come first, then better-attested ones. Unreachable within maxLength: an empty list. A ' +
      'search that outruns the query time budget answers 503.',
    query: PathsQuery,
    response: { status: 200, description: 'the paths, cheapest first', schema: PathsResponse },
    errors: [404, 503],
    handler: async ({ query }, s) => ({ body: await s.analytics.paths(query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/metrics',
    tag: 'analytics',
    summary: 'Actors ranked by degree, weighted degree, PageRank or betweenness',
    description:
      'Over the filtered graph (the filters of /api/graph). degree: distinct partners; ' +
      'weighted-degree: events; pagerank: damping 0.85 on the directed pair graph weighted by ' +
      'events (sums to 1); betweenness: normalized, on the undirected pair graph, estimated from ' +
      'seeded sample sources above 500 actors (exact=false). Computed off the serving thread ' +
      'and cached until the graph changes; a request waits for a computation up to the query ' +
      'budget, then answers 503 (analysis_pending) with Retry-After while it goes on.',
    query: MetricsQuery,
    response: { status: 200, description: 'the ranking', schema: MetricsResponse },
    errors: [503],
    handler: async ({ query }, s) => ({ body: await s.analytics.metrics(query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/blocs',
    tag: 'analytics',
    summary: 'Alignment blocs (Louvain on positive net stance) and aligned actor pairs',
    description:
      'Blocs: seeded Louvain communities of the graph linking pairs whose events sum to a ' +
      'positive score, with the net stance between blocs. Alignment of a pair: cosine similarity ' +
      'of their stance (summed score) toward the third parties both acted toward, over at least ' +
      'minCommon of them. Computed off the serving thread and cached until the graph changes; ' +
      'a request waits up to the query budget, then answers 503 (analysis_pending) with ' +
      'Retry-After while the computation goes on.',
    query: BlocsQuery,
    response: { status: 200, description: 'blocs and alignment pairs', schema: BlocsResponse },
    errors: [404, 503],
    handler: async ({ query }, s) => ({ body: await s.analytics.blocs(query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/timeline',
    tag: 'analytics',
    summary: 'Events by quad class and net score per month or week, for an actor or a dyad',
    description:
      'Every period from the first to the last event, empty ones included. Weeks are ISO weeks ' +
      'and need day-precise dates; coarser or missing dates count in offTimeline.',
    query: TimelineQuery,
    response: { status: 200, description: 'the timeline', schema: TimelineResponse },
    errors: [404],
    handler: ({ query }, s) => ({ body: s.analytics.timeline(query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/export',
    tag: 'interchange',
    summary: 'The filtered graph as GEXF, GraphML, graphology JSON or a CSV table',
    description:
      'The filters of /api/graph. GEXF 1.3 (dated events carry start/end for the Gephi timeline) ' +
      'and GraphML open in Gephi with every attribute declared; format=csv gives the edges table ' +
      '(table=edges, with quotes and document ids) or the nodes table (table=nodes). Sent as an ' +
      'attachment.',
    query: ExportQuery,
    contentType: 'application/gexf+xml, application/graphml+xml, application/json, text/csv',
    response: { status: 200, description: 'the file', schema: ExportResponse },
    errors: [404, 503],
    handler: async ({ query }, s) => {
      const file = await s.analytics.export(query);
      return { body: file.body, type: file.contentType, fileName: file.fileName };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/import',
    tag: 'interchange',
    summary: 'Import coded events from a CSV file (stancegraph, ICEWS or PLOVER layout) or JSON',
    description:
      'The file travels as text in a JSON body ({format, layout, fileName, content}; at most 2 MB ' +
      '— use `stancegraph import` for larger files). It is stored as one document; each row is ' +
      'validated, bad rows are listed with their line and skipped, good rows become events whose ' +
      'origin names the file and line. 201 when stored, 200 when nothing new was stored.',
    body: ImportBody,
    response: {
      status: 201,
      description: 'stored',
      schema: ImportResponse,
      alternate: { status: 200, description: 'nothing new was stored' },
    },
    errors: [401, 413, 415, 429, 507],
    handler: async ({ body }, s) => {
      const result = await s.analytics.import(body);
      return { status: result.created ? 201 : 200, body: result };
    },
  }),
];
