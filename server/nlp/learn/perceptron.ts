// The multi-class averaged perceptron used at training time: sparse per-feature weight blocks in
// typed-array pools (class id, weight, running total, last-update time), looked up by hashed
// feature id. `compact()` averages, prunes and quantizes it into a CompactModel for inference.
import { CompactModel } from './compact-model.ts';
import { HashIndex } from './hash-index.ts';

export interface CompactOptions {
  /** Averaged weights with an absolute value below this are dropped (default 0). */
  minWeight?: number;
}

export class AveragedPerceptron {
  readonly nClasses: number;
  /** Number of training instances seen so far (advanced by {@link tick}). */
  time = 0;
  private index = new HashIndex(1 << 16);
  private featKey = new Uint32Array(1 << 16);
  private fStart = new Int32Array(1 << 16);
  private fCount = new Int32Array(1 << 16);
  private fCap = new Int32Array(1 << 16);
  private nFeat = 0;
  private cls = new Uint16Array(1 << 18);
  private w = new Float64Array(1 << 18);
  private tot = new Float64Array(1 << 18);
  private stamp = new Float64Array(1 << 18);
  private poolUsed = 0;

  constructor(nClasses: number) {
    if (nClasses < 1 || nClasses > 65535) throw new Error('perceptron: bad class count');
    this.nClasses = nClasses;
  }

  /** Number of distinct features that have received an update. */
  get featureCount(): number {
    return this.nFeat;
  }

  /** Writes each class's score (sum of current weights of the features) into out[0..nClasses). */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0, 0, this.nClasses);
    const { index, fStart, fCount, cls, w } = this;
    for (let i = 0; i < n; i++) {
      const f = index.get(feats[i]);
      if (f < 0) continue;
      const s = fStart[f];
      const e = s + fCount[f];
      for (let j = s; j < e; j++) out[cls[j]] += w[j];
    }
  }

  /** Advances the averaging clock by one training instance. */
  tick(): void {
    this.time++;
  }

  /** Standard perceptron update: +amount to `truth`, -amount to `guess` (no-op when equal). */
  update(feats: Uint32Array, n: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    for (let i = 0; i < n; i++) {
      const f = this.featureId(feats[i]);
      this.add(f, truth, amount);
      this.add(f, guess, -amount);
    }
  }

  /** Adds `delta` to one class's weight for each of the features. */
  addToClass(feats: Uint32Array, n: number, klass: number, delta: number): void {
    for (let i = 0; i < n; i++) this.add(this.featureId(feats[i]), klass, delta);
  }

  /** Averages the weights over time, prunes and quantizes them into an inference model. */
  compact(options: CompactOptions = {}): CompactModel {
    const minWeight = options.minWeight ?? 0;
    const time = Math.max(1, this.time);
    const order = Array.from({ length: this.nFeat }, (_, i) => i).sort(
      (a, b) => this.featKey[a] - this.featKey[b],
    );
    const avg = (j: number): number =>
      (this.tot[j] + (this.time - this.stamp[j]) * this.w[j]) / time;
    let maxAbs = 0;
    for (let j = 0; j < this.poolUsed; j++) maxAbs = Math.max(maxAbs, Math.abs(avg(j)));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keys: number[] = [];
    const counts: number[] = [];
    const classes: number[] = [];
    const weights: number[] = [];
    const pairs: [number, number][] = [];
    for (const f of order) {
      pairs.length = 0;
      const s = this.fStart[f];
      for (let j = s; j < s + this.fCount[f]; j++) {
        const a = avg(j);
        if (Math.abs(a) < minWeight) continue;
        const q = Math.round(a / scale);
        if (q !== 0) pairs.push([this.cls[j], q]);
      }
      if (pairs.length === 0) continue;
      pairs.sort((x, y) => x[0] - y[0]);
      keys.push(this.featKey[f]);
      counts.push(pairs.length);
      for (const [c, q] of pairs) {
        classes.push(c);
        weights.push(q);
      }
    }
    const off = new Uint32Array(keys.length + 1);
    for (let i = 0; i < counts.length; i++) off[i + 1] = off[i] + counts[i];
    return new CompactModel(
      this.nClasses,
      Uint32Array.from(keys),
      off,
      Uint16Array.from(classes),
      Int16Array.from(weights),
      scale,
    );
  }

  private featureId(key: number): number {
    let f = this.index.get(key);
    if (f >= 0) return f;
    f = this.nFeat++;
    if (f >= this.featKey.length) {
      const n = this.featKey.length * 2;
      this.featKey = grow(this.featKey, n);
      this.fStart = grow(this.fStart, n);
      this.fCount = grow(this.fCount, n);
      this.fCap = grow(this.fCap, n);
    }
    this.featKey[f] = key >>> 0;
    this.fStart[f] = this.reserve(2);
    this.fCount[f] = 0;
    this.fCap[f] = 2;
    this.index.set(key, f);
    return f;
  }

  private reserve(n: number): number {
    const at = this.poolUsed;
    if (at + n > this.cls.length) {
      let size = this.cls.length * 2;
      while (at + n > size) size *= 2;
      this.cls = grow(this.cls, size);
      this.w = grow(this.w, size);
      this.tot = grow(this.tot, size);
      this.stamp = grow(this.stamp, size);
    }
    this.poolUsed += n;
    return at;
  }

  private add(f: number, klass: number, delta: number): void {
    let s = this.fStart[f];
    const count = this.fCount[f];
    let j = s;
    const end = s + count;
    while (j < end && this.cls[j] !== klass) j++;
    if (j === end) {
      if (count === this.fCap[f]) {
        // Move the block to the end of the pool with twice the room.
        const cap = count * 2;
        const ns = this.reserve(cap);
        this.cls.copyWithin(ns, s, end);
        this.w.copyWithin(ns, s, end);
        this.tot.copyWithin(ns, s, end);
        this.stamp.copyWithin(ns, s, end);
        this.fStart[f] = s = ns;
        this.fCap[f] = cap;
        j = ns + count;
      }
      this.cls[j] = klass;
      this.w[j] = 0;
      this.tot[j] = 0;
      this.stamp[j] = this.time;
      this.fCount[f] = count + 1;
    }
    this.tot[j] += (this.time - this.stamp[j]) * this.w[j];
    this.stamp[j] = this.time;
    this.w[j] += delta;
  }
}

function grow<T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
