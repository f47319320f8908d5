// Features of the name finder, as hashed ids for the shared perceptron (server/nlp/learn).
// Static features describe one token in its window (word, lowercase, shape, affixes, capitalisation,
// sentence start, neighbouring words and tags, gazetteer matches) and are computed once per
// sentence from per-word-type values (word-features.ts), with no string work in the loop;
// transition features pair the previous token's class with this token's shape and capitalisation,
// and are added per candidate previous class by the decoder. At run time the same features are
// scored by static-scores.ts, which scores those of one word or one tag once per type.
import { feat1, feat2, feat3, hashString } from '../learn/index.ts';
import { matchLexicon, type LexiconMatch, type NameLexicon } from './lexicon.ts';
import type { WordStats } from './word-stats.ts';
import { wordInfo, type WordInfo } from './word-features.ts';

export { wordShape, shortShape, capClass } from './word-features.ts';

/** What the name finder needs of a token: its text, offsets and tags. */
export interface NameToken {
  text: string;
  start: number;
  end: number;
  upos: string;
  xpos: string;
}

/** Static features of a sentence: token i's ids are feats[offsets[i] .. offsets[i + 1]). */
export interface SentenceFeatures {
  feats: Uint32Array;
  offsets: Uint32Array;
  /**
   * Per token: how many of its first features name the word itself (form, lowercase, bigrams
   * with it). Training sometimes hides them inside names so that context and word shape carry
   * weight too, as they must for names never seen.
   */
  identity: Uint8Array;
  /**
   * Per token: where its tag features end (they follow the own-word ones). Training sometimes
   * hides them too, since tags from a tagger are wrong now and then, names above all.
   */
  tagged: Uint8Array;
  /**
   * Per token, for transition features: hash of the short shape, and of the capitalisation
   * class with the common-word flag (no tags here: a wrong tag should not break a name apart).
   */
  shape: Uint32Array;
  capCommon: Uint32Array;
}

/** Template numbers of the static and transition features. */
export const T = {
  bias: 1,
  form: 2,
  lower: 3,
  shape: 4,
  short: 5,
  prefix: 6,
  suffix: 7,
  capInit: 8,
  initLower: 9,
  common: 10,
  lowerM1: 11,
  lowerP1: 12,
  lowerM2: 13,
  lowerP2: 14,
  shapeM1: 15,
  shapeP1: 16,
  biM1: 17,
  biP1: 18,
  upos: 19,
  xpos: 20,
  uposM1: 21,
  uposP1: 22,
  xposM1: 23,
  xposP1: 24,
  uposM2: 25,
  uposP2: 26,
  xposBiM1: 27,
  xposBiP1: 28,
  xposTri: 29,
  lowerM1Short: 30,
  shortLowerP1: 31,
  shortTri: 32,
  gaz: 33,
  gazShort: 34,
  headline: 35,
  xposShort: 36,
  commonM1: 37,
  commonP1: 38,
  gazNext: 39,
  gazPrev: 40,
  quoteInit: 41,
  desig: 42,
  desigM1: 43,
  desigP1: 44,
  desigP2: 45,
  title: 46,
  titleM1: 47,
  usage: 48,
  usageM1: 49,
  usageP1: 53,
  prev: 50,
  prevShort: 51,
  prevCap: 52,
} as const;

/** Hashes standing for "no gazetteer match", the sentence start and the sentence end. */
export const H_NONE = hashString('<none>');
export const H_START = hashString('<s>');
export const H_END = hashString('</s>');
const BIAS = feat1(T.bias, 0);

/** Gazetteer feature values by position, kind and ambiguity ("Bstate?"), hashed once. */
const gazValues = new Map<string, number>();
export function gazValue(pos: string, kind: string, ambiguous: boolean): number {
  const key = `${pos}${kind}${ambiguous ? '?' : ''}`;
  let v = gazValues.get(key);
  if (v === undefined) {
    v = hashString(key);
    gazValues.set(key, v);
  }
  return v;
}

/** Scratch space reused across sentences (features are copied out at the end). */
let scratch = new Uint32Array(4096);
const infos: WordInfo[] = [];
let hLowerAt = new Uint32Array(64);
let hShortAt = new Uint32Array(64);
let hUposAt = new Uint32Array(64);
let hXposAt = new Uint32Array(64);
let desigAt = new Uint32Array(64);

