// Static scores of a sentence's tokens under the name finder's first-stage model, fast: the
// features that depend on one word alone (its form, shape and affixes, the word as the neighbour
// of nearby tokens, the word in a sentence-initial, after-quote or headline position) or on one tag
// alone are scored once per word type or tag and kept per role; the features over a few small
// values (capitalisation, common-word, title and designator flags of the neighbours, their usage
// profiles, the gazetteer match kinds beside the token, the three tags around it) are scored once
// per combination of those values; the rest, whose values are words or shapes, are hashed from
// per-word partial hashes and looked up. Every sum is the model's own integer one, so the scores
// equal scoring every feature of `sentenceFeatures` for every token.
import { featPrefix, hashFinish, hashMix, hashString, type CompactModel } from '../learn/index.ts';
import { CLASS_COUNT } from './bilou.ts';
import {
  EDGE_HASH,
  H_END,
  H_NONE,
  H_START,
  T,
  gazValue,
  headlineFlag,
  tagHash,
  tagRoleFeatures,
  wordPositionFeatures,
  WORD_ROLES,
  wordRoleFeatures,
  type NameToken,
} from './features.ts';
import type { LexiconMatch } from './lexicon.ts';
import { rangeScorerOf, type RangeScorer } from './range-scorer.ts';
import { RowCache } from './row-cache.ts';
import { transitionTable } from './viterbi.ts';
import { CAP_CLASSES, DESIGNATORS, wordInfo, type WordInfo } from './word-features.ts';
import type { WordStats } from './word-stats.ts';

const C = CLASS_COUNT;
const SELF = 0;
const BEFORE = 1;
const AFTER = 2;
const TWO_BEFORE = 3;
const TWO_AFTER = 4;
const R = WORD_ROLES * C;

/** Combinations of the position flags (sentence start, after a quote, headline). */
const POSITIONS = 8;

/** Template prefixes of the features hashed per token (see hash.ts, featPrefix). */
const P_BI_M1 = featPrefix(T.biM1);
const P_BI_P1 = featPrefix(T.biP1);
const P_LOWER_M1_SHORT = featPrefix(T.lowerM1Short);
const P_SHORT_LOWER_P1 = featPrefix(T.shortLowerP1);
const P_SHORT_TRI = featPrefix(T.shortTri);
const P_XPOS_SHORT = featPrefix(T.xposShort);
const P_GAZ_SHORT = featPrefix(T.gazShort);
const P_GAZ = featPrefix(T.gaz);

/** The same as feat2(t, a, b) given `state = hashMix(featPrefix(t), a)`. */
function with1(state: number, b: number): number {
  return hashFinish(hashMix(state, b));
}

/** A word type's cached scores and partial hashes. */
interface WordScores {
  info: WordInfo;
  /** By role (SELF .. TWO_AFTER), C integer scores each. */
  roles: Int32Array;
  /** By position flags (filled as they are met), C each. */
  positions: Int32Array;
  /** Bit v set: positions[v * C ..] holds variant v. */
  scored: number;
  /** Scores of the gazetteer-shape feature when no match covers the word. */
  noGaz: Int32Array;
  /** Transition scores for a token of this word (P * C, see viterbi.ts). */
  trans: Float64Array;
  /** Role scores of the word with its last tags met (upos, xpos) added in. */
  combined: Int32Array;
  comboUpos: TagScores | undefined;
  comboXpos: TagScores | undefined;
  /** Partial hashes: each template's prefix mixed with this word's value in its first slot. */
  biM1: number;
  biP1: number;
  lowerM1Short: number;
  shortLowerP1: number;
  shortTri: number;
}

/** A tag's cached scores by role, its id among the tags met (for combined rows), its partial hash. */
interface TagScores {
  tag: string;
  roles: Int32Array;
  hash: number;
  /** Id in combined rows, -1 when too many tags were met. */
  id: number;
  xposShort: number;
}

/** Most word types kept before the cache starts afresh. */
const CACHE_LIMIT = 100_000;

/** Small-value combinations: capitalisation x common-word before/after x title before x designator after. */
const FLAG_ROWS = CAP_CLASSES.length * 3 * 3 * 3 * (DESIGNATORS.length + 1);
/** Usage profile values kept in combined rows (0..31, and 255 standing for "no word") */
const USAGE_VALUES = 33;
/** Ids of gazetteer values and of tags in combined rows: more than this and the features are scored one by one. */
const MAX_IDS = 64;

