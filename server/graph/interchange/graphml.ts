// GraphML for Gephi, yEd and networkx: every attribute declared as a <key> with its type, node
// labels under `label` and edge weights under `weight`, as Gephi's importer reads them.
// graphology-graphml only parses, so this writes the document itself.
import type { SubgraphExport } from '../subgraph.ts';
import {
  NODE_COLUMNS,
  edgeColumns,
  flatEdge,
  flatNode,
  type FlatRecord,
  type FlatValue,
} from './flat-attributes.ts';

function isXmlChar(c: number): boolean {
  return (c >= 0x20 && c !== 0xfffe && c !== 0xffff) || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** XML 1.0 allows no control characters but tab, line feed and carriage return. */
function xmlChars(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length && clean; i++) clean = isXmlChar(text.charCodeAt(i));
  if (clean) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += isXmlChar(text.charCodeAt(i)) ? text[i] : '\ufffd';
  }
  return out;
}

/** Markup characters in a value, escaped for text and attribute positions alike. */
const MARKUP = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return xmlChars(text).replace(MARKUP, (c) => ENTITIES[c]!);
}

type KeyType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/** The narrowest GraphML type that holds every value of a column. */
function columnType(values: FlatValue[]): KeyType {
  let type: KeyType | null = null;
  for (const v of values) {
    if (v === null) continue;
    const t: KeyType =
      typeof v === 'boolean'
        ? 'boolean'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? Math.abs(v) < 2 ** 31
              ? 'int'
              : 'long'
            : 'double'
          : 'string';
    if (type === null || type === t) type = t;
    else if (['int', 'long', 'double'].includes(type) && ['int', 'long', 'double'].includes(t)) {
      type = type === 'double' || t === 'double' ? 'double' : 'long';
    } else type = 'string';
  }
  return type ?? 'string';
}

interface Key {
  id: string;
  name: string;
  type: KeyType;
}

function keysFor(prefix: string, columns: string[], rows: FlatRecord[]): Key[] {
  return columns.map((name, i) => ({
    id: `${prefix}${i}`,
    name,
    type: columnType(rows.map((r) => r[name] ?? null)),
  }));
}

function dataElements(keys: Key[], row: FlatRecord, indent: string): string {
  let out = '';
  for (const key of keys) {
    const v = row[key.name];
    if (v === null || v === undefined || v === '') continue;
    out += `${indent}<data key="${key.id}">${escapeXml(String(v))}</data>\n`;
  }
  return out;
}

export function toGraphml(data: SubgraphExport): string {
  const nodeRows = data.nodes.map(flatNode);
  const edgeRows = data.edges.map((e) => {
    const row = flatEdge(e);
    const weight = typeof row.eventCount === 'number' ? row.eventCount : 1;
    return { ...row, weight };
  });
  const nodeKeys = keysFor('n', [...NODE_COLUMNS], nodeRows);
  const edgeKeys = keysFor('e', [...edgeColumns(edgeRows), 'weight'], edgeRows);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ',
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ',
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  ];
  for (const [what, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const) {
    for (const k of keys) {
      parts.push(
        `  <key id="${k.id}" for="${what}" attr.name="${k.name}" attr.type="${k.type}"/>\n`,
      );
    }
  }
  parts.push(`  <graph id="stancegraph" edgedefault="directed">\n`);
  data.nodes.forEach((node, i) => {
    parts.push(`    <node id="${escapeXml(node.key)}">\n`);
    parts.push(dataElements(nodeKeys, nodeRows[i]!, '      '));
    parts.push('    </node>\n');
  });
  data.edges.forEach((edge, i) => {
    parts.push(
      `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">\n`,
    );
    parts.push(dataElements(edgeKeys, edgeRows[i]!, '      '));
    parts.push('    </edge>\n');
  });
  parts.push('  </graph>\n</graphml>\n');
  return parts.join('');
}
