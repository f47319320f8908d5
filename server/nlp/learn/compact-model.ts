// The inference form of a perceptron: averaged weights pruned and quantized to int16 with one
// scale, stored as sorted feature keys, per-feature class lists and weights on typed arrays.
// Scoring sums int16 weights into int32 sums (exact; no allocation per call). At run time one
// open-addressing table holds each feature's key beside its entries (class and weight packed into
// one int32), inline for features with few classes (every feature of a model with at most four
// classes), so a feature costs about one memory read. Rows of many classes (those of the most
// frequent features) are dense, one int16 per class, stored first, together, and summed with SIMD
// adds; the rows between are lists of entries padded to a multiple of four. Table and rows live in
// a WebAssembly memory of the model's own, beside the sums and an input area for feature ids, and
// the loop that finds and adds them is WebAssembly (wasm-scorer.ts).
// A caller that needs only the classes below (or from) a split point, set once with
// `splitClasses`, can have only that part of each longer row added (rows are sorted by class).
// A caller with fixed feature templates can set them once (`setTemplates`) and write only their
// values per call: the ids are hashed in the same call that sums them (`scoreTemplates`).
import type { AnyTypedArray } from './bundle.ts';
import { DENSE_REF, READ_AHEAD_BYTES, bindScorer, type BoundScorer } from './wasm-scorer.ts';

/** Which classes a call to `addScores` must sum exactly (see `CompactModel.splitClasses`). */
export const ClassPart = { all: 0, below: 1, from: 2 } as const;
export type ClassPart = (typeof ClassPart)[keyof typeof ClassPart];

/** How many feature ids one call of the WebAssembly scorer takes (longer lists go in parts). */
export const INPUT_CAPACITY = 1024;

/** How many values hashed templates can read (see {@link CompactModel.setTemplates}). */
export const VALUE_CAPACITY = 256;

/** Words of template records one model can hold (each record is 2 + its number of values). */
const TEMPLATE_CAPACITY = 2048;

/**
 * Feature templates hashed in the model's memory, by number of values (index 0: one value ... 3:
 * four): each template's start hash (`featPrefix` of its number), its position in the input, and
 * its value indices (`arity` per template, in order).
 */
