// The compact model's scorer against a naive sum over the stored entries: every row length from
// one class to all of them (inline pairs, packed rows and each remainder of the four-entry loop),
// keys that collide in the table's low bits, absent keys, repeated keys, and the same sums after
// a save/load round trip; with a class split, each part's classes sum exactly, whatever the
// order of a feature's classes on input.
import { describe, expect, it } from 'vitest';
import {
  ClassPart,
  CompactModel,
  Rng,
  loadModel,
  saveModel,
} from '../../server/nlp/learn/index.ts';
import { randomCompactModel, randomFeatureList } from './helpers/compact-models.ts';

interface Built {
  model: CompactModel;
  keys: Uint32Array;
  reference: (feats: Uint32Array, n: number) => number[];
}

/** A model whose feature f has (f % nClasses) + 1 entries, with keys chosen to collide. */
function build(nClasses: number, nFeat: number, seed: number): Built {
  const rng = new Rng(seed);
  const chosen = new Set<number>();
  while (chosen.size < nFeat) {
    // Low bits from a small range (so many keys share a home slot), high bits random.
    const high = Math.floor(rng.next() * 0x10000);
    chosen.add(((high << 16) | rng.int(64)) >>> 0);
  }
  const keys = Uint32Array.from(chosen).sort();
  const { model, reference } = randomCompactModel(
    rng,
    keys,
    nClasses,
    (f) => (f % nClasses) + 1,
    32767,
    0.25,
  );
  return { model, keys, reference };
}

/** Feature lists mixing known keys (some repeated), colliding absent keys and random ones. */
function* featureLists(keys: Uint32Array, seed: number, length: number): Generator<Uint32Array> {
  const rng = new Rng(seed);
  for (let t = 0; t < 150; t++) yield randomFeatureList(rng, keys, length, 64);
}

describe('compact model scorer', () => {
  it('sums like a naive reference for every row length, with collisions and absent keys', () => {
    for (const nClasses of [1, 2, 4, 7, 103]) {
      const { model, keys, reference } = build(nClasses, 600, nClasses);
      const out = new Float64Array(nClasses);
      for (const feats of featureLists(keys, nClasses + 1, 120)) {
        model.score(feats, feats.length, out);
        expect(Array.from(out)).toEqual(reference(feats, feats.length));
      }
    }
  });

  it('scores only the first n features and adds onto the sums it is given', () => {
    const { model, keys, reference } = build(30, 300, 9);
    for (const feats of featureLists(keys, 10, 40)) {
      const acc = new Int32Array(30).fill(-7);
      model.addScores(feats, 25, acc);
      expect(Array.from(acc)).toEqual(reference(feats, 25).map((x) => x - 7));
    }
  });

  it('gives the same sums after a save/load round trip', () => {
    const { model, keys, reference } = build(103, 400, 3);
    const again = loadModel(saveModel(model, { kind: 'test' })).model;
    expect(again.featureCount).toBe(model.featureCount);
    expect(again.weightCount).toBe(model.weightCount);
    const out = new Float64Array(103);
    for (const feats of featureLists(keys, 4, 100)) {
      again.score(feats, feats.length, out);
      expect(Array.from(out)).toEqual(reference(feats, feats.length));
    }
  });

  it('sums exactly the classes of the part asked for, at every split point', () => {
    for (const nClasses of [7, 103]) {
      const { model, keys, reference } = build(nClasses, 500, 20 + nClasses);
      for (const split of [0, 1, 3, Math.floor(nClasses / 2) + 1, nClasses - 1, nClasses]) {
        model.splitClasses(split);
        for (const feats of featureLists(keys, split, 60)) {
          const want = reference(feats, feats.length);
          const all = new Int32Array(nClasses);
          const below = new Int32Array(nClasses);
          const from = new Int32Array(nClasses);
          model.addScores(feats, feats.length, all, ClassPart.all);
          model.addScores(feats, feats.length, below, ClassPart.below);
          model.addScores(feats, feats.length, from, ClassPart.from);
          expect(Array.from(all)).toEqual(want);
          expect(Array.from(below.subarray(0, split))).toEqual(want.slice(0, split));
          expect(Array.from(from.subarray(split))).toEqual(want.slice(split));
        }
      }
    }
  });

  it('orders the classes of each row itself, so parts hold for rows given in any order', () => {
    const nClasses = 40;
    const keys = Uint32Array.from([11, 12, 13]);
    // Classes given highest first, with rows long enough to be stored apart from the table.
    const rows = [
      [39, 30, 21, 20, 19, 5, 0],
      [38, 17, 16, 2, 1],
      [25, 24, 23, 22, 21, 20, 19, 18, 10, 3],
    ];
    const off = new Uint32Array(keys.length + 1);
    const cls: number[] = [];
    const w: number[] = [];
    rows.forEach((row, f) => {
      row.forEach((c) => {
        cls.push(c);
        w.push(c * 3 - 50);
      });
      off[f + 1] = off[f] + row.length;
    });
    const model = new CompactModel(
      nClasses,
      keys,
      off,
      Uint16Array.from(cls),
      Int16Array.from(w),
      1,
    );
    const want = new Array<number>(nClasses).fill(0);
    for (const row of rows) for (const c of row) want[c] += c * 3 - 50;
    for (const split of [4, 19, 20, 22]) {
      model.splitClasses(split);
      const below = new Int32Array(nClasses);
      const from = new Int32Array(nClasses);
      model.addScores(keys, 3, below, ClassPart.below);
      model.addScores(keys, 3, from, ClassPart.from);
      expect(Array.from(below.subarray(0, split))).toEqual(want.slice(0, split));
      expect(Array.from(from.subarray(split))).toEqual(want.slice(split));
    }
  });

  it('refuses a split outside the classes', () => {
    const { model } = build(5, 20, 1);
    expect(() => model.splitClasses(6)).toThrow(/split/);
    expect(() => model.splitClasses(-1)).toThrow(/split/);
  });
});