export class StaticScorer {
  private readonly range: RangeScorer;
  private readonly model: CompactModel;
  private readonly stats: WordStats;
  private readonly words = new Map<string, WordScores>();
  private readonly upos = new Map<string, TagScores>();
  private readonly xpos = new Map<string, TagScores>();
  /** Ids of tag hashes (0 and 1 for the sentence start and end) and of gazetteer values. */
  private readonly tagIds = new Map<number, number>([
    [H_START, 0],
    [H_END, 1],
  ]);
  private readonly tagValues: number[] = [H_START, H_END];
  private readonly gazIds = new Map<number, number>([
    [H_NONE, 0],
    [H_START, 1],
    [H_END, 2],
  ]);
  private readonly gazValues: number[] = [H_NONE, H_START, H_END];
  /** Role scores of the sentence boundaries (words and tags together). */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** Combined rows: flags, usage, gazetteer neighbours (dense, by index), tag trigrams (hashed). */
  private readonly flagRows = new Int32Array(FLAG_ROWS * C);
  private readonly flagDone = new Uint8Array(FLAG_ROWS);
  private readonly usageRows = new Int32Array(USAGE_VALUES ** 3 * C);
  private readonly usageDone = new Uint8Array(USAGE_VALUES ** 3);
  private readonly gazRows = new Int32Array(MAX_IDS * MAX_IDS * C);
  private readonly gazDone = new Uint8Array(MAX_IDS * MAX_IDS);
  private readonly tagRows = new RowCache(1 << 14, C);
  /** Per token of the current sentence. */
  private rows: WordScores[] = [];
  private uposRows: TagScores[] = [];
  private xposRows: TagScores[] = [];
  /** Word information of the current sentence's tokens. */
  readonly infos: WordInfo[] = [];
  private longest = new Uint32Array(64);
  private longestLen = new Uint16Array(64);
  private readonly acc = new Int32Array(C);
  /** Per token of the current sentence: its word's and tags' role scores summed (R each). */
  private combined = new Int32Array(64 * R);
  private feats = new Uint32Array(64);
  /** Transition tables of the current sentence's tokens, for the decoder. */
  readonly trans: Float64Array[] = [];

  constructor(model: CompactModel, stats: WordStats) {
    this.model = model;
    this.range = rangeScorerOf(model);
    this.stats = stats;
    this.start = this.roles((role) => [
      ...wordRoleFeatures('start', role),
      ...tagRoleFeatures(EDGE_HASH.start, EDGE_HASH.start, role),
    ]);
    this.end = this.roles((role) => [
      ...wordRoleFeatures('end', role),
      ...tagRoleFeatures(EDGE_HASH.end, EDGE_HASH.end, role),
    ]);
  }

  /** Adds the scores of the features in `ids` to row. */
  private add(ids: readonly number[], row: Int32Array): void {
    if (this.feats.length < ids.length) this.feats = new Uint32Array(2 * ids.length);
    for (let k = 0; k < ids.length; k++) this.feats[k] = ids[k];
    this.range.addRange(this.feats, 0, ids.length, row);
  }

  /** Per role, the summed scores of the features `feats(role)` gives. */
  private roles(feats: (role: number) => number[]): Int32Array {
    const out = new Int32Array(R);
    for (let role = 0; role < WORD_ROLES; role++)
      this.add(feats(role), out.subarray(role * C, role * C + C));
    return out;
  }

  private tagId(h: number): number {
    let id = this.tagIds.get(h);
    if (id === undefined) {
      id = this.tagValues.length < MAX_IDS ? this.tagValues.length : -1;
      if (id >= 0) this.tagValues.push(h);
      this.tagIds.set(h, id);
    }
    return id;
  }

  private gazId(h: number): number {
    if (h === H_NONE) return 0;
    if (h === H_START) return 1;
    if (h === H_END) return 2;
    let id = this.gazIds.get(h);
    if (id === undefined) {
      id = this.gazValues.length < MAX_IDS ? this.gazValues.length : -1;
      if (id >= 0) this.gazValues.push(h);
      this.gazIds.set(h, id);
    }
    return id;
  }

  private tag(map: Map<string, TagScores>, tag: string, upos: boolean): TagScores {
    let v = map.get(tag);
    if (!v) {
      const h = tagHash(tag);
      v = {
        tag,
        roles: this.roles((role) => tagRoleFeatures(upos ? h : -1, upos ? -1 : h, role)),
        hash: h,
        id: this.tagId(h),
        xposShort: hashMix(P_XPOS_SHORT, h),
      };
      if (map.size >= CACHE_LIMIT) map.clear();
      map.set(tag, v);
    }
    return v;
  }

