// GEXF 1.3 for Gephi: graphology-gexf writes nodes, edges and declared attributes; dated events
// also get a spell (start and end days), so Gephi's timeline can play the graph over time.
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { dateLowerBound, dateUpperBound } from '../dates.ts';
import type { SubgraphExport } from '../subgraph.ts';
import { flatEdge, flatNode, type FlatRecord } from './flat-attributes.ts';

const KIND_COLOURS: Record<string, string> = {
  person: '#4e79a7',
  state: '#f28e2b',
  organization: '#59a14f',
};

function withoutNulls(record: FlatRecord): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(record)) if (v !== null && v !== '') out[k] = v;
  return out;
}

/** The GEXF document of an export. Edge kind is the PLOVER type, which Gephi shows as edge type. */
export function toGexf(data: SubgraphExport): string {
  const g = new MultiDirectedGraph();
  g.replaceAttributes({
    creator: 'stancegraph',
    description: `stance graph (${data.attributes.mode})`,
  });
  for (const node of data.nodes) g.addNode(node.key, { ...withoutNulls(flatNode(node)) });
  const spells: ({ start: string; end: string } | null)[] = [];
  for (const edge of data.edges) {
    g.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, withoutNulls(flatEdge(edge)));
    const a = edge.attributes;
    const date = a.kind === 'event' ? a.date : null;
    spells.push(date === null ? null : { start: dateLowerBound(date), end: dateUpperBound(date) });
  }
  const xml = write(g, {
    version: '1.3',
    formatNode: (_key, attrs) => {
      const { label, ...rest } = attrs as Record<string, string | number | boolean>;
      return {
        label: String(label),
        attributes: rest,
        viz: { color: KIND_COLOURS[String(rest.kind)] ?? '#999999' },
      };
    },
    formatEdge: (_key, attrs) => {
      const { kind, eventType, eventCount, ...rest } = attrs as Record<
        string,
        string | number | boolean
      >;
      return {
        // Our edge kind (event, affiliation, dyad) stays an attribute; GEXF's kind is the type.
        kind: String(eventType ?? kind),
        label: String(eventType ?? kind),
        weight: typeof eventCount === 'number' ? eventCount : 1,
        attributes: {
          edgeKind: kind!,
          ...(eventType === undefined ? {} : { eventType }),
          ...(eventCount === undefined ? {} : { eventCount }),
          ...rest,
        },
      };
    },
  });
  return addSpells(xml, spells);
}

/**
 * graphology-gexf writes no time: mark the graph dynamic and give each dated edge its spell. The
 * writer emits edges in graph order, each opening with `<edge `, which values cannot contain
 * (their `<` is escaped), so the n-th opening is the n-th edge.
 */
function addSpells(xml: string, spells: ({ start: string; end: string } | null)[]): string {
  if (!spells.some((s) => s !== null)) return xml;
  let i = 0;
  return xml
    .replace(
      '<graph defaultedgetype="directed"',
      '<graph mode="dynamic" timeformat="date" defaultedgetype="directed"',
    )
    .replace(/<edge /g, (open) => {
      const spell = spells[i++];
      return spell ? `${open}start="${spell.start}" end="${spell.end}" ` : open;
    });
}
