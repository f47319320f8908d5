// Aliases are names and titles: the extractor never lists a pronoun or other function word as one
// (though it still resolves them as mentions), and the graph drops such aliases from stored
// extractions, so actor search cannot find an actor by "he".
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { buildGraph, searchActors } from '../../server/graph/index.ts';
import { isNameAlias, type Extraction } from '../../server/model/index.ts';
import { fixtureBundle } from './graph-fixtures.ts';

/** Articles of our own where coreference resolves pronouns to people, bodies and states. */
const ARTICLES = [
  {
    published: '2024-08-12',
    text:
      'Brazilian President Luiz Inacio Lula da Silva arrived in Luanda on Monday. He signed a fuel ' +
      'agreement with Angola and said his government would send engineers.',
    resolved: { 'luiz-inacio-lula-da-silva': ['He', 'his'] },
  },
  {
    published: '2024-02-10',
    text:
      'The African Union welcomed the ceasefire talks in Addis Ababa and said its mediators were ' +
      'ready. It urged Sudan to open the roads to aid convoys.',
    resolved: { 'african-union': ['its', 'It'] },
  },
  {
    published: '2024-04-07',
    text:
      'Mexico condemned the raid on its embassy in Quito. Mexican President Andres Manuel Lopez ' +
      'Obrador said he would take Ecuador to the International Court of Justice.',
    resolved: { mexico: ['its'], 'andres-manuel-lopez-obrador': ['he'] },
  },
];

const spoken = (text: string, m: { start: number; end: number }) => text.slice(m.start, m.end);

describe('isNameAlias', () => {
  it.each([
    ['he', false],
    ['His', false],
    ['It', false],
    ['themselves', false],
    ['the latter', false],
    ["it's", false],
    ['', false],
    ['US', true],
    ['WHO', true],
    ['Lula', true],
    ["China's president", true],
    ['the minister', true],
    ['his Angolan counterpart', true],
  ])('%j -> %s', (surface, expected) => {
    expect(isNameAlias(surface)).toBe(expected);
  });
});

describe('extraction aliases', () => {
  it.each(ARTICLES)(
    'lists no pronoun as an alias ($published)',
    ({ text, published, resolved }) => {
      const x = extractArticle({ text, published });
      for (const [id, pronouns] of Object.entries(resolved)) {
        const actor = x.actors.find((a) => a.id === id);
        expect(actor, id).toBeDefined();
        // Coreference still resolves the pronouns: they stay mentions of the actor...
        const mentioned = actor!.mentions.map((m) => spoken(text, m));
        for (const p of pronouns) expect(mentioned, id).toContain(p);
        // ...but only names and titles are aliases.
        for (const p of pronouns) expect(actor!.aliases, id).not.toContain(p);
      }
      for (const actor of x.actors) {
        for (const alias of actor.aliases) expect(isNameAlias(alias), alias).toBe(true);
        const named = actor.mentions.map((m) => spoken(text, m)).filter(isNameAlias);
        expect(actor.aliases.sort()).toEqual([...new Set(named)].sort());
      }
    },
  );

  it('keeps acronyms that look like function words', () => {
    const text =
      'The WHO warned that cholera was spreading in Haiti. The US said it would send doctors.';
    const x = extractArticle({ text, published: '2023-10-02' });
    const aliases = x.actors.flatMap((a) => a.aliases);
    expect(aliases).toContain('WHO');
    expect(aliases).toContain('US');
  });
});

describe('aliases already stored', () => {
  /** A stored extraction from an older extractor, with pronouns among a person's aliases. */
  function withPronouns(): Extraction {
    const x = structuredClone(fixtureBundle('one').extraction);
    const varga = x.actors.find((a) => a.id === 'elodie-varga')!;
    varga.aliases = [...varga.aliases, 'She', 'her', 'herself'];
    return x;
  }

  it('leaves them out of the actor node', () => {
    const g = buildGraph([withPronouns()]);
    expect(g.actor('elodie-varga')!.aliases).toEqual(['Élodie Varga']);
  });

  it('cannot find an actor by a pronoun, and still finds it by name', () => {
    const g = buildGraph([withPronouns(), fixtureBundle('three').extraction]);
    for (const q of ['she', 'her', 'Herself']) {
      const ids = searchActors(g, { q, limit: 20 }).items.map((h) => h.id);
      expect(ids, q).not.toContain('elodie-varga');
    }
    expect(searchActors(g, { q: 'varga', limit: 5 }).items[0]!.id).toBe('elodie-varga');
  });
});
