// The mean of several compact models: scores equal the mean of the models' scores (within
// quantization), weights below the threshold are dropped, a feature in one model only keeps its
// share; and a parser trained with `ensemble` 2 on a toy treebank is that mean of two seeds.
import { describe, expect, it } from 'vitest';
import { AveragedPerceptron, Rng } from '../../server/nlp/learn/index.ts';
import { meanModel } from '../../server/nlp/parser/mean-model.ts';
import { trainParser, type ParserTrainSentence } from '../../server/nlp/parser/index.ts';

/** A perceptron with random updates on random features, compacted without pruning. */
function randomModel(seed: number, nClasses: number, features: number) {
  const rng = new Rng(seed);
  const p = new AveragedPerceptron(nClasses);
  const feats = new Uint32Array(4);
  for (let t = 0; t < 400; t++) {
    for (let i = 0; i < feats.length; i++) feats[i] = 1 + rng.int(features);
    p.update(feats, feats.length, rng.int(nClasses), rng.int(nClasses), 1 + rng.int(3));
    p.tick();
  }
  return p.compact();
}

function scores(model: ReturnType<typeof randomModel>, feat: number): Float64Array {
  const out = new Float64Array(model.nClasses);
  model.score(Uint32Array.of(feat), 1, out);
  // The model's sums are integers in units of its scale.
  for (let k = 0; k < out.length; k++) out[k] *= model.scale;
  return out;
}

describe('meanModel', () => {
  const nClasses = 7;
  const a = randomModel(1, nClasses, 60);
  const b = randomModel(2, nClasses, 90);
  const c = randomModel(3, nClasses, 40);

  it('scores each feature as the mean of the models', () => {
    const mean = meanModel([a, b, c]);
    const tolerance = Math.max(a.scale, b.scale, c.scale, mean.scale) * 2;
    for (let f = 1; f <= 100; f++) {
      const sa = scores(a, f);
      const sb = scores(b, f);
      const sc = scores(c, f);
      const sm = scores(mean, f);
      for (let k = 0; k < nClasses; k++)
        expect(Math.abs(sm[k] - (sa[k] + sb[k] + sc[k]) / 3)).toBeLessThanOrEqual(tolerance);
    }
    // Features 61..90 occur only in b: a third of b's weight.
    const only = scores(b, 75);
    const share = scores(mean, 75);
    for (let k = 0; k < nClasses; k++)
      expect(Math.abs(share[k] - only[k] / 3)).toBeLessThanOrEqual(tolerance);
  });

  it('drops mean weights below the threshold and keeps the rest', () => {
    const full = meanModel([a, b]);
    const pruned = meanModel([a, b], 0.05);
    let dropped = 0;
    let kept = 0;
    for (let f = 1; f <= 100; f++) {
      const sf = scores(full, f);
      const sp = scores(pruned, f);
      for (let k = 0; k < nClasses; k++) {
        if (Math.abs(sf[k]) < 0.05 - 2 * full.scale) {
          expect(sp[k]).toBe(0);
          if (sf[k] !== 0) dropped++;
        } else if (Math.abs(sf[k]) > 0.05 + 2 * full.scale) {
          expect(Math.abs(sp[k] - sf[k])).toBeLessThanOrEqual(
            2 * Math.max(full.scale, pruned.scale),
          );
          kept++;
        }
      }
    }
    expect(dropped).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it('refuses models over different classes', () => {
    expect(() => meanModel([a, randomModel(4, nClasses + 1, 10)])).toThrow(/class counts/);
  });
});

describe('parser ensemble', () => {
  // A toy treebank: "X verb Y ." with subjects and objects, in a few shapes.
  const names = ['Chile', 'Kenya', 'Laos', 'Oman', 'Peru', 'Nepal', 'Mali', 'Fiji'];
  const verbs = ['praised', 'warned', 'thanked', 'criticised'];
  const train: ParserTrainSentence[] = [];
  for (const [i, subject] of names.entries())
    for (const [j, verb] of verbs.entries()) {
      const object = names[(i + j + 1) % names.length];
      train.push({
        words: [subject, verb, object, '.'],
        upos: ['PROPN', 'VERB', 'PROPN', 'PUNCT'],
        xpos: ['NNP', 'VBD', 'NNP', '.'],
        heads: [1, -1, 1, 1],
        deprels: ['nsubj', 'root', 'obj', 'punct'],
      });
    }

  it('learns the toy trees and differs from a single seed', () => {
    const one = trainParser(train, { epochs: 3, seed: 5 });
    const two = trainParser(train, { epochs: 3, seed: 5, ensemble: 2 });
    const tree = two.parse(
      ['Oman', 'thanked', 'Peru', '.'],
      ['PROPN', 'VERB', 'PROPN', 'PUNCT'],
      ['NNP', 'VBD', 'NNP', '.'],
    );
    expect(tree.heads).toEqual([1, -1, 1, 1]);
    expect(tree.deprels).toEqual(['nsubj', 'root', 'obj', 'punct']);
    expect(two.toBuffer().equals(one.toBuffer())).toBe(false);
    // Seeded: the same ensemble twice gives the same bytes.
    const again = trainParser(train, { epochs: 3, seed: 5, ensemble: 2 });
    expect(again.toBuffer().equals(two.toBuffer())).toBe(true);
  });
});
