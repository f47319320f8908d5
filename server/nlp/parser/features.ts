// Feature templates of the parser over an arc-hybrid state (Zhang & Nivre-style): words and tags
// of the top three stack items and the first three buffer items, their leftmost and rightmost
// dependents with labels, valencies, label sets, distances, and combinations of these. Template
// numbers are pre-mixed and single-token features are hashed once per sentence; the ids are the
// same as hashing every template from scratch with feat1..feat4. The templates are a table: each
// step reads the state's values once into an array, and one loop per arity hashes the templates
// from it (few call sites of the mixing functions, so the compiler inlines them instead of making
// about a hundred calls per step). At inference the parser's model hashes the templates in its
// WebAssembly memory from the values `parserStep` writes there; training hashes them here.
import { featPrefix, hashFinish, hashMix, type TemplateGroup } from '../learn/index.ts';
import type { ParseState } from './transitions.ts';

export const MAX_PARSER_FEATURES = 160;

const NONE_WORD = 0x3c1e57a1;
const NONE_TAG = 0xffff;
const NONE_LABEL = 0xfffe;

// Slots of the single-token table (ParserTokens.single), one per template that reads one token.
const SINGLE_SLOTS = 24;

/** Per-sentence token attributes: index n is the root. Arrays are reused and grown. */
export class ParserTokens {
  n = 0;
  hasClusters = false;
  word = new Uint32Array(64);
  tag = new Uint32Array(64);
  upos = new Uint32Array(64);
  suffix = new Uint32Array(64);
  cluster = new Uint32Array(64);
  clusterShort = new Uint32Array(64);
  /** Features that depend on one token only: row i for token i, row n + 1 for "no token". */
  single = new Uint32Array(66 * SINGLE_SLOTS);
  /** False until the single-token table holds this sentence's features. */
  singleReady = false;

  /** Sizes the arrays for a sentence of n tokens; call before filling each sentence. */
  ensure(n: number): void {
    this.singleReady = false;
    if (n + 2 > this.single.length / SINGLE_SLOTS) {
      let rows = this.single.length / SINGLE_SLOTS;
      while (rows < n + 2) rows *= 2;
      this.single = new Uint32Array(rows * SINGLE_SLOTS);
    }
    if (n + 1 <= this.word.length) return;
    let size = this.word.length;
    while (size < n + 1) size *= 2;
    this.word = new Uint32Array(size);
    this.tag = new Uint32Array(size);
    this.upos = new Uint32Array(size);
    this.suffix = new Uint32Array(size);
    this.cluster = new Uint32Array(size);
    this.clusterShort = new Uint32Array(size);
  }
}

const gw = (W: Uint32Array, i: number): number => (i < 0 ? NONE_WORD : W[i]);
const gt = (T: Uint32Array, i: number): number => (i < 0 ? NONE_TAG : T[i]);
const gl = (labels: Int32Array, i: number): number => (i < 0 ? NONE_LABEL : labels[i]);
const gc = (arr: Int32Array, i: number): number => (i < 0 ? -1 : arr[i]);

function distBucket(d: number): number {
  if (d < 5) return d;
  if (d < 10) return 5;
  return 6;
}

// Values of one token for the single-token table, and its templates by slot.
const TW = 0;
const TT = 1;
const TU = 2;
const TSF = 3;
const TC = 4;
const TOKEN_SLOTS: Spec[] = [
  [1, TW],
  [2, TT],
  [3, TW, TT],
  [4, TW],
  [5, TT],
  [6, TW, TT],
  [7, TW],
  [8, TT],
  [9, TW, TT],
  [10, TW],
  [11, TT],
  [12, TW, TT],
  [13, TW],
  [14, TT],
  [15, TT],
  [16, TW],
  [130, TU],
  [131, TU],
  [137, TSF],
  [138, TSF],
];
const TOKEN_CLUSTER_SLOTS: Spec[] = [
  [120, TC],
  [121, TC],
  [122, TC],
  [128, TC],
];

/**
 * Fills the single-token table: the same ids the templates below would compute at each step,
 * computed once per token (a token is read at the same position over many steps).
 */
