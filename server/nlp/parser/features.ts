// Feature templates of the parser over an arc-hybrid state (Zhang & Nivre-style): words and tags
// of the top three stack items and the first three buffer items, their leftmost and rightmost
// dependents with labels, valencies, label sets, distances, and combinations of these. Template
// numbers are pre-mixed and single-token features are hashed once per sentence; the ids are the
// same as hashing every template from scratch with feat1..feat4.
import { featPrefix, featWith1, featWith2, featWith3, featWith4 } from '../learn/index.ts';
import type { ParseState } from './transitions.ts';

export const MAX_PARSER_FEATURES = 160;

const NONE_WORD = 0x3c1e57a1;
const NONE_TAG = 0xffff;
const NONE_LABEL = 0xfffe;

/** Each template number already mixed into the start of its feature hash (see featPrefix). */
const P = new Int32Array(160);
for (let t = 0; t < P.length; t++) P[t] = featPrefix(t);

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

/**
 * Fills the single-token table: the same ids the templates below would compute at each step,
 * computed once per token (a token is read at the same position over many steps).
 */
function fillSingle(tk: ParserTokens): void {
  const n = tk.n;
  const S = tk.single;
  for (let i = 0; i <= n + 1; i++) {
    const none = i > n;
    const w = none ? NONE_WORD : tk.word[i];
    const t = none ? NONE_TAG : tk.tag[i];
    const u = none ? NONE_TAG : tk.upos[i];
    const sf = none ? NONE_TAG : tk.suffix[i];
    const o = i * SINGLE_SLOTS;
    S[o] = featWith1(P[1], w);
    S[o + 1] = featWith1(P[2], t);
    S[o + 2] = featWith2(P[3], w, t);
    S[o + 3] = featWith1(P[4], w);
    S[o + 4] = featWith1(P[5], t);
    S[o + 5] = featWith2(P[6], w, t);
    S[o + 6] = featWith1(P[7], w);
    S[o + 7] = featWith1(P[8], t);
    S[o + 8] = featWith2(P[9], w, t);
    S[o + 9] = featWith1(P[10], w);
    S[o + 10] = featWith1(P[11], t);
    S[o + 11] = featWith2(P[12], w, t);
    S[o + 12] = featWith1(P[13], w);
    S[o + 13] = featWith1(P[14], t);
    S[o + 14] = featWith1(P[15], t);
    S[o + 15] = featWith1(P[16], w);
    S[o + 16] = featWith1(P[130], u);
    S[o + 17] = featWith1(P[131], u);
    S[o + 18] = featWith1(P[137], sf);
    S[o + 19] = featWith1(P[138], sf);
    if (!tk.hasClusters) continue;
    const c = none ? NONE_TAG : tk.cluster[i];
    S[o + 20] = featWith1(P[120], c);
    S[o + 21] = featWith1(P[121], c);
    S[o + 22] = featWith1(P[122], c);
    S[o + 23] = featWith1(P[128], c);
  }
  tk.singleReady = true;
}

