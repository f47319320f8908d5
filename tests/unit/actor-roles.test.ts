// The roles in the actor details, over fixture documents and a stand-in gazetteer: stated roles
// are dated as of their article, matched to gazetteer offices by title or role word, and flagged
// only when every matching gazetteer role had ended by the article's date.
import { describe, expect, it } from 'vitest';
import { actorDetails, buildGraph, type RoleReference } from '../../server/graph/index.ts';
import type { DatedRole, StatedRole } from '../../server/model/index.ts';
import { fixtureBundle } from './graph-fixtures.ts';

// Fixture one: "President Élodie Varga of Norland", published 2023-01-12.
const one = fixtureBundle('one').extraction;
const published = one.document.published!;

function reference(
  roles: DatedRole[],
  words: Record<string, readonly string[]> = {},
): RoleReference {
  return {
    roles,
    officesFor: (title) => words[title.toLowerCase()] ?? [],
    nameOf: (id) => (id === 'eastmark' ? 'Eastmark' : null),
  };
}

function stated(ref: RoleReference): StatedRole {
  const roles = actorDetails(buildGraph([one]), 'elodie-varga', ref).roles;
  const found = roles.filter((r): r is StatedRole => r.basis === 'article');
  expect(found).toHaveLength(1);
  return found[0]!;
}

const role = (over: Partial<DatedRole>): DatedRole => ({
  title: 'Head of State',
  office: 'head-of-state',
  of: 'norland',
  from: '2019-06-01',
  to: null,
  ...over,
});

describe('actor roles', () => {
  it('dates a stated role as of its article and cites the article', () => {
    expect(stated(reference([]))).toEqual({
      basis: 'article',
      title: 'president',
      of: 'norland',
      ofName: 'Norland',
      asOf: published,
      document: { id: one.document.id, title: one.document.title },
      current: false,
      endedBefore: null,
    });
  });

  it('lists gazetteer roles first, current ones before ended ones, with names of their bodies', () => {
    const ref = reference([
      role({ from: '2010-01-01', to: '2015-01-01', of: 'eastmark', title: 'Envoy', office: null }),
      role({}),
    ]);
    const roles = actorDetails(buildGraph([one]), 'elodie-varga', ref).roles;
    expect(roles.map((r) => [r.basis, r.title, r.current, r.ofName])).toEqual([
      ['gazetteer', 'Head of State', true, 'Norland'],
      ['gazetteer', 'Envoy', false, 'Eastmark'],
      ['article', 'president', false, 'Norland'],
    ]);
  });

  it.each([
    // [gazetteer end, role words of "president", expected flag]
    ['2022-12-30', { president: ['head-of-state'] }, '2022-12-30'],
    ['2022-12', { president: ['head-of-state'] }, '2022-12'],
    // The end is in the article's month: the role may still have been held on its date.
    [published.slice(0, 7), { president: ['head-of-state'] }, null],
    [published, { president: ['head-of-state'] }, null],
    ['2023-06-30', { president: ['head-of-state'] }, null],
    // "president" names no office of this role: nothing to compare with.
    ['2022-12-30', {}, null],
  ] as const)('flags a role the gazetteer ended on %s (%j) with %s', (to, words, flag) => {
    const ref = reference([role({ to })], { ...words });
    expect(stated(ref).endedBefore).toBe(flag);
  });

  it('matches by title when the role word names no office', () => {
    const ref = reference([role({ title: 'President', office: null, to: '2022-01-01' })]);
    expect(stated(ref).endedBefore).toBe('2022-01-01');
  });

  it('does not flag a role held again on the date after an earlier term ended', () => {
    const ref = reference(
      [role({ from: '2010-01-01', to: '2014-01-01' }), role({ from: '2020-01-01', to: null })],
      { president: ['head-of-state'] },
    );
    expect(stated(ref).endedBefore).toBeNull();
  });

  it('only compares roles of the same state or body', () => {
    const ref = reference([role({ of: 'eastmark', to: '2020-01-01' })], {
      president: ['head-of-state'],
    });
    expect(stated(ref).endedBefore).toBeNull();
  });
});
