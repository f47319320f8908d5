// Feature templates of the tagger: the word, its lowercase form, affixes, shape, neighbouring
// words, the two previous predicted tags and the lexicon's usual tag of nearby words; with a model
// that has them, the tag sets and case uses of the word and its neighbours (tag-sets.ts) and the
// gazetteer names the word is part of (name-matches.ts). The
// templates of the word alone are kept apart so their scores can be cached per word form. Each
// template's number is mixed into its hash prefix once, at load.
import { featPrefix, featWith1, featWith2, featWith3 } from '../learn/index.ts';
import { PAD_END, PAD_START, type WordHashes } from './word-hashes.ts';

/** Each template's hash prefix: featWithK(P[t], ...) === featK(t, ...). */
const P = Array.from({ length: 67 }, (_, t) => featPrefix(t));

/** Most features one token can produce (size of the reusable feature buffer). */
export const MAX_TAGGER_FEATURES = 64;

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
  out[k++] = featWith1(P[1], 0);
  out[k++] = featWith1(P[2], h.lower[i]);
  out[k++] = featWith1(P[3], h.exact[i]);
  out[k++] = featWith1(P[4], h.pre1[i]);
  out[k++] = featWith1(P[5], h.pre2[i]);
  out[k++] = featWith1(P[6], h.pre3[i]);
  out[k++] = featWith1(P[7], h.suf1[i]);
  out[k++] = featWith1(P[8], h.suf2[i]);
  out[k++] = featWith1(P[9], h.suf3[i]);
  out[k++] = featWith1(P[10], h.suf4[i]);
  out[k++] = featWith1(P[11], h.shape[i]);
  out[k++] = featWith2(P[12], h.flags[i], i === 0 ? 1 : 0);
  out[k++] = featWith1(P[28], lex[i]);
  if (h.tagSetLevel > 0) {
    out[k++] = featWith1(P[40], h.tagSet[i]);
    out[k++] = featWith3(P[41], h.caseUse[i], h.flags[i] & 3, i === 0 ? 1 : 0);
  }
  return k;
}

/**
 * Writes the features of token i that look at its neighbours and at the previous predicted tags
 * into out from index k; returns the new count. `p1`/`p2` are the predicted tags of tokens i-1
 * and i-2 (-1 before the sentence start). They are the {@link neighbourFeatures} of the four
 * neighbours and the {@link pairFeatures}; at run time the tagger scores the two parts apart, the
 * first cached per neighbouring form.
 */
export function contextFeatures(
  h: WordHashes,
  lex: Uint16Array,
  i: number,
  p1: number,
  p2: number,
  out: Uint32Array,
  k = 0,
  verb = -1,
): number {
  const n = h.n;
  k = neighbourFeatures(h, lex, i > 0 ? i - 1 : -1, ROLE_BEFORE, out, k);
  k = neighbourFeatures(h, lex, i + 1 < n ? i + 1 : -1, ROLE_AFTER, out, k);
  k = neighbourFeatures(h, lex, i > 1 ? i - 2 : -1, ROLE_TWO_BEFORE, out, k);
  k = neighbourFeatures(h, lex, i + 2 < n ? i + 2 : -1, ROLE_TWO_AFTER, out, k);
  return pairFeatures(h, lex, i, p1, p2, out, k, verb);
}

/** Roles of a neighbouring token in a token's context: just before, just after, two before, two after. */
export const ROLE_BEFORE = 0;
export const ROLE_AFTER = 1;
export const ROLE_TWO_BEFORE = 2;
export const ROLE_TWO_AFTER = 3;

/**
 * The context features that depend on one neighbouring token alone, token j in the given role
 * (j = -1: the sentence boundary in that role), written into out from k; returns the new count.
 * They depend on j's form only, so their scores can be cached per form and role.
 */
