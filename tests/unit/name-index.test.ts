// The token index behind actor search: one-edit neighbours, candidates equal to a scan of every
// token, and the index after adds, renames and removals equal to one built from what remains.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorNameIndex } from '../../server/graph/name-index.ts';
import { oneEditNeighbours, withinOneEdit } from '../../server/graph/text-match.ts';

const LETTERS = ['a', 'b', 'c', 'é', '1'];
const word = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 6 });

/** Actors whose tokens match `term` as a prefix or, with `typos`, within one edit: read one by one. */
function scan(actors: Map<string, string[]>, term: string, typos: boolean): string[] {
  const n = term.length;
  const hit = (t: string) =>
    t.startsWith(term) ||
    (typos &&
      (withinOneEdit(term, t) ||
        (t.length > n && (withinOneEdit(term, t, n) || withinOneEdit(term, t, n + 1)))));
  return [...actors]
    .filter(([id, names]) => [...names, id].some((s) => s.split(/[^a-z0-9]+/).some(hit)))
    .map(([id]) => id)
    .sort();
}

describe('one-edit neighbours', () => {
  it('are exactly the strings one edit away over the letters given', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const near = new Set(oneEditNeighbours(a, ['a', 'b', 'c', 'é', '1']));
        expect(near.has(b)).toBe(a !== b && withinOneEdit(a, b));
      }),
      { numRuns: 3_000 },
    );
    expect(oneEditNeighbours('lagos', 'lgx')).toContain('lgaos');
    expect(oneEditNeighbours('lagos', 'lgx')).toContain('lagxos');
    expect(oneEditNeighbours('lagos', 'lgx')).not.toContain('lagos');
  });
});

describe('the actor token index', () => {
  const plain = fc.string({
    unit: fc.constantFrom('a', 'b', 'c', 'd'),
    minLength: 1,
    maxLength: 5,
  });
  const name = fc.array(plain, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const actor = fc.record({
    id: fc.constantFrom('p-1', 'p-2', 'q-3', 'r-4', 's-5'),
    name,
    aliases: fc.array(name, { maxLength: 2 }),
    remove: fc.boolean(),
  });

  it('finds the same candidates as a scan, and equals a fresh build after any changes', () => {
    fc.assert(
      fc.property(fc.array(actor, { maxLength: 12 }), plain, fc.boolean(), (ops, term, typos) => {
        const live = new ActorNameIndex();
        const now = new Map<string, { name: string; aliases: string[] }>();
        for (const op of ops) {
          if (op.remove) {
            live.delete(op.id);
            now.delete(op.id);
          } else {
            live.set(op.id, { kind: 'person', name: op.name, aliases: op.aliases });
            now.set(op.id, op);
          }
        }
        const fresh = new ActorNameIndex();
        for (const [id, a] of now) fresh.set(id, { kind: 'person', ...a });
        expect(live.snapshot()).toEqual(fresh.snapshot());
        expect(live.size).toBe(now.size);
        const names = new Map([...now].map(([id, a]) => [id, [a.name, ...a.aliases]]));
        expect([...live.candidates(term, typos)].sort()).toEqual(scan(names, term, typos));
      }),
      { numRuns: 1_000 },
    );
  });

  it('finds a typo in the middle of a longer name through its neighbours, not a scan', () => {
    const index = new ActorNameIndex();
    index.set('ama-owusu', { kind: 'person', name: 'Ama Owusu', aliases: ['Owusu-Ansah'] });
    index.set('river-board', { kind: 'organization', name: 'Mekong River Board', aliases: [] });
    index.set('rivera', { kind: 'person', name: 'Lucía Rivera', aliases: [] });
    expect([...index.candidates('owsu', true)]).toEqual(['ama-owusu']);
    expect([...index.candidates('rvier', true)].sort()).toEqual(['river-board', 'rivera']);
    expect([...index.candidates('rvier', false)]).toEqual([]);
    expect([...index.candidates('mek', false)]).toEqual(['river-board']);
    index.delete('river-board');
    expect([...index.candidates('mek', false)]).toEqual([]);
    expect(index.snapshot().map(([t]) => t)).toEqual(['ama', 'ansah', 'lucia', 'owusu', 'rivera']);
  });
});
