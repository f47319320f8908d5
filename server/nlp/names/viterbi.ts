// Best well-formed BILOU sequence for a sentence under a linear model (Viterbi over the 17 classes,
// first order): each token's score is its static features' score for the class plus the transition
// features' score given the previous class. Used for decoding and, with some tokens' classes forced,
// for the gold path of partly annotated training sentences. For a compact (fixed) model the
// transition scores come from tables built once per previous class and shape or capitalisation
// value, so decoding scores each token's static features once and nothing else.
import { CompactModel } from '../learn/index.ts';
import { rangeScorerOf, type RangeScorer } from './range-scorer.ts';
import { allowed, canEnd, CLASS_COUNT, OUTSIDE } from './bilou.ts';
import {
  prevCapFeature,
  prevFeature,
  prevShapeFeature,
  transitionFeatures,
  type SentenceFeatures,
} from './features.ts';

/** Anything that scores feature ids per class: the training perceptron or the compact model. */
export interface Scorer {
  score(feats: Uint32Array, n: number, out: Float64Array): void;
}

/** Class id standing for "before the first token" in transition features. */
export const START_CLASS = CLASS_COUNT;

const C = CLASS_COUNT;
/** Previous classes: every class plus START_CLASS. */
const P = C + 1;

/** ALLOWED[p * C + c]: class c may follow previous class p (START_CLASS reads as OUTSIDE). */
const ALLOWED = new Uint8Array(P * C);
for (let p = 0; p < P; p++)
  for (let c = 0; c < C; c++)
    ALLOWED[p * C + c] = allowed(p === START_CLASS ? OUTSIDE : p, c) ? 1 : 0;

/** FOLLOWERS[p]: the classes that may follow previous class p, ascending. */
const FOLLOWERS: readonly Uint8Array[] = Array.from({ length: P }, (_, p) => {
  const list: number[] = [];
  for (let c = 0; c < C; c++) if (ALLOWED[p * C + c]) list.push(c);
  return Uint8Array.from(list);
});

/**
 * Transition scores of a fixed model, per previous class and class, for each pair of short shape
 * and capitalisation value met so far: the sum of the three transition features' scores (a few
 * hundred pairs in all, so the tables stay small).
 */
class TransitionTables {
  private readonly model: Scorer;
  private readonly prev: Float64Array;
  private readonly byShape = new Map<number, Float64Array>();
  private readonly byCap = new Map<number, Float64Array>();
  private readonly byPair = new Map<number, Map<number, Float64Array>>();
  private pairs = 0;
  private readonly one = new Uint32Array(1);
  private readonly row = new Float64Array(C);
  /** The model's static scoring over feature ranges. */
  readonly range: RangeScorer;

  constructor(model: CompactModel) {
    this.model = model;
    this.range = rangeScorerOf(model);
    this.prev = this.table(prevFeature);
  }

  private table(feature: (p: number) => number): Float64Array {
    const t = new Float64Array(P * C);
    for (let p = 0; p < P; p++) {
      this.one[0] = feature(p);
      this.model.score(this.one, 1, this.row);
      t.set(this.row, p * C);
    }
    return t;
  }

  private single(
    map: Map<number, Float64Array>,
    value: number,
    feature: (p: number, v: number) => number,
  ): Float64Array {
    let t = map.get(value);
    if (!t) {
      t = this.table((p) => feature(p, value));
      map.set(value, t);
    }
    return t;
  }

  /** Scores of all three transition features for a token of this shape and capitalisation. */
  pair(shape: number, cap: number): Float64Array {
    let inner = this.byPair.get(shape);
    if (!inner) {
      inner = new Map();
      this.byPair.set(shape, inner);
    }
    let t = inner.get(cap);
    if (!t) {
      if (this.pairs >= 20_000) {
        // odd input (a flood of shapes never seen): start afresh rather than grow without bound
        this.byPair.clear();
        this.byShape.clear();
        this.byCap.clear();
        this.pairs = 0;
        return this.pair(shape, cap);
      }
      const a = this.prev;
      const b = this.single(this.byShape, shape, prevShapeFeature);
      const c = this.single(this.byCap, cap, prevCapFeature);
      t = new Float64Array(P * C);
      // integer sums, as the model's own scoring of the three features together would give
      for (let k = 0; k < t.length; k++) t[k] = a[k] + b[k] + c[k];
      inner.set(cap, t);
      this.pairs++;
    }
    return t;
  }
}

const tables = new WeakMap<CompactModel, TransitionTables>();

/** Transition tables of a compact model (built on first use), or undefined for a model in training. */
function tablesOf(scorer: Scorer): TransitionTables | undefined {
  if (!(scorer instanceof CompactModel)) return undefined;
  let t = tables.get(scorer);
  if (!t) {
    t = new TransitionTables(scorer);
    tables.set(scorer, t);
  }
  return t;
}

/** Writes token i's static scores into `stat`. */
function staticScores(
  scorer: Scorer,
  t: TransitionTables | undefined,
  sf: SentenceFeatures,
  i: number,
): void {
  if (t) t.range.scoreRange(sf.feats, sf.offsets[i], sf.offsets[i + 1], stat);
  else
    scorer.score(
      sf.feats.subarray(sf.offsets[i], sf.offsets[i + 1]),
      sf.offsets[i + 1] - sf.offsets[i],
      stat,
    );
}

/**
 * Transition scores of a compact model for a token of this short shape and capitalisation value:
 * per previous class p (P of them) and class c, at p * C + c.
 */
export function transitionTable(model: CompactModel, shape: number, cap: number): Float64Array {
  return (tablesOf(model) as TransitionTables).pair(shape, cap);
}

let delta = new Float64Array(64 * C);
let back = new Int8Array(64 * C);
const stat = new Float64Array(C);
const dyn = new Float64Array(C);
const tf = new Uint32Array(8);

