// Pairwise alignment: how similarly two actors stand toward the same third parties.
//
// Each actor a has a stance vector s_a over other actors c: the summed PLOVER score of a's events
// toward c. For a pair (a, b), C is the set of third parties both have acted toward (c != a, b).
// alignment(a, b) = sum_C s_a[c] s_b[c] / (sqrt(sum_C s_a[c]^2) * sqrt(sum_C s_b[c]^2)), the cosine
// of the two vectors restricted to C: 1 when they side alike with everyone in C, -1 when opposite.
// Pairs with fewer than `minCommon` common third parties are left out.
import { byCodeUnits } from '../contributions.ts';
import { UnknownActorError } from '../errors.ts';
import type { StanceGraph } from '../stance-graph.ts';
import { filterKey, type AnalysisFilter } from './analysis-filter.ts';
import { analyze, type Wait } from './analysis-runner.ts';
import type { DyadGraph } from './dyad-graph.ts';

export interface AlignedPair {
  a: string;
  b: string;
  /** Cosine similarity of their stances toward common third parties, -1..1. */
  score: number;
  /** Common third parties. */
  common: number;
}

export interface AlignmentOptions {
  filter?: AnalysisFilter;
  /** Only pairs with this actor. */
  actor?: string;
  /** Fewest common third parties for a pair to count (default 2). */
  minCommon?: number;
  /** Pairs returned, best aligned first (default 20). */
  limit?: number;
  /** 'aligned': highest scores first; 'opposed': lowest first. */
  order?: 'aligned' | 'opposed';
  /** How long to wait for a computation (see rankActors). */
  wait?: Wait;
}

/** What the analysis thread needs of the options. */
export type PairOptions = Required<Omit<AlignmentOptions, 'actor' | 'filter' | 'wait'>> &
  Pick<AlignmentOptions, 'actor'>;

export interface Vectors {
  ids: string[];
  /** out[a]: [third party, score] of a's stance. */
  out: [number, number][][];
  /** into[c]: [actor, score] of the actors with a stance toward c. */
  into: [number, number][][];
}

/** The stance vectors of a dyad graph (kept beside the graph in the analysis thread). */
export function stanceVectors(g: DyadGraph): Vectors {
  const ids = g.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: [number, number][][] = ids.map(() => []);
  const into: [number, number][][] = ids.map(() => []);
  g.forEachEdge((_e, attrs, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    out[s]!.push([t, attrs.net]);
    into[t]!.push([s, attrs.net]);
  });
  return { ids, out, into };
}

/** Best first: by score (highest or lowest), then more common third parties, then ids. */
function better(order: 'aligned' | 'opposed') {
  const sign = order === 'aligned' ? 1 : -1;
  return (x: AlignedPair, y: AlignedPair) =>
    sign * (y.score - x.score) ||
    y.common - x.common ||
    byCodeUnits(x.a, y.a) ||
    byCodeUnits(x.b, y.b);
}

/** The best `limit` pairs by the options over the stance vectors (what the analysis thread runs). */
export function pairsOf(v: Vectors, o: PairOptions): AlignedPair[] {
  const n = v.ids.length;
  const dot = new Float64Array(n);
  const na = new Float64Array(n);
  const nb = new Float64Array(n);
  const common = new Int32Array(n);
  const compare = better(o.order);
  // The best `limit` pairs so far, kept sorted; small, so insertion beats a heap here.
  const best: AlignedPair[] = [];
  const offer = (pair: AlignedPair) => {
    if (best.length === o.limit && compare(pair, best[best.length - 1]!) >= 0) return;
    let i = best.length;
    while (i > 0 && compare(pair, best[i - 1]!) < 0) i--;
    best.splice(i, 0, pair);
    if (best.length > o.limit) best.pop();
  };
  const only = o.actor === undefined ? -1 : v.ids.indexOf(o.actor);
  const firsts = only >= 0 ? [only] : o.actor === undefined ? v.ids.map((_, i) => i) : [];
  for (const a of firsts) {
    const touched: number[] = [];
    for (const [c, sa] of v.out[a]!) {
      for (const [b, sb] of v.into[c]!) {
        // Each pair once (b > a), unless one actor's pairs are asked for.
        if (b === a || (only < 0 && b < a)) continue;
        if (common[b] === 0) touched.push(b);
        common[b] += 1;
        dot[b] += sa * sb;
        na[b] += sa * sa;
        nb[b] += sb * sb;
      }
    }
    for (const b of touched) {
      if (common[b]! >= o.minCommon) {
        const norm = Math.sqrt(na[b]!) * Math.sqrt(nb[b]!);
        const score = norm === 0 ? 0 : Math.max(-1, Math.min(1, dot[b]! / norm));
        const [x, y] = byCodeUnits(v.ids[a]!, v.ids[b]!) < 0 ? [a, b] : [b, a];
        offer({
          a: v.ids[x]!,
          b: v.ids[y]!,
          score: Math.round(score * 1e6) / 1e6,
          common: common[b]!,
        });
      }
      common[b] = 0;
      dot[b] = 0;
      na[b] = 0;
      nb[b] = 0;
    }
  }
  return best;
}

/**
 * The best aligned (or most opposed) actor pairs, computed in the analysis thread once per graph
 * version and options.
 */
export async function alignedPairs(
  sg: StanceGraph,
  options: AlignmentOptions = {},
): Promise<AlignedPair[]> {
  const filter = options.filter ?? {};
  const o: PairOptions = {
    minCommon: options.minCommon ?? 2,
    limit: options.limit ?? 20,
    order: options.order ?? 'aligned',
    actor: options.actor,
  };
  if (o.actor !== undefined && !sg.hasActor(o.actor)) throw new UnknownActorError(o.actor, 'actor');
  if (o.limit === 0) return [];
  const key = `alignment:${o.actor ?? ''}:${o.minCommon}:${o.limit}:${o.order}:${filterKey(filter)}`;
  return analyze<AlignedPair[]>(sg, filter, key, { kind: 'alignment', options: o }, options.wait);
}
