// The bounded export of the graph for sigma: an overview of the most active actors or an ego view
// with ranked, capped neighbours; event filters, actor kinds, events or one edge per pair. Every
// view says what it shows out of what there is.
import type { ActorKind, Polarity } from '../model/index.ts';
import { byCodeUnits } from './contributions.ts';
import { dyadKey, majorityPolarity } from './dyads.ts';
import { UnknownActorError } from './errors.ts';
import { eventMatches, filterIsActive, type EventFilter } from './event-filter.ts';
import { layoutPositions, type Positions } from './layout.ts';
import { eventOut } from './quotes.ts';
import { exported, exportedOwn, type Exported } from './sigma-edge.ts';
import type { PairTally } from './pair-index.ts';
import { BudgetTicker, egoSelection, overviewNodes, type NodeSelection } from './view-select.ts';
import { pairsAmong, type FoundPairs } from './view-pairs.ts';
import type { StanceGraph } from './stance-graph.ts';
import type {
  ActorNodeAttributes,
  AffiliationEdgeAttributes,
  Budget,
  DyadStance,
  EventEdgeOut,
  EventKey,
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
  /**
   * Most actors shown: the most active (default 1,000), or the focus and its best-tied neighbours
   * (default 100).
   */
  limit?: number;
  /**
   * Most event or pair edges shown, those of the busiest pairs first (default 5,000; 500 in an ego
   * view).
   */
  edgeLimit?: number;
  /**
   * 'graph': every edge among the actors, in the graph's insertion order (exports; one pass over
   * all edges, edgeLimit ignored). Default 'busiest': the busiest pairs first, capped.
   */
  order?: 'busiest' | 'graph';
}

/** The overview's default bounds. */
export const DEFAULT_VIEW_ACTORS = 1_000;
export const DEFAULT_VIEW_EDGES = 5_000;
/**
 * An ego view's default bounds: its reply stays a few hundred KB even around the busiest actor
 * (whose ties at a million events bring a 2.6 MB reply under the overview's bounds); `limit` and
 * `edgeLimit` ask for more, and `shown` says how much there is.
 */
export const DEFAULT_EGO_ACTORS = 100;
export const DEFAULT_EGO_EDGES = 500;

