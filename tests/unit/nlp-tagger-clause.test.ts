// The tagger's clause-verb features: whether the clause so far holds a finite verb, tracked from
// the tags given so far (a finite verb or modal sets it, a comma, colon, coordinator or wh-word
// clears it). A tagger trained with them records the option in its model file, and its cached
// scoring gives the tags of plain feature scoring. Sentences are written for this test.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseRoles, clauseState } from '../../server/nlp/tagger/features.ts';
import { Tagger, trainTagger } from '../../server/nlp/tagger/index.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';
import { plainTags } from './helpers/plain-tags.ts';

describe('the clause state', () => {
  it('is set by a finite verb or modal and cleared by a boundary, and kept by other words', () => {
    const xpos = ['NNP', 'VBD', 'VBN', ',', 'MD', 'WDT', 'NNS', 'VBZ', 'CC'];
    const roles = clauseRoles(xpos);
    const states: number[] = [];
    let s = 0;
    for (let c = 0; c < xpos.length; c++) states.push((s = clauseState(s, roles, c)));
    expect(states).toEqual([0, 1, 1, 0, 1, 0, 0, 1, 0]);
  });
});

describe('a tagger trained with the clause verb', () => {
  const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
  const sentences = [
    ...fixture.slice(0, 40).map((s) => s.words),
    'Thousands rallied against the plan .'.split(' '),
    'The ships seized by the navy were released , officials said .'.split(' '),
  ];
  const options = { epochs: 4, lexiconMinCount: 1, twoPass: true, clauseVerb: true };

  it('keeps the option in its model file and tags as plain scoring does', () => {
    const tagger = trainTagger(fixture, options);
    expect(tagger.clauseVerb).toBe(true);
    const loaded = Tagger.fromBuffer(tagger.toBuffer());
    expect(loaded.clauseVerb).toBe(true);
    for (const w of sentences) {
      expect(loaded.tag(w)).toEqual(tagger.tag(w));
      expect([...tagger.tagIds(w)]).toEqual(plainTags(tagger, w));
    }
    expect(
      Tagger.fromBuffer(
        trainTagger(fixture, { ...options, epochs: 1, clauseVerb: false }).toBuffer(),
      ).clauseVerb,
    ).toBe(false);
  });

  it('reads the clause state: the same weights without it tag differently somewhere', () => {
    const tagger = trainTagger(fixture, options);
    const withState = sentences.map((w) => [...tagger.tagIds(w)]);
    tagger.clauseVerb = false;
    const without = sentences.map((w) => [...tagger.tagIds(w)]);
    expect(without).not.toEqual(withState);
  });
});
