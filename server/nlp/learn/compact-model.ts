// The inference form of a perceptron: averaged weights pruned and quantized to int16 with one
// scale, stored as sorted feature keys, per-feature class lists and weights on typed arrays.
// Scoring sums int16 weights into a caller-owned Float64Array (no allocation per call). At run
// time one open-addressing table holds each feature's key beside its entries (class and weight
// packed into one int32), inline for features with few classes (every feature of a model with
// at most four classes), so a feature costs about one memory read.
import type { AnyTypedArray } from './bundle.ts';

export class CompactModel {
  readonly nClasses: number;
  /** Multiply a summed score by this to get the averaged perceptron's score. */
  readonly scale: number;
  private readonly keys: Uint32Array;
  private readonly off: Uint32Array;
  private readonly cls: Uint16Array;
  private readonly w: Int16Array;
  /**
   * Open-addressing slots of `stride` int32s: [key, ref, e0 .. e(inline-1)]. ref -1: empty slot;
   * -1 - c (c in 1..inline): c entries held inline (most features are rare and have few classes,
   * and a model of at most four classes keeps every feature inline, as a dense row, so one
   * memory read serves a feature); ref >= 0: offset into `packed`.
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly stride: number;
  /** Per feature with more entries than fit inline: count, then count entries of (class << 16) | (weight & 0xffff). */
  private readonly packed: Int32Array;
  /** Scratch: slots found by the current `score` call. */
  private found = new Int32Array(256);
  private readonly acc: Int32Array;

  constructor(
    nClasses: number,
    keys: Uint32Array,
    off: Uint32Array,
    cls: Uint16Array,
    w: Int16Array,
    scale: number,
  ) {
    if (off.length !== keys.length + 1 || off[keys.length] !== w.length || cls.length !== w.length)
      throw new Error('compact model: inconsistent arrays');
    this.nClasses = nClasses;
    this.acc = new Int32Array(nClasses);
    this.keys = keys;
    this.off = off;
    this.cls = cls;
    this.w = w;
    this.scale = scale;
    for (let i = 0; i < cls.length; i++)
      if (cls[i] >= nClasses) throw new Error('compact model: class id out of range');
    const inline = nClasses <= 4 ? nClasses : 2;
    const stride = 2 + inline;
    this.stride = stride;
    let slots = 16;
    while (slots < keys.length * 1.6) slots *= 2;
    this.mask = slots - 1;
    const table = new Int32Array(slots * stride);
    for (let i = 1; i < table.length; i += stride) table[i] = -1;
    let packedSize = 0;
    for (let f = 0; f < keys.length; f++) {
      const count = off[f + 1] - off[f];
      if (count > inline) packedSize += count + 1;
    }
    const packed = new Int32Array(packedSize);
    let at = 0;
    for (let f = 0; f < keys.length; f++) {
      const key = keys[f] | 0;
      if (off[f + 1] === off[f]) continue;
      let slot = key & this.mask;
      while (table[slot * stride + 1] !== -1) {
        if (table[slot * stride] === key) throw new Error('compact model: duplicate key');
        slot = (slot + 1) & this.mask;
      }
      const base = slot * stride;
      const count = off[f + 1] - off[f];
      table[base] = key;
      if (count <= inline) {
        table[base + 1] = -1 - count;
        for (let j = 0; j < count; j++) {
          const e = off[f] + j;
          table[base + 2 + j] = (cls[e] << 16) | (w[e] & 0xffff);
        }
      } else {
        table[base + 1] = at;
        packed[at++] = count;
        for (let j = off[f]; j < off[f + 1]; j++) packed[at++] = (cls[j] << 16) | (w[j] & 0xffff);
      }
    }
    this.table = table;
    this.packed = packed;
  }

  /** Number of features kept. */
  get featureCount(): number {
    return this.keys.length;
  }

  /** Number of (feature, class) weights kept. */
  get weightCount(): number {
    return this.w.length;
  }

  /** Writes each class's (unscaled, integer) score into out[0..nClasses). */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const acc = this.acc;
    acc.fill(0);
    this.addScores(feats, n, acc);
    const nc = this.nClasses;
    for (let c = 0; c < nc; c++) out[c] = acc[c];
  }

  /**
   * Adds each class's integer score over the features to acc[0..nClasses) (exact: int16 terms
   * summed in int32), so a caller can start from cached partial sums.
   */
  addScores(feats: Uint32Array, n: number, acc: Int32Array): void {
    const { table, mask, packed, stride } = this;
    if (n > this.found.length) this.found = new Int32Array(n * 2);
    const found = this.found;
    const end = table.length;
    // First find every feature's slot (independent memory reads the CPU can overlap), then add.
    let m = 0;
    for (let i = 0; i < n; i++) {
      const key = feats[i] | 0;
      let base = (key & mask) * stride;
      for (;;) {
        const ref = table[base + 1];
        if (ref === -1) break;
        if (table[base] === key) {
          found[m++] = base;
          break;
        }
        base += stride;
        if (base === end) base = 0;
      }
    }
    for (let i = 0; i < m; i++) {
      const base = found[i];
      const ref = table[base + 1];
      if (ref >= 0) {
        const e = ref + 1 + packed[ref];
        for (let j = ref + 1; j < e; j++) {
          const v = packed[j];
          acc[v >>> 16] += (v << 16) >> 16;
        }
      } else {
        const e = base + 1 - ref;
        for (let j = base + 2; j < e; j++) {
          const v = table[j];
          acc[v >>> 16] += (v << 16) >> 16;
        }
      }
    }
  }

  /** Arrays and metadata to store this model in a bundle under a name prefix. */
  toParts(prefix: string): {
    meta: Record<string, unknown>;
    arrays: Record<string, AnyTypedArray>;
  } {
    const n = this.keys.length;
    let maxCount = 0;
    for (let i = 0; i < n; i++) maxCount = Math.max(maxCount, this.off[i + 1] - this.off[i]);
    const counts = maxCount < 256 ? new Uint8Array(n) : new Uint16Array(n);
    for (let i = 0; i < n; i++) counts[i] = this.off[i + 1] - this.off[i];
    const classes = this.nClasses <= 256 ? Uint8Array.from(this.cls) : this.cls;
    return {
      meta: { [`${prefix}nClasses`]: this.nClasses, [`${prefix}scale`]: this.scale },
      arrays: {
        [`${prefix}keys`]: this.keys,
        [`${prefix}counts`]: counts,
        [`${prefix}classes`]: classes,
        [`${prefix}weights`]: this.w,
      },
    };
  }

  /** Rebuilds a model stored with {@link toParts}. */
  static fromParts(
    prefix: string,
    meta: Record<string, unknown>,
    arrays: Record<string, AnyTypedArray>,
  ): CompactModel {
    const nClasses = meta[`${prefix}nClasses`];
    const scale = meta[`${prefix}scale`];
    const keys = arrays[`${prefix}keys`];
    const counts = arrays[`${prefix}counts`];
    const classes = arrays[`${prefix}classes`];
    const weights = arrays[`${prefix}weights`];
    if (typeof nClasses !== 'number' || typeof scale !== 'number')
      throw new Error(`compact model: missing metadata for "${prefix}"`);
    if (!(keys instanceof Uint32Array) || !(weights instanceof Int16Array) || !counts || !classes)
      throw new Error(`compact model: missing arrays for "${prefix}"`);
    const off = new Uint32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) off[i + 1] = off[i] + counts[i];
    const cls = classes instanceof Uint16Array ? classes : Uint16Array.from(classes);
    return new CompactModel(nClasses, keys, off, cls, weights, scale);
  }
}
