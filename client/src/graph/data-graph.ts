// The data graph: the API's serialized graph imported into a graphology MultiDirectedGraph. The
// UI reads it and never writes display state into it.
import { MultiDirectedGraph } from 'graphology';
import type { GraphExport } from '../api/index.ts';

type ExportNode = GraphExport['nodes'][number]['attributes'];
type ExportEdge = GraphExport['edges'][number]['attributes'];
export type DataNode = ExportNode;
export type DataEdge = ExportEdge;
export type EventEdge = Extract<ExportEdge, { kind: 'event' }>;
export type DataGraph = MultiDirectedGraph<DataNode, DataEdge>;

export function buildDataGraph(exported: GraphExport): DataGraph {
  const graph: DataGraph = new MultiDirectedGraph<DataNode, DataEdge>({ allowSelfLoops: true });
  for (const n of exported.nodes) graph.addNode(n.key, n.attributes);
  for (const e of exported.edges) {
    if (graph.hasNode(e.source) && graph.hasNode(e.target)) {
      graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    }
  }
  return graph;
}

export function isEvent(attrs: DataEdge): attrs is EventEdge {
  return attrs.kind === 'event';
}
