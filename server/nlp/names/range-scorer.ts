// Inference-time scoring of a compact perceptron model over a range of a feature array, without a
// view per call: one open-addressing table of (key, first entry and entry count in one int32) and
// the entries packed as (class << 16) | (weight & 0xffff), built once per model from its stored
// parts; two int32s a slot keep the table small enough to stay in cache. Sums are the model's own
// integer scores, so results equal CompactModel.score on the same features.
import type { CompactModel } from '../learn/index.ts';

export class RangeScorer {
  readonly nClasses: number;
  /** Slots of two int32s: key, then (first entry << 8) | entry count (-1 when empty). */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly entries: Int32Array;
  /** Integer sums of the current call. */
  private readonly acc: Int32Array;

  constructor(model: CompactModel) {
    const { meta, arrays } = model.toParts('m.');
    const keys = arrays['m.keys'] as Uint32Array;
    const counts = arrays['m.counts'];
    const classes = arrays['m.classes'];
    const weights = arrays['m.weights'] as Int16Array;
    this.nClasses = meta['m.nClasses'] as number;
    this.acc = new Int32Array(this.nClasses);
    let slots = 16;
    while (slots < keys.length * 2) slots *= 2;
    this.mask = slots - 1;
    if (weights.length >= 1 << 23) throw new Error('names: model too large for the range scorer');
    const table = new Int32Array(slots * 2);
    for (let s = 0; s < slots; s++) table[s * 2 + 1] = -1;
    const entries = new Int32Array(weights.length);
    let at = 0;
    for (let f = 0; f < keys.length; f++) {
      const count = counts[f];
      const first = at;
      for (let j = 0; j < count; j++, at++)
        entries[at] = (classes[at] << 16) | (weights[at] & 0xffff);
      if (count === 0) continue;
      if (count > 255) throw new Error('names: more classes than the range scorer keeps');
      const key = keys[f] | 0;
      let slot = key & this.mask;
      while (table[slot * 2 + 1] !== -1) slot = (slot + 1) & this.mask;
      table[slot * 2] = key;
      table[slot * 2 + 1] = (first << 8) | count;
    }
    this.table = table;
    this.entries = entries;
  }

  /** Writes each class's (unscaled) score of feats[from..to) into out[0..nClasses). */
  scoreRange(feats: Uint32Array, from: number, to: number, out: Float64Array): void {
    const acc = this.acc;
    acc.fill(0);
    this.addRange(feats, from, to, acc);
    for (let c = 0; c < acc.length; c++) out[c] = acc[c];
  }

  /** Adds each class's (unscaled, integer) score of feats[from..to) to acc[0..nClasses). */
  addRange(feats: Uint32Array, from: number, to: number, acc: Int32Array): void {
    const { table, mask, entries } = this;
    for (let i = from; i < to; i++) {
      const key = feats[i] | 0;
      let slot = key & mask;
      for (;;) {
        const base = slot * 2;
        const ref = table[base + 1];
        if (ref === -1) break;
        if (table[base] === key) {
          const first = ref >>> 8;
          const end = first + (ref & 0xff);
          for (let j = first; j < end; j++) {
            const v = entries[j];
            acc[v >>> 16] += (v << 16) >> 16;
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}

const scorers = new WeakMap<CompactModel, RangeScorer>();

/** The range scorer of a compact model, built on first use and kept with the model. */
export function rangeScorerOf(model: CompactModel): RangeScorer {
  let s = scorers.get(model);
  if (!s) {
    s = new RangeScorer(model);
    scorers.set(model, s);
  }
  return s;
}
