// The learning core: stable hashing, a perceptron that learns a separable toy problem, and a
// compact model whose save/load round trip gives identical scores.
import { describe, expect, it } from 'vitest';
import {
  AveragedPerceptron,
  CompactModel,
  HashIndex,
  Rng,
  argmax,
  feat1,
  feat2,
  hashRange,
  hashString,
  loadModel,
  loadModels,
  readBundle,
  saveModel,
  saveModels,
  writeBundle,
} from '../../server/nlp/learn/index.ts';
import { randomCompactModel } from './helpers/compact-models.ts';

describe('feature hashing', () => {
  it('is stable across calls and spreads nearby strings apart', () => {
    expect(hashString('Qatar')).toBe(hashString('Qatar'));
    expect(hashString('Qatar')).not.toBe(hashString('qatar'));
    expect(hashString('')).toBe(hashString(''));
    expect(hashString('ab', 1)).not.toBe(hashString('ab', 2));
    expect(feat2(3, 10, 20)).not.toBe(feat2(3, 20, 10));
    expect(feat1(1, 5)).not.toBe(feat1(2, 5));
    const seen = new Set<number>();
    for (let i = 0; i < 20000; i++) seen.add(hashString(`w${i}`));
    expect(seen.size).toBeGreaterThan(19990);
    for (const h of seen) expect(h >>> 0).toBe(h);
  });

  it('hashes a range exactly as the substring, so no substring needs building', () => {
    const word = 'Peacekeepers';
    for (let from = 0; from <= word.length; from++) {
      for (let to = from; to <= word.length; to++) {
        expect(hashRange(word, from, to, 8)).toBe(hashString(word.slice(from, to), 8));
      }
    }
    // A string built at run time hashes like the literal.
    expect(hashString(['Peace', 'keepers'].join(''))).toBe(hashString(word));
  });

  it('HashIndex maps many keys and grows', () => {
    const idx = new HashIndex(4);
    for (let i = 0; i < 5000; i++) idx.set(hashString(`k${i}`), i);
    expect(idx.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(idx.get(hashString(`k${i}`))).toBe(i);
    expect(idx.get(hashString('absent'))).toBe(-1);
  });
});

function toyProblem(seed: number, count: number): { feats: number[][]; label: number }[] {
  // Three classes; each example carries one indicative feature of its class plus noise features.
  const rng = new Rng(seed);
  const out: { feats: number[][]; label: number }[] = [];
  for (let i = 0; i < count; i++) {
    const label = rng.int(3);
    const feats = [
      [1, label * 10 + rng.int(3)],
      [2, rng.int(50)],
      [3, rng.int(50)],
    ];
    out.push({ feats, label });
  }
  return out;
}

function encode(feats: number[][], into: Uint32Array): number {
  let n = 0;
  for (const [t, v] of feats) into[n++] = feat1(t, v);
  return n;
}

describe('averaged perceptron', () => {
  it('learns a separable toy problem and its compact model agrees', () => {
    const train = toyProblem(1, 600);
    const test = toyProblem(2, 300);
    const p = new AveragedPerceptron(3);
    const buf = new Uint32Array(8);
    const scores = new Float64Array(3);
    const rng = new Rng(9);
    for (let epoch = 0; epoch < 5; epoch++) {
      for (const ex of rng.shuffle([...train])) {
        const n = encode(ex.feats, buf);
        p.score(buf, n, scores);
        p.update(buf, n, ex.label, argmax(scores, 3));
        p.tick();
      }
    }
    const model = p.compact();
    let right = 0;
    for (const ex of test) {
      const n = encode(ex.feats, buf);
      model.score(buf, n, scores);
      if (argmax(scores, 3) === ex.label) right++;
    }
    expect(right / test.length).toBeGreaterThan(0.97);
    expect(model.featureCount).toBeGreaterThan(0);
  });

  it('pruning drops small weights', () => {
    const p = new AveragedPerceptron(2);
    const buf = Uint32Array.of(feat1(1, 1), feat1(1, 2));
    // Feature 1 always votes for class 0; feature 2 is pushed one way, then back to zero.
    for (let i = 0; i < 100; i++) {
      p.update(buf, i < 2 ? 2 : 1, i === 1 ? 1 : 0, i === 1 ? 0 : 1);
      p.tick();
    }
    expect(p.compact().featureCount).toBe(2);
    expect(p.compact({ minWeight: 0.5 }).featureCount).toBe(1);
  });
});

describe('compact model layouts', () => {
  /** A model with random entries over nFeat features and a plain sum to check it against. */
  function randomModel(nClasses: number, seed: number) {
    const rng = new Rng(seed);
    const nFeat = 300;
    const keys = Uint32Array.from(
      new Set(Array.from({ length: nFeat }, (_, i) => feat1(7, i))),
    ).sort();
    const { model, reference } = randomCompactModel(
      rng,
      keys,
      nClasses,
      () => 1 + rng.int(nClasses),
      30000,
      0.5,
    );
    return { model, keys, reference };
  }

  it('scores like a plain sum with dense rows (few classes) and packed entries (many)', () => {
    for (const nClasses of [1, 3, 4, 5, 40]) {
      const { model, keys, reference } = randomModel(nClasses, nClasses);
      const rng = new Rng(11);
      const feats = new Uint32Array(50);
      const out = new Float64Array(nClasses);
      for (let t = 0; t < 200; t++) {
        // Known features, some repeated, and unknown ones.
        for (let i = 0; i < 50; i++)
          feats[i] = rng.next() < 0.8 ? keys[rng.int(keys.length)] : feat1(8, rng.int(1e6));
        model.score(feats, 50, out);
        expect(Array.from(out)).toEqual(reference(feats, 50));
      }
    }
  });

  it('reads no entry past a full inline row, whatever key the next slot holds', () => {
    // Small keys sit in neighbouring slots and read as class 0 if the loop overruns a row.
    const nClasses = 2;
    const keys = Uint32Array.from({ length: 64 }, (_, i) => i + 1);
    const off = Uint32Array.from({ length: keys.length + 1 }, (_, i) => i * nClasses);
    const cls = Uint16Array.from({ length: keys.length * nClasses }, (_, i) => i % nClasses);
    const w = Int16Array.from({ length: keys.length * nClasses }, (_, i) => (i % 7) - 3);
    const model = new CompactModel(nClasses, keys, off, cls, w, 1);
    const out = new Float64Array(nClasses);
    for (let f = 0; f < keys.length; f++) {
      model.score(keys.subarray(f, f + 1), 1, out);
      expect(Array.from(out)).toEqual([w[f * 2], w[f * 2 + 1]]);
    }
  });

  it('addScores adds onto the sums it is given, so partial sums can be cached', () => {
    const { model, keys, reference } = randomModel(40, 2);
    const feats = keys.subarray(0, 20);
    const acc = new Int32Array(40).fill(5);
    model.addScores(feats, 20, acc);
    expect(Array.from(acc)).toEqual(reference(feats, 20).map((x) => x + 5));
  });
});

describe('model files', () => {
  it('save/load round trip gives identical scores', () => {
    const p = new AveragedPerceptron(5);
    const rng = new Rng(3);
    const buf = new Uint32Array(6);
    for (let i = 0; i < 2000; i++) {
      for (let k = 0; k < 6; k++) buf[k] = feat1(k, rng.int(40));
      p.update(buf, 6, rng.int(5), rng.int(5), 1 + rng.int(3));
      p.tick();
    }
    const model = p.compact({ minWeight: 0.001 });
    const { model: again, meta } = loadModel(saveModel(model, { kind: 'toy', labels: ['a', 'b'] }));
    expect(meta.kind).toBe('toy');
    expect(meta.labels).toEqual(['a', 'b']);
    expect(again.weightCount).toBe(model.weightCount);
    const s1 = new Float64Array(5);
    const s2 = new Float64Array(5);
    for (let i = 0; i < 500; i++) {
      for (let k = 0; k < 6; k++) buf[k] = feat1(k, rng.int(45));
      model.score(buf, 6, s1);
      again.score(buf, 6, s2);
      expect(Array.from(s2)).toEqual(Array.from(s1));
    }
    const both = loadModels(
      saveModels({ a: model, b: again }, { x: 1 }, { extra: Int32Array.of(7, 8) }),
      ['a', 'b'],
    );
    expect(Array.from(both.arrays.extra)).toEqual([7, 8]);
    both.models.b.score(buf, 6, s2);
    model.score(buf, 6, s1);
    expect(Array.from(s2)).toEqual(Array.from(s1));
  });

  it('writes deterministic bytes and rejects damaged files', () => {
    const b1 = writeBundle({
      meta: { a: 1 },
      arrays: { z: Float32Array.of(1.5), a: Uint8Array.of(3) },
    });
    const b2 = writeBundle({
      meta: { a: 1 },
      arrays: { a: Uint8Array.of(3), z: Float32Array.of(1.5) },
    });
    expect(b1.equals(b2)).toBe(true);
    expect(readBundle(b1).arrays.z[0]).toBe(1.5);
    expect(() => readBundle(Buffer.from('nonsense!!!!!!!'))).toThrow();
    expect(() => readBundle(b1.subarray(0, b1.length - 4))).toThrow();
  });
});
