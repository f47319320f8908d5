// Feature templates of the parser over an arc-hybrid state (Zhang & Nivre-style): words and tags
// of the top three stack items and the first three buffer items, their leftmost and rightmost
// dependents with labels, valencies, label sets, distances, and combinations of these.
import { feat1, feat2, feat3, feat4 } from '../learn/index.ts';
import type { ParseState } from './transitions.ts';

export const MAX_PARSER_FEATURES = 160;

const NONE_WORD = 0x3c1e57a1;
const NONE_TAG = 0xffff;
const NONE_LABEL = 0xfffe;

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

  ensure(n: number): void {
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
  const b1w = gw(W, b1);
  const b1t = gt(T, b1);
  const b2w = gw(W, b2);
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

  let k = 0;
  // Single positions.
  out[k++] = feat1(1, s0w);
  out[k++] = feat1(2, s0t);
  out[k++] = feat2(3, s0w, s0t);
  out[k++] = feat1(4, s1w);
  out[k++] = feat1(5, s1t);
  out[k++] = feat2(6, s1w, s1t);
  out[k++] = feat1(7, b0w);
  out[k++] = feat1(8, b0t);
  out[k++] = feat2(9, b0w, b0t);
  out[k++] = feat1(10, b1w);
  out[k++] = feat1(11, b1t);
  out[k++] = feat2(12, b1w, b1t);
  out[k++] = feat1(13, b2w);
  out[k++] = feat1(14, b2t);
  out[k++] = feat1(15, s2t);
  out[k++] = feat1(16, gw(W, s2));
  out[k++] = feat2(17, gt(U, s0), gt(U, b0));
  // Pairs of s0 and b0.
  out[k++] = feat4(20, s0w, s0t, b0w, b0t);
  out[k++] = feat3(21, s0w, s0t, b0w);
  out[k++] = feat3(22, s0w, b0w, b0t);
  out[k++] = feat3(23, s0w, s0t, b0t);
  out[k++] = feat3(24, s0t, b0w, b0t);
  out[k++] = feat2(25, s0w, b0w);
  out[k++] = feat2(26, s0t, b0t);
  out[k++] = feat2(27, b0t, b1t);
  // Pairs of s0 and s1.
  out[k++] = feat4(30, s1w, s1t, s0w, s0t);
  out[k++] = feat3(31, s1w, s1t, s0t);
  out[k++] = feat3(32, s1t, s0w, s0t);
  out[k++] = feat2(33, s1w, s0w);
  out[k++] = feat2(34, s1t, s0t);
  out[k++] = feat3(35, s1w, s0w, b0t);
  // Tag trigrams.
  out[k++] = feat3(40, b0t, b1t, b2t);
  out[k++] = feat3(41, s0t, b0t, b1t);
  out[k++] = feat3(42, s1t, s0t, b0t);
  out[k++] = feat3(43, s2t, s1t, s0t);
  out[k++] = feat3(44, s0t, gt(T, s0l), b0t);
  out[k++] = feat3(45, s0t, gt(T, s0r), b0t);
  out[k++] = feat3(46, s0t, b0t, gt(T, b0l));
  out[k++] = feat3(47, s1t, s0t, gt(T, s0l));
  out[k++] = feat3(48, s1t, s0t, gt(T, s0r));
  out[k++] = feat3(49, s1t, gt(T, s1r), s0t);
  out[k++] = feat3(50, s1t, gt(T, s1l), s0t);
  out[k++] = feat3(51, s0w, b0t, b1t);
  out[k++] = feat3(52, s0t, b0w, b1t);
  // Distance.
  out[k++] = feat2(60, s0w, dist);
  out[k++] = feat2(61, s0t, dist);
  out[k++] = feat2(62, b0w, dist);
  out[k++] = feat2(63, b0t, dist);
  out[k++] = feat4(64, s0w, b0w, dist, 0);
  out[k++] = feat3(65, s0t, b0t, dist);
  out[k++] = feat3(66, s1t, s0t, dist01);
  out[k++] = feat3(67, s1w, s0w, dist01);
  // Valency.
  out[k++] = feat2(70, s0w, s0vr);
  out[k++] = feat2(71, s0t, s0vr);
  out[k++] = feat2(72, s0w, s0vl);
  out[k++] = feat2(73, s0t, s0vl);
  out[k++] = feat2(74, b0w, b0vl);
  out[k++] = feat2(75, b0t, b0vl);
  out[k++] = feat3(76, s1t, s1vr, s0t);
  // Dependents: words, tags, labels.
  out[k++] = feat1(80, gw(W, s0l));
  out[k++] = feat1(81, gt(T, s0l));
  out[k++] = feat1(82, gl(labels, s0l));
  out[k++] = feat1(83, gw(W, s0r));
  out[k++] = feat1(84, gt(T, s0r));
  out[k++] = feat1(85, gl(labels, s0r));
  out[k++] = feat1(86, gw(W, b0l));
  out[k++] = feat1(87, gt(T, b0l));
  out[k++] = feat1(88, gl(labels, b0l));
  out[k++] = feat1(89, gl(labels, s1r));
  out[k++] = feat1(90, gl(labels, s1l));
  out[k++] = feat2(91, s0t, gl(labels, s0l));
  out[k++] = feat2(92, s0t, gl(labels, s0r));
  out[k++] = feat2(93, b0t, gl(labels, b0l));
  out[k++] = feat3(94, s0t, gl(labels, s0l), gl(labels, s0r));
  out[k++] = feat3(95, s1t, gl(labels, s1r), s0t);
  // Second-order dependents.
  out[k++] = feat1(100, gt(T, s0l2));
  out[k++] = feat1(101, gl(labels, s0l2));
  out[k++] = feat1(102, gt(T, s0r2));
  out[k++] = feat1(103, gl(labels, s0r2));
  out[k++] = feat1(104, gt(T, b0l2));
  out[k++] = feat1(105, gl(labels, b0l2));
  out[k++] = feat3(106, s0t, gt(T, s0l), gt(T, s0l2));
  out[k++] = feat3(107, s0t, gt(T, s0r), gt(T, s0r2));
  out[k++] = feat3(108, b0t, gt(T, b0l), gt(T, b0l2));
  out[k++] = feat2(109, gl(labels, s1r2), gl(labels, s1r));
  // Label sets.
  out[k++] = feat2(110, s0w, s0 >= 0 ? st.rightLabels[s0] : -1);
  out[k++] = feat2(111, s0t, s0 >= 0 ? st.rightLabels[s0] : -1);
  out[k++] = feat2(112, s0w, s0 >= 0 ? st.leftLabels[s0] : -1);
  out[k++] = feat2(113, s0t, s0 >= 0 ? st.leftLabels[s0] : -1);
  out[k++] = feat2(114, b0w, st.leftLabels[b0]);
  out[k++] = feat2(115, b0t, st.leftLabels[b0]);
  out[k++] = feat2(116, s1t, s1vr > 0 ? st.rightLabels[s1] : -1);
  // Coarse tags and suffixes: redundancy against tagging errors.
  const s0u = gt(U, s0);
  const b0u = gt(U, b0);
  const SF = tk.suffix;
  out[k++] = feat1(130, s0u);
  out[k++] = feat1(131, b0u);
  out[k++] = feat2(132, gt(U, s1), s0u);
  out[k++] = feat2(133, b0u, gt(U, b1));
  out[k++] = feat3(134, s0u, b0u, gt(U, b1));
  out[k++] = feat3(135, gt(U, s1), s0u, b0u);
  out[k++] = feat3(136, s0u, b0u, dist);
  out[k++] = feat1(137, gt(SF, s0));
  out[k++] = feat1(138, gt(SF, b0));
  out[k++] = feat2(139, gt(SF, s0), b0t);
  out[k++] = feat2(140, s0t, gt(SF, b0));
  // The verb's own word with what it already governs: object control (urge X to V) versus
  // adverbial clauses, and similar lexically decided labels.
  out[k++] = feat3(150, s1w, gl(labels, s1r), s0t);
  out[k++] = feat3(151, s1w, s0t, gl(labels, s0l));
  out[k++] = feat3(152, s0w, gl(labels, s0l), s1t);
  out[k++] = feat3(153, s1w, gt(T, s1r), s0t);
  out[k++] = feat3(154, s0w, gl(labels, s0l), b0t);
  // Word clusters (only when the model has a cluster table).
  if (!tk.hasClusters) return k;
  const C = tk.cluster;
  const CS = tk.clusterShort;
  out[k++] = feat1(120, gt(C, s0));
  out[k++] = feat1(121, gt(C, b0));
  out[k++] = feat1(122, gt(C, s1));
  out[k++] = feat2(123, gt(C, s0), gt(C, b0));
  out[k++] = feat2(124, gt(CS, s0), gt(CS, b0));
  out[k++] = feat3(125, gt(CS, s0), b0t, dist);
  out[k++] = feat3(126, s0t, gt(CS, b0), dist);
  out[k++] = feat2(127, gt(C, s1), gt(C, s0));
  out[k++] = feat1(128, gt(C, b1));
  return k;
}