  private word(text: string): WordScores {
    let v = this.words.get(text);
    if (!v) {
      if (this.words.size >= CACHE_LIMIT) this.words.clear();
      const info: WordInfo = wordInfo(text, this.stats);
      const noGaz = new Int32Array(C);
      this.add([with1(hashMix(P_GAZ_SHORT, H_NONE), info.hShort)], noGaz);
      v = {
        info,
        roles: this.roles((role) => wordRoleFeatures(info, role)),
        positions: new Int32Array(POSITIONS * C),
        scored: 0,
        noGaz,
        combined: new Int32Array(R),
        comboUpos: undefined,
        comboXpos: undefined,
        trans: transitionTable(this.model, info.hShort, info.capCommon),
        biM1: hashMix(P_BI_M1, info.hLower),
        biP1: hashMix(P_BI_P1, info.hLower),
        lowerM1Short: hashMix(P_LOWER_M1_SHORT, info.hLower),
        shortLowerP1: hashMix(P_SHORT_LOWER_P1, info.hShort),
        shortTri: hashMix(P_SHORT_TRI, info.hShort),
      };
      this.words.set(text, v);
    }
    return v;
  }

  /** The word's position features' scores for one combination of the three flags. */
  private position(w: WordScores, init: number, afterQuote: number, headline: number): number {
    const variant = init * 4 + afterQuote * 2 + headline;
    if ((w.scored & (1 << variant)) === 0) {
      const ids = wordPositionFeatures(w.info, init, afterQuote, headline);
      // the sentence-initial lowercase form, a feature of the word in that position too
      if (init) ids.push(hashFinish(hashMix(featPrefix(T.initLower), w.info.hLower)));
      this.add(ids, w.positions.subarray(variant * C, variant * C + C));
      w.scored |= 1 << variant;
    }
    return variant * C;
  }

  /** Offset of the flag row for these values (see FLAG_ROWS). */
  private flagRow(
    cap: number,
    commonM1: number,
    commonP1: number,
    titleM1: number,
    desigP1: number,
  ): number {
    const index = (((cap * 3 + commonM1) * 3 + commonP1) * 3 + titleM1) * 4 + desigP1;
    const at = index * C;
    if (!this.flagDone[index]) {
      const hCap = hashString(CAP_CLASSES[cap]);
      const desig = desigP1 === DESIGNATORS.length ? H_END : hashString(DESIGNATORS[desigP1]);
      this.add(
        [
          hashFinish(hashMix(hashMix(featPrefix(T.commonM1), commonM1), hCap)),
          hashFinish(hashMix(hashMix(featPrefix(T.commonP1), commonP1), hCap)),
          hashFinish(hashMix(hashMix(featPrefix(T.titleM1), titleM1), hCap)),
          hashFinish(hashMix(hashMix(featPrefix(T.desigP1), desig), hCap)),
        ],
        this.flagRows.subarray(at, at + C),
      );
      this.flagDone[index] = 1;
    }
    return at;
  }

  /** Features of usage profiles before, at and after the token: their row's offset, or -1. */
  private usageRow(before: number, self: number, after: number): number {
    const a = usageId(before);
    const b = usageId(self);
    const c = usageId(after);
    if (a < 0 || b < 0 || c < 0) return -1;
    const index = (a * USAGE_VALUES + b) * USAGE_VALUES + c;
    const at = index * C;
    if (!this.usageDone[index]) {
      this.add(
        [
          hashFinish(hashMix(hashMix(featPrefix(T.usageM1), before), self)),
          hashFinish(hashMix(hashMix(featPrefix(T.usageP1), self), after)),
        ],
        this.usageRows.subarray(at, at + C),
      );
      this.usageDone[index] = 1;
    }
    return at;
  }

  /** The gazetteer values of the tokens before and after: their row's offset, or -1. */
  private gazRow(before: number, after: number): number {
    const a = this.gazId(before);
    const b = this.gazId(after);
    if (a < 0 || b < 0) return -1;
    const index = a * MAX_IDS + b;
    const at = index * C;
    if (!this.gazDone[index]) {
      this.add(
        [
          hashFinish(hashMix(featPrefix(T.gazPrev), before)),
          hashFinish(hashMix(featPrefix(T.gazNext), after)),
        ],
        this.gazRows.subarray(at, at + C),
      );
      this.gazDone[index] = 1;
    }
    return at;
  }

