// The view's filters as the query parameters of the API's filtered routes (/api/graph, metrics,
// blocs, export, and the event filters of timeline), so every panel asks for what the graph shows.
import type { Filters, ViewState } from './view-state.ts';

export interface FilterQuery {
  from?: string;
  to?: string;
  type?: string[];
  quad?: string[];
  polarity?: string[];
  kind?: string[];
  minConfidence?: number;
}

/**
 * Only the restricting filters become parameters. A list with every value unticked cannot travel
 * (the query string drops empty lists), so callers check `matchesNothing` before asking.
 */
export function filterQuery(f: Filters): FilterQuery {
  const q: FilterQuery = {};
  if (f.from !== null) q.from = f.from;
  if (f.to !== null) q.to = f.to;
  if (f.types !== null) q.type = [...f.types];
  if (f.quads !== null) q.quad = [...f.quads];
  if (f.polarities !== null) q.polarity = [...f.polarities];
  if (f.kinds !== null) q.kind = [...f.kinds];
  if (f.minConfidence > 0) q.minConfidence = f.minConfidence;
  return q;
}

/** The event filters alone (GET /api/timeline takes no actor kinds). */
export function eventFilterQuery(f: Filters): Omit<FilterQuery, 'kind'> {
  const q = filterQuery(f);
  delete q.kind;
  return q;
}

/** Whether a list filter excludes every value, so no event or actor can pass. */
export function matchesNothing(f: Filters): boolean {
  return [f.types, f.quads, f.polarities, f.kinds].some((l) => l !== null && l.length === 0);
}

/** The query of GET /api/export for the view: its filters and ego view, every event an edge. */
export function exportQuery(
  view: Pick<ViewState, 'filters' | 'focus'>,
  format: 'gexf' | 'graphml' | 'json' | 'csv',
  table?: 'nodes' | 'edges',
): Record<string, string | number | string[]> {
  const q: Record<string, string | number | string[]> = { ...filterQuery(view.filters), format };
  if (table !== undefined) q.table = table;
  if (view.focus) {
    q.focus = view.focus.id;
    q.depth = view.focus.depth;
  }
  q.mode = 'events';
  return q;
}
