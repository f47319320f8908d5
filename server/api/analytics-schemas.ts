// Zod schemas of the analytics and interchange endpoints (paths, metrics, blocs, timeline, export,
// import), written like schemas.ts and validated by the same layer (validate.ts).
import { z } from 'zod';
import { ActorKind, Event, IsoDate, Quad } from '../model/index.ts';
import { EXPORT_FORMATS, MEASURES } from '../graph/index.ts';
import { IMPORT_FORMATS, IMPORT_LAYOUTS } from '../ingest/index.ts';
import { GraphQuery, actorRef, eventFilterShape, limit, list, orderedDates } from './schemas.ts';

const count = (min: number, max: number, dflt: number, what: string) =>
  z.coerce.number().int().min(min).max(max).default(dflt).describe(`${what}, ${min}..${max}`);

const analysisFilterShape = { ...eventFilterShape, kind: list(ActorKind, 'actor kinds') };

export const PathsQuery = z.object({
  from: actorRef('start actor id'),
  to: actorRef('end actor id'),
  k: count(1, 10, 3, 'paths wanted'),
  mode: z
    .enum(['any', 'cooperative', 'hostile'])
    .default('any')
    .describe('which events link two actors: all, only cooperative or only hostile ones'),
  maxLength: count(1, 6, 4, 'most hops per path'),
});

export const MetricsQuery = z
  .object({
    ...analysisFilterShape,
    measure: z
      .enum(MEASURES)
      .default('pagerank')
      .describe('partners (degree), events (weighted-degree), pagerank or betweenness'),
    limit: limit(500, 50),
  })
  .superRefine(orderedDates);

export const BlocsQuery = z
  .object({
    ...analysisFilterShape,
    actor: actorRef('list only alignment pairs with this actor').optional(),
    minCommon: count(1, 50, 2, 'fewest common third parties for an alignment pair'),
    limit: count(0, 200, 20, 'alignment pairs listed (0 lists none and skips the work)'),
    order: z
      .enum(['aligned', 'opposed'])
      .default('aligned')
      .describe('pairs with the highest (aligned) or lowest (opposed) alignment first'),
  })
  .superRefine(orderedDates);

export const TimelineQuery = z
  .object({
    actor: actorRef('actor id'),
    partner: actorRef('second actor id: the dyad, both directions').optional(),
    granularity: z.enum(['month', 'week']).default('month').describe('bucket size'),
    ...eventFilterShape,
  })
  .superRefine(orderedDates);

export const ExportQuery = z
  .object({
    ...GraphQuery.shape,
    format: z.enum(EXPORT_FORMATS).describe('gexf, graphml, json (graphology) or csv'),
    table: z
      .enum(['nodes', 'edges'])
      .default('edges')
      .describe('with format=csv: the nodes table or the edges table'),
  })
  .superRefine(orderedDates);

export const ImportBody = z.object({
  format: z.enum(IMPORT_FORMATS).describe('csv (or tab-separated) or json (graphology)'),
  layout: z
    .enum(IMPORT_LAYOUTS)
    .default('stancegraph')
    .describe('column layout of a CSV file: stancegraph, icews or plover'),
  fileName: z
    .string()
    .min(1)
    .max(200)
    .describe('the file name, kept as the document title and in each event origin'),
  content: z.string().min(1).describe('the file text'),
});

const EventOut = Event.describe('an event with its evidence, provenance and (imported) origin');

export const PathsResponse = z.object({
  from: z.string(),
  to: z.string(),
  mode: z.enum(['any', 'cooperative', 'hostile']),
  paths: z.array(
    z.object({
      nodes: z.array(z.string()),
      length: z.number().int(),
      cost: z.number().describe('sum of hop costs 1 + 1/(8(1 + events))'),
      hops: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          eventCount: z.number().int(),
          events: z.array(EventOut),
        }),
      ),
    }),
  ),
  truncated: z
    .literal(true)
    .optional()
    .describe(
      'present when the search read its most neighbour entries (1,000,000) and stopped: the paths found by then, exact and cheapest first, fewer than k',
    ),
});

export const MetricsResponse = z.object({
  measure: z.enum(MEASURES),
  total: z.number().int(),
  exact: z.boolean(),
  version: z.number().int(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      id: z.string(),
      name: z.string(),
      kind: ActorKind,
      value: z.number(),
    }),
  ),
});

export const BlocsResponse = z.object({
  version: z.number().int(),
  modularity: z.number(),
  blocs: z.array(
    z.object({
      id: z.number().int(),
      size: z.number().int(),
      members: z.array(z.object({ id: z.string(), name: z.string(), kind: ActorKind })),
      internalEvents: z.number().int(),
      internalNet: z.number(),
    }),
  ),
  unaligned: z.number().int(),
  between: z.array(
    z.object({
      a: z.number().int(),
      b: z.number().int(),
      events: z.number().int(),
      netScore: z.number(),
    }),
  ),
  alignment: z.array(
    z.object({ a: z.string(), b: z.string(), score: z.number(), common: z.number().int() }),
  ),
});

export const TimelineResponse = z.object({
  actor: z.string(),
  partner: z.string().nullable(),
  granularity: z.enum(['month', 'week']),
  buckets: z.array(
    z.object({
      period: z.string(),
      start: IsoDate,
      eventCount: z.number().int(),
      netScore: z.number(),
      byQuad: z.record(Quad, z.number().int()),
    }),
  ),
  offTimeline: z.number().int(),
  eventCount: z.number().int(),
});

export const ImportResponse = z.object({
  document: z.string().nullable(),
  created: z.boolean(),
  rows: z.number().int(),
  imported: z.number().int(),
  newActors: z.array(z.string()),
  errors: z.array(
    z.object({
      line: z.number().int().nullable(),
      row: z.number().int().nullable(),
      message: z.string(),
    }),
  ),
});

export const ExportResponse = z
  .string()
  .describe('the file: GEXF 1.3, GraphML, graphology JSON or CSV (RFC 4180)');
