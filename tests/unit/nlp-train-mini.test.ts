// Training the tagger and the parser on a tiny hand-written treebank: both learn to reproduce
// it, and their model files load back to the same behaviour.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser, isProjective, trainParser } from '../../server/nlp/parser/index.ts';
import { Tagger, trainTagger } from '../../server/nlp/tagger/index.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';

const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));

describe('training on a tiny treebank', () => {
  const tagger = trainTagger(fixture, { epochs: 12, lexiconMinCount: 1, twoPass: true });
  const parser = trainParser(fixture, { epochs: 30 });

  it('the tagger reproduces the training tags', () => {
    for (const s of fixture) {
      const r = tagger.tag(s.words);
      expect(r.upos).toEqual(s.upos);
      expect(r.xpos).toEqual(s.xpos);
    }
  });

  it('the parser reproduces every projective training tree', () => {
    for (const s of fixture.filter((t) => isProjective(t.heads))) {
      const r = parser.parse(s.words, s.upos, s.xpos);
      expect(r.heads).toEqual(s.heads);
      expect(r.deprels).toEqual(s.deprels);
    }
  });

  it('the parser still builds a single-rooted tree for the non-projective sentence', () => {
    const s = fixture.find((t) => !isProjective(t.heads))!;
    const r = parser.parse(s.words, s.upos, s.xpos);
    expect(r.heads.filter((h) => h === -1)).toHaveLength(1);
    expect(r.deprels[r.heads.indexOf(-1)]).toBe('root');
  });

  it('model files load back with identical output', () => {
    const tagger2 = Tagger.fromBuffer(tagger.toBuffer());
    const parser2 = Parser.fromBuffer(parser.toBuffer());
    expect(tagger2.toBuffer().equals(tagger.toBuffer())).toBe(true);
    for (const s of fixture) {
      expect(tagger2.tag(s.words)).toEqual(tagger.tag(s.words));
      expect(parser2.parse(s.words, s.upos, s.xpos)).toEqual(parser.parse(s.words, s.upos, s.xpos));
    }
  });

  it('training is deterministic', () => {
    const again = trainTagger(fixture, { epochs: 12, lexiconMinCount: 1, twoPass: true });
    expect(again.toBuffer().equals(tagger.toBuffer())).toBe(true);
    expect(trainParser(fixture, { epochs: 30 }).toBuffer().equals(parser.toBuffer())).toBe(true);
  });
});
