// Tagger and parser on hostile input: empty sentences, very long sentences, huge tokens, odd
// characters. Output must be well-formed trees, and time must grow linearly with length.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser, trainParser } from '../../server/nlp/parser/index.ts';
import { Tagger, trainTagger } from '../../server/nlp/tagger/index.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';

const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
const tagger = trainTagger(fixture, { epochs: 3, lexiconMinCount: 1, twoPass: true });
const parser = trainParser(fixture, { epochs: 3 });

function analyse(words: string[]): { heads: number[]; deprels: string[]; upos: string[] } {
  const tags = tagger.tag(words);
  return { ...parser.parse(words, tags.upos, tags.xpos), upos: tags.upos };
}

/** A valid tree: one root, every head in range, no cycles. */
function expectTree(heads: number[]): void {
  expect(heads.filter((h) => h === -1)).toHaveLength(heads.length === 0 ? 0 : 1);
  const problems: string[] = [];
  for (let i = 0; i < heads.length; i++) {
    if (heads[i] < -1 || heads[i] >= heads.length) problems.push(`head of ${i} out of range`);
    let x = i;
    for (let steps = 0; x !== -1 && problems.length === 0; steps++) {
      if (steps > heads.length) problems.push(`cycle through ${i}`);
      x = heads[x];
    }
  }
  expect(problems).toEqual([]);
}

function randomWords(count: number, seed: number): string[] {
  const vocab = fixture.flatMap((s) => s.words);
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(vocab[x % vocab.length]);
  }
  return out;
}

describe('hostile input', () => {
  it('handles an empty sentence', () => {
    expect(tagger.tag([])).toEqual({ upos: [], xpos: [] });
    expect(parser.parse([], [], [])).toEqual({ heads: [], deprels: [] });
  });

  it('handles one-word sentences and odd tokens', () => {
    for (const words of [['.'], ['Hello'], [''], ['\u0000'], ['🙂🙂'], ['a\tb'], ['<root>']]) {
      const r = analyse(words);
      expect(r.heads).toEqual([-1]);
      expect(r.deprels).toEqual(['root']);
    }
  });

  it('handles a 1,000-token sentence and tokens of 10,000 characters', () => {
    const long = randomWords(1000, 1);
    const r = analyse(long);
    expect(r.heads).toHaveLength(1000);
    expectTree(r.heads);
    const huge = ['The', 'x'.repeat(10_000), 'Ab'.repeat(5_000), '9'.repeat(10_000), 'fled', '.'];
    const h = analyse(huge);
    expect(h.upos).toHaveLength(6);
    expectTree(h.heads);
  });

  it('takes time linear in sentence length', () => {
    const time = (n: number): number => {
      const words = randomWords(n, n);
      analyse(words); // warm
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        analyse(words);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    time(500);
    const small = time(1000);
    const big = time(8000);
    // Eight times the words: far less than the 64x a quadratic algorithm would take.
    expect(big / Math.max(small, 0.5)).toBeLessThan(24);
  });

  it('rejects tags that do not match the words', () => {
    expect(() => parser.parse(['a', 'b'], ['DET'], ['DT'])).toThrow();
  });

  it('rejects damaged model files', () => {
    const buf = parser.toBuffer();
    expect(() => Tagger.fromBuffer(buf)).toThrow(); // a parser file is not a tagger
    expect(() => Parser.fromBuffer(buf.subarray(0, buf.length - 8))).toThrow();
    expect(() => Parser.fromBuffer(tagger.toBuffer())).toThrow();
  });
});
