// What the explorer asks GET /api/graph for. It opens the server's overview (the most active actors);
// while that overview holds the whole graph, filters and ego views are applied on it in place.
// Once the overview is partial, every filter, date range and ego view is asked of the server.
import { filterQuery, matchesNothing } from './filter-query.ts';
import type { ViewState } from './view-state.ts';

/** What a reply says it shows (GET /api/graph attributes.shown). */
export interface Shown {
  actors: number;
  actorsTotal: number;
  edges: number;
  edgesTotal: number;
}

export type GraphQuery = Record<string, string | number | string[]>;

/** The overview: every actor and event when the store is small, else the most active actors. */
export const OVERVIEW_QUERY: GraphQuery = { mode: 'events', layout: 'false' };

/** The query for the view's filters and ego view. */
export function viewQuery(view: Pick<ViewState, 'filters' | 'focus'>): GraphQuery {
  const q: GraphQuery = { ...OVERVIEW_QUERY, ...filterQuery(view.filters) };
  if (view.focus) {
    q.focus = view.focus.id;
    q.depth = view.focus.depth;
  }
  return q;
}

/** Whether a reply holds everything there is to show, so it can be filtered without asking again. */
export function isComplete(shown: Shown): boolean {
  return shown.actors >= shown.actorsTotal && shown.edges >= shown.edgesTotal;
}

/**
 * The query the view needs, given the overview first loaded: the overview itself while it is
 * complete, else the view's own query; null when the filters let nothing through.
 */
export function neededQuery(
  view: Pick<ViewState, 'filters' | 'focus'>,
  overview: Shown,
): GraphQuery | null {
  if (isComplete(overview)) return OVERVIEW_QUERY;
  if (matchesNothing(view.filters)) return null;
  return viewQuery(view);
}

/** A stable key of a query, to tell whether the data loaded is the data needed. */
export function queryKey(q: GraphQuery | null): string {
  if (q === null) return '';
  return JSON.stringify(
    Object.keys(q)
      .sort()
      .map((k) => [k, q[k]]),
  );
}