/** Hash of a tag, kept for the few dozen tags there are. */
const tagHashes = new Map<string, number>();
export function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    tagHashes.set(tag, h);
  }
  return h;
}

/**
 * Static features for every token of a sentence. `lexicon` may be empty, and so may `stats`
 * (the model then learns without those features). `matches` are the sentence's lexicon
 * matches when the caller already has them. (At run time StaticScorer gives the same scores.)
 */
export function sentenceFeatures(
  tokens: readonly NameToken[],
  lexicon: NameLexicon,
  stats: WordStats,
  matches: readonly LexiconMatch[] = matchLexicon(tokens, lexicon),
): SentenceFeatures {
  const n = tokens.length;
  if (hLowerAt.length < n + 4) {
    const size = 2 * n + 4;
    hLowerAt = new Uint32Array(size);
    hShortAt = new Uint32Array(size);
    hUposAt = new Uint32Array(size);
    hXposAt = new Uint32Array(size);
    desigAt = new Uint32Array(size);
  }
  // arrays indexed i + 2, with sentence-start and sentence-end values around the sentence
  for (const arr of [hLowerAt, hShortAt, hUposAt, hXposAt, desigAt]) {
    arr[0] = arr[1] = H_START;
    arr[n + 2] = arr[n + 3] = H_END;
  }
  infos.length = n;
  for (let i = 0; i < n; i++) {
    const w = wordInfo(tokens[i].text, stats);
    infos[i] = w;
    hLowerAt[i + 2] = w.hLower;
    hShortAt[i + 2] = w.hShort;
    hUposAt[i + 2] = tagHash(tokens[i].upos);
    hXposAt[i + 2] = tagHash(tokens[i].xpos);
    desigAt[i + 2] = w.hDesig;
  }
  const headline = headlineFlag(infos);

  // gazetteer: per token, (position, kind, ambiguous) of every match covering it, plus the
  // longest match's position and kind
  const gaz: number[][] | undefined = matches.length > 0 ? tokens.map(() => []) : undefined;
  const longest = new Array<number>(n).fill(H_NONE);
  const longestLen = new Array<number>(n).fill(0);
  let gazCount = 0;
  if (gaz)
    for (const m of matches) {
      const len = m.last - m.first + 1;
      for (let i = m.first; i <= m.last; i++) {
        const pos = len === 1 ? 'U' : i === m.first ? 'B' : i === m.last ? 'L' : 'I';
        for (const e of m.entries) {
          const v = gazValue(pos, e.kind, e.ambiguous);
          gaz[i].push(v);
          gazCount++;
          if (len > longestLen[i]) {
            longestLen[i] = len;
            longest[i] = v;
          }
        }
      }
    }

  // at most 60 features per token besides its gazetteer ones
  if (scratch.length < n * 60 + gazCount) scratch = new Uint32Array(2 * (n * 60 + gazCount));
  const out = scratch;
  let k = 0;
  const offsets = new Uint32Array(n + 1);
  const identity = new Uint8Array(n);
  const tagged = new Uint8Array(n);
  const shape = new Uint32Array(n);
  const capCommon = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const w = infos[i];
    const x = i + 2;
    const init = i === 0 ? 1 : 0;
    const afterQuote = i > 0 ? infos[i - 1].opener : 0;
    // the token's own word first (counted in `identity`), then everything else
    out[k++] = feat1(T.form, w.hForm);
    out[k++] = feat1(T.lower, w.hLower);
    out[k++] = feat2(T.biM1, hLowerAt[x - 1], w.hLower);
    out[k++] = feat2(T.biP1, w.hLower, hLowerAt[x + 1]);
    if (init) out[k++] = feat1(T.initLower, w.hLower);
    identity[i] = k - offsets[i];
    // then the tag features (counted in `tagged`)
    const xp = hXposAt[x];
    out[k++] = feat1(T.upos, hUposAt[x]);
    out[k++] = feat1(T.xpos, xp);
    out[k++] = feat1(T.uposM1, hUposAt[x - 1]);
    out[k++] = feat1(T.uposP1, hUposAt[x + 1]);
    out[k++] = feat1(T.uposM2, hUposAt[x - 2]);
    out[k++] = feat1(T.uposP2, hUposAt[x + 2]);
    out[k++] = feat1(T.xposM1, hXposAt[x - 1]);
    out[k++] = feat1(T.xposP1, hXposAt[x + 1]);
    out[k++] = feat2(T.xposBiM1, hXposAt[x - 1], xp);
    out[k++] = feat2(T.xposBiP1, xp, hXposAt[x + 1]);
    out[k++] = feat3(T.xposTri, hXposAt[x - 1], xp, hXposAt[x + 1]);
    out[k++] = feat2(T.xposShort, xp, w.hShort);
    tagged[i] = k - offsets[i];
    out[k++] = BIAS;
    out[k++] = w.shapeFeat;
    out[k++] = feat1(T.short, w.hShort);
    const affixes = w.affixes;
    for (let a = 0; a < affixes.length; a++) out[k++] = affixes[a];
    const hCap = w.hCap;
    out[k++] = feat2(T.capInit, hCap, init);
    out[k++] = feat2(T.quoteInit, hCap, afterQuote);
    out[k++] = feat3(T.common, w.common, hCap, init);
    out[k++] = feat2(T.commonM1, i > 0 ? infos[i - 1].common : 2, hCap);
    out[k++] = feat2(T.commonP1, i + 1 < n ? infos[i + 1].common : 2, hCap);
    out[k++] = feat1(T.lowerM1, hLowerAt[x - 1]);
    out[k++] = feat1(T.lowerP1, hLowerAt[x + 1]);
    out[k++] = feat1(T.lowerM2, hLowerAt[x - 2]);
    out[k++] = feat1(T.lowerP2, hLowerAt[x + 2]);
    out[k++] = feat1(T.shapeM1, hShortAt[x - 1]);
    out[k++] = feat1(T.shapeP1, hShortAt[x + 1]);
    out[k++] = feat2(T.lowerM1Short, hLowerAt[x - 1], w.hShort);
    out[k++] = feat2(T.shortLowerP1, w.hShort, hLowerAt[x + 1]);
    out[k++] = feat3(T.shortTri, hShortAt[x - 1], w.hShort, hShortAt[x + 1]);
    out[k++] = feat2(T.headline, headline, w.hShort);
    out[k++] = feat2(T.desig, w.hDesig, hCap);
    out[k++] = feat1(T.desigM1, desigAt[x - 1]);
    out[k++] = feat2(T.desigP1, desigAt[x + 1], hCap);
    out[k++] = feat1(T.desigP2, desigAt[x + 2]);
    out[k++] = feat2(T.title, w.title, hCap);
    out[k++] = feat2(T.titleM1, i > 0 ? infos[i - 1].title : 2, hCap);
    out[k++] = feat2(T.usage, w.usage, init);
    out[k++] = feat2(T.usageM1, i > 0 ? infos[i - 1].usage : 255, w.usage);
    out[k++] = feat2(T.usageP1, w.usage, i + 1 < n ? infos[i + 1].usage : 255);
    if (gaz) for (const g of gaz[i]) out[k++] = feat1(T.gaz, g);
    out[k++] = feat2(T.gazShort, longest[i], w.hShort);
    out[k++] = feat1(T.gazPrev, i > 0 ? longest[i - 1] : H_START);
    out[k++] = feat1(T.gazNext, i + 1 < n ? longest[i + 1] : H_END);
    offsets[i + 1] = k;
    shape[i] = w.hShort;
    capCommon[i] = w.capCommon;
  }
  return { feats: out.slice(0, k), offsets, identity, tagged, shape, capCommon };
}

