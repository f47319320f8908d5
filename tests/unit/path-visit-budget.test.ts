// The visit budget of path search: a query that would read more neighbour entries than its cap
// stops there and answers with the paths it had accepted (exact, cheapest first) and
// `truncated: true`; a query within the cap is answered in full with no such field.
import { describe, expect, it } from 'vitest';
import { kShortestPaths } from '../../server/graph/index.ts';
import { PATH_VISIT_BUDGET } from '../../server/graph/analytics/k-paths.ts';
import { PathsResponse } from '../../server/api/analytics-schemas.ts';
import { graphOf, type EventTuple } from './analytics-fixtures.ts';

/**
 * Twelve routes from valdoria to the port of quellmark, each through a relay of its own with
 * `i + 1` events on both hops (so every route costs differently), and the relays all tied to one
 * another so that each search has many entries to read.
 */
function relayGraph(): EventTuple[] {
  const relays = Array.from({ length: 12 }, (_, i) => `relay-${String.fromCharCode(97 + i)}`);
  const events: EventTuple[] = [];
  relays.forEach((relay, i) => {
    for (let e = 0; e <= i; e++) {
      events.push(['valdoria', relay, 'CONSULT'], [relay, 'quellmark', 'AGREE']);
    }
    for (const other of relays.slice(i + 1)) events.push([relay, other, 'SUPPORT']);
  });
  return events;
}

describe('path search visit budget', () => {
  const g = graphOf(relayGraph());
  const full = kShortestPaths(g, 'valdoria', 'quellmark', { k: 10, maxLength: 3 });

  it('answers in full, with no truncated field, within the default budget', () => {
    expect(PATH_VISIT_BUDGET).toBeGreaterThan(100_000);
    expect(full.paths).toHaveLength(10);
    expect('truncated' in full).toBe(false);
    // The best-attested relay (the last, with twelve events a hop) comes first.
    expect(full.paths[0]!.nodes).toEqual(['valdoria', 'relay-l', 'quellmark']);
  });

  it('cuts a search that exceeds the cap and keeps the exact paths it had accepted', () => {
    const costs: number[] = [];
    let cutAt = 0;
    for (let cap = 0; cap <= 2_000; cap += 10) {
      const r = kShortestPaths(g, 'valdoria', 'quellmark', { k: 10, maxLength: 3, maxVisits: cap });
      if (!r.truncated) {
        expect(r).toEqual(full);
        break;
      }
      cutAt = cap;
      expect(r.paths.length).toBeLessThan(10);
      // What was found is the start of the full answer, path for path.
      expect(r.paths).toEqual(full.paths.slice(0, r.paths.length));
      costs.push(r.paths.length);
    }
    // Some caps stop before the first path, some part way through, and a large enough one never.
    expect(costs[0]).toBe(0);
    expect(Math.max(...costs)).toBeGreaterThan(0);
    expect(cutAt).toBeGreaterThan(0);
    expect(cutAt).toBeLessThan(2_000);
  });

  it('is cut at the same place every time, in a reply the route schema accepts', () => {
    const once = kShortestPaths(g, 'valdoria', 'quellmark', { k: 10, maxVisits: 150 });
    const again = kShortestPaths(g, 'valdoria', 'quellmark', { k: 10, maxVisits: 150 });
    expect(once.truncated).toBe(true);
    expect(again).toEqual(once);
    expect(PathsResponse.safeParse(once).success).toBe(true);
    expect(PathsResponse.safeParse(full).success).toBe(true);
    expect(PathsResponse.safeParse({ ...full, truncated: false }).success).toBe(false);
  });

  it('leaves the next query unaffected by the nodes a cut search had blocked', () => {
    kShortestPaths(g, 'valdoria', 'quellmark', { k: 10, maxLength: 3, maxVisits: 400 });
    expect(kShortestPaths(g, 'valdoria', 'quellmark', { k: 10, maxLength: 3 })).toEqual(full);
  });
});
