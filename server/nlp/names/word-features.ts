// Per word type, everything the name finder's features need from the word alone (hashes of its
// form, lowercase and shapes, its prefix and suffix feature ids, capitalisation class, gazetteer-free
// word lists and word statistics), computed once and kept in a cache tied to the word statistics,
// so a sentence's features are built from numbers with no string work for words seen before.
import { feat1, feat2, hashString } from '../learn/index.ts';
import { designator, isTitle } from './designators.ts';
import type { WordStats } from './word-stats.ts';

/** Template numbers of the word-only features (shared with features.ts). */
export const WORD_TEMPLATE = { shape: 4, prefix: 6, suffix: 7 } as const;

export interface WordInfo {
  lower: string;
  hForm: number;
  hLower: number;
  hShort: number;
  /** Feature id of the full shape. */
  shapeFeat: number;
  /** Feature ids of prefixes and suffixes of 1..4 characters (prefix k, suffix k, ...). */
  affixes: Uint32Array;
  /** Capitalisation class: a, A, Aa, aA or - (see capClass). */
  cap: string;
  hCap: number;
  /** The capitalisation class as a number (index in CAP_CLASSES). */
  capId: number;
  /** 1 when a capitalised word is common in lowercase text. */
  common: number;
  /** USED_AS bits (0 for a lowercase word). */
  usage: number;
  hDesig: number;
  /** The designator kind as a number (index in DESIGNATORS). */
  desigId: number;
  title: number;
  /** Hash of the capitalisation class with the common flag, for transition features. */
  capCommon: number;
  /** An opening quote, bracket, colon or dash: the next word may be capitalised by position. */
  opener: number;
  /** For the span typer: the short shape, the designator kind, whether the word is all capitals. */
  short: string;
  desig: string;
  acronym: boolean;
  /** USED_AS bits whatever the capitalisation. */
  rawUsage: number;
  /** Hashes of the lowercase word's prefixes and suffixes of 1..4 characters (index k - 1). */
  prefixHashes: Uint32Array;
  suffixHashes: Uint32Array;
}

/** Capitalisation classes (see capClass) and designator kinds, in the order of their ids. */
export const CAP_CLASSES = ['a', 'A', 'Aa', 'aA', '-'] as const;
export const DESIGNATORS = ['', 'org', 'place'] as const;

/** "Xxxxx", "XX", "dd.dd": letters and digits mapped to classes, runs capped at four. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    let c: string;
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = ch;
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else c = ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

/** The shape with every run collapsed to one character ("Xx", "X.X.", "d"). */
export function shortShape(word: string): string {
  return wordShape(word).replace(/(.)\1+/g, '$1');
}

/** Capitalisation class: a (all lowercase), A (all caps), Aa (initial cap), aA (mixed), - (none). */
export function capClass(word: string): string {
  const hasUpper = /\p{Lu}/u.test(word);
  const hasLower = /\p{Ll}/u.test(word);
  if (!hasUpper && !hasLower) return '-';
  if (!hasUpper) return 'a';
  if (!hasLower) return word.length > 1 ? 'A' : 'Aa';
  return /^\P{L}*\p{Lu}/u.test(word) ? 'Aa' : 'aA';
}

function describe(text: string, stats: WordStats): WordInfo {
  const lower = text.toLowerCase();
  const shape = wordShape(text);
  const cap = capClass(text);
  const chars = Array.from(lower);
  const affixes: number[] = [];
  const prefixes: number[] = [];
  const suffixes: number[] = [];
  for (let k = 1; k <= 4 && k <= chars.length; k++) {
    prefixes.push(hashString(chars.slice(0, k).join('')));
    suffixes.push(hashString(chars.slice(-k).join('')));
    affixes.push(feat2(WORD_TEMPLATE.prefix, k, prefixes[k - 1]));
    affixes.push(feat2(WORD_TEMPLATE.suffix, k, suffixes[k - 1]));
  }
  const short = shape.replace(/(.)\1+/g, '$1');
  const desig = designator(text);
  const common = cap !== 'a' && stats.isCommon(lower) ? 1 : 0;
  return {
    lower,
    hForm: hashString(text),
    hLower: hashString(lower),
    hShort: hashString(short),
    shapeFeat: feat1(WORD_TEMPLATE.shape, hashString(shape)),
    affixes: Uint32Array.from(affixes),
    cap,
    hCap: hashString(cap),
    capId: CAP_CLASSES.indexOf(cap as (typeof CAP_CLASSES)[number]),
    common,
    usage: cap === 'a' ? 0 : stats.usage(lower),
    hDesig: hashString(desig),
    desigId: DESIGNATORS.indexOf(desig),
    title: isTitle(text) ? 1 : 0,
    capCommon: hashString(`${cap}${common}`),
    opener: /^["'“‘([:—–-]$/.test(text) ? 1 : 0,
    short,
    desig,
    acronym: /^\p{Lu}{2,}$/u.test(text),
    rawUsage: stats.usage(lower),
    prefixHashes: Uint32Array.from(prefixes),
    suffixHashes: Uint32Array.from(suffixes),
  };
}

/** Most word types kept per statistics object before the cache starts afresh. */
const CACHE_LIMIT = 200_000;

const caches = new WeakMap<WordStats, Map<string, WordInfo>>();

/** What the features need of a word, from the cache when the word was seen with these stats. */
export function wordInfo(text: string, stats: WordStats): WordInfo {
  let cache = caches.get(stats);
  if (!cache) {
    cache = new Map();
    caches.set(stats, cache);
  }
  let info = cache.get(text);
  if (!info) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    info = describe(text, stats);
    cache.set(text, info);
  }
  return info;
}