/** Roles a word plays in the static features of itself and of nearby tokens. */
export const WORD_ROLES = 5;
const SELF = 0;
const BEFORE = 1;
const AFTER = 2;
const TWO_BEFORE = 3;
const TWO_AFTER = 4;

/**
 * The static features that depend on one word alone (and the bias), by role: the token's own
 * word (SELF), the word just before the scored token (BEFORE), just after (AFTER), two before,
 * two after. With `word` 'start' or 'end', the sentence boundary in that role (BEFORE/TWO_BEFORE
 * for 'start', AFTER/TWO_AFTER for 'end'). StaticScorer scores these, {@link wordPositionFeatures}
 * and {@link tagRoleFeatures} once per word type or tag.
 */
export function wordRoleFeatures(word: WordInfo | 'start' | 'end', role: number): number[] {
  const edge = word === 'start' ? H_START : H_END;
  const lower = typeof word === 'string' ? edge : word.hLower;
  const short = typeof word === 'string' ? edge : word.hShort;
  const desig = typeof word === 'string' ? edge : word.hDesig;
  switch (role) {
    case SELF:
      if (typeof word === 'string') return [];
      return [
        BIAS,
        feat1(T.form, word.hForm),
        feat1(T.lower, word.hLower),
        word.shapeFeat,
        feat1(T.short, word.hShort),
        ...word.affixes,
      ];
    case BEFORE:
      return [feat1(T.lowerM1, lower), feat1(T.shapeM1, short), feat1(T.desigM1, desig)];
    case AFTER:
      return [feat1(T.lowerP1, lower), feat1(T.shapeP1, short)];
    case TWO_BEFORE:
      return [feat1(T.lowerM2, lower)];
    case TWO_AFTER:
      return [feat1(T.lowerP2, lower), feat1(T.desigP2, desig)];
    default:
      throw new Error(`names: no word role ${role}`);
  }
}