/**
 * Decodes one sentence. `forced[i] >= 0` fixes token i's class; -1 leaves it free. Returns one class
 * per token.
 */
export function viterbi(scorer: Scorer, sf: SentenceFeatures, forced?: Int8Array): Uint8Array {
  const n = sf.offsets.length - 1;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  if (delta.length < n * C) {
    delta = new Float64Array(2 * n * C);
    back = new Int8Array(2 * n * C);
  }
  delta.fill(-Infinity, 0, n * C);
  back.fill(-1, 0, n * C);
  const t = tablesOf(scorer);
  for (let i = 0; i < n; i++) {
    staticScores(scorer, t, sf, i);
    const fix = forced ? forced[i] : -1;
    const pFrom = i === 0 ? START_CLASS : 0;
    const pTo = i === 0 ? START_CLASS : C - 1;
    const row = i * C;
    const trans = t ? t.pair(sf.shape[i], sf.capCommon[i]) : dyn;
    for (let p = pFrom; p <= pTo; p++) {
      const base = i === 0 ? 0 : delta[row - C + p];
      if (base === -Infinity) continue;
      let at = 0;
      if (t) at = p * C;
      else scorer.score(tf, transitionFeatures(sf, i, p, tf), dyn);
      const followers = FOLLOWERS[p];
      for (let k = 0; k < followers.length; k++) {
        const c = followers[k];
        if (fix >= 0 && c !== fix) continue;
        const v = base + stat[c] + trans[at + c];
        if (v > delta[row + c]) {
          delta[row + c] = v;
          back[row + c] = p === START_CLASS ? -1 : p;
        }
      }
    }
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < C; c++) {
    const v = delta[(n - 1) * C + c];
    if (canEnd(c) && v > bestScore) {
      bestScore = v;
      best = c;
    }
  }
  if (best < 0) throw new Error('names: no well-formed sequence satisfies the forced classes');
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best;
    best = back[i * C + best];
  }
  return out;
}

/**
 * Decodes one sentence of n tokens of a compact model from scores computed beforehand (as
 * StaticScorer gives them): token i's static scores at statics[i * C ..], its transition table
 * (see {@link transitionTable}) in trans[i]. The same classes as {@link viterbi} on the same model.
 */
export function decodeScored(
  n: number,
  statics: Float64Array,
  trans: readonly Float64Array[],
): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  if (delta.length < n * C) {
    delta = new Float64Array(2 * n * C);
    back = new Int8Array(2 * n * C);
  }
  const d = delta;
  const b = back;
  d.fill(-Infinity, 0, n * C);
  // the first token follows the start
  const start = FOLLOWERS[START_CLASS];
  for (let k = 0; k < start.length; k++) {
    const c = start[k];
    d[c] = statics[c] + trans[0][START_CLASS * C + c];
    b[c] = -1;
  }
  for (let i = 1; i < n; i++) {
    const row = i * C;
    const table = trans[i];
    for (let p = 0; p < C; p++) {
      const base = d[row - C + p];
      if (base === -Infinity) continue;
      const at = p * C;
      const followers = FOLLOWERS[p];
      for (let k = 0; k < followers.length; k++) {
        const c = followers[k];
        const v = base + statics[row + c] + table[at + c];
        if (v > d[row + c]) {
          d[row + c] = v;
          b[row + c] = p;
        }
      }
    }
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < C; c++) {
    const v = d[(n - 1) * C + c];
    if (canEnd(c) && v > bestScore) {
      bestScore = v;
      best = c;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best;
    best = b[i * C + best];
  }
  return out;
}

/**
 * The first stage's score for labelling tokens [first, last] as one name of each label, the rest of
 * the sentence's classes held as decoded: per label, the static and transition scores of its
 * B..L (or U) classes over the span, in the model's own (unscaled) units.
 */
export function spanLabelScores(
  scorer: Scorer,
  sf: SentenceFeatures,
  classes: Uint8Array,
  first: number,
  last: number,
  labels: number,
): Float64Array {
  const out = new Float64Array(labels);
  const t = tablesOf(scorer);
  for (let i = first; i <= last; i++) {
    staticScores(scorer, t, sf, i);
    const part = first === last ? 3 : i === first ? 0 : i === last ? 2 : 1;
    for (let l = 0; l < labels; l++) {
      const prev =
        i === first
          ? i === 0
            ? START_CLASS
            : classes[i - 1]
          : 1 + 4 * l + (i - 1 === first ? 0 : 1);
      const c = 1 + 4 * l + part;
      if (t) out[l] += stat[c] + t.pair(sf.shape[i], sf.capCommon[i])[prev * C + c];
      else {
        scorer.score(tf, transitionFeatures(sf, i, prev, tf), dyn);
        out[l] += stat[c] + dyn[c];
      }
    }
  }
  return out;
}

/**
 * {@link spanLabelScores} from scores computed beforehand, as {@link decodeScored} takes them;
 * written into out[0..labels).
 */
export function spanLabelScoresScored(
  statics: Float64Array,
  trans: readonly Float64Array[],
  classes: Uint8Array,
  first: number,
  last: number,
  labels: number,
  out: Float64Array,
): void {
  out.fill(0, 0, labels);
  for (let i = first; i <= last; i++) {
    const part = first === last ? 3 : i === first ? 0 : i === last ? 2 : 1;
    const table = trans[i];
    for (let l = 0; l < labels; l++) {
      const prev =
        i === first
          ? i === 0
            ? START_CLASS
            : classes[i - 1]
          : 1 + 4 * l + (i - 1 === first ? 0 : 1);
      const c = 1 + 4 * l + part;
      out[l] += statics[i * C + c] + table[prev * C + c];
    }
  }
}
