// Which actors a bounded graph view shows: the most active actors (overview) or the focus and its
// best-tied neighbours hop by hop (ego view); view-pairs.ts picks the pairs among them. Unfiltered
// views read the graph's pair index and, for an ego view's first hop, the focus's tie ranking kept
// until a document mentioning it changes; a filter that bounds only dates counts each tie from the
// pair's date keys (pair-dates.ts); other event filters scan only the edges they must.
import type { ActorKind } from '../model/index.ts';
import { ActorCache } from './actor-cache.ts';
import { byCodeUnits } from './contributions.ts';
import {
  eventMatches,
  filterIsActive,
  forEachCandidateEvent,
  kindAllowed,
  onlyDateBound,
  type EventFilter,
} from './event-filter.ts';
import { datedActivity } from './dated-activity.ts';
import type { StanceGraph } from './stance-graph.ts';
import type { Budget } from './types.ts';

export interface SelectQuery extends EventFilter {
  kinds?: readonly ActorKind[];
  /** Include affiliation edges as ties (ego views) and in the reply (default true). */
  affiliations?: boolean;
}

/** Checks the budget once every `every` calls, so tight loops do not read the clock each time. */
export class BudgetTicker {
  private n = 0;
  constructor(
    private readonly budget: Budget | undefined,
    private readonly every = 1024,
  ) {}
  tick(): void {
    if (this.budget && ++this.n % this.every === 0) this.budget.check();
  }
  check(): void {
    this.budget?.check();
  }
}

interface Ranked {
  id: string;
  weight: number;
  events: number;
}

/** Candidates first to last: higher weight, then more events overall, then id. */
const byRank = (a: Ranked, b: Ranked) =>
  b.weight - a.weight || b.events - a.events || byCodeUnits(a.id, b.id);

/**
 * The best `k` of the candidates (higher weight, then more events overall, then id), in order.
 * Only candidates weighing at least the k-th highest weight can be among them: the others are
 * passed over before their event counts are read and the rest sorted.
 */
function topK(sg: StanceGraph, weights: Map<string, number>, k: number): string[] {
  if (k <= 0) return [];
  const g = sg.graph;
  let least = -Infinity;
  if (weights.size > k) {
    const sorted = Float64Array.from(weights.values()).sort();
    least = sorted[sorted.length - k]!;
  }
  const all: Ranked[] = [];
  for (const [id, weight] of weights) {
    if (weight < least) continue;
    all.push({ id, weight, events: g.getNodeAttribute(id, 'eventCount') });
  }
  all.sort(byRank);
  return all.slice(0, k).map((r) => r.id);
}

export interface NodeSelection {
  ids: string[];
  /** Actors the view could have shown (all that qualify, or all reached within the depth). */
  total: number;
}

/** The `limit` most active actors: by events overall, or by matching events under a filter. */
export function overviewNodes(
  sg: StanceGraph,
  q: SelectQuery,
  limit: number,
  ticker: BudgetTicker,
): NodeSelection {
  const g = sg.graph;
  if (!filterIsActive(q)) {
    const ids: string[] = [];
    let total = 0;
    for (const id of sg.byActivity()) {
      if (!kindAllowed(g.getNodeAttribute(id, 'kind'), q.kinds)) continue;
      total += 1;
      if (ids.length < limit) ids.push(id);
    }
    return { ids, total };
  }
  if (onlyDateBound(q)) {
    const activity = datedActivity(sg, q, q.kinds, () => ticker.tick());
    return { ids: topK(sg, activity, limit), total: activity.size };
  }
  const activity = new Map<string, number>();
  forEachCandidateEvent(sg, q, (attrs, source, target) => {
    ticker.tick();
    if (!eventMatches(attrs, q)) return;
    if (!kindAllowed(sg.actorKind(source)!, q.kinds)) return;
    if (!kindAllowed(sg.actorKind(target)!, q.kinds)) return;
    activity.set(source, (activity.get(source) ?? 0) + 1);
    if (target !== source) activity.set(target, (activity.get(target) ?? 0) + 1);
  });
  return { ids: topK(sg, activity, limit), total: activity.size };
}