/** Writes the features of the state into out and returns their count. */
export function parserFeatures(st: ParseState, tk: ParserTokens, out: Uint32Array): number {
  const { stack, sp, b, n, lc1, lc2, rc1, rc2, labels } = st;
  const W = tk.word;
  const T = tk.tag;
  const U = tk.upos;
  const s0 = sp > 0 ? stack[sp - 1] : -1;
  const s1 = sp > 1 ? stack[sp - 2] : -1;
  const s2 = sp > 2 ? stack[sp - 3] : -1;
  const b0 = b;
  const b1 = b + 1 <= n ? b + 1 : -1;
  const b2 = b + 2 <= n ? b + 2 : -1;

  const s0w = gw(W, s0);
  const s0t = gt(T, s0);
  const s1w = gw(W, s1);
  const s1t = gt(T, s1);
  const s2t = gt(T, s2);
  const b0w = gw(W, b0);
  const b0t = gt(T, b0);
  const b1t = gt(T, b1);
  const b2t = gt(T, b2);

  const s0l = gc(lc1, s0);
  const s0l2 = gc(lc2, s0);
  const s0r = gc(rc1, s0);
  const s0r2 = gc(rc2, s0);
  const s1l = gc(lc1, s1);
  const s1r = gc(rc1, s1);
  const s1r2 = gc(rc2, s1);
  const b0l = gc(lc1, b0);
  const b0l2 = gc(lc2, b0);

  const dist = s0 >= 0 ? distBucket(b0 - s0) : 7;
  const dist01 = s1 >= 0 ? distBucket(s0 - s1) : 7;
  const s0vl = s0 >= 0 ? st.nLeft[s0] : 0;
  const s0vr = s0 >= 0 ? st.nRight[s0] : 0;
  const b0vl = st.nLeft[b0];
  const s1vr = s1 >= 0 ? st.nRight[s1] : 0;

  const s0lt = gt(T, s0l);
  const s0rt = gt(T, s0r);
  const b0lt = gt(T, b0l);
  const s1rt = gt(T, s1r);
  const s1lt = gt(T, s1l);
  const s0ll = gl(labels, s0l);
  const s0rl = gl(labels, s0r);
  const b0ll = gl(labels, b0l);
  const s1rl = gl(labels, s1r);
  const s1ll = gl(labels, s1l);
  const s0u = gt(U, s0);
  const b0u = gt(U, b0);
  const s1u = gt(U, s1);
  const b1u = gt(U, b1);
  const SF = tk.suffix;
  const s0sf = gt(SF, s0);
  const b0sf = gt(SF, b0);
  const s0rs = s0 >= 0 ? st.rightLabels[s0] : -1;
  const s0ls = s0 >= 0 ? st.leftLabels[s0] : -1;
  const b0ls = st.leftLabels[b0];
  const p = P;
  if (!tk.singleReady) fillSingle(tk);
  const S = tk.single;
  const none = tk.n + 1;
  const rs0 = (s0 < 0 ? none : s0) * SINGLE_SLOTS;
  const rs1 = (s1 < 0 ? none : s1) * SINGLE_SLOTS;
  const rs2 = (s2 < 0 ? none : s2) * SINGLE_SLOTS;
  const rb0 = b0 * SINGLE_SLOTS;
  const rb1 = (b1 < 0 ? none : b1) * SINGLE_SLOTS;
  const rb2 = (b2 < 0 ? none : b2) * SINGLE_SLOTS;

  let k = 0;
  // Single positions.
  out[k++] = S[rs0];
  out[k++] = S[rs0 + 1];
  out[k++] = S[rs0 + 2];
  out[k++] = S[rs1 + 3];
  out[k++] = S[rs1 + 4];
  out[k++] = S[rs1 + 5];
  out[k++] = S[rb0 + 6];
  out[k++] = S[rb0 + 7];
  out[k++] = S[rb0 + 8];
  out[k++] = S[rb1 + 9];
  out[k++] = S[rb1 + 10];
  out[k++] = S[rb1 + 11];
  out[k++] = S[rb2 + 12];
  out[k++] = S[rb2 + 13];
  out[k++] = S[rs2 + 14];
  out[k++] = S[rs2 + 15];
  out[k++] = featWith2(p[17], s0u, b0u);
  // Pairs of s0 and b0.
  out[k++] = featWith4(p[20], s0w, s0t, b0w, b0t);
  out[k++] = featWith3(p[21], s0w, s0t, b0w);
  out[k++] = featWith3(p[22], s0w, b0w, b0t);
  out[k++] = featWith3(p[23], s0w, s0t, b0t);
  out[k++] = featWith3(p[24], s0t, b0w, b0t);
  out[k++] = featWith2(p[25], s0w, b0w);
  out[k++] = featWith2(p[26], s0t, b0t);
  out[k++] = featWith2(p[27], b0t, b1t);
  // Pairs of s0 and s1.
  out[k++] = featWith4(p[30], s1w, s1t, s0w, s0t);
  out[k++] = featWith3(p[31], s1w, s1t, s0t);
  out[k++] = featWith3(p[32], s1t, s0w, s0t);
  out[k++] = featWith2(p[33], s1w, s0w);
  out[k++] = featWith2(p[34], s1t, s0t);
  out[k++] = featWith3(p[35], s1w, s0w, b0t);
  // Tag trigrams.
  out[k++] = featWith3(p[40], b0t, b1t, b2t);
  out[k++] = featWith3(p[41], s0t, b0t, b1t);
  out[k++] = featWith3(p[42], s1t, s0t, b0t);
  out[k++] = featWith3(p[43], s2t, s1t, s0t);
  out[k++] = featWith3(p[44], s0t, s0lt, b0t);
  out[k++] = featWith3(p[45], s0t, s0rt, b0t);
  out[k++] = featWith3(p[46], s0t, b0t, b0lt);
  out[k++] = featWith3(p[47], s1t, s0t, s0lt);
  out[k++] = featWith3(p[48], s1t, s0t, s0rt);
  out[k++] = featWith3(p[49], s1t, s1rt, s0t);
  out[k++] = featWith3(p[50], s1t, s1lt, s0t);
  out[k++] = featWith3(p[51], s0w, b0t, b1t);
  out[k++] = featWith3(p[52], s0t, b0w, b1t);
  // Distance.
  out[k++] = featWith2(p[60], s0w, dist);
  out[k++] = featWith2(p[61], s0t, dist);
  out[k++] = featWith2(p[62], b0w, dist);
  out[k++] = featWith2(p[63], b0t, dist);
  out[k++] = featWith4(p[64], s0w, b0w, dist, 0);
  out[k++] = featWith3(p[65], s0t, b0t, dist);
  out[k++] = featWith3(p[66], s1t, s0t, dist01);
  out[k++] = featWith3(p[67], s1w, s0w, dist01);
  // Valency.
  out[k++] = featWith2(p[70], s0w, s0vr);
  out[k++] = featWith2(p[71], s0t, s0vr);
  out[k++] = featWith2(p[72], s0w, s0vl);
  out[k++] = featWith2(p[73], s0t, s0vl);
  out[k++] = featWith2(p[74], b0w, b0vl);
  out[k++] = featWith2(p[75], b0t, b0vl);
  out[k++] = featWith3(p[76], s1t, s1vr, s0t);
  // Dependents: words, tags, labels.
  out[k++] = featWith1(p[80], gw(W, s0l));
  out[k++] = featWith1(p[81], s0lt);
  out[k++] = featWith1(p[82], s0ll);
  out[k++] = featWith1(p[83], gw(W, s0r));
  out[k++] = featWith1(p[84], s0rt);
  out[k++] = featWith1(p[85], s0rl);
  out[k++] = featWith1(p[86], gw(W, b0l));
  out[k++] = featWith1(p[87], b0lt);
  out[k++] = featWith1(p[88], b0ll);
  out[k++] = featWith1(p[89], s1rl);
  out[k++] = featWith1(p[90], s1ll);
  out[k++] = featWith2(p[91], s0t, s0ll);
  out[k++] = featWith2(p[92], s0t, s0rl);
  out[k++] = featWith2(p[93], b0t, b0ll);
  out[k++] = featWith3(p[94], s0t, s0ll, s0rl);
  out[k++] = featWith3(p[95], s1t, s1rl, s0t);
  // Second-order dependents.
  out[k++] = featWith1(p[100], gt(T, s0l2));
  out[k++] = featWith1(p[101], gl(labels, s0l2));
  out[k++] = featWith1(p[102], gt(T, s0r2));
  out[k++] = featWith1(p[103], gl(labels, s0r2));
  out[k++] = featWith1(p[104], gt(T, b0l2));
  out[k++] = featWith1(p[105], gl(labels, b0l2));
  out[k++] = featWith3(p[106], s0t, s0lt, gt(T, s0l2));
  out[k++] = featWith3(p[107], s0t, s0rt, gt(T, s0r2));
  out[k++] = featWith3(p[108], b0t, b0lt, gt(T, b0l2));
  out[k++] = featWith2(p[109], gl(labels, s1r2), s1rl);
  // Label sets.
  out[k++] = featWith2(p[110], s0w, s0rs);
  out[k++] = featWith2(p[111], s0t, s0rs);
  out[k++] = featWith2(p[112], s0w, s0ls);
  out[k++] = featWith2(p[113], s0t, s0ls);
  out[k++] = featWith2(p[114], b0w, b0ls);
  out[k++] = featWith2(p[115], b0t, b0ls);
  out[k++] = featWith2(p[116], s1t, s1vr > 0 ? st.rightLabels[s1] : -1);
  // Coarse tags and suffixes: redundancy against tagging errors.
  out[k++] = S[rs0 + 16];
  out[k++] = S[rb0 + 17];
  out[k++] = featWith2(p[132], s1u, s0u);
  out[k++] = featWith2(p[133], b0u, b1u);
  out[k++] = featWith3(p[134], s0u, b0u, b1u);
  out[k++] = featWith3(p[135], s1u, s0u, b0u);
  out[k++] = featWith3(p[136], s0u, b0u, dist);
  out[k++] = S[rs0 + 18];
  out[k++] = S[rb0 + 19];
  out[k++] = featWith2(p[139], s0sf, b0t);
  out[k++] = featWith2(p[140], s0t, b0sf);
  // The verb's own word with what it already governs: object control (urge X to V) versus
  // adverbial clauses, and similar lexically decided labels.
  out[k++] = featWith3(p[150], s1w, s1rl, s0t);
  out[k++] = featWith3(p[151], s1w, s0t, s0ll);
  out[k++] = featWith3(p[152], s0w, s0ll, s1t);
  out[k++] = featWith3(p[153], s1w, s1rt, s0t);
  out[k++] = featWith3(p[154], s0w, s0ll, b0t);
  // Word clusters (only when the model has a cluster table).
  if (!tk.hasClusters) return k;
  const C = tk.cluster;
  const CS = tk.clusterShort;
  const s0c = gt(C, s0);
  const b0c = gt(C, b0);
  const s1c = gt(C, s1);
  const s0cs = gt(CS, s0);
  const b0cs = gt(CS, b0);
  out[k++] = S[rs0 + 20];
  out[k++] = S[rb0 + 21];
  out[k++] = S[rs1 + 22];
  out[k++] = featWith2(p[123], s0c, b0c);
  out[k++] = featWith2(p[124], s0cs, b0cs);
  out[k++] = featWith3(p[125], s0cs, b0t, dist);
  out[k++] = featWith3(p[126], s0t, b0cs, dist);
  out[k++] = featWith2(p[127], s1c, s0c);
  out[k++] = S[rb1 + 23];
  return k;
}