/** What a view shows out of what there is, in numbers and in words. */
export interface ViewShown {
  actors: number;
  /** Actors that qualify (overview) or were reached within the depth (ego view). */
  actorsTotal: number;
  /** How actors were chosen. */
  actorsBy: 'activity' | 'ties';
  /** Event edges (mode events) or pair edges (mode dyads) shown, affiliations aside. */
  edges: number;
  /** Such edges among the shown actors. */
  edgesTotal: number;
  /** e.g. "1,000 of 20,000 actors, by activity; 5,000 of 61,234 events, busiest pairs first". */
  summary: string;
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
  EventEdgeOut | AffiliationEdgeAttributes | DyadEdgeAttributes
>;

export interface SubgraphExport {
  attributes: {
    mode: 'events' | 'dyads';
    focus: string | null;
    depth: number | null;
    shown: ViewShown;
  };
  options: { type: 'directed'; multi: boolean; allowSelfLoops: true };
  nodes: { key: string; attributes: SubgraphNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: SubgraphEdgeAttributes }[];
}

type ExportEdge = SubgraphExport['edges'][number];

/** An event edge of a view not yet made an object: the event's key and its ends. */
export interface EventRef {
  event: EventKey;
  source: string;
  target: string;
}

/**
 * A view before its event edges are made objects: `events` (the busiest pairs' events, events
 * mode) come first in its edges, then `edges` (pairs in dyads mode, affiliations; in graph order
 * every edge, `events` then empty). Serialising from the parts lets a reply reuse each event edge's
 * JSON (event-fragments.ts) where the view has been seen before.
 */
export interface ViewParts extends Omit<SubgraphExport, 'edges'> {
  events: EventRef[];
  edges: ExportEdge[];
}

const count = (n: number) => n.toLocaleString('en-US');

function summary(shown: Omit<ViewShown, 'summary'>, mode: 'events' | 'dyads'): string {
  const actors =
    shown.actorsBy === 'activity'
      ? `${count(shown.actors)} of ${count(shown.actorsTotal)} actors, by activity`
      : `${count(shown.actors)} of ${count(shown.actorsTotal)} actors within reach, by ties`;
  const unit = mode === 'events' ? 'events' : 'pairs';
  const edges =
    shown.edges === shown.edgesTotal
      ? `${count(shown.edges)} ${unit} among them`
      : `${count(shown.edges)} of ${count(shown.edgesTotal)} ${unit} among them, busiest pairs first`;
  return `${actors}; ${edges}`;
}

function dyadEdge(pair: PairTally): ExportEdge {
  const d = pair.stance;
  // Spelled out in DyadStance's key order (source and target aside): a view has thousands.
  const attributes: DyadEdgeAttributes = {
    kind: 'dyad',
    eventCount: d.eventCount,
    netScore: d.netScore,
    cooperative: d.cooperative,
    hostile: d.hostile,
    neutral: d.neutral,
    firstDate: d.firstDate,
    lastDate: d.lastDate,
    polarity: majorityPolarity(d),
    // A new object on each read, so the edge may own it.
    eventTypes: pair.types,
  };
  return {
    key: dyadKey(d.source, d.target),
    source: d.source,
    target: d.target,
    attributes: exportedOwn(attributes),
  };
}

/** Events of the busiest pairs, pair by pair, each pair's newest first, until `limit` are taken. */
function eventEdges(
  sg: StanceGraph,
  pairs: readonly PairTally[],
  q: EventFilter,
  limit: number,
  ticker: BudgetTicker,
): EventRef[] {
  const filtered = filterIsActive(q);
  const out: EventRef[] = [];
  for (const pair of pairs) {
    if (out.length >= limit) break;
    const { source, target } = pair.stance;
    if (!filtered) {
      sg.forEachEventKeyBetween(source, target, (event) => {
        ticker.tick();
        out.push({ event, source, target });
        return out.length >= limit;
      });
      continue;
    }
    sg.forEachMatchingEventBetween(source, target, q, (event) => {
      ticker.tick();
      out.push({ event, source, target });
      return out.length >= limit;
    });
  }
  return out;
}

/** An event edge as a view exports it. */
export type EventExportEdge = Omit<ExportEdge, 'attributes'> & {
  attributes: Exported<EventEdgeOut>;
};

/** An event edge as a view exports it (a new object; its quote empty until filled). */
export function eventEdge(sg: StanceGraph, ref: EventRef): EventExportEdge {
  const attrs = sg.event(ref.event)!.event;
  return {
    key: sg.edgeKey(ref.event),
    source: ref.source,
    target: ref.target,
    attributes: exportedOwn(eventOut(attrs)),
  };
}

/** Affiliation edges among the kept actors: each one (events mode) or one per pair (dyads mode). */
function affiliationEdges(
  sg: StanceGraph,
  kept: ReadonlySet<string>,
  mode: 'events' | 'dyads',
): ExportEdge[] {
  const out: ExportEdge[] = [];
  const seen = new Set<string>();
  for (const person of kept) {
    for (const key of sg.affiliationsOf(person)) {
      const { affiliation: attrs, of: target } = sg.affiliation(key);
      if (!kept.has(target)) continue;
      if (mode === 'events') {
        out.push({ key, source: person, target, attributes: exported(attrs) });
        continue;
      }
      const pairKey = `aff:${person}>${target}`;
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      out.push({ key: pairKey, source: person, target, attributes: exported(attrs) });
    }
  }
  return out;
}

/**
 * Every edge among the kept actors in the graph's insertion order: events (and affiliations) one by
 * one, or each pair where its first event stands, affiliations after.
 */
function inGraphOrder(
  sg: StanceGraph,
  kept: ReadonlySet<string>,
  pairs: FoundPairs,
  q: SubgraphQuery,
  mode: 'events' | 'dyads',
  ticker: BudgetTicker,
): ExportEdge[] {
  const filtered = filterIsActive(q);
  const out: ExportEdge[] = [];
  const seen = new Set<string>();
  sg.forEachEdge((key, attrs, source, target) => {
    ticker.tick();
    if (!kept.has(source) || !kept.has(target)) return;
    if (attrs.kind === 'affiliation') {
      if (mode === 'events' && q.affiliations !== false) {
        out.push({ key, source, target, attributes: exported(attrs) });
      }
      return;
    }
    if (filtered && !eventMatches(attrs, q)) return;
    if (mode === 'events') {
      out.push({ key, source, target, attributes: exportedOwn(eventOut(attrs)) });
      return;
    }
    const pairKey = dyadKey(source, target);
    if (seen.has(pairKey)) return;
    seen.add(pairKey);
    out.push(dyadEdge(pairs.get(source, target)!));
  });
  if (mode === 'dyads' && q.affiliations !== false) out.push(...affiliationEdges(sg, kept, mode));
  return out;
}

/**
 * A bounded view of the graph. Without a focus: the `limit` most active actors (under the filter)
 * and the edges of their busiest pairs, at most `edgeLimit`. With a focus: the focus and its
 * neighbours ranked by ties, hop by hop, under the same bounds. The budget, if any, is checked as
 * the view is built; its error propagates.
 */
export function subgraph(sg: StanceGraph, q: SubgraphQuery = {}, budget?: Budget): SubgraphExport {
  const { events, edges, ...rest } = viewParts(sg, q, budget);
  return { ...rest, edges: [...events.map((ref) => eventEdge(sg, ref)), ...edges] };
}

/** {@link subgraph}'s view with its event edges as keys (see ViewParts). */
export function viewParts(sg: StanceGraph, q: SubgraphQuery = {}, budget?: Budget): ViewParts {
  const draft = viewDraft(sg, q, budget);
  return laidOut(draft, layoutPositions(draft.layout.ids, draft.layout.edges));
}

/**
 * A view's parts with every node at (0, 0), and what lays it out: {@link laidOut} with the
 * positions of `layout` (layout.ts) gives {@link viewParts}. The nodes' attributes are copied when
 * the draft is made, so the positions may be computed elsewhere while the graph moves on.
 */
export interface ViewDraft extends ViewParts {
  layout: { ids: string[]; edges: readonly { source: string; target: string }[] };
}

/** The draft's parts with each node at its position (the draft's own objects, now placed). */
export function laidOut(draft: ViewDraft, positions: Positions): ViewParts {
  for (const node of draft.nodes) {
    node.attributes.x = positions[node.key]!.x;
    node.attributes.y = positions[node.key]!.y;
  }
  const { attributes, options, nodes, events, edges } = draft;
  return { attributes, options, nodes, events, edges };
}

/** {@link viewParts} before the layout (see ViewDraft). */
export function viewDraft(sg: StanceGraph, q: SubgraphQuery = {}, budget?: Budget): ViewDraft {
  const g = sg.graph;
  const ticker = new BudgetTicker(budget);
  const ego = q.focus !== undefined;
  const limit = q.limit ?? (ego ? DEFAULT_EGO_ACTORS : DEFAULT_VIEW_ACTORS);
  const edgeLimit = q.edgeLimit ?? (ego ? DEFAULT_EGO_EDGES : DEFAULT_VIEW_EDGES);
  const mode = q.mode ?? 'events';
  let selection: NodeSelection;
  if (q.focus !== undefined) {
    if (!g.hasNode(q.focus)) throw new UnknownActorError(q.focus, 'focus');
    selection = egoSelection(sg, q.focus, q.depth ?? 1, q, limit, ticker);
  } else {
    selection = overviewNodes(sg, q, limit, ticker);
  }
  const kept = new Set(selection.ids);
  const pairs = pairsAmong(sg, kept, q, ticker);
  const edgesTotal = mode === 'dyads' ? pairs.count : pairs.events;
  let events: EventRef[] = [];
  let edges: ExportEdge[];
  let shownEdges: number;
  if (q.order === 'graph') {
    edges = inGraphOrder(sg, kept, pairs, q, mode, ticker);
    shownEdges = edges.filter((e) => e.attributes.kind !== 'affiliation').length;
  } else {
    // Events mode needs only as many pairs as it takes to reach edgeLimit events.
    const busiest = pairs.busiest(edgeLimit, mode === 'events' ? edgeLimit : Infinity);
    ticker.check();
    if (mode === 'dyads') edges = busiest.map(dyadEdge);
    else {
      events = eventEdges(sg, busiest, q, edgeLimit, ticker);
      edges = [];
    }
    shownEdges = events.length + edges.length;
    if (q.affiliations !== false) edges.push(...affiliationEdges(sg, kept, mode));
  }
  ticker.check();
  const ids = [...kept].sort(byCodeUnits);
  const layoutEdges = q.layout === false ? [] : events.length === 0 ? edges : [...events, ...edges];
  const shown = {
    actors: ids.length,
    actorsTotal: selection.total,
    actorsBy: q.focus !== undefined ? ('ties' as const) : ('activity' as const),
    edges: shownEdges,
    edgesTotal,
  };
  return {
    attributes: {
      mode,
      focus: q.focus ?? null,
      depth: q.focus !== undefined ? (q.depth ?? 1) : null,
      shown: { ...shown, summary: summary(shown, mode) },
    },
    options: { type: 'directed', multi: mode === 'events', allowSelfLoops: true },
    // Object.assign, not a spread: actors' attributes come in several hidden classes, and a
    // spread of them plus four more keys took about 10 µs a node where this takes 0.4 (the same
    // keys in the same order).
    nodes: ids.map((key) => {
      const a = g.getNodeAttributes(key);
      return {
        key,
        attributes: Object.assign({}, a, {
          label: a.name,
          x: 0,
          y: 0,
          size: Math.round((4 + 2 * Math.sqrt(a.eventCount)) * 100) / 100,
        }),
      };
    }),
    events,
    edges,
    layout: { ids, edges: layoutEdges },
  };
}