/** Calls `visit` with each actor tied to `n` and the weight of the tie (its events, or 1 for an affiliation). */
function forEachTie(
  sg: StanceGraph,
  n: string,
  q: SelectQuery,
  ticker: BudgetTicker,
  visit: (other: string, weight: number) => void,
): void {
  if (filterIsActive(q)) {
    sg.forEachEventOf(n, 'any', (attrs, source, target) => {
      ticker.tick();
      if (eventMatches(attrs, q)) visit(source === n ? target : source, 1);
    });
  } else {
    const pairs = sg.pairs;
    const a = pairs.findActor(n);
    pairs.forEachOut(a, (p, other) => visit(pairs.actorId(other), pairs.eventCount(p)));
    pairs.forEachIn(a, (p, other) => visit(pairs.actorId(other), pairs.eventCount(p)));
  }
  affiliationTies(sg, n, q, visit);
}

/** The actor's affiliations as ties of weight 1 (a person's bodies, a body's persons), if shown. */
function affiliationTies(
  sg: StanceGraph,
  n: string,
  q: SelectQuery,
  visit: (other: string, weight: number) => void,
): void {
  if (q.affiliations === false) return;
  for (const key of sg.affiliationsOf(n)) visit(sg.affiliation(key).of, 1);
  for (const key of sg.affiliationsTo(n)) visit(sg.affiliation(key).person, 1);
}

/**
 * Under a filter that bounds only dates, the ties of every actor in `from`: each of its pairs
 * weighs the events it has in range, counted by binary searches in the pair's date keys
 * (StanceGraph.pairsDated) rather than by a walk of the actor's events. The same ties and weights
 * as forEachTie gives (an actor's pair with itself counted once); false (nothing visited) when the
 * filter bounds more than dates.
 */
function datedTies(
  sg: StanceGraph,
  from: readonly string[],
  q: SelectQuery,
  ticker: BudgetTicker,
  visit: (other: string, weight: number) => void,
): boolean {
  if (!onlyDateBound(q)) return false;
  const pairs = sg.pairs;
  const dated = sg.pairsDated(q.from, q.to);
  // Each other actor's weight summed over its pairs with the actors, then visited once.
  const weights = new Int32Array(pairs.actorCount);
  const touched: number[] = [];
  const tie = (p: number, other: number): void => {
    ticker.tick();
    const count = dated.count(p);
    if (count === 0) return;
    if (weights[other] === 0) touched.push(other);
    weights[other]! += count;
  };
  for (const n of from) {
    const a = pairs.findActor(n);
    if (a < 0) continue;
    pairs.forEachOut(a, tie);
    pairs.forEachIn(a, (p, other) => {
      if (other !== a) tie(p, other);
    });
  }
  for (const other of touched) visit(pairs.actorId(other), weights[other]!);
  for (const n of from) affiliationTies(sg, n, q, visit);
  return true;
}

/** One actor's ties in rank order, and the graph version whose event counts ordered them. */
interface TieRanking {
  version: number;
  ties: Ranked[];
}

/** Unfiltered tie rankings of recently focused actors, most recently asked last. */
const tieRankings = new ActorCache<TieRanking>(64);

/**
 * Every actor tied to `focus` (itself aside), best first as topK ranks them. The ties and their
 * weights change only with a document mentioning the focus, so they are kept until one comes; the
 * tie-break by events overall can move with any document, so a ranking from an earlier version
 * reads again the event counts of the ties touched since and, if there are any, is re-sorted
 * (nearly in order already) on its first use at the current one.
 */
