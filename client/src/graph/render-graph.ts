// The graph sigma draws, derived from the data graph: nodes styled by kind and activity, one
// edge per dyad and one per event (the reducers show one set or the other), affiliations, and
// the curvature that keeps parallel edges apart.
import { MultiDirectedGraph } from 'graphology';
import type { ActorKind, Polarity } from '../state/index.ts';
import { isEvent, type DataGraph } from './data-graph.ts';
import { seedPosition } from './seed-positions.ts';
import {
  AFFILIATION_COLOR,
  POLARITY_COLORS,
  edgeSize,
  majorityPolarity,
  nodeColor,
  nodeSize,
} from './styles.ts';

export interface RenderNode {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  kind: ActorKind;
  eventCount: number;
}

export type EdgeRole = 'dyad' | 'event' | 'affiliation';

export interface RenderEdge {
  role: EdgeRole;
  /** Keys of the data graph's event edges this edge stands for. */
  events: string[];
  polarity: Polarity | null;
  size: number;
  color: string;
  /** sigma program: straight arrow, curved arrow, or plain line for affiliations. */
  type: 'arrow' | 'curvedArrow' | 'line';
  curvature: number;
  label: string;
}

export type RenderGraph = MultiDirectedGraph<RenderNode, RenderEdge>;

export const dyadEdgeKey = (s: string, t: string) => `d:${s}>${t}`;
export const eventEdgeKey = (key: string) => `e:${key}`;
export const affiliationEdgeKey = (s: string, t: string) => `a:${s}>${t}`;

const CURVATURE = 0.3;

export type Positions = Map<string, { x: number; y: number }>;

/**
 * Builds the render graph. Nodes keep the positions given (so an update does not scramble the
 * picture); new nodes start at their seeded place.
 */
export function buildRenderGraph(data: DataGraph, positions: Positions = new Map()): RenderGraph {
  const g: RenderGraph = new MultiDirectedGraph<RenderNode, RenderEdge>({ allowSelfLoops: true });
  const ids = data.nodes().sort();
  for (const id of ids) {
    const a = data.getNodeAttributes(id);
    const p = positions.get(id) ?? seedPosition(id, ids.length);
    g.addNode(id, {
      label: a.name,
      x: p.x,
      y: p.y,
      size: nodeSize(a.eventCount),
      color: nodeColor(a.kind, a.eventCount),
      kind: a.kind,
      eventCount: a.eventCount,
    });
  }
  const dyads = new Map<string, { source: string; target: string; events: string[] }>();
  const events: { key: string; source: string; target: string }[] = [];
  data.forEachEdge((key, attrs, source, target) => {
    if (isEvent(attrs)) {
      const dk = dyadEdgeKey(source, target);
      const d = dyads.get(dk);
      if (d) d.events.push(key);
      else dyads.set(dk, { source, target, events: [key] });
      events.push({ key, source, target });
    } else if (attrs.kind === 'affiliation') {
      const ak = affiliationEdgeKey(source, target);
      if (!g.hasEdge(ak)) {
        g.addDirectedEdgeWithKey(ak, source, target, {
          role: 'affiliation',
          events: [],
          polarity: null,
          size: 1,
          color: AFFILIATION_COLOR,
          type: 'line',
          curvature: 0,
          label: attrs.role,
        });
      }
    }
  });
  for (const [dk, d] of [...dyads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const tally = { cooperative: 0, hostile: 0, neutral: 0 };
    for (const k of d.events) {
      const a = data.getEdgeAttributes(k);
      if (isEvent(a)) tally[a.polarity] += 1;
    }
    const polarity = majorityPolarity(tally);
    const reverse = d.source !== d.target && dyads.has(dyadEdgeKey(d.target, d.source));
    g.addDirectedEdgeWithKey(dk, d.source, d.target, {
      role: 'dyad',
      events: d.events,
      polarity,
      size: edgeSize(d.events.length),
      color: POLARITY_COLORS[polarity],
      type: reverse ? 'curvedArrow' : 'arrow',
      curvature: reverse ? CURVATURE : 0,
      label: `${d.events.length} event${d.events.length === 1 ? '' : 's'}`,
    });
  }
  const curvatures = parallelCurvatures(events);
  for (const e of events) {
    const a = data.getEdgeAttributes(e.key);
    if (!isEvent(a)) continue;
    const curvature = curvatures.get(e.key) ?? 0;
    g.addDirectedEdgeWithKey(eventEdgeKey(e.key), e.source, e.target, {
      role: 'event',
      events: [e.key],
      polarity: a.polarity,
      size: edgeSize(1),
      color: POLARITY_COLORS[a.polarity],
      type: curvature === 0 ? 'arrow' : 'curvedArrow',
      curvature,
      label: a.eventType,
    });
  }
  return g;
}

/**
 * Curvature per edge so that edges sharing a pair of actors fan out: a lone edge is straight,
 * otherwise the i-th edge in each direction bends further (reversed edges bend to the other side
 * by construction of the curve).
 */
export function parallelCurvatures(
  edges: readonly { key: string; source: string; target: string }[],
): Map<string, number> {
  const pairs = new Map<string, { key: string; source: string }[]>();
  for (const e of edges) {
    const pair =
      e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const list = pairs.get(pair);
    if (list) list.push(e);
    else pairs.set(pair, [e]);
  }
  const out = new Map<string, number>();
  for (const list of pairs.values()) {
    if (list.length === 1) {
      out.set(list[0]!.key, 0);
      continue;
    }
    const seen = new Map<string, number>();
    for (const e of [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      const i = seen.get(e.source) ?? 0;
      seen.set(e.source, i + 1);
      out.set(e.key, CURVATURE * (1 + i * 0.6));
    }
  }
  return out;
}
