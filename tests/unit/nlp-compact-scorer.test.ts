// The compact model's scorer against a naive sum over the stored entries: every row length from
// one class to all of them (inline pairs, packed rows and each remainder of the four-entry loop),
// keys that collide in the table's low bits, absent keys, repeated keys, and the same sums after
// a save/load round trip.
import { describe, expect, it } from 'vitest';
import { CompactModel, Rng, loadModel, saveModel } from '../../server/nlp/learn/index.ts';
import { randomCompactModel } from './helpers/compact-models.ts';

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
  const known = new Set(keys);
  for (let t = 0; t < 150; t++) {
    const feats = new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const r = rng.next();
      if (r < 0.7) feats[i] = keys[rng.int(keys.length)];
      else if (r < 0.85) {
        // Same low bits as stored keys, so the probe walks a run of occupied slots.
        let k: number;
        do k = ((Math.floor(rng.next() * 0x10000) << 16) | rng.int(64)) >>> 0;
        while (known.has(k));
        feats[i] = k;
      } else feats[i] = Math.floor(rng.next() * 0x100000000) >>> 0;
    }
    yield feats;
  }
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
});
