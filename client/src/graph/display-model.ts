// What the view shows, computed from the data, the render graph and the view state as a pure
// function: visible actors and edges, each edge's filtered tally, adjacency for hover, the path,
// the actors and edges of a spotlit document, and how many actors have no event to show.
import { allows, type Polarity, type ViewState } from '../state/index.ts';
import { isEvent, type DataGraph } from './data-graph.ts';
import { eventPasses } from './event-filter.ts';
import { affiliationEdgeKey, type RenderGraph } from './render-graph.ts';
import { majorityPolarity } from './styles.ts';
import { egoNodes } from '../../../server/graph/ego.ts';

export { egoNodes };

export interface EdgeTally {
  count: number;
  polarity: Polarity | null;
}

/** A document whose contribution is spotlit (the article just added): its id and its actors. */
export interface SpotlitDocument {
  id: string;
  actors: readonly string[];
}

export interface DisplayModel {
  nodes: Set<string>;
  /** Visible render edges (of the current mode, plus affiliations) with their filtered tallies. */
  edges: Map<string, EdgeTally>;
  adjacency: Map<string, Set<string>>;
  pathNodes: Set<string>;
  pathEdges: Set<string>;
  /** Visible actors and edges of the spotlit document. */
  documentNodes: Set<string>;
  documentEdges: Set<string>;
  /**
   * Actors without an event under the current filters (within the ego view when there is one),
   * not counting the selected or focused actor: hidden unless view.showEventless.
   */
  eventless: number;
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
  document: SpotlitDocument | null = null,
): DisplayModel {
  const f = view.filters;
  const kindOk = (id: string) => allows(f, 'kinds', data.getNodeAttribute(id, 'kind'));
  const passing = new Set<string>();
  const eventful = new Set<string>();
  data.forEachEdge((key, attrs, source, target) => {
    if (!isEvent(attrs) || !kindOk(source) || !kindOk(target)) return;
    if (!eventPasses(attrs, f)) return;
    passing.add(key);
    eventful.add(source).add(target);
  });
  // The selected and focused actors stay drawn even when nothing of theirs passes the filters.
  const kept = new Set<string>();
  if (view.selection?.kind === 'node') kept.add(view.selection.id);
  if (view.focus) kept.add(view.focus.id);
  const quiet = (id: string) => !eventful.has(id) && !kept.has(id);
  const candidates = new Set(data.filterNodes(kindOk));
  let nodes = view.showEventless ? candidates : new Set([...candidates].filter((id) => !quiet(id)));

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

  const within = (set: Set<string>, key: string) =>
    set.has(render.source(key)) && set.has(render.target(key));
  const egoOf = (set: Set<string>, id: string, depth: number) => {
    const adj = new Map<string, Set<string>>();
    for (const key of tallies.keys()) {
      if (!within(set, key)) continue;
      link(adj, render.source(key), render.target(key));
      link(adj, render.target(key), render.source(key));
    }
    return egoNodes(adj, id, depth);
  };
  let eventless: number;
  if (view.focus && nodes.has(view.focus.id)) {
    const { id, depth } = view.focus;
    const everyone = egoOf(candidates, id, depth);
    eventless = [...everyone].filter(quiet).length;
    nodes = view.showEventless ? everyone : egoOf(nodes, id, depth);
  } else {
    eventless = [...candidates].filter(quiet).length;
  }

  const edges = new Map<string, EdgeTally>();
  const adjacency = new Map<string, Set<string>>();
  for (const [key, tally] of tallies) {
    if (!within(nodes, key)) continue;
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

  const documentNodes = new Set<string>();
  const documentEdges = new Set<string>();
  if (document) {
    // Data edges carry their document: events by key, affiliations by their render key.
    const ofDocument = new Set<string>();
    data.forEachEdge((key, attrs, source, target) => {
      if (!('document' in attrs) || attrs.document !== document.id) return;
      ofDocument.add(isEvent(attrs) ? key : affiliationEdgeKey(source, target));
    });
    for (const id of document.actors) if (nodes.has(id)) documentNodes.add(id);
    for (const key of edges.keys()) {
      const attrs = render.getEdgeAttributes(key);
      const hit =
        attrs.role === 'affiliation'
          ? ofDocument.has(key)
          : attrs.events.some((k) => ofDocument.has(k));
      if (hit) documentEdges.add(key);
    }
  }
  return { nodes, edges, adjacency, pathNodes, pathEdges, documentNodes, documentEdges, eventless };
}
