// The tagger's accuracy split by how often a form occurs in training: forms are counted exactly
// (case kept), each gold token falls in one bucket (unseen, once, more), and the accuracies are
// those of the tagger's own tags in each bucket. Sentences are written for this test.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainTagger } from '../../server/nlp/tagger/index.ts';
import {
  evaluateTaggerByExposure,
  formCounts,
  formatExposure,
} from '../../server/nlp/train/tagger-exposure.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';

describe('tagger accuracy by exposure', () => {
  const train = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
  const tagger = trainTagger(train, { epochs: 3, lexiconMinCount: 1 });
  const counts = formCounts(train);

  it('counts each exact form', () => {
    const c = formCounts([{ words: ['Oslo', 'oslo', 'Oslo', '.'] }, { words: ['.'] }]);
    expect(c.get('Oslo')).toBe(2);
    expect(c.get('oslo')).toBe(1);
    expect(c.get('.')).toBe(2);
    expect(c.has('Bergen')).toBe(false);
  });

  it('puts each token in one bucket and scores the tagger there', () => {
    const once = [...counts].find(([, n]) => n === 1)?.[0];
    const often = [...counts].find(([, n]) => n > 2)?.[0];
    expect(once).toBeDefined();
    expect(often).toBeDefined();
    const words = ['Qorvutlanda', once as string, often as string, 'Zembravik'];
    const tags = tagger.tag(words).upos;
    // gold: the tagger's own tags, except the last unseen word, given a tag it did not choose
    const wrong = tags[3] === 'X' ? 'SYM' : 'X';
    const gold = [{ words, upos: [tags[0], tags[1], tags[2], wrong] }];
    const s = evaluateTaggerByExposure(gold, tagger, counts);
    expect(s.unseen).toEqual({ upos: 50, words: 2 });
    expect(s.once).toEqual({ upos: 100, words: 1 });
    expect(s.seen).toEqual({ upos: 100, words: 1 });
    expect(formatExposure(s)).toBe('unseen 50.00 (2), once 100.00 (1), seen 100.00 (1)');
  });

  it('sums its buckets to every token of the gold sentences', () => {
    const gold = train.slice(0, 20);
    const s = evaluateTaggerByExposure(gold, tagger, formCounts(train.slice(20)));
    const total = gold.reduce((k, g) => k + g.words.length, 0);
    expect(s.unseen.words + s.once.words + s.seen.words).toBe(total);
    expect(s.unseen.words).toBeGreaterThan(0);
  });
});
