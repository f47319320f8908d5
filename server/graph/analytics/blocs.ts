// GET /api/blocs: alignment blocs, the Louvain communities of the graph of positive net stance, with
// the net stance between blocs. Seeded, so the same graph always gives the same blocs.
import { UndirectedGraph } from 'graphology';
import * as louvainModule from 'graphology-communities-louvain';
import { byCodeUnits } from '../contributions.ts';
import type { StanceGraph } from '../stance-graph.ts';
import { filterKey, type AnalysisFilter } from './analysis-filter.ts';
import { analyze, type Wait } from './analysis-runner.ts';
import type { DyadGraph } from './dyad-graph.ts';
import { cjsDefault } from './cjs-default.ts';
import { seededRandom } from '../../model/index.ts';

const louvain = cjsDefault<typeof import('graphology-communities-louvain').default>(louvainModule);

export interface BlocMember {
  id: string;
  name: string;
  kind: string;
}

export interface Bloc {
  /** 0 for the largest bloc, then by size (ties by first member id). */
  id: number;
  size: number;
  /** Sorted by id. */
  members: BlocMember[];
  /** Events among the members and their summed score. */
  internalEvents: number;
  internalNet: number;
}

export interface BlocRelation {
  a: number;
  b: number;
  /** Events between a member of one bloc and a member of the other, either direction. */
  events: number;
  netScore: number;
}

export interface BlocsResult {
  version: number;
  /** Modularity of the partition on the positive-stance graph (0 when it has no edge). */
  modularity: number;
  /** Blocs of two or more actors, largest first. */
  blocs: Bloc[];
  /** Actors in no bloc (no positive net stance with anyone it could join). */
  unaligned: number;
  /** Pairs of listed blocs with events between them, by a then b. */
  between: BlocRelation[];
}

/**
 * Positive net stance: one undirected edge per pair whose events (both directions) sum to a
 * positive score, weighted by that sum. Every actor of the analysis is a node.
 */
export function positiveStanceGraph(g: DyadGraph): UndirectedGraph<object, { weight: number }> {
  const u = new UndirectedGraph<object, { weight: number }>();
  g.forEachNode((node) => u.addNode(node));
  const net = new Map<string, [string, string, number]>();
  g.forEachEdge((_e, attrs, source, target) => {
    const [a, b] = source < target ? [source, target] : [target, source];
    const key = `${a}\u0000${b}`;
    const entry = net.get(key);
    if (entry) entry[2] += attrs.net;
    else net.set(key, [a, b, attrs.net]);
  });
  for (const [a, b, weight] of net.values()) if (weight > 0) u.addEdge(a, b, { weight });
  return u;
}

/** Louvain communities of the positive-stance graph: actor id -> community number. */
export function louvainCommunities(
  u: UndirectedGraph<object, { weight: number }>,
  seed = 7,
): { communities: Record<string, number>; modularity: number } {
  if (u.size === 0) {
    const communities: Record<string, number> = {};
    u.forEachNode((node, _a) => (communities[node] = Object.keys(communities).length));
    return { communities, modularity: 0 };
  }
  const detailed = louvain.detailed(u, {
    getEdgeWeight: 'weight',
    rng: seededRandom(seed),
    resolution: 1,
  });
  return { communities: detailed.communities, modularity: detailed.modularity };
}

/** A bloc as the analysis thread gives it: member ids, the names are added where they are served. */
export interface BlocCore extends Omit<Bloc, 'members'> {
  members: string[];
}

/** Blocs of a dyad graph, by member id (what the analysis thread computes). */
export interface BlocsCore extends Omit<BlocsResult, 'version' | 'blocs'> {
  blocs: BlocCore[];
}

/** The blocs of a dyad graph: Louvain on its positive-stance graph, then the stance between blocs. */
export function blocsOf(g: DyadGraph): BlocsCore {
  const { communities, modularity } = louvainCommunities(positiveStanceGraph(g));
  const groups = new Map<number, string[]>();
  for (const [actor, c] of Object.entries(communities)) {
    const list = groups.get(c);
    if (list) list.push(actor);
    else groups.set(c, [actor]);
  }
  const multi = [...groups.values()]
    .filter((m) => m.length > 1)
    .map((m) => m.sort(byCodeUnits))
    .sort((x, y) => y.length - x.length || byCodeUnits(x[0]!, y[0]!));
  const blocOf = new Map<string, number>();
  multi.forEach((members, i) => members.forEach((m) => blocOf.set(m, i)));
  const blocs: BlocCore[] = multi.map((members, id) => ({
    id,
    size: members.length,
    members,
    internalEvents: 0,
    internalNet: 0,
  }));
  const between = new Map<string, BlocRelation>();
  g.forEachEdge((_e, attrs, source, target) => {
    const x = blocOf.get(source);
    const y = blocOf.get(target);
    if (x === undefined || y === undefined) return;
    if (x === y) {
      blocs[x]!.internalEvents += attrs.events;
      blocs[x]!.internalNet += attrs.net;
      return;
    }
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    let rel = between.get(key);
    if (!rel) between.set(key, (rel = { a, b, events: 0, netScore: 0 }));
    rel.events += attrs.events;
    rel.netScore += attrs.net;
  });
  return {
    modularity,
    blocs,
    unaligned: Object.keys(communities).length - blocOf.size,
    between: [...between.values()].sort((p, q) => p.a - q.a || p.b - q.b),
  };
}

/**
 * Blocs of the filtered graph, computed in the analysis thread once per graph version and filter;
 * `wait` bounds how long this call waits for a computation (see rankActors).
 */
export async function alignmentBlocs(
  sg: StanceGraph,
  { filter = {}, wait }: { filter?: AnalysisFilter; wait?: Wait } = {},
): Promise<BlocsResult> {
  const core = await analyze<BlocsCore>(
    sg,
    filter,
    `blocs:${filterKey(filter)}`,
    { kind: 'blocs' },
    wait,
  );
  return {
    version: sg.version,
    ...core,
    blocs: core.blocs.map((b) => ({
      ...b,
      members: b.members.map((m) => {
        const a = sg.graph.getNodeAttributes(m);
        return { id: m, name: a.name, kind: a.kind };
      }),
    })),
  };
}