function fillSingle(tk: ParserTokens): void {
  const n = tk.n;
  const S = tk.single;
  const V = tokenValues;
  for (let i = 0; i <= n + 1; i++) {
    const none = i > n;
    V[TW] = none ? NONE_WORD : tk.word[i];
    V[TT] = none ? NONE_TAG : tk.tag[i];
    V[TU] = none ? NONE_TAG : tk.upos[i];
    V[TSF] = none ? NONE_TAG : tk.suffix[i];
    const o = i * SINGLE_SLOTS;
    writeHashed(TOKEN_TABLE, V, S, o);
    if (!tk.hasClusters) continue;
    V[TC] = none ? NONE_TAG : tk.cluster[i];
    writeHashed(TOKEN_CLUSTER_TABLE, V, S, o);
  }
  tk.singleReady = true;
}

// Values a step reads from the state, by index into the per-step value array.
const S0W = 0;
const S0T = 1;
const S1W = 2;
const S1T = 3;
const S2T = 4;
const B0W = 5;
const B0T = 6;
const B1T = 7;
const B2T = 8;
const S0U = 9;
const B0U = 10;
const S1U = 11;
const B1U = 12;
const DIST = 13;
const DIST01 = 14;
const S0VL = 15;
const S0VR = 16;
const B0VL = 17;
const S1VR = 18;
const S0LW = 19;
const S0LT = 20;
const S0LL = 21;
const S0RW = 22;
const S0RT = 23;
const S0RL = 24;
const B0LW = 25;
const B0LT = 26;
const B0LL = 27;
const S1RL = 28;
const S1LL = 29;
const S1RT = 30;
const S1LT = 31;
const S0L2T = 32;
const S0L2L = 33;
const S0R2T = 34;
const S0R2L = 35;
const B0L2T = 36;
const B0L2L = 37;
const S1R2L = 38;
const S0RS = 39;
const S0LS = 40;
const B0LS = 41;
const S1RSV = 42;
const S0SF = 43;
const B0SF = 44;
const ZERO = 45;
const S0C = 46;
const B0C = 47;
const S1C = 48;
const S0CS = 49;
const B0CS = 50;
const VALUE_COUNT = 51;

// Token roles of the single-token table's rows.
const RS0 = 0;
const RS1 = 1;
const RS2 = 2;
const RB0 = 3;
const RB1 = 4;
const RB2 = 5;

/**
 * A template in output order: [template number, ...value indices], or for a feature read from
 * the single-token table, [-1, token role, slot].
 */
type Spec = readonly number[];
const single = (role: number, slot: number): Spec => [-1, role, slot];