export interface TemplateGroup {
  prefix: ArrayLike<number>;
  pos: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * A row is dense (one int16 for every class) from this many entries per block of eight classes.
 * On the parser's feature stream, 0.5 to 3 score at the same speed; at 1, the parser's 7,700 rows
 * of 14 or more entries (nine in ten of the entries a step adds) take 1.7 MB.
 */
const DENSE_PER_BLOCK = 1;

const PAGE = 65536;
const align64 = (x: number): number => (x + 63) & ~63;

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
   * memory read serves a feature); ref >= 0: offset into `packed`, of a dense row when the
   * DENSE_REF bit is set.
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly stride: number;
  /**
   * First the dense rows, of features with many entries: one int16 weight per class (zero for the
   * classes the feature lacks), the classes padded to whole pairs of blocks of eight. Then, per
   * other feature with more entries than fit inline: a header, then entries of
   * (class << 16) | (weight & 0xffff) sorted by class, padded with zero entries (class 0, weight
   * 0) to a multiple of four. Header: the padded length, plus (<< 16) the number of entries with
   * a class below the split (all of them until `splitClasses` is called).
   */
  private readonly packed: Int32Array;
  /** Feature ids for {@link scoreInput}, in the model's memory (see {@link INPUT_CAPACITY}). */
  readonly input: Uint32Array;
  /** The sums {@link scoreInput} writes, in the model's memory (nClasses entries). */
  readonly sums: Int32Array;
  private readonly run: BoundScorer;
  /** Values the templates set by {@link setTemplates} read, in the model's memory. */
  readonly values: Int32Array;
  private readonly inputAt: number;
  private readonly sumsAt: number;
  private readonly valuesAt: number;
  private readonly templatesAt: number;
  private readonly templates: Int32Array;
  /** Whether {@link setTemplates} has been called. */
  private hasTemplates = false;
  /** Blocks of eight classes per dense row, and each part's byte range of a dense row. */
  private readonly nBlocks: number;
  private readonly blocks = new Int32Array(6);

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
    // Longer rows first: a feature with many classes is a frequent one, so the rows read most
    // often sit together in fewer pages. rowAt[c]: where the next row of c entries goes.
    let maxCount = 0;
    for (let f = 0; f < keys.length; f++) maxCount = Math.max(maxCount, off[f + 1] - off[f]);
    const rowAt = new Int32Array(maxCount + 1);
    // Rows of many classes are dense: one int16 per class, in pairs of blocks of eight classes.
    const nBlocks = 2 * Math.ceil(nClasses / 16);
    const denseFrom = Math.max(inline + 1, Math.ceil(DENSE_PER_BLOCK * nBlocks));
    this.nBlocks = nBlocks;
    let nDense = 0;
    for (let f = 0; f < keys.length; f++) {
      const count = off[f + 1] - off[f];
      if (count >= denseFrom) nDense++;
      else if (count > inline) rowAt[count] += ((count + 3) & ~3) + 1;
    }
    let packedSize = nDense * 4 * nBlocks;
    for (let c = Math.min(maxCount, denseFrom - 1); c > inline; c--) {
      const size = rowAt[c];
      rowAt[c] = packedSize;
      packedSize += size;
    }
    // One memory: a word that takes the read-ahead loads, the sums, the input, scratch lists for
    // the scorer (one slot and one row's bounds per feature), the table and the packed rows, with
    // room after the last row (the scorer reads ahead into each row).
    const sumsAt = 64;
    const inputAt = align64(sumsAt + 32 * nBlocks);
    const foundAt = inputAt + 4 * INPUT_CAPACITY;
    const denseAt = foundAt + 4 * INPUT_CAPACITY;
    const rowsAt = denseAt + 4 * INPUT_CAPACITY;
    const valuesAt = align64(rowsAt + 8 * INPUT_CAPACITY + 16);
    const templatesAt = valuesAt + 4 * VALUE_CAPACITY;
    const tableAt = align64(templatesAt + 4 * (4 + TEMPLATE_CAPACITY));
    const packedAt = align64(tableAt + 4 * slots * stride);
    const bytes = packedAt + 4 * (packedSize + 16) + READ_AHEAD_BYTES;
    const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
    const table = new Int32Array(memory.buffer, tableAt, slots * stride);
    for (let i = 1; i < table.length; i += stride) table[i] = -1;
    const packed = new Int32Array(memory.buffer, packedAt, packedSize + 16);
    const dense = new Int16Array(memory.buffer, packedAt, 8 * nBlocks * nDense);
    let denseNext = 0;
    this.sums = new Int32Array(memory.buffer, sumsAt, nClasses);
    this.input = new Uint32Array(memory.buffer, inputAt, INPUT_CAPACITY);
    this.values = new Int32Array(memory.buffer, valuesAt, VALUE_CAPACITY);
    this.templates = new Int32Array(memory.buffer, templatesAt, 4 + TEMPLATE_CAPACITY);
    this.sumsAt = sumsAt;
    this.inputAt = inputAt;
    this.valuesAt = valuesAt;
    this.templatesAt = templatesAt;
    this.run = bindScorer(memory, {
      sink: 0,
      acc: sumsAt,
      feats: inputAt,
      found: foundAt,
      dense: denseAt,
      rows: rowsAt,
      table: tableAt,
      slots,
      strideBytes: 4 * stride,
      packed: packedAt,
    });
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
      } else if (count >= denseFrom) {
        table[base + 1] = DENSE_REF | denseNext;
        const row = denseNext * 2;
        for (let j = off[f]; j < off[f + 1]; j++) dense[row + cls[j]] = w[j];
        denseNext += 4 * nBlocks;
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
    this.setBlocks(nClasses);
  }

  /**
   * Sets the class split for {@link addScores}' `part`: classes below `split` and the others. Only
   * the longer rows are divided; the two entries at most held inline are always added.
   */
  splitClasses(split: number): void {
    if (!(split >= 0 && split <= this.nClasses)) throw new Error('compact model: bad class split');
    const { table, packed, stride } = this;
    this.setBlocks(split);
    for (let base = 0; base < table.length; base += stride) {
      const ref = table[base + 1];
      if (ref < 0 || ref & DENSE_REF) continue;
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

  /** Each part's byte range of a dense row: whole pairs of blocks, as rows take whole turns. */
  private setBlocks(split: number): void {
    const end = 16 * this.nBlocks;
    this.blocks.set([0, end, 0, 32 * Math.ceil(split / 16), 32 * Math.floor(split / 16), end]);
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
    const sums = this.sums;
    sums.fill(0);
    this.addInParts(feats, n, ClassPart.all);
    const nc = this.nClasses;
    for (let c = 0; c < nc; c++) out[c] = sums[c];
  }

  /**
   * Sums the first n feature ids written into {@link input} (n <= INPUT_CAPACITY) into
   * {@link sums}, from zero, and returns the sums. `part` as for {@link addScores}.
   */
  scoreInput(n: number, part: ClassPart = ClassPart.all): Int32Array {
    if (!(n >= 0 && n <= INPUT_CAPACITY)) throw new Error('compact model: too many features');
    this.sums.fill(0);
    const blocks = this.blocks;
    this.run(this.inputAt, n, this.sumsAt, part, blocks[2 * part], blocks[2 * part + 1], 0);
    return this.sums;
  }

  /**
   * Sets the templates {@link scoreTemplates} hashes: groups[k] holds those of k + 1 values. A
   * template writes `featWith<k+1>(prefix, values[v0], ...)` into input[pos].
   */
  setTemplates(groups: readonly TemplateGroup[]): void {
    if (groups.length !== 4) throw new Error('compact model: templates of one to four values');
    const T = this.templates;
    let at = 4;
    groups.forEach((g, k) => {
      const arity = k + 1;
      if (g.values.length !== arity * g.pos.length || g.prefix.length !== g.pos.length)
        throw new Error('compact model: template arrays do not match');
      if (at + (arity + 2) * g.pos.length > T.length)
        throw new Error('compact model: too many templates');
      for (let j = 0; j < g.pos.length; j++) {
        const pos = g.pos[j];
        if (!(pos >= 0 && pos < INPUT_CAPACITY)) throw new Error('compact model: bad template');
        T[at++] = g.prefix[j];
        T[at++] = this.inputAt + 4 * pos;
        for (let v = 0; v < arity; v++) {
          const index = g.values[arity * j + v];
          if (!(index >= 0 && index < VALUE_CAPACITY))
            throw new Error('compact model: bad template value');
          T[at++] = this.valuesAt + 4 * index;
        }
      }
      T[k] = this.templatesAt + 4 * at;
    });
    this.hasTemplates = true;
  }

  /**
   * Like {@link scoreInput}, after writing each template's feature id (hashed from
   * {@link values}) into its place in {@link input}; the caller writes the other n ids.
   */
  scoreTemplates(n: number, part: ClassPart = ClassPart.all): Int32Array {
    if (!this.hasTemplates) throw new Error('compact model: no templates set');
    if (!(n >= 0 && n <= INPUT_CAPACITY)) throw new Error('compact model: too many features');
    this.sums.fill(0);
    const blocks = this.blocks;
    const { inputAt, sumsAt, templatesAt } = this;
    this.run(inputAt, n, sumsAt, part, blocks[2 * part], blocks[2 * part + 1], templatesAt);
    return this.sums;
  }

  /**
   * Adds each class's integer score over the features to acc[0..nClasses) (exact: int16 terms
   * summed in int32), so a caller can start from cached partial sums. With `part` below (from),
   * only the classes below (from) the split set by {@link splitClasses} are summed exactly: the
   * others get some of their terms and must be ignored.
   */
  addScores(feats: Uint32Array, n: number, acc: Int32Array, part: ClassPart = ClassPart.all): void {
    const sums = this.sums;
    sums.set(acc.subarray(0, this.nClasses));
    this.addInParts(feats, n, part);
    acc.set(sums);
  }

  /** Adds the features' entries onto {@link sums}, copied into the input area in parts. */
  private addInParts(feats: Uint32Array, n: number, part: ClassPart): void {
    for (let from = 0; from < n; from += INPUT_CAPACITY) {
      const to = Math.min(n, from + INPUT_CAPACITY);
      this.input.set(feats.subarray(from, to));
      const blocks = this.blocks;
      this.run(
        this.inputAt,
        to - from,
        this.sumsAt,
        part,
        blocks[2 * part],
        blocks[2 * part + 1],
        0,
      );
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