export function neighbourFeatures(
  h: WordHashes,
  lex: Uint16Array,
  j: number,
  role: number,
  out: Uint32Array,
  k = 0,
): number {
  const edge = j < 0;
  switch (role) {
    case ROLE_BEFORE:
      out[k++] = featWith1(P[13], edge ? PAD_START : h.lower[j]);
      out[k++] = featWith1(P[20], edge ? PAD_START : h.suf3[j]);
      out[k++] = featWith1(P[30], edge ? PAD_START : h.shape[j]);
      if (h.tagSetLevel > 0) {
        out[k++] = featWith1(P[43], edge ? START_TAG : h.tagSet[j]);
        out[k++] = featWith2(P[44], edge ? START_TAG : h.caseUse[j], edge ? 0 : h.flags[j] & 3);
      }
      break;
    case ROLE_AFTER:
      out[k++] = featWith1(P[14], edge ? PAD_END : h.lower[j]);
      out[k++] = featWith1(P[21], edge ? PAD_END : h.suf3[j]);
      out[k++] = featWith1(P[24], edge ? END_TAG : lex[j]);
      out[k++] = featWith1(P[31], edge ? PAD_END : h.shape[j]);
      if (h.tagSetLevel > 0) {
        out[k++] = featWith1(P[45], edge ? END_TAG : h.tagSet[j]);
        out[k++] = featWith2(P[46], edge ? END_TAG : h.caseUse[j], edge ? 0 : h.flags[j] & 3);
      }
      break;
    case ROLE_TWO_BEFORE:
      out[k++] = featWith1(P[15], edge ? PAD_START : h.lower[j]);
      break;
    case ROLE_TWO_AFTER:
      out[k++] = featWith1(P[16], edge ? PAD_END : h.lower[j]);
      out[k++] = featWith1(P[25], edge ? END_TAG : lex[j]);
      break;
    default:
      throw new Error(`tagger: no neighbour role ${role}`);
  }
  return k;
}

/**
 * The context features of token i that {@link neighbourFeatures} leaves out: those over the
 * token with a neighbour, two neighbours or the previous tags. Written into out from k.
 */
export function pairFeatures(
  h: WordHashes,
  lex: Uint16Array,
  i: number,
  p1: number,
  p2: number,
  out: Uint32Array,
  k = 0,
  verb = -1,
): number {
  const n = h.n;
  const w = h.lower[i];
  const wm1 = i > 0 ? h.lower[i - 1] : PAD_START;
  const wp1 = i + 1 < n ? h.lower[i + 1] : PAD_END;
  const t1 = p1 < 0 ? START_TAG : p1;
  const t2 = p2 < 0 ? START_TAG : p2;
  const l0 = lex[i];
  const lp1 = i + 1 < n ? lex[i + 1] : END_TAG;
  const lm1 = i > 0 ? lex[i - 1] : START_TAG;
  out[k++] = featWith1(P[17], t1);
  out[k++] = featWith2(P[18], t1, t2);
  out[k++] = featWith2(P[19], t1, w);
  out[k++] = featWith2(P[22], w, wp1);
  out[k++] = featWith2(P[23], wm1, w);
  out[k++] = featWith2(P[26], l0, lp1);
  out[k++] = featWith2(P[27], t1, lp1);
  out[k++] = featWith2(P[29], t1, h.suf3[i]);
  out[k++] = featWith3(P[32], lm1, l0, lp1);
  out[k++] = featWith2(P[33], t1, l0);
  out[k++] = featWith2(P[34], h.suf2[i], lp1);
  out[k++] = featWith2(P[35], wm1, wp1);
  out[k++] = featWith3(P[36], t1, w, wp1);
  out[k++] = featWith2(P[37], t2, w);
  out[k++] = featWith2(P[38], h.shape[i], lp1);
  if (h.tagSetLevel > 1) {
    out[k++] = featWith2(P[47], t1, h.tagSet[i]);
    out[k++] = featWith2(P[48], h.tagSet[i], i + 1 < n ? h.tagSet[i + 1] : END_TAG);
  }
  if (h.nameFeatures) k = nameFeatures(h, lex, i, t1, out, k);
  if (verb >= 0) {
    // whether the clause so far has a finite verb: a past tense after a bare subject is not a
    // participle
    out[k++] = featWith2(P[55], verb, h.suf2[i]);
    out[k++] = featWith3(P[56], verb, t1, lp1);
  }
  return k;
}

