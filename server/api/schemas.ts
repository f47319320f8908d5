// Zod schemas of every API input and output; the routes validate with them and OpenAPI is built from them.
import { z } from 'zod';
import {
  ActorKind,
  ActorRole,
  DocumentRecord,
  DocumentSummary,
  Event,
  EventMode,
  Extraction,
  IsoDate,
  malformedUnicode,
  PloverType,
  Polarity,
  Quad,
} from '../model/index.ts';
import {
  DEFAULT_EGO_ACTORS,
  DEFAULT_EGO_EDGES,
  DEFAULT_VIEW_ACTORS,
  DEFAULT_VIEW_EDGES,
  EXPORT_EDGE_TYPE,
} from '../graph/index.ts';

export const date = (what: string) => IsoDate.optional().describe(what);
export const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).optional().describe(`${what} (comma-separated or repeated)`);
export const limit = (max: number, dflt: number) =>
  z.coerce.number().int().min(1).max(max).default(dflt).describe(`page size, 1..${max}`);
const cursor = z.string().max(1000).optional().describe('opaque cursor from the previous page');
export const actorRef = (what: string) => z.string().min(1).max(200).describe(what);
const flag = (what: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe(what);

/** from must not come after to. */
export function orderedDates(v: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (v.from !== undefined && v.to !== undefined && v.from.slice(0, 10) > v.to.slice(0, 10)) {
    if (v.from.slice(0, v.to.length) === v.to) return;
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before "from"' });
  }
}

export const eventFilterShape = {
  from: date('earliest event date, YYYY, YYYY-MM or YYYY-MM-DD'),
  to: date('latest event date, YYYY, YYYY-MM or YYYY-MM-DD'),
  type: list(PloverType, 'PLOVER event types'),
  quad: list(Quad, 'quad classes'),
  polarity: list(Polarity, 'polarities'),
  minConfidence: z.coerce.number().min(0).max(1).optional().describe('minimum confidence, 0..1'),
};

export const GraphQuery = z
  .object({
    ...eventFilterShape,
    kind: list(ActorKind, 'actor kinds'),
    focus: actorRef('actor id at the centre of an ego network').optional(),
    depth: z.coerce
      .number()
      .int()
      .min(1)
      .max(3)
      .default(1)
      .describe('ego network depth, 1..3 (with focus)'),
    mode: z
      .enum(['events', 'dyads'])
      .default('events')
      .describe('one edge per event, or one per ordered actor pair'),
    affiliations: flag('include person affiliation edges (default true)'),
    layout: flag('refine positions with ForceAtlas2 (default true)'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(5_000)
      .optional()
      .describe(
        `most actors shown, 1..5000: the most active (overview, default ${DEFAULT_VIEW_ACTORS}) ` +
          `or the focus and its best-tied neighbours (focus, default ${DEFAULT_EGO_ACTORS})`,
      ),
    edgeLimit: z.coerce
      .number()
      .int()
      .min(1)
      .max(50_000)
      .optional()
      .describe(
        'most event or pair edges shown, 1..50000, those of the busiest pairs first ' +
          `(default ${DEFAULT_VIEW_EDGES}; with focus ${DEFAULT_EGO_EDGES})`,
      ),
  })
  .superRefine(orderedDates);

export const ActorsQuery = z.object({
  q: z.string().max(200).optional().describe('name or alias; prefix and one typo tolerated'),
  kind: list(ActorKind, 'actor kinds'),
  limit: limit(100, 20),
  cursor,
});

export const IdParams = z.object({ id: z.string().min(1).max(200).describe('id') });

export const ActorQuery = z.object({
  limit: limit(500, 100).describe('document ids per page, 1..500'),
  cursor,
});

export const RelationsQuery = z
  .object({
    source: actorRef('acting actor id').optional(),
    target: actorRef('targeted actor id').optional(),
    actor: actorRef('actor id on either end').optional(),
    ...eventFilterShape,
    document: z.string().min(1).max(64).optional().describe('document id'),
    limit: limit(500, 50),
    cursor,
  })
  .superRefine(orderedDates);

export const StanceQuery = z
  .object({
    source: actorRef('first actor id'),
    target: actorRef('second actor id'),
    from: eventFilterShape.from,
    to: eventFilterShape.to,
  })
  .superRefine(orderedDates);

export const DocumentsQuery = z.object({ limit: limit(500, 50), cursor });

/** Stored text is exactly what was posted: a lone UTF-16 surrogate is refused with its position. */
function wellFormed(s: string, ctx: z.RefinementCtx): void {
  const problem = malformedUnicode(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

function storedText(max: number) {
  return z.string().max(max).superRefine(wellFormed);
}

export const ArticleBody = z.object({
  text: z.string().min(1).superRefine(wellFormed).describe('the article body'),
  title: storedText(1000).nullish(),
  published: IsoDate.nullish().describe('publication date, YYYY-MM-DD'),
  source: storedText(1000).nullish(),
  url: storedText(4000).nullish(),
});

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

const Counts = z.object({
  cooperative: z.number().int(),
  hostile: z.number().int(),
  neutral: z.number().int(),
});
const ActorNode = Counts.extend({
  kind: ActorKind,
  name: z.string(),
  country: z.string().nullable(),
  aliases: z.array(z.string()),
  documents: z.number().int(),
  eventCount: z.number().int(),
  outCount: z.number().int(),
  inCount: z.number().int(),
});
const Dyad = Counts.extend({
  source: z.string(),
  target: z.string(),
  eventCount: z.number().int(),
  netScore: z.number(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
});
const EventOut = Event.describe('an event with its evidence and provenance');

const sigmaType = z
  .literal(EXPORT_EDGE_TYPE)
  .describe("sigma's edge program (one of its defaults), so the graph loads straight into sigma");
const EventEdge = Event.omit({ source: true, target: true, type: true })
  .extend({
    kind: z.literal('event'),
    eventType: PloverType.describe('PLOVER type'),
    type: sigmaType,
  })
  .describe('one event, with its evidence and provenance');
const AffiliationEdge = z
  .object({
    kind: z.literal('affiliation'),
    role: z.string(),
    document: z.string(),
    type: sigmaType,
  })
  .describe('a person -> state/organization affiliation');
const DyadEdge = Dyad.omit({ source: true, target: true })
  .extend({
    kind: z.literal('dyad'),
    polarity: Polarity,
    eventTypes: z.record(z.string(), z.number().int()).describe('event counts by PLOVER type'),
    type: sigmaType,
  })
  .describe('all events of one ordered actor pair (mode=dyads)');
const GraphEdgeAttributes = z
  .discriminatedUnion('kind', [EventEdge, AffiliationEdge, DyadEdge])
  .describe(
    'by kind: event (the event fields, PLOVER type in eventType), affiliation (role, document) or ' +
      'dyad (counts, netScore, polarity, eventTypes); `type` is always the sigma program "arrow"',
  );

export const GraphResponse = z.object({
  attributes: z.object({
    mode: z.enum(['events', 'dyads']),
    focus: z.string().nullable(),
    depth: z.number().int().nullable(),
    shown: z
      .object({
        actors: z.number().int(),
        actorsTotal: z
          .number()
          .int()
          .describe('actors that qualify (overview) or were reached within the depth (focus)'),
        actorsBy: z.enum(['activity', 'ties']),
        edges: z.number().int().describe('event or pair edges shown, affiliations aside'),
        edgesTotal: z.number().int().describe('such edges among the shown actors'),
        summary: z.string().describe('e.g. "1,000 of 20,000 actors, by activity; ..."'),
      })
      .describe('what the view shows out of what there is'),
  }),
  options: z.object({
    type: z.literal('directed'),
    multi: z.boolean(),
    allowSelfLoops: z.boolean(),
  }),
  nodes: z.array(
    z.object({
      key: z.string(),
      attributes: ActorNode.extend({
        label: z.string(),
        x: z.number(),
        y: z.number(),
        size: z.number(),
      }),
    }),
  ),
  edges: z.array(
    z.object({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      attributes: GraphEdgeAttributes,
    }),
  ),
});

export const ActorSearchResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: ActorKind,
      country: z.string().nullable(),
      aliases: z.array(z.string()),
      documents: z.number().int(),
      eventCount: z.number().int(),
      score: z.number(),
      matched: z.string(),
    }),
  ),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

const PartnerOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  eventCount: z.number().int(),
  netScore: z.number(),
  polarity: Polarity,
  outgoing: Dyad.nullable(),
  incoming: Dyad.nullable(),
});

