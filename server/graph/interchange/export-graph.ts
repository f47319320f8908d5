// GET /api/export and `stancegraph export`: the filtered graph as GEXF, GraphML, graphology JSON
// or one CSV table, with the media type and file name to send it under.
import { fillQuotes, viewQuotes, type QuoteSource } from '../quotes.ts';
import { subgraph, type SubgraphQuery } from '../subgraph.ts';
import type { StanceGraph } from '../stance-graph.ts';
import type { Budget } from '../types.ts';
import { toCsv, type CsvTable } from './csv-write.ts';
import { toGexf } from './gexf.ts';
import { toGraphml } from './graphml.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  contentType: string;
  fileName: string;
  body: string;
}

/**
 * The whole filtered graph (or ego network), never capped like the explorer's views: every actor
 * and every matching edge. Exports skip ForceAtlas2 (Gephi lays graphs out itself) unless the
 * query asks for it. Quotes come from `quotes` (the store); without it they are empty.
 */
export async function exportGraph(
  sg: StanceGraph,
  format: ExportFormat,
  query: SubgraphQuery & { table?: CsvTable } = {},
  budget?: Budget,
  quotes?: QuoteSource,
): Promise<ExportedFile> {
  const { table = 'edges', ...q } = query;
  const data = subgraph(
    sg,
    { ...q, layout: q.layout ?? false, limit: Infinity, order: 'graph' },
    budget,
  );
  // Evidence quotes are read from the store QUOTE_BATCH events at a time.
  if (quotes) await fillQuotes(quotes, viewQuotes(data));
  switch (format) {
    case 'gexf':
      return {
        contentType: 'application/gexf+xml',
        fileName: 'stancegraph.gexf',
        body: toGexf(data),
      };
    case 'graphml':
      return {
        contentType: 'application/graphml+xml',
        fileName: 'stancegraph.graphml',
        body: toGraphml(data),
      };
    case 'json':
      return {
        contentType: 'application/json',
        fileName: 'stancegraph.json',
        body: JSON.stringify(data),
      };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `stancegraph-${table}.csv`,
        body: toCsv(data, table),
      };
  }
}