/**
 * The static features of a token's own word in its position: whether it starts the sentence,
 * follows an opening quote or bracket, and stands in a headline (flags 0 or 1). Scored once per
 * word type and combination of flags too.
 */
export function wordPositionFeatures(
  w: WordInfo,
  init: number,
  afterQuote: number,
  headline: number,
): number[] {
  return [
    feat2(T.capInit, w.hCap, init),
    feat2(T.quoteInit, w.hCap, afterQuote),
    feat3(T.common, w.common, w.hCap, init),
    feat2(T.headline, headline, w.hShort),
    feat2(T.desig, w.hDesig, w.hCap),
    feat2(T.title, w.title, w.hCap),
    feat2(T.usage, w.usage, init),
  ];
}

/** Whether a sentence reads as a headline or title: most of its words capitalised (1 or 0). */
export function headlineFlag(words: readonly WordInfo[]): number {
  let letterWords = 0;
  let capWords = 0;
  for (const w of words) {
    if (w.cap === '-') continue;
    letterWords++;
    if (w.cap !== 'a') capWords++;
  }
  return letterWords >= 3 && capWords / letterWords >= 0.7 ? 1 : 0;
}

/**
 * The static features that depend on one tag alone, by role as for words: the token's own UPOS
 * and XPOS (role 0), the tags one before (1), one after (2), and UPOS two before (3) and two
 * after (4). `upos` and `xpos` are tag hashes ({@link tagHash}), or the boundary hashes
 * {@link EDGE_HASH} for positions outside the sentence; either may be -1 to leave it out.
 */
export function tagRoleFeatures(upos: number, xpos: number, role: number): number[] {
  const out: number[] = [];
  const u = [T.upos, T.uposM1, T.uposP1, T.uposM2, T.uposP2][role];
  const x = [T.xpos, T.xposM1, T.xposP1][role];
  if (upos !== -1) out.push(feat1(u, upos));
  if (xpos !== -1 && x !== undefined) out.push(feat1(x, xpos));
  return out;
}

/** Hashes standing for the positions before and after the sentence. */
export const EDGE_HASH = { start: H_START, end: H_END } as const;

/** Feature id of the previous token's class alone. */
export function prevFeature(prevClass: number): number {
  return feat1(T.prev, prevClass);
}

/** Feature id of the previous token's class with this token's short shape hash. */
export function prevShapeFeature(prevClass: number, shape: number): number {
  return feat2(T.prevShort, prevClass, shape);
}

/** Feature id of the previous token's class with this token's capitalisation and common flag. */
export function prevCapFeature(prevClass: number, capCommon: number): number {
  return feat2(T.prevCap, prevClass, capCommon);
}

/** Transition features of token i given the previous token's class; returns how many were written. */
export function transitionFeatures(
  sf: SentenceFeatures,
  i: number,
  prevClass: number,
  out: Uint32Array,
): number {
  out[0] = prevFeature(prevClass);
  out[1] = prevShapeFeature(prevClass, sf.shape[i]);
  out[2] = prevCapFeature(prevClass, sf.capCommon[i]);
  return 3;
}
