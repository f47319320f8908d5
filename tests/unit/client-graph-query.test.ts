// What the explorer asks /api/graph for: the overview first, then, only once the overview is
// partial, each filter, date range and ego view from the server.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  OVERVIEW_QUERY,
  isComplete,
  neededQuery,
  queryKey,
  setDateRange,
  setFocus,
  setListValue,
  viewQuery,
} from '../../client/src/state/index.ts';

const complete = { actors: 40, actorsTotal: 40, edges: 95, edgesTotal: 95 };
const partial = { actors: 1_000, actorsTotal: 18_500, edges: 5_000, edgesTotal: 412_000 };

describe('the explorer graph query', () => {
  it('tells a complete view from a partial one', () => {
    expect(isComplete(complete)).toBe(true);
    expect(isComplete(partial)).toBe(false);
    expect(isComplete({ ...complete, edgesTotal: 96 })).toBe(false);
  });

  it('filters a complete overview in place, never asking again', () => {
    const view = setFocus(setDateRange(DEFAULT_VIEW, '2021-03', '2021-09'), 'tanzania', 2);
    expect(neededQuery(view, complete)).toBe(OVERVIEW_QUERY);
  });

  it('asks the server for the filters and the ego view once the overview is partial', () => {
    const dated = setDateRange(DEFAULT_VIEW, '2019', '2020-06');
    expect(neededQuery(dated, partial)).toMatchObject({ from: '2019', to: '2020-06' });
    const ego = setFocus(dated, 'chile', 2);
    expect(neededQuery(ego, partial)).toMatchObject({ focus: 'chile', depth: 2, from: '2019' });
    expect(neededQuery(DEFAULT_VIEW, partial)).toEqual(OVERVIEW_QUERY);
  });

  it('asks nothing when a list filter lets nothing through', () => {
    let view = DEFAULT_VIEW;
    for (const p of ['cooperative', 'hostile', 'neutral'] as const) {
      view = setListValue(view, 'polarities', p, false);
    }
    expect(neededQuery(view, partial)).toBeNull();
  });

  it('keys queries independently of parameter order', () => {
    const a = viewQuery(setFocus(DEFAULT_VIEW, 'kenya', 1));
    const b = Object.fromEntries(Object.entries(a).reverse());
    expect(queryKey(a)).toBe(queryKey(b));
    expect(queryKey(a)).not.toBe(queryKey(viewQuery(setFocus(DEFAULT_VIEW, 'kenya', 2))));
  });
});
