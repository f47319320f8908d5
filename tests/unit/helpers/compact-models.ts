// Random compact models for scorer tests: entries drawn over given keys, and a plain sum over the
// same entries to check the model's scores against.
import { CompactModel, type Rng } from '../../../server/nlp/learn/index.ts';

export interface ModelWithReference {
  model: CompactModel;
  /** Each class's plain sum of the entries of the listed features (absent ones add nothing). */
  reference: (feats: Uint32Array, n: number) => number[];
}

/**
 * A model over sorted keys: feature f gets countOf(f) distinct classes (sorted) with weights
 * drawn uniformly from [-maxWeight, maxWeight].
 */
export function randomCompactModel(
  rng: Rng,
  keys: Uint32Array,
  nClasses: number,
  countOf: (f: number) => number,
  maxWeight: number,
  scale: number,
): ModelWithReference {
  const off = new Uint32Array(keys.length + 1);
  const cls: number[] = [];
  const w: number[] = [];
  const rows = new Map<number, [number, number][]>();
  for (let f = 0; f < keys.length; f++) {
    const count = countOf(f);
    const classes = rng.shuffle(Array.from({ length: nClasses }, (_, c) => c)).slice(0, count);
    classes.sort((a, b) => a - b);
    const entries: [number, number][] = classes.map((c) => [
      c,
      rng.int(2 * maxWeight + 1) - maxWeight,
    ]);
    rows.set(keys[f], entries);
    for (const [c, x] of entries) {
      cls.push(c);
      w.push(x);
    }
    off[f + 1] = off[f] + count;
  }
  const model = new CompactModel(
    nClasses,
    keys,
    off,
    Uint16Array.from(cls),
    Int16Array.from(w),
    scale,
  );
  const reference = (feats: Uint32Array, n: number): number[] => {
    const out = new Array<number>(nClasses).fill(0);
    for (let i = 0; i < n; i++) for (const [c, x] of rows.get(feats[i]) ?? []) out[c] += x;
    return out;
  };
  return { model, reference };
}

/**
 * A feature list of known keys (70%, some repeated), absent keys sharing the low bits of stored
 * ones (15%, below `lowSpan`, so the probe walks a run of occupied slots) and random keys.
 */
export function randomFeatureList(
  rng: Rng,
  keys: Uint32Array,
  length: number,
  lowSpan: number,
): Uint32Array {
  const known = new Set(keys);
  const feats = new Uint32Array(length);
  for (let i = 0; i < length; i++) {
    const r = rng.next();
    if (r < 0.7) feats[i] = keys[rng.int(keys.length)];
    else if (r < 0.85) {
      let k: number;
      do k = ((Math.floor(rng.next() * 0x10000) << 16) | rng.int(lowSpan)) >>> 0;
      while (known.has(k));
      feats[i] = k;
    } else feats[i] = Math.floor(rng.next() * 0x100000000) >>> 0;
  }
  return feats;
}
