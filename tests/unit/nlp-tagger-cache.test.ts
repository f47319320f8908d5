// The tagger's speed-ups change no tag by themselves: cached own-word scores give the same tags
// as a fresh tagger in any order of sentences, and the refining pass's margin setting is kept
// in the model file; a margin of zero leaves every first-pass tag as it is.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tagger, trainTagger } from '../../server/nlp/tagger/index.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';

const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
const sentences = [
  ...fixture.map((s) => s.words),
  'Officials in Dhaka said the ferry sank near the coast .'.split(' '),
  'Talks between Lima and Quito resumed on Monday .'.split(' '),
  'Peace talks resumed .'.split(' '),
];

describe('tagger caching and refining margin', () => {
  const tagger = trainTagger(fixture, { epochs: 6, lexiconMinCount: 1, twoPass: true });

  it('tags the same with a warm cache as a fresh tagger, in any order', () => {
    const first = sentences.map((w) => tagger.tag(w));
    const again = sentences.map((w) => tagger.tag(w));
    expect(again).toEqual(first);
    const fresh = Tagger.fromBuffer(tagger.toBuffer());
    const reversed = [...sentences].reverse().map((w) => fresh.tag(w));
    expect(reversed.reverse()).toEqual(first);
  });

  it('keeps the margin in the model file (none stored means refine every token)', () => {
    expect(tagger.refineMargin).toBe(Infinity);
    expect(Tagger.fromBuffer(tagger.toBuffer()).refineMargin).toBe(Infinity);
    const margined = trainTagger(fixture, {
      epochs: 6,
      lexiconMinCount: 1,
      twoPass: true,
      refineMargin: 12.5,
    });
    expect(margined.refineMargin).toBe(12.5);
    expect(Tagger.fromBuffer(margined.toBuffer()).refineMargin).toBe(12.5);
  });

  it('with margin zero gives the first pass tags, which a one-pass tagger shares', () => {
    const twoPass = Tagger.fromBuffer(tagger.toBuffer());
    twoPass.refineMargin = 0;
    const onePass = trainTagger(fixture, { epochs: 6, lexiconMinCount: 1, twoPass: false });
    for (const w of sentences) expect(twoPass.tag(w)).toEqual(onePass.tag(w));
  });
});
