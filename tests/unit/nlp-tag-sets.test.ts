// The tagger's tag-set tables: learned deterministically from tagged text, they record the tags a
// form took and how its lowercase form is written (a common noun seen in lowercase against a name
// never seen so); a tagger trained with them keeps them in its model file, and its per-form
// caches give the tags of plain feature scoring. Sentences are written for this test.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tagger, trainTagger } from '../../server/nlp/tagger/index.ts';
import { TagSetCounts, type TagSets } from '../../server/nlp/tagger/tag-sets.ts';
import { WordHashes } from '../../server/nlp/tagger/word-hashes.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';
import { plainTags } from './helpers/plain-tags.ts';
import { tagged } from './helpers/tagged-line.ts';

const CORPUS = [
  'The/DET court/NOUN in/ADP Mombasa/PROPN adjourned/VERB the/DET case/NOUN ./PUNCT',
  'A/DET court/NOUN ruled/VERB that/SCONJ the/DET ban/NOUN was/AUX lawful/ADJ ./PUNCT',
  'Lawyers/NOUN asked/VERB the/DET court/NOUN for/ADP more/ADJ time/NOUN ./PUNCT',
  'The/DET Supreme/ADJ Court/NOUN of/ADP Ghana/PROPN heard/VERB that/PRON ./PUNCT',
  'Farmers/NOUN in/ADP Mombasa/PROPN protested/VERB ./PUNCT',
  'That/DET minister/NOUN resigned/VERB on/ADP Friday/PROPN ./PUNCT',
  'She/PRON met/VERB Mombasa/PROPN officials/NOUN in/ADP Ghana/PROPN ./PUNCT',
  'The/DET minister/NOUN said/VERB that/SCONJ talks/NOUN would/AUX resume/VERB ./PUNCT',
];

function valuesOf(sets: TagSets, words: string[]): { tagSet: number[]; caseUse: number[] } {
  const h = new WordHashes();
  h.fill(words);
  sets.annotate(h, 1);
  return { tagSet: [...h.tagSet.subarray(0, h.n)], caseUse: [...h.caseUse.subarray(0, h.n)] };
}

describe('tag-set tables', () => {
  const corpus = CORPUS.map(tagged);
  const sets = new TagSetCounts(corpus, new WordHashes()).tables();

  it('leave a training token out of its own counts when held out', () => {
    // "Ghana" occurs twice: known to the tables, but held out, each occurrence has seen only one
    const counts = new TagSetCounts(corpus, new WordHashes());
    const h = new WordHashes();
    const s = corpus[3];
    h.fill(s.words);
    counts.annotateHeldOut(h, s.upos, 1);
    const held = [...h.tagSet.subarray(0, h.n)];
    const at = s.words.indexOf('Ghana');
    expect(held[at]).toBe(0);
    expect(valuesOf(sets, s.words).tagSet[at]).not.toBe(0);
    // with forms seen once kept, the other occurrence is enough
    const once = new TagSetCounts(corpus, new WordHashes(), 1);
    once.annotateHeldOut(h, s.upos, 1);
    expect(h.tagSet[at]).not.toBe(0);
    expect(once.tables().arrays.setKeys.length).toBeGreaterThan(sets.arrays.setKeys.length);
    counts.annotateHeldOut(h, s.upos, 1);
    // a frequent word keeps its set
    const stop = s.words.indexOf('.');
    expect(held[stop]).toBe(valuesOf(sets, s.words).tagSet[stop]);
  });

  it('are the same when learned twice', () => {
    const again = new TagSetCounts(corpus, new WordHashes()).tables();
    expect(again.arrays).toEqual(sets.arrays);
  });

  it('give an ambiguous word a larger set than a word seen with one tag', () => {
    const { tagSet } = valuesOf(sets, ['that', 'court', 'Zanzibar']);
    const bits = (v: number): number => (v & 0x3ffff).toString(2).replace(/0/g, '').length;
    expect(bits(tagSet[0])).toBe(2); // SCONJ and PRON
    expect(bits(tagSet[1])).toBe(1);
    expect(tagSet[2]).toBe(0); // never seen
  });

  it('tell a capitalised common noun from a name by how its lowercase form is written', () => {
    // mid-sentence, "Court" and "Mombasa" are both capitalised; only "court" is seen in lowercase
    const { caseUse } = valuesOf(sets, ['Then', 'Court', 'met', 'Mombasa', 'people']);
    const lowercaseUses = (v: number): number => (v >> 1) & 3;
    const usualLowercaseTag = (v: number): number => v >> 5;
    expect(lowercaseUses(caseUse[1])).toBeGreaterThan(0);
    expect(usualLowercaseTag(caseUse[1])).toBe(
      usualLowercaseTag(valuesOf(sets, ['court']).caseUse[0]),
    );
    expect(lowercaseUses(caseUse[3])).toBe(0);
    expect(usualLowercaseTag(caseUse[3])).toBe(0);
    expect(caseUse[3]).not.toBe(0); // known, as a name
    expect(caseUse[4]).toBe(0); // never seen
  });
});

