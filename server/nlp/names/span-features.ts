// Features of a whole name span for the second stage, which decides the span's label (person,
// organization, place, other) once the first stage has found where the name starts and ends: the
// words in the span (first, last, each), the span's text and shape, affixes of its last word, the
// words and tags around it, and gazetteer matches of the span or inside it (and whether one
// starts or ends the span).
import { feat1, feat2, feat3, hashFinish, hashString } from '../learn/index.ts';
import { tagHash, type NameToken } from './features.ts';
import { matchLexicon, type LexiconMatch, type NameLexicon } from './lexicon.ts';
import type { WordStats } from './word-stats.ts';
import { wordInfo, type WordInfo } from './word-features.ts';

const S = {
  bias: 101,
  text: 102,
  first: 103,
  last: 104,
  word: 105,
  lastForm: 106,
  length: 107,
  shape: 108,
  lastSuffix: 109,
  firstPrefix: 110,
  left: 111,
  right: 112,
  leftBigram: 113,
  rightBigram: 114,
  leftTag: 115,
  rightTag: 116,
  gazExact: 117,
  gazInside: 118,
  gazFirst: 119,
  initial: 120,
  lastSuffixLen: 121,
  leftLast: 122,
  acronym: 123,
  gazNear: 124,
  lastDesig: 125,
  anyDesig: 126,
  leftTitle: 127,
  firstTitle: 128,
  usage: 129,
  gazLast: 130,
} as const;

/** Gazetteer matches of a sentence, computed once and shared by all its spans. */
export function sentenceMatches(
  tokens: readonly NameToken[],
  lexicon: NameLexicon,
): LexiconMatch[] {
  return matchLexicon(tokens, lexicon);
}

/**
 * How many of a span's features name its own words (they come first in {@link spanFeatures}):
 * training sometimes hides them so the typer also learns from context and word endings, which is
 * all it has for names it has never seen.
 */
export function spanIdentityCount(first: number, last: number): number {
  return 4 + (last - first + 1);
}

const H_START = hashString('<s>');
const H_END = hashString('</s>');

/**
 * Same value as hashString(words.map((w) => w.lower or w.short).join(' ')) without building the
 * joined string.
 */
function joinedHash(words: readonly WordInfo[], short: boolean): number {
  let h = 0x811c9dc5 >>> 0;
  let length = 0;
  for (let p = 0; p < words.length; p++) {
    if (p > 0) {
      h ^= 32;
      h = Math.imul(h, 0x01000193);
      length++;
    }
    const s = short ? words[p].short : words[p].lower;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    length += s.length;
  }
  return hashFinish(h ^ length);
}

const kindHashes = new Map<string, number>();
function kindHash(kind: string, ambiguous: boolean): number {
  const key = `${kind}${ambiguous ? '?' : ''}`;
  let h = kindHashes.get(key);
  if (h === undefined) {
    h = hashString(key);
    kindHashes.set(key, h);
  }
  return h;
}

/** Token i's word information, from `words` when the caller has it. */
function infoAt(
  tokens: readonly NameToken[],
  stats: WordStats,
  words: readonly WordInfo[] | undefined,
  i: number,
): WordInfo {
  return words ? words[i] : wordInfo(tokens[i].text, stats);
}

/** Hash of token i's lowercase form; the sentence boundary's outside the sentence. */
function lowerAt(
  tokens: readonly NameToken[],
  stats: WordStats,
  words: readonly WordInfo[] | undefined,
  i: number,
): number {
  return i < 0 ? H_START : i >= tokens.length ? H_END : infoAt(tokens, stats, words, i).hLower;
}

/** Hash of token i's Penn tag; the sentence boundary's outside the sentence. */
function tagAt(tokens: readonly NameToken[], i: number): number {
  return i < 0 ? H_START : i >= tokens.length ? H_END : tagHash(tokens[i].xpos);
}

/** Scratch: the words of the current span. */
const spanWords: WordInfo[] = [];