const MAIN: Spec[] = [
  // Single positions.
  single(RS0, 0),
  single(RS0, 1),
  single(RS0, 2),
  single(RS1, 3),
  single(RS1, 4),
  single(RS1, 5),
  single(RB0, 6),
  single(RB0, 7),
  single(RB0, 8),
  single(RB1, 9),
  single(RB1, 10),
  single(RB1, 11),
  single(RB2, 12),
  single(RB2, 13),
  single(RS2, 14),
  single(RS2, 15),
  [17, S0U, B0U],
  // Pairs of s0 and b0.
  [20, S0W, S0T, B0W, B0T],
  [21, S0W, S0T, B0W],
  [22, S0W, B0W, B0T],
  [23, S0W, S0T, B0T],
  [24, S0T, B0W, B0T],
  [25, S0W, B0W],
  [26, S0T, B0T],
  [27, B0T, B1T],
  // Pairs of s0 and s1.
  [30, S1W, S1T, S0W, S0T],
  [31, S1W, S1T, S0T],
  [32, S1T, S0W, S0T],
  [33, S1W, S0W],
  [34, S1T, S0T],
  [35, S1W, S0W, B0T],
  // Tag trigrams.
  [40, B0T, B1T, B2T],
  [41, S0T, B0T, B1T],
  [42, S1T, S0T, B0T],
  [43, S2T, S1T, S0T],
  [44, S0T, S0LT, B0T],
  [45, S0T, S0RT, B0T],
  [46, S0T, B0T, B0LT],
  [47, S1T, S0T, S0LT],
  [48, S1T, S0T, S0RT],
  [49, S1T, S1RT, S0T],
  [50, S1T, S1LT, S0T],
  [51, S0W, B0T, B1T],
  [52, S0T, B0W, B1T],
  // Distance.
  [60, S0W, DIST],
  [61, S0T, DIST],
  [62, B0W, DIST],
  [63, B0T, DIST],
  [64, S0W, B0W, DIST, ZERO],
  [65, S0T, B0T, DIST],
  [66, S1T, S0T, DIST01],
  [67, S1W, S0W, DIST01],
  // Valency.
  [70, S0W, S0VR],
  [71, S0T, S0VR],
  [72, S0W, S0VL],
  [73, S0T, S0VL],
  [74, B0W, B0VL],
  [75, B0T, B0VL],
  [76, S1T, S1VR, S0T],
  // Dependents: words, tags, labels.
  [80, S0LW],
  [81, S0LT],
  [82, S0LL],
  [83, S0RW],
  [84, S0RT],
  [85, S0RL],
  [86, B0LW],
  [87, B0LT],
  [88, B0LL],
  [89, S1RL],
  [90, S1LL],
  [91, S0T, S0LL],
  [92, S0T, S0RL],
  [93, B0T, B0LL],
  [94, S0T, S0LL, S0RL],
  [95, S1T, S1RL, S0T],
  // Second-order dependents.
  [100, S0L2T],
  [101, S0L2L],
  [102, S0R2T],
  [103, S0R2L],
  [104, B0L2T],
  [105, B0L2L],
  [106, S0T, S0LT, S0L2T],
  [107, S0T, S0RT, S0R2T],
  [108, B0T, B0LT, B0L2T],
  [109, S1R2L, S1RL],
  // Label sets.
  [110, S0W, S0RS],
  [111, S0T, S0RS],
  [112, S0W, S0LS],
  [113, S0T, S0LS],
  [114, B0W, B0LS],
  [115, B0T, B0LS],
  [116, S1T, S1RSV],
  // Coarse tags and suffixes: redundancy against tagging errors.
  single(RS0, 16),
  single(RB0, 17),
  [132, S1U, S0U],
  [133, B0U, B1U],
  [134, S0U, B0U, B1U],
  [135, S1U, S0U, B0U],
  [136, S0U, B0U, DIST],
  single(RS0, 18),
  single(RB0, 19),
  [139, S0SF, B0T],
  [140, S0T, B0SF],
  // The verb's own word with what it already governs: object control (urge X to V) versus
  // adverbial clauses, and similar lexically decided labels.
  [150, S1W, S1RL, S0T],
  [151, S1W, S0T, S0LL],
  [152, S0W, S0LL, S1T],
  [153, S1W, S1RT, S0T],
  [154, S0W, S0LL, B0T],
];

// Word clusters (only when the model has a cluster table), after the others.
const CLUSTERS: Spec[] = [
  single(RS0, 20),
  single(RB0, 21),
  single(RS1, 22),
  [123, S0C, B0C],
  [124, S0CS, B0CS],
  [125, S0CS, B0T, DIST],
  [126, S0T, B0CS, DIST],
  [127, S1C, S0C],
  single(RB1, 23),
];

/** Hashed templates of one arity: start hash, output position, and `arity` value indices each. */
interface ArityGroup {
  prefix: Int32Array;
  pos: Int32Array;
  values: Int32Array;
}

/** A template list compiled to flat arrays: hashed templates by arity, single-token reads. */
interface Compiled {
  count: number;
  byArity: ArityGroup[];
  /** Single-token reads: output position, token role, slot. */
  singlePos: Int32Array;
  singleRole: Int32Array;
  singleSlot: Int32Array;
}

function compile(specs: Spec[], first: number): Compiled {
  const at = specs.map((s, i) => ({ s, at: first + i }));
  const singles = at.filter(({ s }) => s[0] < 0);
  const byArity = [1, 2, 3, 4].map((arity): ArityGroup => {
    const group = at.filter(({ s }) => s[0] >= 0 && s.length - 1 === arity);
    return {
      prefix: Int32Array.from(group, ({ s }) => featPrefix(s[0])),
      pos: Int32Array.from(group, ({ at }) => at),
      values: Int32Array.from(group.flatMap(({ s }) => s.slice(1))),
    };
  });
  if (singles.length + byArity.reduce((sum, g) => sum + g.pos.length, 0) !== specs.length)
    throw new Error('parser: templates of one to four values only');
  return {
    count: specs.length,
    byArity,
    singlePos: Int32Array.from(singles, ({ at }) => at),
    singleRole: Int32Array.from(singles, ({ s }) => s[1]),
    singleSlot: Int32Array.from(singles, ({ s }) => s[2]),
  };
}

