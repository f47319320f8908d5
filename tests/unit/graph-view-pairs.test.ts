// The pairs a bounded view shows (server/graph/view-pairs.ts): for random graphs and actor sets, the
// count, the events and the k busiest pairs (many tied on events) equal a sort of every dyad.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, type DyadStance } from '../../server/graph/index.ts';
import { pairsAmong } from '../../server/graph/view-pairs.ts';
import { BudgetTicker } from '../../server/graph/view-select.ts';
import type { PloverType } from '../../server/model/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';

// Ids whose code-unit order differs from a locale-aware one, so the tie-break is tested.
const ACTORS = ['Zelan', 'abora', 'kestro', 'Kestro-north', 'ulvan', 'ölund', 'bay-of-ir', 'Ume'];
const TYPES: PloverType[] = ['CONSULT', 'ACCUSE', 'AID'];

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function busiestByHand(dyads: DyadStance[], kept: Set<string>, k: number): DyadStance[] {
  return dyads
    .filter((d) => kept.has(d.source) && kept.has(d.target))
    .sort(
      (a, b) =>
        b.eventCount - a.eventCount ||
        codeUnits(a.source, b.source) ||
        codeUnits(a.target, b.target),
    )
    .slice(0, k);
}

describe('pairs among a view', () => {
  it('counts and ranks the pairs among any set of actors as a sort of every dyad', () => {
    const event = fc.tuple(fc.nat(ACTORS.length - 1), fc.nat(ACTORS.length - 1), fc.nat(2));
    fc.assert(
      fc.property(
        fc.array(fc.array(event, { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.subarray(ACTORS, { minLength: 1 }),
        fc.integer({ min: 1, max: 30 }),
        (documents, members, k) => {
          const g = buildGraph(
            documents.map(
              (events) =>
                bundleOf(
                  events.map(([s, t, y]) => [ACTORS[s]!, ACTORS[t]!, TYPES[y]!] as EventTuple),
                ).extraction,
            ),
          );
          const kept = new Set(members.filter((m) => g.hasActor(m)));
          const found = pairsAmong(g, kept, {}, new BudgetTicker(undefined));
          const all = busiestByHand(g.dyads(), kept, Infinity);
          expect(found.count).toBe(all.length);
          expect(found.events).toBe(all.reduce((n, d) => n + d.eventCount, 0));
          expect(found.busiest(k).map((p) => p.stance)).toEqual(all.slice(0, k));
          for (const d of all) expect(found.get(d.source, d.target)?.stance).toEqual(d);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ranks under an event filter on the matching events only', () => {
    const g = buildGraph([
      bundleOf([
        ['ulvan', 'abora', 'AID', '2021-04-01'],
        ['ulvan', 'abora', 'AID', '2023-04-01'],
        ['abora', 'Zelan', 'ACCUSE', '2023-05-01'],
        ['abora', 'Zelan', 'ACCUSE', '2023-06-01'],
        ['abora', 'Zelan', 'ACCUSE', '2021-06-01'],
      ]).extraction,
    ]);
    const kept = new Set(['ulvan', 'abora', 'Zelan']);
    const found = pairsAmong(g, kept, { from: '2023-01-01' }, new BudgetTicker(undefined));
    expect(found.count).toBe(2);
    expect(found.events).toBe(3);
    expect(found.busiest(1).map((p) => [p.stance.source, p.stance.eventCount])).toEqual([
      ['abora', 2],
    ]);
    expect(found.get('ulvan', 'abora')?.types).toEqual({ AID: 1 });
  });
});
