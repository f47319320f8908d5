// The inference form of a perceptron: averaged weights pruned and quantized to int16 with one
// scale, stored as sorted feature keys, per-feature class lists and weights on typed arrays.
// Scoring sums int16 weights into a caller-owned Float64Array (no allocation per call). At run
// time one open-addressing table holds each feature's key beside its entries (class and weight
// packed into one int32), inline for features with few classes (every feature of a model with
// at most four classes), so a feature costs about one memory read. The adds, not the reads, are
// most of the time: longer rows are padded with zero entries to a multiple of four and summed two
// rows at a time, four entries each per turn, so that independent adds overlap in the CPU. The
// reads of a call are issued early (every home slot first, then each row's second cache line)
// so that their misses overlap, and the longest rows, which belong to the most frequent
// features, are stored first, together. A caller that needs only the classes below (or from) a
// split point, set once with `splitClasses`, can have only that part of each longer row added
// (rows are sorted by class).
import type { AnyTypedArray } from './bundle.ts';

/** Which classes a call to `addScores` must sum exactly (see `CompactModel.splitClasses`). */
export const ClassPart = { all: 0, below: 1, from: 2 } as const;
export type ClassPart = (typeof ClassPart)[keyof typeof ClassPart];

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
   * Per feature with more entries than fit inline: a header, then entries of
   * (class << 16) | (weight & 0xffff) sorted by class, padded with zero entries (class 0, weight
   * 0) to a multiple of four. Header: the padded length, plus (<< 16) the number of entries with
   * a class below the split (all of them until `splitClasses` is called).
   */
  private readonly packed: Int32Array;
  /** Scratch: slots found by the current `score` call, and their packed rows as [start, end). */
  private found = new Int32Array(256);
  private rows = new Int32Array(512);
  private readonly acc: Int32Array;
  /** Keeps the touching reads of `addScores` from being optimised away. */
  private touched = 0;

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
    // Longer rows first: a feature with many classes is a frequent one, so the rows read most
    // often sit together in fewer pages. rowAt[c]: where the next row of c entries goes.
    let maxCount = 0;
    for (let f = 0; f < keys.length; f++) maxCount = Math.max(maxCount, off[f + 1] - off[f]);
    const rowAt = new Int32Array(maxCount + 1);
    for (let f = 0; f < keys.length; f++) {
      const count = off[f + 1] - off[f];
      if (count > inline) rowAt[count] += ((count + 3) & ~3) + 1;
    }
    let packedSize = 0;
    for (let c = maxCount; c > inline; c--) {
      const size = rowAt[c];
      rowAt[c] = packedSize;
      packedSize += size;
    }
    // Spare room after the last row: `addScores` reads ahead one cache line into each row.
    const packed = new Int32Array(packedSize + 16);
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
        let at = rowAt[count];
        table[base + 1] = at;
        // Zero entries (already zero in the array) pad the row: they add nothing to class 0.
        const padded = (count + 3) & ~3;
        packed[at++] = padded | (count << 16);
        const start = at;
        for (let j = off[f]; j < off[f + 1]; j++) packed[at++] = (cls[j] << 16) | (w[j] & 0xffff);
        // Entries hold the class in their high bits, so ordering them orders the classes.
        packed.subarray(start, at).sort();
        rowAt[count] = at + padded - count;
      }
    }
    this.table = table;
    this.packed = packed;
  }

  /**
   * Sets the class split for {@link addScores}' `part`: classes below `split` and the others. Only
   * the longer rows are divided; the two entries at most held inline are always added.
   */
  splitClasses(split: number): void {
    if (!(split >= 0 && split <= this.nClasses)) throw new Error('compact model: bad class split');
    const { table, packed, stride } = this;
    for (let base = 0; base < table.length; base += stride) {
      const ref = table[base + 1];
      if (ref < 0) continue;
      const padded = packed[ref] & 0xffff;
      let below = 0;
      for (let j = ref + 1; j < ref + 1 + padded; j++) {
        const v = packed[j];
        if (v !== 0 && v >>> 16 < split) below = j - ref;
      }
      // Padding entries (zero, class 0) never count: a row's last real entry ends its low part.
      packed[ref] = padded | (below << 16);
    }
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
   * summed in int32), so a caller can start from cached partial sums. With `part` below (from),
   * only the classes below (from) the split set by {@link splitClasses} are summed exactly: the
   * others get some of their terms and must be ignored.
   */
  addScores(feats: Uint32Array, n: number, acc: Int32Array, part: ClassPart = ClassPart.all): void {
    const { table, mask, packed, stride } = this;
    if (n > this.found.length) {
      this.found = new Int32Array(n * 2);
      this.rows = new Int32Array(n * 4);
    }
    const found = this.found;
    const end = table.length;
    // Touch every feature's home slot first (independent reads with no branch between them, so
    // the CPU overlaps the misses), then find the slots, then add.
    let touch = 0;
    for (let i = 0; i < n; i++) touch ^= table[(feats[i] & mask) * stride];
    this.touched ^= touch;
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
        // Whole turns of four: a part starts or ends on the turn that holds the split, so a few
        // entries of the other part may be added too.
        const head = packed[ref];
        const start = ref + 1;
        touch ^= packed[start + 16];
        if (part === ClassPart.all) {
          rows[nr++] = start;
          rows[nr++] = start + (head & 0xffff);
        } else if (part === ClassPart.below) {
          rows[nr++] = start;
          rows[nr++] = start + (((head >>> 16) + 3) & ~3);
        } else {
          rows[nr++] = start + ((head >>> 16) & ~3);
          rows[nr++] = start + (head & 0xffff);
        }
      } else {
        const e = base + 1 - ref;
        for (let j = base + 2; j < e; j++) {
          const v = table[j];
          acc[v >>> 16] += (v << 16) >> 16;
        }
      }
    }
    this.touched ^= touch;
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
