// Feature templates of the tagger: the word, its lowercase form, affixes, shape, neighbouring
// words, the two previous predicted tags and the lexicon's usual tag of nearby words. The
// templates of the word alone are kept apart so their scores can be cached per word form.
import { feat1, feat2, feat3 } from '../learn/index.ts';
import { PAD_END, PAD_START, type WordHashes } from './word-hashes.ts';

/** Most features one token can produce (size of the reusable feature buffer). */
export const MAX_TAGGER_FEATURES = 48;

/** Lexicon tag value used for words the lexicon does not know and for padding. */
export const UNKNOWN_TAG = 0xfffe;
const START_TAG = 0xfffd;
const END_TAG = 0xfffc;

/**
 * Writes the features of token i that depend only on its own form (and whether it opens the
 * sentence) into out from index k; returns the new count. Their scores can be cached per word.
 * `lex[j]` is the lexicon's most frequent tag of token j (UNKNOWN_TAG when unknown).
 */
export function wordFeatures(
  h: WordHashes,
  lex: Uint16Array,
  i: number,
  out: Uint32Array,
  k = 0,
): number {
  out[k++] = feat1(1, 0);
  out[k++] = feat1(2, h.lower[i]);
  out[k++] = feat1(3, h.exact[i]);
  out[k++] = feat1(4, h.pre1[i]);
  out[k++] = feat1(5, h.pre2[i]);
  out[k++] = feat1(6, h.pre3[i]);
  out[k++] = feat1(7, h.suf1[i]);
  out[k++] = feat1(8, h.suf2[i]);
  out[k++] = feat1(9, h.suf3[i]);
  out[k++] = feat1(10, h.suf4[i]);
  out[k++] = feat1(11, h.shape[i]);
  out[k++] = feat2(12, h.flags[i], i === 0 ? 1 : 0);
  out[k++] = feat1(28, lex[i]);
  return k;
}

/**
 * Writes the features of token i that look at its neighbours and at the previous predicted tags
 * into out from index k; returns the new count. `p1`/`p2` are the predicted tags of tokens i-1
 * and i-2 (-1 before the sentence start).
 */
export function contextFeatures(
  h: WordHashes,
  lex: Uint16Array,
  i: number,
  p1: number,
  p2: number,
  out: Uint32Array,
  k = 0,
): number {
  const n = h.n;
  const w = h.lower[i];
  const wm1 = i > 0 ? h.lower[i - 1] : PAD_START;
  const wm2 = i > 1 ? h.lower[i - 2] : PAD_START;
  const wp1 = i + 1 < n ? h.lower[i + 1] : PAD_END;
  const wp2 = i + 2 < n ? h.lower[i + 2] : PAD_END;
  const t1 = p1 < 0 ? START_TAG : p1;
  const t2 = p2 < 0 ? START_TAG : p2;
  const l0 = lex[i];
  const lp1 = i + 1 < n ? lex[i + 1] : END_TAG;
  const lp2 = i + 2 < n ? lex[i + 2] : END_TAG;
  const lm1 = i > 0 ? lex[i - 1] : START_TAG;
  out[k++] = feat1(13, wm1);
  out[k++] = feat1(14, wp1);
  out[k++] = feat1(15, wm2);
  out[k++] = feat1(16, wp2);
  out[k++] = feat1(17, t1);
  out[k++] = feat2(18, t1, t2);
  out[k++] = feat2(19, t1, w);
  out[k++] = feat1(20, i > 0 ? h.suf3[i - 1] : PAD_START);
  out[k++] = feat1(21, i + 1 < n ? h.suf3[i + 1] : PAD_END);
  out[k++] = feat2(22, w, wp1);
  out[k++] = feat2(23, wm1, w);
  out[k++] = feat1(24, lp1);
  out[k++] = feat1(25, lp2);
  out[k++] = feat2(26, l0, lp1);
  out[k++] = feat2(27, t1, lp1);
  out[k++] = feat2(29, t1, h.suf3[i]);
  out[k++] = feat1(30, i > 0 ? h.shape[i - 1] : PAD_START);
  out[k++] = feat1(31, i + 1 < n ? h.shape[i + 1] : PAD_END);
  out[k++] = feat3(32, lm1, l0, lp1);
  out[k++] = feat2(33, t1, l0);
  out[k++] = feat2(34, h.suf2[i], lp1);
  out[k++] = feat2(35, wm1, wp1);
  out[k++] = feat3(36, t1, w, wp1);
  out[k++] = feat2(37, t2, w);
  out[k++] = feat2(38, h.shape[i], lp1);
  return k;
}

/**
 * Writes all first-pass features of token i into out and returns their count: its own word's
 * features, then those of its context.
 */
export function taggerFeatures(
  h: WordHashes,
  lex: Uint16Array,
  i: number,
  p1: number,
  p2: number,
  out: Uint32Array,
): number {
  return contextFeatures(h, lex, i, p1, p2, out, wordFeatures(h, lex, i, out));
}

/**
 * The second (refining) pass's context features: those of the first pass plus the first pass's
 * tags of the token and the following words, so the tag of token i can depend on what comes
 * after it. `first` holds the first pass's tags for the sentence.
 */
export function refineContextFeatures(
  h: WordHashes,
  lex: Uint16Array,
  first: Uint16Array,
  i: number,
  p1: number,
  p2: number,
  out: Uint32Array,
  k = 0,
): number {
  k = contextFeatures(h, lex, i, p1, p2, out, k);
  const n = h.n;
  const n1 = i + 1 < n ? first[i + 1] : END_TAG;
  const n2 = i + 2 < n ? first[i + 2] : END_TAG;
  const t1 = p1 < 0 ? START_TAG : p1;
  out[k++] = feat1(60, n1);
  out[k++] = feat2(61, n1, n2);
  out[k++] = feat2(62, t1, n1);
  out[k++] = feat2(63, h.lower[i], n1);
  out[k++] = feat2(64, h.suf3[i], n1);
  out[k++] = feat1(65, first[i]);
  out[k++] = feat3(66, t1, first[i], n1);
  return k;
}

/** All features of the second (refining) pass for token i (see {@link refineContextFeatures}). */
export function refineFeatures(
  h: WordHashes,
  lex: Uint16Array,
  first: Uint16Array,
  i: number,
  p1: number,
  p2: number,
  out: Uint32Array,
): number {
  return refineContextFeatures(h, lex, first, i, p1, p2, out, wordFeatures(h, lex, i, out));
}
