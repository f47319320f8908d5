// The tagger's gazetteer features: where each word sits in a known name and that name's kinds,
// found over any run of words; a tagger trained with them records the gazetteer's fingerprint,
// reads the gazetteer it is given at run time, and its cached scoring gives the tags of plain
// feature scoring. Gazetteers and sentences are written for this test.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNameLexicon, type NameLexicon } from '../../server/nlp/names/lexicon.ts';
import { Tagger, trainTagger } from '../../server/nlp/tagger/index.ts';
import {
  NAME_AMBIGUOUS,
  NAME_FIRST,
  NAME_INNER,
  NAME_LAST,
  NAME_WHOLE,
  markNames,
} from '../../server/nlp/tagger/name-matches.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';
import { plainTags } from './helpers/plain-tags.ts';
import { tagged } from './helpers/tagged-line.ts';

const PLACE = 0x1ff;
const PLACES = 7 << 9;

function lexicon(states: string[], organizations: string[] = []): NameLexicon {
  return buildNameLexicon({
    states: states.map((name) => ({
      name,
      demonyms: [],
      ambiguous: name === 'Chad' ? [name] : [],
    })),
    organizations: organizations.map((name) => ({ name })),
  });
}

function values(words: string[], lex: NameLexicon): number[] {
  const out = new Uint32Array(words.length);
  markNames(words, lex, out);
  return [...out];
}

describe('gazetteer names in a sentence', () => {
  const lex = buildNameLexicon({
    states: [
      { name: 'United States', demonyms: ['American'], capitals: ['Washington'] },
      { name: 'Chad', ambiguous: ['Chad'] },
    ],
    organizations: [{ name: 'United Nations Security Council' }, { name: 'United Nations' }],
    people: [{ name: 'Chad Wilson', surname: 'Wilson' }],
  });

  it("mark a name's first, inner and last words and a one-word name, with its kinds", () => {
    const words = 'The United Nations Security Council met American envoys in Washington'.split(
      ' ',
    );
    const v = values(words, lex);
    expect(v[0]).toBe(0);
    expect(v.slice(1, 5).map((x) => x & PLACES)).toEqual([
      NAME_FIRST,
      NAME_INNER,
      NAME_INNER,
      NAME_LAST,
    ]);
    expect(v[1] & PLACE).toBe(v[4] & PLACE);
    expect(v[5]).toBe(0);
    expect(v[6] & PLACES).toBe(NAME_WHOLE);
    expect(v[9] & PLACES).toBe(NAME_WHOLE);
    // a demonym, a capital and an organization are three different kinds
    expect(new Set([v[6] & PLACE, v[9] & PLACE, v[1] & PLACE]).size).toBe(3);
  });

  it('give a word the longest name over it, and an ambiguous form its flag', () => {
    const v = values(['Chad', 'Wilson', 'visited', 'Chad'], lex);
    expect(v[0] & PLACES).toBe(NAME_FIRST); // the person, not the state
    expect(v[0] & NAME_AMBIGUOUS).toBe(0);
    expect(v[3] & PLACES).toBe(NAME_WHOLE);
    expect(v[3] & NAME_AMBIGUOUS).not.toBe(0);
    expect(v[3] & PLACE).not.toBe(v[0] & PLACE);
    // a name that starts a longer key the sentence does not complete is a name of its own
    expect(values(['United', 'Nations', 'Council'], lex).map((x) => x & PLACES)).toEqual([
      NAME_FIRST,
      NAME_LAST,
      0,
    ]);
  });

  it('read a typographic apostrophe as the gazetteer writes it, and know nothing of an empty one', () => {
    const lex2 = lexicon(["Cote d'Ivoire"]);
    expect(values(['Cote', 'd’Ivoire'], lex2).every((x) => x !== 0)).toBe(true);
    expect(values(['Cote', "d'Ivoire"], lexicon([]))).toEqual([0, 0]);
  });
});

describe('a tagger trained with gazetteer names', () => {
  // the same frame holds a state (a proper noun) or a capitalised common noun; only the
  // gazetteer tells them apart
  const states = [
    'Ghana',
    'Kenya',
    'Peru',
    'Chile',
    'Nepal',
    'Oman',
    'Togo',
    'Laos',
    'Mali',
    'Qatar',
  ];
  const nouns = [
    'Anger',
    'Tension',
    'Pressure',
    'Unrest',
    'Demand',
    'Trade',
    'Debt',
    'Hunger',
    'Doubt',
    'Fear',
  ];
  const frame = (w: string, tag: string): string => `${w}/${tag} grew/VERB again/ADV ./PUNCT`;
  const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
  const corpus = [
    ...fixture,
    ...states.map((w) => tagged(frame(w, 'PROPN'))),
    ...nouns.map((w) => tagged(frame(w, 'NOUN'))),
  ];
  const known = lexicon([...states, 'Fiji', 'Tuvalu', 'Palau']);
  const options = { epochs: 6, lexiconMinCount: 1, twoPass: true, names: known };
  const unseen = ['Fiji', 'Tuvalu', 'Palau'];

  it('records the gazetteer, and tags as before after loading with the same one', () => {
    const tagger = trainTagger(corpus, options);
    expect(tagger.names).toBe(known);
    const loaded = Tagger.fromBuffer(tagger.toBuffer(), known);
    expect(loaded.names).toBe(known);
    const sentences = [
      ...fixture.slice(0, 30).map((s) => s.words),
      ...unseen.map((w) => [w, 'grew', 'again', '.']),
    ];
    for (const w of sentences) expect(loaded.tag(w)).toEqual(tagger.tag(w));
    for (const w of sentences) expect([...tagger.tagIds(w)]).toEqual(plainTags(tagger, w));
    // a plain model keeps no gazetteer
    expect(
      Tagger.fromBuffer(trainTagger(corpus, { ...options, names: undefined }).toBuffer()).names,
    ).toBeNull();
  });

  it('reads an unseen word as a name when the gazetteer lists it, and not otherwise', () => {
    const tagger = trainTagger(corpus, options);
    const withNames = unseen.map((w) => tagger.tag([w, 'grew', 'again', '.']).upos[0]);
    expect(withNames).toEqual(['PROPN', 'PROPN', 'PROPN']);
    const blind = Tagger.fromBuffer(tagger.toBuffer(), lexicon(states));
    const without = unseen.map((w) => blind.tag([w, 'grew', 'again', '.']).upos[0]);
    expect(without).not.toEqual(withNames);
  });

  it('trains to the same bytes twice', () => {
    const o = { ...options, epochs: 3, seed: 4 };
    expect(trainTagger(corpus, o).toBuffer()).toEqual(trainTagger(corpus, o).toBuffer());
  });
});