  /**
   * Adds the Penn-tag bigram and trigram features of a token to acc, given the tags before, at
   * and after it (undefined: the sentence's start or end), from a combined row when it can.
   */
  private addTagTrigram(
    before: TagScores | undefined,
    self: TagScores,
    after: TagScores | undefined,
    acc: Int32Array,
  ): void {
    const a = before ? before.id : 0;
    const c = after ? after.id : 1;
    const hBefore = before ? before.hash : H_START;
    const hAfter = after ? after.hash : H_END;
    if (a < 0 || self.id < 0 || c < 0) {
      this.add(tagTrigramFeatures(hBefore, self.hash, hAfter), acc);
      return;
    }
    const key = (a * MAX_IDS + self.id) * MAX_IDS + c;
    let at = this.tagRows.find(key);
    if (at < 0) {
      at = this.tagRows.insert(key);
      this.add(
        tagTrigramFeatures(hBefore, self.hash, hAfter),
        this.tagRows.rows.subarray(at, at + C),
      );
    }
    addRow(acc, this.tagRows.rows, at);
  }

  /**
   * Writes token i's static scores into out[i * C ..] for every token, and each token's
   * transition table into `trans`. `matches` are the sentence's gazetteer matches.
   */
  score(tokens: readonly NameToken[], matches: readonly LexiconMatch[], out: Float64Array): void {
    const n = tokens.length;
    const { rows, uposRows, xposRows, start, end, infos, acc, range } = this;
    rows.length = uposRows.length = xposRows.length = infos.length = this.trans.length = n;
    for (let i = 0; i < n; i++) {
      const w = this.word(tokens[i].text);
      rows[i] = w;
      infos[i] = w.info;
      this.trans[i] = w.trans;
      // most words come with the tags they had last time
      const { upos, xpos } = tokens[i];
      const u = w.comboUpos;
      const x = w.comboXpos;
      uposRows[i] = u && u.tag === upos ? u : this.tag(this.upos, upos, true);
      xposRows[i] = x && x.tag === xpos ? x : this.tag(this.xpos, xpos, false);
    }
    const headline = headlineFlag(infos);
    if (this.combined.length < n * R) this.combined = new Int32Array(2 * n * R);
    const combined = this.combined;
    for (let i = 0; i < n; i++) combined.set(withTags(rows[i], uposRows[i], xposRows[i]), i * R);

    // gazetteer: every match's entries score on the tokens it covers; per token the longest
    // match's (first) value
    if (this.longest.length < n) {
      this.longest = new Uint32Array(2 * n);
      this.longestLen = new Uint16Array(2 * n);
    }
    const longest = this.longest;
    const longestLen = this.longestLen;
    longest.fill(H_NONE, 0, n);
    longestLen.fill(0, 0, n);
    out.fill(0, 0, n * C);
    if (this.feats.length < 8) this.feats = new Uint32Array(8);
    const feats = this.feats;
    for (const m of matches) {
      const len = m.last - m.first + 1;
      for (let i = m.first; i <= m.last; i++) {
        const pos = len === 1 ? 'U' : i === m.first ? 'B' : i === m.last ? 'L' : 'I';
        acc.fill(0);
        for (const e of m.entries) {
          const v = gazValue(pos, e.kind, e.ambiguous);
          feats[0] = hashFinish(hashMix(P_GAZ, v));
          range.addRange(feats, 0, 1, acc);
          if (len > longestLen[i]) {
            longestLen[i] = len;
            longest[i] = v;
          }
        }
        for (let c = 0; c < C; c++) out[i * C + c] += acc[c];
      }
    }

    const { flagRows, usageRows, gazRows } = this;
    for (let i = 0; i < n; i++) {
      const word = rows[i];
      const w = word.info;
      const prev = i > 0 ? rows[i - 1] : undefined;
      const next = i + 1 < n ? rows[i + 1] : undefined;
      const lowerP1 = next ? next.info.hLower : H_END;
      const shortP1 = next ? next.info.hShort : H_END;
      const xp = xposRows[i];
      // features over words and shapes: looked up one by one
      let k = 0;
      feats[k++] = with1(prev ? prev.biM1 : START_BI_M1, w.hLower);
      feats[k++] = with1(word.biP1, lowerP1);
      feats[k++] = with1(prev ? prev.lowerM1Short : START_LOWER_M1_SHORT, w.hShort);
      feats[k++] = with1(word.shortLowerP1, lowerP1);
      feats[k++] = with1(hashMix(prev ? prev.shortTri : START_SHORT_TRI, w.hShort), shortP1);
      feats[k++] = with1(xp.xposShort, w.hShort);
      if (longest[i] !== H_NONE) feats[k++] = with1(hashMix(P_GAZ_SHORT, longest[i]), w.hShort);
      acc.fill(0);
      range.addRange(feats, 0, k, acc);
      if (longest[i] === H_NONE) addRow(acc, word.noGaz, 0);
      // features over a few small values: one row per combination
      addRow(
        acc,
        flagRows,
        this.flagRow(
          w.capId,
          prev ? prev.info.common : 2,
          next ? next.info.common : 2,
          prev ? prev.info.title : 2,
          next ? next.info.desigId : DESIGNATORS.length,
        ),
      );
      const usageM1 = prev ? prev.info.usage : 255;
      const usageP1 = next ? next.info.usage : 255;
      const u = this.usageRow(usageM1, w.usage, usageP1);
      if (u >= 0) addRow(acc, usageRows, u);
      else
        this.add(
          [
            hashFinish(hashMix(hashMix(featPrefix(T.usageM1), usageM1), w.usage)),
            hashFinish(hashMix(hashMix(featPrefix(T.usageP1), w.usage), usageP1)),
          ],
          acc,
        );
      const gazM1 = i > 0 ? longest[i - 1] : H_START;
      const gazP1 = i + 1 < n ? longest[i + 1] : H_END;
      const g = this.gazRow(gazM1, gazP1);
      if (g >= 0) addRow(acc, gazRows, g);
      else
        this.add(
          [
            hashFinish(hashMix(featPrefix(T.gazPrev), gazM1)),
            hashFinish(hashMix(featPrefix(T.gazNext), gazP1)),
          ],
          acc,
        );
      this.addTagTrigram(
        i > 0 ? xposRows[i - 1] : undefined,
        xp,
        next ? xposRows[i + 1] : undefined,
        acc,
      );
      // features of one word or one tag, by role, and of the word in its position
      const pos = this.position(word, i === 0 ? 1 : 0, prev ? prev.info.opener : 0, headline);
      addRow(acc, word.positions, pos);
      const self = i * R;
      addRow(acc, combined, self + SELF * C);
      addRow(acc, i > 0 ? combined : start, i > 0 ? self - R + BEFORE * C : BEFORE * C);
      addRow(acc, next ? combined : end, next ? self + R + AFTER * C : AFTER * C);
      addRow(acc, i > 1 ? combined : start, i > 1 ? self - 2 * R + TWO_BEFORE * C : TWO_BEFORE * C);
      addRow(
        acc,
        i + 2 < n ? combined : end,
        i + 2 < n ? self + 2 * R + TWO_AFTER * C : TWO_AFTER * C,
      );
      const at = i * C;
      for (let c = 0; c < C; c++) out[at + c] += acc[c];
    }
  }
}