describe('tag sets with verb forms', () => {
  const lines = [
    'Tuvalu/PROPN protested/VERB/VBD ./PUNCT',
    'Nauru/PROPN protested/VERB/VBD again/ADV ./PUNCT',
    'Fees/NOUN were/AUX lowered/VERB/VBN ./PUNCT',
    'They/PRON had/AUX lowered/VERB/VBN them/PRON ./PUNCT',
  ];
  const corpus = lines.map((line) => {
    const parts = line.split(' ').map((t) => t.split('/'));
    return {
      words: parts.map((p) => p[0]),
      upos: parts.map((p) => p[1]),
      xpos: parts.map((p) => p[2] ?? p[1]),
    };
  });

  it('tell a past tense from a participle, and are the plain sets without the option', () => {
    const words = ['protested', 'lowered'];
    const h = new WordHashes();
    h.fill(words);
    new TagSetCounts(corpus, new WordHashes(), 1, true).tables().annotate(h, 1);
    const [past, participle] = [h.tagSet[0], h.tagSet[1]];
    expect(past).not.toBe(participle);
    expect(past & 0x3ffff).toBe(participle & 0x3ffff); // both VERB
    new TagSetCounts(corpus, new WordHashes(), 1).tables().annotate(h, 1);
    expect(h.tagSet[0]).toBe(h.tagSet[1]);
    expect(h.tagSet[0]).toBe(past & ~(0xff << 23));
  });

  it("leave a token's own verb form out when held out", () => {
    const chad = {
      words: ['Chad', 'lowered', 'fees', '.'],
      upos: ['PROPN', 'VERB', 'NOUN', 'PUNCT'],
      xpos: ['NNP', 'VBD', 'NNS', '.'],
    };
    const counts = new TagSetCounts([...corpus, chad], new WordHashes(), 1, true);
    const pastBit = 1 << 24;
    const participleBit = 1 << 26;
    const h = new WordHashes();
    h.fill(['lowered']);
    counts.tables().annotate(h, 1);
    expect(h.tagSet[0] & pastBit).not.toBe(0);
    expect(h.tagSet[0] & participleBit).not.toBe(0);
    h.fill(chad.words);
    counts.annotateHeldOut(h, chad.upos, 1, false, chad.xpos);
    expect(h.tagSet[1] & pastBit).toBe(0);
    expect(h.tagSet[1] & participleBit).not.toBe(0);
  });
});

describe('a tagger trained with tag sets', () => {
  const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
  const train = [...fixture, ...CORPUS.map(tagged)];
  const sentences = [
    ...fixture.slice(0, 40).map((s) => s.words),
    'The Court in Arusha heard the Minister .'.split(' '),
    'Officials from Manila met the court .'.split(' '),
  ];

  it('keeps its tables and level in the model file and tags the same after loading', () => {
    for (const level of [1, 2]) {
      const tagger = trainTagger(train, {
        epochs: 4,
        lexiconMinCount: 1,
        twoPass: true,
        tagSets: level,
      });
      expect(tagger.tagSets?.level).toBe(level);
      const loaded = Tagger.fromBuffer(tagger.toBuffer());
      expect(loaded.tagSets?.level).toBe(level);
      expect(loaded.tagSets?.table.arrays).toEqual(tagger.tagSets?.table.arrays);
      for (const w of sentences) expect(loaded.tag(w)).toEqual(tagger.tag(w));
    }
  });

  it('tags with its per-form caches as plain feature scoring does', () => {
    const tagger = trainTagger(train, { epochs: 4, lexiconMinCount: 1, twoPass: true, tagSets: 2 });
    for (const w of sentences) expect([...tagger.tagIds(w)]).toEqual(plainTags(tagger, w));
  });

  it('trains to the same bytes twice', () => {
    const options = { epochs: 3, lexiconMinCount: 1, twoPass: true, tagSets: 2, seed: 5 };
    expect(trainTagger(train, options).toBuffer()).toEqual(trainTagger(train, options).toBuffer());
  });

  it('uses its tables: scored without them, the same weights tag differently somewhere', () => {
    const tagger = trainTagger(train, { epochs: 4, lexiconMinCount: 1, twoPass: true, tagSets: 2 });
    const withTables = sentences.map((w) => plainTags(tagger, w));
    const without = sentences.map((w) => plainTags(tagger, w, false));
    expect(without).not.toEqual(withTables);
  });
});

