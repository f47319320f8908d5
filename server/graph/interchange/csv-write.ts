// CSV tables of an export (RFC 4180: quoted when needed, quotes doubled, CRLF line ends), one for
// nodes and one for edges. Text cells that a spreadsheet would run as a formula are defused.
import type { SubgraphExport } from '../subgraph.ts';
import {
  NODE_COLUMNS,
  edgeColumns,
  flatEdge,
  flatNode,
  type FlatValue,
} from './flat-attributes.ts';

export type CsvTable = 'nodes' | 'edges';

/** A leading = + - @ (or tab, CR) makes spreadsheets evaluate a cell; text gets a ' in front. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when needed; `defuse` (default) guards text against formula evaluation. */
export function csvCell(value: FlatValue, defuse = true): string {
  if (value === null) return '';
  let text = String(value);
  if (defuse && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: FlatValue[], defuse = true): string {
  return `${values.map((v) => csvCell(v, defuse)).join(',')}\r\n`;
}

/** The nodes table (id first) or the edges table (id, source, target first) of an export. */
export function toCsv(data: SubgraphExport, table: CsvTable): string {
  if (table === 'nodes') {
    const columns = ['id', ...NODE_COLUMNS];
    return (
      csvLine(columns) +
      data.nodes.map((n) => csvLine([n.key, ...NODE_COLUMNS.map((c) => flatNode(n)[c]!)])).join('')
    );
  }
  const rows = data.edges.map(flatEdge);
  const columns = edgeColumns(rows);
  return (
    csvLine(['id', 'source', 'target', ...columns]) +
    data.edges
      .map((e, i) =>
        csvLine([e.key, e.source, e.target, ...columns.map((c) => rows[i]![c] ?? null)]),
      )
      .join('')
  );
}