const START_BI_M1 = hashMix(P_BI_M1, H_START);
const START_LOWER_M1_SHORT = hashMix(P_LOWER_M1_SHORT, H_START);
const START_SHORT_TRI = hashMix(P_SHORT_TRI, H_START);

/** A usage profile value's index in combined rows (255, "no word", is 32), or -1. */
function usageId(u: number): number {
  return u < 32 ? u : u === 255 ? 32 : -1;
}

/** The Penn-tag bigram and trigram features of a token (tag hashes before, at and after it). */
function tagTrigramFeatures(before: number, self: number, after: number): number[] {
  return [
    hashFinish(hashMix(hashMix(featPrefix(T.xposBiM1), before), self)),
    hashFinish(hashMix(hashMix(featPrefix(T.xposBiP1), self), after)),
    hashFinish(hashMix(hashMix(hashMix(featPrefix(T.xposTri), before), self), after)),
  ];
}

/** acc[c] += rows[at + c] for every class. */
function addRow(acc: Int32Array, rows: Int32Array, at: number): void {
  for (let c = 0; c < C; c++) acc[c] += rows[at + c];
}

/** The word's role scores with its tags' added in, kept with the word for the tags it had last. */
function withTags(w: WordScores, upos: TagScores, xpos: TagScores): Int32Array {
  if (w.comboUpos !== upos || w.comboXpos !== xpos) {
    const out = w.combined;
    const a = w.roles;
    const b = upos.roles;
    const d = xpos.roles;
    for (let k = 0; k < R; k++) out[k] = a[k] + b[k] + d[k];
    w.comboUpos = upos;
    w.comboXpos = xpos;
  }
  return w.combined;
}