/** Clause roles of tags: a finite verb or modal, a clause boundary, or neither. */
const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const BOUNDARY = new Set([',', ':', 'CC', 'WDT', 'WP', 'WRB']);

/**
 * Per class (by its Penn tag): 1 a finite verb or modal, 2 a clause boundary (comma, colon,
 * coordinator, wh-word), 0 neither. Used with {@link clauseState} for the `verb` value of
 * {@link pairFeatures}.
 */
export function clauseRoles(xpos: readonly string[]): Uint8Array {
  return Uint8Array.from(xpos, (x) => (FINITE.has(x) ? 1 : BOUNDARY.has(x) ? 2 : 0));
}

/**
 * The clause state after a token of class c, from the state before it: 1 once a finite verb is
 * seen, 0 again after a boundary (a sentence starts at 0).
 */
export function clauseState(state: number, roles: Uint8Array, c: number): number {
  const r = roles[c];
  return r === 1 ? 1 : r === 2 ? 0 : state;
}

/**
 * The gazetteer features of token i (name-matches.ts): its place and kinds in a known name, with
 * its capitalisation and the sentence start, with the previous tag, with the lexicon's usual tag,
 * and beside the values of the words before and after it. They depend on the neighbours, so they
 * are never cached per form. Written into out from k.
 */
function nameFeatures(
  h: WordHashes,
  lex: Uint16Array,
  i: number,
  t1: number,
  out: Uint32Array,
  k: number,
): number {
  const g = h.names[i];
  const before = i > 0 ? h.names[i - 1] : START_TAG;
  const after = i + 1 < h.n ? h.names[i + 1] : END_TAG;
  out[k++] = featWith3(P[50], g, h.flags[i] & 3, i === 0 ? 1 : 0);
  out[k++] = featWith2(P[51], g, t1);
  out[k++] = featWith2(P[52], g, lex[i]);
  out[k++] = featWith2(P[53], before, g);
  out[k++] = featWith2(P[54], g, after);
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
  verb = -1,
): number {
  return contextFeatures(h, lex, i, p1, p2, out, wordFeatures(h, lex, i, out), verb);
}

/**
 * The second (refining) pass's context features: those of the first pass plus the first pass's
 * tags of the token and the following words ({@link refineTagFeatures}), so the tag of token i
 * can depend on what comes after it. `first` holds the first pass's tags for the sentence.
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
  verb = -1,
): number {
  return refineTagFeatures(h, first, i, p1, out, contextFeatures(h, lex, i, p1, p2, out, k, verb));
}

/** The refining pass's features over the first pass's tags, written into out from k. */
export function refineTagFeatures(
  h: WordHashes,
  first: Uint16Array,
  i: number,
  p1: number,
  out: Uint32Array,
  k = 0,
): number {
  const n = h.n;
  const n1 = i + 1 < n ? first[i + 1] : END_TAG;
  const n2 = i + 2 < n ? first[i + 2] : END_TAG;
  const t1 = p1 < 0 ? START_TAG : p1;
  out[k++] = featWith1(P[60], n1);
  out[k++] = featWith2(P[61], n1, n2);
  out[k++] = featWith2(P[62], t1, n1);
  out[k++] = featWith2(P[63], h.lower[i], n1);
  out[k++] = featWith2(P[64], h.suf3[i], n1);
  out[k++] = featWith1(P[65], first[i]);
  out[k++] = featWith3(P[66], t1, first[i], n1);
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
  verb = -1,
): number {
  return refineContextFeatures(h, lex, first, i, p1, p2, out, wordFeatures(h, lex, i, out), verb);
}