function rankedTies(sg: StanceGraph, focus: string, affiliations: boolean): readonly Ranked[] {
  const g = sg.graph;
  const key = `${affiliations ? 'ties' : 'events'}:${focus}`;
  const ranking = tieRankings.get(sg, focus, key, () => {
    const weights = new Map<string, number>();
    forEachTie(sg, focus, { affiliations }, new BudgetTicker(undefined), (other, weight) => {
      if (other !== focus) weights.set(other, (weights.get(other) ?? 0) + weight);
    });
    const ties = [...weights].map(([id, weight]) => ({ id, weight, events: 0 }));
    return { version: -1, ties };
  });
  if (ranking.version !== sg.version) {
    // Only an actor a document has touched since can have a new event count.
    let moved = false;
    for (const tie of ranking.ties) {
      if (ranking.version >= 0 && sg.touched(tie.id) <= ranking.version) continue;
      tie.events = g.getNodeAttribute(tie.id, 'eventCount');
      moved = true;
    }
    if (moved) ranking.ties.sort(byRank);
    ranking.version = sg.version;
  }
  return ranking.ties;
}

/**
 * The focus's first hop from its kept tie ranking: the best `want` of the allowed kinds, and how
 * many allowed actors it reaches (each added to `reached` when later hops need the set).
 */
function firstHop(
  sg: StanceGraph,
  focus: string,
  q: SelectQuery,
  want: number,
  reached: Set<string> | null,
): { ids: string[]; reached: number } {
  const ties = rankedTies(sg, focus, q.affiliations !== false);
  const ids: string[] = [];
  if (!q.kinds?.length && !reached) {
    for (let i = 0; i < ties.length && ids.length < want; i++) ids.push(ties[i]!.id);
    return { ids, reached: ties.length };
  }
  let count = 0;
  for (const { id } of ties) {
    if (!kindAllowed(sg.graph.getNodeAttribute(id, 'kind'), q.kinds)) continue;
    count += 1;
    reached?.add(id);
    if (ids.length < want) ids.push(id);
  }
  return { ids, reached: count };
}

/**
 * The focus, then hop by hop the actors with the most events tied to the previous hop's kept
 * actors, until `limit` actors are kept or `depth` hops are done. Only kept actors are expanded.
 * Without an event filter the first hop reads the focus's kept tie ranking.
 */
export function egoSelection(
  sg: StanceGraph,
  focus: string,
  depth: number,
  q: SelectQuery,
  limit: number,
  ticker: BudgetTicker,
): NodeSelection {
  const kept = new Set([focus]);
  if (depth > 0 && !filterIsActive(q)) {
    ticker.check();
    const reached = depth > 1 ? new Set([focus]) : null;
    const first = firstHop(sg, focus, q, Math.max(0, limit - 1), reached);
    for (const id of first.ids) kept.add(id);
    if (!reached) return { ids: [...kept], total: first.reached + 1 };
    return expand(sg, kept, reached, first.ids, 1, depth, q, limit, ticker);
  }
  return expand(sg, kept, new Set([focus]), [focus], 0, depth, q, limit, ticker);
}

/** Hops `hop` to `depth` of an ego selection, from the actors kept so far. */
function expand(
  sg: StanceGraph,
  kept: Set<string>,
  reached: Set<string>,
  start: string[],
  hop: number,
  depth: number,
  q: SelectQuery,
  limit: number,
  ticker: BudgetTicker,
): NodeSelection {
  const g = sg.graph;
  let frontier = start;
  for (; hop < depth && frontier.length > 0; hop++) {
    const weights = new Map<string, number>();
    const tie = (other: string, weight: number): void => {
      if (kept.has(other)) return;
      if (q.kinds?.length && !kindAllowed(g.getNodeAttribute(other, 'kind'), q.kinds)) return;
      reached.add(other);
      weights.set(other, (weights.get(other) ?? 0) + weight);
    };
    if (!datedTies(sg, frontier, q, ticker, tie)) {
      for (const n of frontier) {
        ticker.check();
        forEachTie(sg, n, q, ticker, tie);
      }
    }
    frontier = topK(sg, weights, Math.max(0, limit - kept.size));
    for (const id of frontier) kept.add(id);
  }
  return { ids: [...kept], total: reached.size };
}
