// Flat, scalar attributes of exported nodes and edges: the one shape GEXF, GraphML and CSV write,
// so the three formats carry the same columns under the same names.
import type { SubgraphExport } from '../subgraph.ts';

export type FlatValue = string | number | boolean | null;
export type FlatRecord = Record<string, FlatValue>;

type ExportNode = SubgraphExport['nodes'][number];
type ExportEdge = SubgraphExport['edges'][number];

/** Lists (aliases, event types) are written as one string, items separated by this. */
export const LIST_SEPARATOR = ' | ';

/** Node columns in order; `label` is the actor's name, as Gephi expects. */
export const NODE_COLUMNS = [
  'label',
  'kind',
  'country',
  'aliases',
  'documents',
  'eventCount',
  'outCount',
  'inCount',
  'cooperative',
  'hostile',
  'neutral',
] as const;

/** Edge columns of every kind, in order; a kind leaves the others empty. */
export const EDGE_COLUMNS = [
  'kind',
  'eventType',
  'quad',
  'polarity',
  'score',
  'mode',
  'date',
  'datePrecision',
  'confidence',
  'quote',
  'url',
  'document',
  'extractor',
  'sentence',
  'evidenceStart',
  'evidenceEnd',
  'originFile',
  'originLine',
  'originRow',
  'originLayout',
  'storyId',
  'role',
  'eventCount',
  'netScore',
  'eventTypes',
  'firstDate',
  'lastDate',
] as const;

export function flatNode(node: ExportNode): FlatRecord {
  const a = node.attributes;
  return {
    label: a.name,
    kind: a.kind,
    country: a.country,
    aliases: a.aliases.join(LIST_SEPARATOR),
    documents: a.documents,
    eventCount: a.eventCount,
    outCount: a.outCount,
    inCount: a.inCount,
    cooperative: a.cooperative,
    hostile: a.hostile,
    neutral: a.neutral,
  };
}

export function flatEdge(edge: ExportEdge): FlatRecord {
  const a = edge.attributes;
  switch (a.kind) {
    case 'event':
      return {
        kind: 'event',
        eventType: a.eventType,
        quad: a.quad,
        polarity: a.polarity,
        score: a.score,
        mode: a.mode,
        date: a.date,
        datePrecision: a.datePrecision,
        confidence: a.confidence,
        quote: a.evidence.quote,
        url: a.origin?.url ?? null,
        document: a.document,
        extractor: a.extractor,
        sentence: a.evidence.sentence,
        evidenceStart: a.evidence.start,
        evidenceEnd: a.evidence.end,
        originFile: a.origin?.file ?? null,
        originLine: a.origin?.line ?? null,
        originRow: a.origin?.row ?? null,
        originLayout: a.origin?.layout ?? null,
        storyId: a.origin?.storyId ?? null,
      };
    case 'affiliation':
      return { kind: 'affiliation', role: a.role, document: a.document };
    case 'dyad':
      return {
        kind: 'dyad',
        polarity: a.polarity,
        eventCount: a.eventCount,
        netScore: a.netScore,
        cooperative: a.cooperative,
        hostile: a.hostile,
        neutral: a.neutral,
        eventTypes: Object.entries(a.eventTypes)
          .map(([t, n]) => `${t}:${n}`)
          .join(LIST_SEPARATOR),
        firstDate: a.firstDate,
        lastDate: a.lastDate,
      };
  }
}

/** The columns the edges of an export use, in EDGE_COLUMNS order (dyad tallies appended). */
export function edgeColumns(rows: readonly FlatRecord[]): string[] {
  const used = new Set<string>();
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (v !== null) used.add(k);
  const order = [...EDGE_COLUMNS, 'cooperative', 'hostile', 'neutral'];
  return order.filter((c) => used.has(c));
}
