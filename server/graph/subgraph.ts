// The filtered export of the graph for sigma: event filters, actor kinds, ego networks, dyad mode.
import type { ActorKind, Polarity } from '../model/index.ts';
import { byCodeUnits } from './contributions.ts';
import { addEventToDyad, emptyDyad, majorityPolarity, dyadKey } from './dyads.ts';
import { UnknownActorError } from './errors.ts';
import { eventMatches, filterIsActive, kindAllowed, type EventFilter } from './event-filter.ts';
import { layoutPositions } from './layout.ts';
import { egoNodes } from './ego.ts';
import { exported, type Exported } from './sigma-edge.ts';
import type { StanceGraph } from './stance-graph.ts';
import type {
  ActorNodeAttributes,
  AffiliationEdgeAttributes,
  Budget,
  DyadStance,
  EventEdgeAttributes,
} from './types.ts';

export interface SubgraphQuery extends EventFilter {
  kinds?: readonly ActorKind[];
  focus?: string;
  /** Hops from the focus, 1..3. */
  depth?: number;
  /** 'events': one edge per event; 'dyads': one edge per ordered pair. */
  mode?: 'events' | 'dyads';
  /** Include person -> state/organization affiliation edges (default true). */
  affiliations?: boolean;
  /** Compute x/y with ForceAtlas2 (default true); otherwise the spiral seed only. */
  layout?: boolean;
}

export interface SubgraphNodeAttributes extends ActorNodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
}

export interface DyadEdgeAttributes extends Omit<DyadStance, 'source' | 'target'> {
  kind: 'dyad';
  polarity: Polarity;
  /** Event counts by PLOVER type. */
  eventTypes: Record<string, number>;
}

/** Every exported edge also carries `type`, the sigma program ('arrow') that draws it. */
export type SubgraphEdgeAttributes = Exported<
  EventEdgeAttributes | AffiliationEdgeAttributes | DyadEdgeAttributes
>;

export interface SubgraphExport {
  attributes: { mode: 'events' | 'dyads'; focus: string | null; depth: number | null };
  options: { type: 'directed'; multi: boolean; allowSelfLoops: true };
  nodes: { key: string; attributes: SubgraphNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: SubgraphEdgeAttributes }[];
}

interface KeptEdge {
  key: string;
  source: string;
  target: string;
  attrs: EventEdgeAttributes | AffiliationEdgeAttributes;
}

/** Edges passing the event filter between actors of allowed kinds. */
function keptEdges(sg: StanceGraph, q: SubgraphQuery): KeptEdge[] {
  const g = sg.graph;
  const kept: KeptEdge[] = [];
  g.forEachEdge((key, attrs, source, target, sa, ta) => {
    if (!kindAllowed(sa.kind, q.kinds) || !kindAllowed(ta.kind, q.kinds)) return;
    if (attrs.kind === 'event' ? !eventMatches(attrs, q) : q.affiliations === false) return;
    kept.push({ key, source, target, attrs });
  });
  return kept;
}

/** Nodes within `depth` hops of the focus over the kept edges, in either direction. */
function egoOf(
  focus: string,
  depth: number,
  edges: readonly KeptEdge[],
  budget: Budget | undefined,
): Set<string> {
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  return egoNodes(adjacency, focus, depth, budget);
}

function dyadEdges(edges: readonly KeptEdge[]): SubgraphExport['edges'] {
  const dyads = new Map<string, { dyad: DyadStance; eventTypes: Record<string, number> }>();
  const out: SubgraphExport['edges'] = [];
  const affiliations = new Map<string, KeptEdge>();
  for (const e of edges) {
    if (e.attrs.kind === 'affiliation') {
      const key = `aff:${e.source}>${e.target}`;
      if (!affiliations.has(key)) affiliations.set(key, e);
      continue;
    }
    const key = dyadKey(e.source, e.target);
    let entry = dyads.get(key);
    if (!entry) dyads.set(key, (entry = { dyad: emptyDyad(e.source, e.target), eventTypes: {} }));
    addEventToDyad(entry.dyad, e.attrs);
    const t = e.attrs.eventType;
    entry.eventTypes[t] = (entry.eventTypes[t] ?? 0) + 1;
  }
  for (const [key, { dyad, eventTypes }] of dyads) {
    const { source, target, ...rest } = dyad;
    const polarity = majorityPolarity(dyad);
    out.push({
      key,
      source,
      target,
      attributes: exported({ kind: 'dyad' as const, ...rest, polarity, eventTypes }),
    });
  }
  for (const [key, e] of affiliations) {
    out.push({ key, source: e.source, target: e.target, attributes: exported(e.attrs) });
  }
  return out;
}

/** An ego network (with `focus`) checks `budget` at each node it expands; its error propagates. */
export function subgraph(sg: StanceGraph, q: SubgraphQuery = {}, budget?: Budget): SubgraphExport {
  const g = sg.graph;
  let edges = keptEdges(sg, q);
  let nodes: Set<string>;
  if (q.focus !== undefined) {
    if (!g.hasNode(q.focus)) throw new UnknownActorError(q.focus, 'focus');
    nodes = egoOf(q.focus, q.depth ?? 1, edges, budget);
  } else if (filterIsActive(q)) {
    nodes = new Set();
    for (const e of edges) {
      if (e.attrs.kind === 'event') nodes.add(e.source).add(e.target);
    }
  } else {
    nodes = new Set(g.filterNodes((_n, a) => kindAllowed(a.kind, q.kinds)));
  }
  edges = edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
  const mode = q.mode ?? 'events';
  const outEdges: SubgraphExport['edges'] =
    mode === 'dyads'
      ? dyadEdges(edges)
      : edges.map((e) => ({
          key: e.key,
          source: e.source,
          target: e.target,
          attributes: exported(e.attrs),
        }));
  const ids = [...nodes].sort(byCodeUnits);
  const positions = q.layout === false ? layoutPositions(ids, []) : layoutPositions(ids, outEdges);
  return {
    attributes: {
      mode,
      focus: q.focus ?? null,
      depth: q.focus !== undefined ? (q.depth ?? 1) : null,
    },
    options: { type: 'directed', multi: mode === 'events', allowSelfLoops: true },
    nodes: ids.map((key) => {
      const a = g.getNodeAttributes(key);
      return {
        key,
        attributes: {
          ...a,
          label: a.name,
          x: positions[key]!.x,
          y: positions[key]!.y,
          size: Math.round((4 + 2 * Math.sqrt(a.eventCount)) * 100) / 100,
        },
      };
    }),
    edges: outEdges,
  };
}
