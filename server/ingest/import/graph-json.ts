// A graphology JSON graph (as GET /api/export?format=json gives) rendered as a stancegraph CSV, so
// its event edges go through the same row validation and are stored as a readable table.
import { z } from 'zod';
import { csvLine } from '../../graph/index.ts';
import { ImportFileError, MAX_REPORTED_ERRORS, type RowError } from './import-errors.ts';

const Node = z.object({
  key: z.union([z.string(), z.number()]).transform(String),
  attributes: z
    .object({
      name: z.string().optional(),
      label: z.string().optional(),
      kind: z.string().optional(),
      country: z.string().nullable().optional(),
    })
    .loose()
    .optional(),
});

const Edge = z.object({
  source: z.union([z.string(), z.number()]).transform(String),
  target: z.union([z.string(), z.number()]).transform(String),
  attributes: z
    .object({
      kind: z.string().optional(),
      eventType: z.string().optional(),
      type: z.string().optional(),
      date: z.string().nullable().optional(),
      confidence: z.number().optional(),
      quote: z.string().optional(),
      evidence: z.object({ quote: z.string() }).loose().optional(),
      origin: z.object({ url: z.string().nullable().optional() }).loose().optional(),
      url: z.string().nullable().optional(),
    })
    .loose()
    .default({}),
});

const Graph = z.object({ nodes: z.array(z.unknown()).default([]), edges: z.array(z.unknown()) });

const HEADER = [
  'source',
  'sourceId',
  'sourceKind',
  'sourceCountry',
  'target',
  'targetId',
  'targetKind',
  'targetCountry',
  'type',
  'date',
  'quote',
  'url',
  'confidence',
];

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The CSV text of a JSON graph's event edges, which row of it each came from (1-based edge
 * position), and the edges that are not events or not well formed.
 */
export function graphJsonToCsv(json: string): {
  text: string;
  rows: number[];
  edges: number;
  errors: RowError[];
} {
  let data: z.infer<typeof Graph>;
  try {
    data = Graph.parse(JSON.parse(json));
  } catch (error) {
    const why =
      error instanceof SyntaxError ? error.message : 'expected {"nodes": [...], "edges": [...]}';
    throw new ImportFileError(`not a graphology JSON graph: ${why}`);
  }
  const nodes = new Map<string, z.infer<typeof Node>['attributes']>();
  for (const raw of data.nodes) {
    const n = Node.safeParse(raw);
    if (n.success) nodes.set(n.data.key, n.data.attributes);
  }
  const errors: RowError[] = [];
  const rows: number[] = [];
  let text = csvLine(HEADER, false);
  const report = (error: RowError) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
  };
  const end = (key: string) => {
    const a = nodes.get(key);
    return [
      a?.name ?? a?.label ?? key,
      SLUG.test(key) ? key : null,
      a?.kind ?? null,
      a?.country ?? null,
    ];
  };
  data.edges.forEach((raw, i) => {
    const parsed = Edge.safeParse(raw);
    if (!parsed.success) {
      report({ line: null, row: i + 1, message: `edge: ${parsed.error.issues[0]!.message}` });
      return;
    }
    const { source, target, attributes: a } = parsed.data;
    if (a.kind !== undefined && a.kind !== 'event') {
      report({ line: null, row: i + 1, message: `kind: "${a.kind}" edges are not events` });
      return;
    }
    rows.push(i + 1);
    text += csvLine(
      [
        ...end(source),
        ...end(target),
        a.eventType ?? a.type ?? null,
        a.date ?? null,
        a.quote ?? a.evidence?.quote ?? null,
        a.url ?? a.origin?.url ?? null,
        a.confidence ?? null,
      ],
      false,
    );
  });
  return { text, rows, edges: data.edges.length, errors };
}