const MAIN_TABLE = compile(MAIN, 0);
const CLUSTER_TABLE = compile(CLUSTERS, MAIN.length);
const TOKEN_TABLE = compile(TOKEN_SLOTS, 0);
const TOKEN_CLUSTER_TABLE = compile(TOKEN_CLUSTER_SLOTS, TOKEN_SLOTS.length);
if (TOKEN_SLOTS.length + TOKEN_CLUSTER_SLOTS.length !== SINGLE_SLOTS)
  throw new Error('parser: single-token slots');
if (MAIN.length + CLUSTERS.length > MAX_PARSER_FEATURES)
  throw new Error('parser: too many features');

/**
 * Writes a compiled list's hashed ids for the values into out from `offset`: one loop per arity,
 * so each loop mixes a fixed number of values (the same chain as featWith1..featWith4).
 */
function writeHashed(c: Compiled, V: Int32Array, out: Uint32Array, offset: number): void {
  const [g1, g2, g3, g4] = c.byArity;
  for (let j = 0, v = 0; j < g1.pos.length; j++, v += 1)
    out[offset + g1.pos[j]] = hashFinish(hashMix(g1.prefix[j], V[g1.values[v]]));
  for (let j = 0, v = 0; j < g2.pos.length; j++, v += 2) {
    const h = hashMix(g2.prefix[j], V[g2.values[v]]);
    out[offset + g2.pos[j]] = hashFinish(hashMix(h, V[g2.values[v + 1]]));
  }
  for (let j = 0, v = 0; j < g3.pos.length; j++, v += 3) {
    const h = hashMix(hashMix(g3.prefix[j], V[g3.values[v]]), V[g3.values[v + 1]]);
    out[offset + g3.pos[j]] = hashFinish(hashMix(h, V[g3.values[v + 2]]));
  }
  for (let j = 0, v = 0; j < g4.pos.length; j++, v += 4) {
    const h = hashMix(hashMix(g4.prefix[j], V[g4.values[v]]), V[g4.values[v + 1]]);
    const h2 = hashMix(hashMix(h, V[g4.values[v + 2]]), V[g4.values[v + 3]]);
    out[offset + g4.pos[j]] = hashFinish(h2);
  }
}

/** Copies a compiled list's single-token ids from the table rows of the step's tokens. */
function writeSingles(c: Compiled, S: Uint32Array, rows: Int32Array, out: Uint32Array): void {
  const { singlePos, singleRole, singleSlot } = c;
  for (let j = 0; j < singlePos.length; j++)
    out[singlePos[j]] = S[rows[singleRole[j]] + singleSlot[j]];
}

/** Scratch: the step's values, the single-token table's row per token role, a token's values. */
const stepValues = new Int32Array(VALUE_COUNT);
const stepRows = new Int32Array(6);
const tokenValues = new Int32Array(5);

/**
 * The templates hashed from a step's values ({@link parserStep}), by number of values, with their
 * positions in the feature list: for a model that hashes them itself (`CompactModel.setTemplates`).
 */
export function parserTemplates(hasClusters: boolean): TemplateGroup[] {
  const tables = hasClusters ? [MAIN_TABLE, CLUSTER_TABLE] : [MAIN_TABLE];
  return [0, 1, 2, 3].map((k) => ({
    prefix: tables.flatMap((t) => Array.from(t.byArity[k].prefix)),
    pos: tables.flatMap((t) => Array.from(t.byArity[k].pos)),
    values: tables.flatMap((t) => Array.from(t.byArity[k].values)),
  }));
}

/** How many values {@link parserStep} writes. */
export const PARSER_VALUE_COUNT = VALUE_COUNT;

/** Writes the features of the state into out and returns their count. */
export function parserFeatures(st: ParseState, tk: ParserTokens, out: Uint32Array): number {
  const count = parserStep(st, tk, stepValues, out);
  writeHashed(MAIN_TABLE, stepValues, out, 0);
  if (tk.hasClusters) writeHashed(CLUSTER_TABLE, stepValues, out, 0);
  return count;
}

/**
 * Reads the state's values into V (see {@link parserTemplates}) and writes the features read from
 * the single-token table into out; returns the feature count. The hashed templates' places in out
 * are left for the caller to fill from V.
 */
