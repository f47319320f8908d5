// The inference form of a perceptron: averaged weights pruned and quantized to int16 with one
// scale, stored as sorted feature keys, per-feature class lists and weights on typed arrays.
// Scoring sums int16 weights into a caller-owned Float64Array (no allocation per call). At run
// time one open-addressing table holds each feature's key beside its entries (class and weight
// packed into one int32), inline for features with few classes (every feature of a model with
// at most four classes), so a feature costs about one memory read. The adds, not the reads, are
// most of the time: longer rows are padded with zero entries to a multiple of four and summed two
// rows at a time, four entries each per turn, so that independent adds overlap in the CPU.
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
  /**
   * Per feature with more entries than fit inline: a count rounded up to a multiple of four, then
   * that many entries of (class << 16) | (weight & 0xffff), the last ones zero (class 0, weight 0).
   */
  private readonly packed: Int32Array;
  /** Scratch: slots found by the current `score` call, and their packed rows as [start, end). */
  private found = new Int32Array(256);
  private rows = new Int32Array(512);
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
      if (count > inline) packedSize += ((count + 3) & ~3) + 1;
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
        // Zero entries (already zero in the array) pad the row: they add nothing to class 0.
        const padded = (count + 3) & ~3;
        packed[at++] = padded;
        for (let j = off[f]; j < off[f + 1]; j++) packed[at++] = (cls[j] << 16) | (w[j] & 0xffff);
        at += padded - count;
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
    if (n > this.found.length) {
      this.found = new Int32Array(n * 2);
      this.rows = new Int32Array(n * 4);
    }
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
    // Inline entries at once; packed rows are queued as [start, end) pairs of `packed`.
    const rows = this.rows;
    let nr = 0;
    for (let i = 0; i < m; i++) {
      const base = found[i];
      const ref = table[base + 1];
      if (ref >= 0) {
        rows[nr++] = ref + 1;
        rows[nr++] = ref + 1 + packed[ref];
      } else {
        const e = base + 1 - ref;
        for (let j = base + 2; j < e; j++) {
          const v = table[j];
          acc[v >>> 16] += (v << 16) >> 16;
        }
      }
    }
    // Two rows at a time, four entries of each per turn, then the rest of the longer row: the
    // adds of one turn are independent (distinct classes within a row; a class in both rows is
    // still added in order), so the CPU overlaps them. Integer sums: the order changes no score.
    for (let r = 0; r < nr; r += 4) {
      let a = rows[r];
      const ae = rows[r + 1];
      let b = r + 2 < nr ? rows[r + 2] : 0;
      const be = r + 2 < nr ? rows[r + 3] : 0;
      for (; a < ae && b < be; a += 4, b += 4) {
        const v0 = packed[a];
        const v1 = packed[a + 1];
        const v2 = packed[a + 2];
        const v3 = packed[a + 3];
        const u0 = packed[b];
        const u1 = packed[b + 1];
        const u2 = packed[b + 2];
        const u3 = packed[b + 3];
        acc[v0 >>> 16] += (v0 << 16) >> 16;
        acc[u0 >>> 16] += (u0 << 16) >> 16;
        acc[v1 >>> 16] += (v1 << 16) >> 16;
        acc[u1 >>> 16] += (u1 << 16) >> 16;
        acc[v2 >>> 16] += (v2 << 16) >> 16;
        acc[u2 >>> 16] += (u2 << 16) >> 16;
        acc[v3 >>> 16] += (v3 << 16) >> 16;
        acc[u3 >>> 16] += (u3 << 16) >> 16;
      }
      let j = a < ae ? a : b;
      const e = a < ae ? ae : be;
      for (; j < e; j += 4) {
        const v0 = packed[j];
        const v1 = packed[j + 1];
        const v2 = packed[j + 2];
        const v3 = packed[j + 3];
        acc[v0 >>> 16] += (v0 << 16) >> 16;
        acc[v1 >>> 16] += (v1 << 16) >> 16;
        acc[v2 >>> 16] += (v2 << 16) >> 16;
        acc[v3 >>> 16] += (v3 << 16) >> 16;
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