export const ActorResponse = ActorNode.extend({
  id: z.string(),
  roles: z
    .array(ActorRole)
    .describe(
      'the gazetteer roles with their real dates (current while the gazetteer gives no end), then ' +
        'the roles articles state, each as of its latest article, which is cited',
    ),
  partners: z.array(PartnerOut),
  documentIds: z
    .array(z.string())
    .describe('one page of the documents that mention the actor, in ingest order'),
  nextDocumentCursor: z.string().nullable().describe('cursor for the next page of documentIds'),
});

export const RelationsResponse = z.object({
  items: z.array(EventOut),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

const DirectedStance = Dyad.extend({
  polarity: Polarity,
  byType: z.record(z.string(), z.number().int()),
  timeline: z.array(
    Counts.extend({ month: z.string(), eventCount: z.number().int(), netScore: z.number() }),
  ),
  offTimeline: z.number().int(),
});
export const StanceResponse = z.object({
  source: z.object({ id: z.string(), name: z.string() }),
  target: z.object({ id: z.string(), name: z.string() }),
  forward: DirectedStance,
  backward: DirectedStance,
  eventCount: z.number().int(),
  netScore: z.number(),
});

export const DocumentsResponse = z.object({
  items: z.array(DocumentSummary),
  nextCursor: z.string().nullable(),
});
export const DocumentResponse = z.object({
  document: DocumentRecord,
  extraction: Extraction,
  sentences: z
    .array(z.object({ start: z.number().int(), end: z.number().int() }))
    .describe('the sentences of the text in order (index = evidence.sentence), as UTF-16 spans'),
});
export const IngestResponse = z.object({
  id: z.string(),
  created: z.boolean(),
  extraction: Extraction,
});
export const DeleteResponse = z.object({ id: z.string(), deleted: z.literal(true) });

export const OntologyResponse = z.object({
  quads: z.array(z.object({ id: Quad, label: z.string(), number: z.number().int() })),
  types: z.array(
    z.object({
      type: PloverType,
      quad: Quad,
      polarity: Polarity,
      score: z.number(),
      description: z.string(),
    }),
  ),
  polarities: z.array(Polarity),
  actorKinds: z.array(ActorKind),
  eventModes: z.array(EventMode),
});

export const HealthResponse = z.object({
  status: z.literal('ok'),
  documents: z.number().int(),
  actors: z.number().int(),
  events: z.number().int(),
});