describe('unknown forms and tag-set dropout', () => {
  const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
  const train = [...fixture, ...CORPUS.map(tagged)];
  const sentences = [
    ...fixture.slice(0, 30).map((s) => s.words),
    'Tuvalu protested after Kiribati recalled its envoy .'.split(' '),
    'The Senate in Lima rejected the treaty .'.split(' '),
  ];

  it('give every form the tables do not know the same word hashes, in training as on new text', () => {
    const counts = new TagSetCounts(CORPUS.map(tagged), new WordHashes(), 1);
    const tables = counts.tables();
    const h = new WordHashes();
    h.fill(['Tuvalu', 'and', 'Nauru', 'met', 'the', 'court']);
    const plain = [...h.exact.subarray(0, h.n)];
    tables.annotate(h, 1, true);
    // the two unseen names share one exact and one lowercase hash; the known "court" keeps its own
    expect(h.exact[0]).toBe(h.exact[2]);
    expect(h.lower[0]).toBe(h.lower[2]);
    expect(h.exact[0]).not.toBe(plain[0]);
    expect(h.exact[5]).toBe(plain[5]);
    // a form's only training occurrence, held out, reads as that same unknown form
    const s = tagged('Kiribati/PROPN recalled/VERB the/DET court/NOUN ./PUNCT');
    const once = new TagSetCounts([s, ...CORPUS.map(tagged)], new WordHashes(), 1);
    const held = new WordHashes();
    held.fill(s.words);
    once.annotateHeldOut(held, s.upos, 1, true);
    expect(held.exact[0]).toBe(h.exact[0]);
    expect(held.lower[1]).toBe(h.lower[0]);
    expect(held.exact[3]).toBe(plain[5]);
  });

  it('keep the unknown-form setting in the model file; the caches tag as plain scoring', () => {
    const tagger = trainTagger(train, {
      epochs: 4,
      lexiconMinCount: 1,
      twoPass: true,
      tagSets: 1,
      tagSetMinCount: 1,
      unknownForms: true,
    });
    expect(tagger.tagSets?.unknownForms).toBe(true);
    const loaded = Tagger.fromBuffer(tagger.toBuffer());
    expect(loaded.tagSets?.unknownForms).toBe(true);
    for (const w of sentences) {
      expect(loaded.tag(w)).toEqual(tagger.tag(w));
      expect([...tagger.tagIds(w)]).toEqual(plainTags(tagger, w));
    }
    const without = trainTagger(train, {
      epochs: 4,
      lexiconMinCount: 1,
      twoPass: true,
      tagSets: 1,
    });
    expect(without.tagSets?.unknownForms).toBeUndefined();
    expect(Tagger.fromBuffer(without.toBuffer()).tagSets?.unknownForms).toBeUndefined();
  });

  it('train to the same bytes twice with dropout, and to other weights than without it', () => {
    const options = { epochs: 3, lexiconMinCount: 1, twoPass: true, tagSets: 1, seed: 3 };
    const dropped = trainTagger(train, { ...options, tagSetDropout: 0.3 }).toBuffer();
    expect(trainTagger(train, { ...options, tagSetDropout: 0.3 }).toBuffer()).toEqual(dropped);
    expect(trainTagger(train, options).toBuffer()).not.toEqual(dropped);
  });

  it('leave a tagger without tag sets as it was', () => {
    const options = { epochs: 2, lexiconMinCount: 1, seed: 3 };
    const plain = trainTagger(train, options).toBuffer();
    const extras = { tagSetDropout: 0.3, unknownForms: true, verbForms: true };
    expect(trainTagger(train, { ...options, ...extras }).toBuffer()).toEqual(plain);
  });
});
