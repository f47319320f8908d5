// Which actors a bounded graph view shows: the most active actors (overview) or the focus and its
// best-tied neighbours hop by hop (ego view); view-pairs.ts picks the pairs among them. Unfiltered
// views read the graph's pair index and, for an ego view's first hop, the focus's tie ranking kept
// until a document mentioning it changes; event filters scan only the edges they must.
import type { ActorKind } from '../model/index.ts';
import { ActorCache } from './actor-cache.ts';
import { byCodeUnits } from './contributions.ts';
import {
  DATED_READ_RATIO,
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

/** The best `k` of the candidates (higher weight, then more events overall, then id), in order. */
function topK(sg: StanceGraph, weights: Map<string, number>, k: number): string[] {
  const g = sg.graph;
  const all: Ranked[] = [];
  for (const [id, weight] of weights) {
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
 * Under a filter that bounds only dates, the ties of every actor in `from` at once, read from the
 * graph's date index (the events dated in range) when those are at most DATED_READ_RATIO times
 * the actors' own events: an actor's events are a linked list through the event table, and
 * walking a hub's 100,000 of them costs tens of milliseconds in memory reads, where the dated
 * events are read in key order. The same ties and weights as forEachTie gives for each actor in
 * turn; false (nothing visited) when the dated events are more, or the filter bounds more than
 * dates.
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
  const members = new Uint8Array(pairs.actorCount);
  let own = 0;
  for (const id of from) {
    const a = pairs.findActor(id);
    if (a < 0) continue;
    members[a] = 1;
    pairs.forEachOut(a, (p) => (own += pairs.eventCount(p)));
    pairs.forEachIn(a, (p) => (own += pairs.eventCount(p)));
  }
  const dated = sg.eventsDated(q.from, q.to);
  if (dated.length > own * DATED_READ_RATIO) return false;
  const weights = new Int32Array(pairs.actorCount);
  const touched: number[] = [];
  const add = (other: number): void => {
    if (weights[other]++ === 0) touched.push(other);
  };
  for (const key of dated) {
    ticker.tick();
    const p = sg.eventPair(key);
    const s = pairs.source(p);
    const t = pairs.target(p);
    // As forEachTie walks each member's events: the other end, once for an event with itself.
    if (members[t] === 1) add(s);
    if (members[s] === 1 && s !== t) add(t);
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
      if (kept.has(other) || !kindAllowed(g.getNodeAttribute(other, 'kind'), q.kinds)) return;
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