export function parserStep(
  st: ParseState,
  tk: ParserTokens,
  V: Int32Array,
  out: Uint32Array,
): number {
  const { stack, sp, b, n, lc1, lc2, rc1, rc2, labels } = st;
  const W = tk.word;
  const T = tk.tag;
  const U = tk.upos;
  const SF = tk.suffix;
  const s0 = sp > 0 ? stack[sp - 1] : -1;
  const s1 = sp > 1 ? stack[sp - 2] : -1;
  const s2 = sp > 2 ? stack[sp - 3] : -1;
  const b0 = b;
  const b1 = b + 1 <= n ? b + 1 : -1;
  const b2 = b + 2 <= n ? b + 2 : -1;
  const s0l = gc(lc1, s0);
  const s0r = gc(rc1, s0);
  const s1l = gc(lc1, s1);
  const s1r = gc(rc1, s1);
  const b0l = gc(lc1, b0);
  const s1vr = s1 >= 0 ? st.nRight[s1] : 0;

  V[S0W] = gw(W, s0);
  V[S0T] = gt(T, s0);
  V[S1W] = gw(W, s1);
  V[S1T] = gt(T, s1);
  V[S2T] = gt(T, s2);
  V[B0W] = gw(W, b0);
  V[B0T] = gt(T, b0);
  V[B1T] = gt(T, b1);
  V[B2T] = gt(T, b2);
  V[S0U] = gt(U, s0);
  V[B0U] = gt(U, b0);
  V[S1U] = gt(U, s1);
  V[B1U] = gt(U, b1);
  V[DIST] = s0 >= 0 ? distBucket(b0 - s0) : 7;
  V[DIST01] = s1 >= 0 ? distBucket(s0 - s1) : 7;
  V[S0VL] = s0 >= 0 ? st.nLeft[s0] : 0;
  V[S0VR] = s0 >= 0 ? st.nRight[s0] : 0;
  V[B0VL] = st.nLeft[b0];
  V[S1VR] = s1vr;
  V[S0LW] = gw(W, s0l);
  V[S0LT] = gt(T, s0l);
  V[S0LL] = gl(labels, s0l);
  V[S0RW] = gw(W, s0r);
  V[S0RT] = gt(T, s0r);
  V[S0RL] = gl(labels, s0r);
  V[B0LW] = gw(W, b0l);
  V[B0LT] = gt(T, b0l);
  V[B0LL] = gl(labels, b0l);
  V[S1RL] = gl(labels, s1r);
  V[S1LL] = gl(labels, s1l);
  V[S1RT] = gt(T, s1r);
  V[S1LT] = gt(T, s1l);
  const s0l2 = gc(lc2, s0);
  const s0r2 = gc(rc2, s0);
  const b0l2 = gc(lc2, b0);
  V[S0L2T] = gt(T, s0l2);
  V[S0L2L] = gl(labels, s0l2);
  V[S0R2T] = gt(T, s0r2);
  V[S0R2L] = gl(labels, s0r2);
  V[B0L2T] = gt(T, b0l2);
  V[B0L2L] = gl(labels, b0l2);
  V[S1R2L] = gl(labels, gc(rc2, s1));
  V[S0RS] = s0 >= 0 ? st.rightLabels[s0] : -1;
  V[S0LS] = s0 >= 0 ? st.leftLabels[s0] : -1;
  V[B0LS] = st.leftLabels[b0];
  V[S1RSV] = s1vr > 0 ? st.rightLabels[s1] : -1;
  V[S0SF] = gt(SF, s0);
  V[B0SF] = gt(SF, b0);
  V[ZERO] = 0;

  if (!tk.singleReady) fillSingle(tk);
  const none = tk.n + 1;
  const R = stepRows;
  R[RS0] = (s0 < 0 ? none : s0) * SINGLE_SLOTS;
  R[RS1] = (s1 < 0 ? none : s1) * SINGLE_SLOTS;
  R[RS2] = (s2 < 0 ? none : s2) * SINGLE_SLOTS;
  R[RB0] = b0 * SINGLE_SLOTS;
  R[RB1] = (b1 < 0 ? none : b1) * SINGLE_SLOTS;
  R[RB2] = (b2 < 0 ? none : b2) * SINGLE_SLOTS;
  writeSingles(MAIN_TABLE, tk.single, R, out);
  if (!tk.hasClusters) return MAIN_TABLE.count;
  const C = tk.cluster;
  const CS = tk.clusterShort;
  V[S0C] = gt(C, s0);
  V[B0C] = gt(C, b0);
  V[S1C] = gt(C, s1);
  V[S0CS] = gt(CS, s0);
  V[B0CS] = gt(CS, b0);
  writeSingles(CLUSTER_TABLE, tk.single, R, out);
  return MAIN_TABLE.count + CLUSTER_TABLE.count;
}
