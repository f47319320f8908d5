// How documents fold into an actor's node (server/graph/contributions.ts, stance-graph.ts): aliases
// are the stated name forms without pronouns, sorted and unique, whether each document brings its
// own list or several share one array (as the store's graph read hands them); the graph never keeps
// or changes a caller's array; and a document restating a known identity adds only its tallies.
import { describe, expect, it } from 'vitest';
import { buildGraph, searchActors } from '../../server/graph/index.ts';
import type { Extraction } from '../../server/model/index.ts';
import { bundleOf } from './analytics-fixtures.ts';

/** A document with two events between a port authority and a ministry. */
function dispatch(): Extraction {
  return bundleOf(
    [
      ['varn-port', 'telmi-ministry', 'CONSULT'],
      ['telmi-ministry', 'varn-port', 'THREATEN'],
    ],
    { 'varn-port': 'organization', 'telmi-ministry': 'organization' },
  ).extraction;
}

function withAliases(doc: Extraction, aliases: string[]): Extraction {
  doc.actors.find((a) => a.id === 'varn-port')!.aliases = aliases;
  return doc;
}

describe('actor aliases and identities', () => {
  it('drops pronouns and sorts and dedupes aliases, from shared or separate arrays alike', () => {
    const stated = ['the Port', 'it', 'Varn Port Authority', 'VPA', 'their', 'VPA'];
    const shared = buildGraph([0, 1, 2].map(() => withAliases(dispatch(), stated)));
    const separate = buildGraph([0, 1, 2].map(() => withAliases(dispatch(), [...stated])));
    const expected = ['VPA', 'Varn Port Authority', 'the Port'];
    expect(shared.actor('varn-port')!.aliases).toEqual(expected);
    expect(JSON.stringify(shared.actor('varn-port'))).toBe(
      JSON.stringify(separate.actor('varn-port')),
    );
    // The caller's array is left as it was and not held: changing it later changes nothing.
    expect(stated).toEqual(['the Port', 'it', 'Varn Port Authority', 'VPA', 'their', 'VPA']);
    stated.push('Harbour Board');
    expect(shared.actor('varn-port')!.aliases).toEqual(expected);
    expect(searchActors(shared, { q: 'harbour', limit: 5 }).items).toEqual([]);
  });

  it('keeps a sorted list of names as a copy of its own', () => {
    const stated = ['Port of Varn', 'Varn'];
    const g = buildGraph([withAliases(dispatch(), stated)]);
    expect(g.actor('varn-port')!.aliases).toEqual(stated);
    stated[0] = 'Old Port';
    expect(g.actor('varn-port')!.aliases).toEqual(['Port of Varn', 'Varn']);
  });

  it('counts a document restating a known identity and keeps identity and search unchanged', () => {
    const docs = [
      withAliases(dispatch(), ['Varn']),
      withAliases(dispatch(), ['Varn', 'Varn Harbour']),
      withAliases(dispatch(), ['Varn']),
      withAliases(dispatch(), ['Varn']),
      withAliases(dispatch(), ['Varn', 'Varn Harbour']),
    ];
    docs[1]!.actors.find((a) => a.id === 'varn-port')!.country = 'varn';
    const g = buildGraph(docs);
    expect(g.actor('varn-port')).toMatchObject({
      documents: 5,
      eventCount: 10,
      outCount: 5,
      inCount: 5,
      country: 'varn',
      aliases: ['Varn', 'Varn Harbour'],
    });
    expect(searchActors(g, { q: 'harbour', limit: 5 }).items.map((h) => h.id)).toEqual([
      'varn-port',
    ]);
    // Removing the documents that brought the country and the second alias gives the fold of the
    // rest, as a fresh build does.
    g.removeDocument(docs[1]!.document.id);
    g.removeDocument(docs[4]!.document.id);
    const rest = buildGraph([docs[0]!, docs[2]!, docs[3]!]);
    expect(JSON.stringify(g.actor('varn-port'))).toBe(JSON.stringify(rest.actor('varn-port')));
    expect(g.actor('varn-port')).toMatchObject({ country: null, aliases: ['Varn'], documents: 3 });
    expect(searchActors(g, { q: 'harbour', limit: 5 }).items).toEqual([]);
  });
});
