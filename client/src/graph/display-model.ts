// What the view shows, computed from the data, the render graph and the view state as a pure
// function: visible actors and edges, each edge's filtered tally, adjacency for hover, the path.
import { allows, filtersActive, type Polarity, type ViewState } from '../state/index.ts';
import { isEvent, type DataGraph } from './data-graph.ts';
import { eventPasses } from './event-filter.ts';
import type { RenderGraph } from './render-graph.ts';
import { majorityPolarity } from './styles.ts';
import { egoNodes } from '../../../server/graph/ego.ts';

export { egoNodes };

export interface EdgeTally {
  count: number;
  polarity: Polarity | null;
}

export interface DisplayModel {
  nodes: Set<string>;
  /** Visible render edges (of the current mode, plus affiliations) with their filtered tallies. */
  edges: Map<string, EdgeTally>;
  adjacency: Map<string, Set<string>>;
  pathNodes: Set<string>;
  pathEdges: Set<string>;
}

function link(adj: Map<string, Set<string>>, a: string, b: string): void {
  let s = adj.get(a);
  if (!s) adj.set(a, (s = new Set()));
  s.add(b);
}

export function computeDisplayModel(
  data: DataGraph,
  render: RenderGraph,
  view: ViewState,
  path: readonly string[] | null = null,
): DisplayModel {
  const f = view.filters;
  const active = filtersActive(f);
  const kindOk = (id: string) => allows(f, 'kinds', data.getNodeAttribute(id, 'kind'));
  const passing = new Set<string>();
  const eventful = new Set<string>();
  data.forEachEdge((key, attrs, source, target) => {
    if (!isEvent(attrs) || !kindOk(source) || !kindOk(target)) return;
    if (!eventPasses(attrs, f)) return;
    passing.add(key);
    eventful.add(source).add(target);
  });
  let nodes = new Set(data.filterNodes((id) => kindOk(id) && (!active || eventful.has(id))));

  // Tallies per render edge of the current mode, before the node set is final.
  const tallies = new Map<string, EdgeTally>();
  render.forEachEdge((key, attrs) => {
    if (attrs.role === 'affiliation') {
      tallies.set(key, { count: 0, polarity: null });
      return;
    }
    if (attrs.role !== (view.mode === 'dyads' ? 'dyad' : 'event')) return;
    const tally = { cooperative: 0, hostile: 0, neutral: 0 };
    let count = 0;
    for (const k of attrs.events) {
      if (!passing.has(k)) continue;
      const e = data.getEdgeAttributes(k);
      if (isEvent(e)) tally[e.polarity] += 1;
      count += 1;
    }
    if (count > 0) tallies.set(key, { count, polarity: majorityPolarity(tally) });
  });

  const withinNodes = (key: string) =>
    nodes.has(render.source(key)) && nodes.has(render.target(key));
  if (view.focus && nodes.has(view.focus.id)) {
    const adj = new Map<string, Set<string>>();
    for (const key of tallies.keys()) {
      if (!withinNodes(key)) continue;
      link(adj, render.source(key), render.target(key));
      link(adj, render.target(key), render.source(key));
    }
    nodes = egoNodes(adj, view.focus.id, view.focus.depth);
  }

  const edges = new Map<string, EdgeTally>();
  const adjacency = new Map<string, Set<string>>();
  for (const [key, tally] of tallies) {
    if (!withinNodes(key)) continue;
    edges.set(key, tally);
    link(adjacency, render.source(key), render.target(key));
    link(adjacency, render.target(key), render.source(key));
  }

  const pathNodes = new Set<string>();
  const pathEdges = new Set<string>();
  if (path && path.length > 0) {
    for (const n of path) pathNodes.add(n);
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i]!;
      const b = path[i + 1]!;
      for (const key of edges.keys()) {
        if (render.getEdgeAttribute(key, 'role') === 'affiliation') continue;
        const s = render.source(key);
        const t = render.target(key);
        if ((s === a && t === b) || (s === b && t === a)) pathEdges.add(key);
      }
    }
  }
  return { nodes, edges, adjacency, pathNodes, pathEdges };
}