/**
 * Features of tokens [first, last] as a name, written into `out`; returns how many. `words`, when
 * given, holds each token's word information (as wordInfo gives it) so it is not looked up again.
 */
export function spanFeatures(
  tokens: readonly NameToken[],
  first: number,
  last: number,
  matches: readonly LexiconMatch[],
  stats: WordStats,
  out: number[],
  words?: readonly WordInfo[],
): number {
  out.length = 0;
  const infos = spanWords;
  infos.length = 0;
  for (let i = first; i <= last; i++) infos.push(infoAt(tokens, stats, words, i));
  const count = infos.length;
  const head = infos[0];
  const tail = infos[count - 1];
  const multi = count > 1 ? 1 : 0;
  // the span's own words first (see spanIdentityCount), then everything else
  out.push(feat1(S.text, joinedHash(infos, false)));
  out.push(feat1(S.first, head.hLower));
  out.push(feat1(S.last, tail.hLower));
  out.push(feat1(S.lastForm, tail.hForm));
  for (const w of infos) out.push(feat1(S.word, w.hLower));
  out.push(feat1(S.bias, 0));
  out.push(feat1(S.length, Math.min(count, 5)));
  out.push(feat1(S.shape, joinedHash(infos, true)));
  for (let k = 2; k <= tail.suffixHashes.length; k++) {
    const h = tail.suffixHashes[k - 1];
    out.push(feat2(S.lastSuffix, k, h));
    out.push(feat3(S.lastSuffixLen, k, h, multi));
  }
  for (let k = 0; k < count; k++) {
    const where = k === count - 1 ? 2 : k === 0 ? 0 : 1;
    out.push(feat2(S.usage, infos[k].rawUsage, where));
  }
  for (let k = 2; k <= 3 && k <= head.prefixHashes.length; k++)
    out.push(feat2(S.firstPrefix, k, head.prefixHashes[k - 1]));
  for (let d = 1; d <= 3; d++) {
    out.push(feat2(S.left, d, lowerAt(tokens, stats, words, first - d)));
    out.push(feat2(S.right, d, lowerAt(tokens, stats, words, last + d)));
  }
  const leftLower = lowerAt(tokens, stats, words, first - 1);
  out.push(feat2(S.leftBigram, lowerAt(tokens, stats, words, first - 2), leftLower));
  out.push(
    feat2(
      S.rightBigram,
      lowerAt(tokens, stats, words, last + 1),
      lowerAt(tokens, stats, words, last + 2),
    ),
  );
  out.push(feat2(S.leftLast, leftLower, tail.hLower));
  out.push(feat1(S.leftTag, tagAt(tokens, first - 1)));
  out.push(feat1(S.rightTag, tagAt(tokens, last + 1)));
  out.push(feat1(S.initial, first === 0 ? 1 : 0));
  out.push(feat2(S.lastDesig, tail.hDesig, multi));
  for (let k = 0; k < count - 1; k++)
    if (infos[k].desig) out.push(feat1(S.anyDesig, infos[k].hDesig));
  out.push(feat1(S.leftTitle, first > 0 && infoAt(tokens, stats, words, first - 1).title ? 1 : 0));
  out.push(feat1(S.firstTitle, head.title));
  if (head.acronym && first === last) out.push(feat1(S.acronym, 1));
  for (const m of matches) {
    for (const e of m.entries) {
      const exact = m.first === first && m.last === last;
      const inside = !exact && m.first >= first && m.last <= last;
      const near = m.last === first - 1 || m.first === last + 1 || m.last === first - 2;
      if (!exact && !inside && !near) continue;
      const kind = kindHash(e.kind, e.ambiguous);
      if (exact) out.push(feat1(S.gazExact, kind));
      else if (inside) {
        out.push(feat1(S.gazInside, kind));
        if (m.first === first) out.push(feat1(S.gazFirst, kind));
        if (m.last === last) out.push(feat1(S.gazLast, kind));
      } else out.push(feat1(S.gazNear, kind));
    }
  }
  return out.length;
}
