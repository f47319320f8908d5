// Static scores of a sentence's tokens under the name finder's first-stage model, fast: the
// features that depend on one word alone (its form, shape and affixes, the word as the neighbour
// of nearby tokens, the word in a sentence-initial, after-quote or headline position) or on one tag
// alone are scored once per word type or tag and kept per role, so each token costs a lookup per
// remaining context feature plus a few additions. Equal to scoring every feature of every token.
import type { CompactModel } from '../learn/index.ts';
import { CLASS_COUNT } from './bilou.ts';
import {
  EDGE_HASH,
  tagHash,
  headlineFlag,
  tagRoleFeatures,
  wordPositionFeatures,
  WORD_ROLES,
  wordRoleFeatures,
  type NameToken,
  type SentenceFeatures,
} from './features.ts';
import { rangeScorerOf, type RangeScorer } from './range-scorer.ts';
import { wordInfo, type WordInfo } from './word-features.ts';
import type { WordStats } from './word-stats.ts';

const C = CLASS_COUNT;
const SELF = 0;
const BEFORE = 1;
const AFTER = 2;
const TWO_BEFORE = 3;
const TWO_AFTER = 4;

/** Combinations of the position flags (sentence start, after a quote, headline). */
const POSITIONS = 8;

/** A word type's cached scores: by role, and by position flags (filled as they are met). */
interface WordScores {
  info: WordInfo;
  roles: Float64Array;
  positions: Float64Array;
  /** Bit v set: positions[v * C ..] holds variant v. */
  scored: number;
}

/** Most word types kept before the cache starts afresh. */
const CACHE_LIMIT = 100_000;

export class StaticScorer {
  private readonly range: RangeScorer;
  private readonly stats: WordStats;
  private readonly words = new Map<string, WordScores>();
  private readonly upos = new Map<string, Float64Array>();
  private readonly xpos = new Map<string, Float64Array>();
  /** Role scores of the sentence boundaries (words and tags together). */
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private rows: WordScores[] = [];
  private readonly infos: WordInfo[] = [];
  private uposRows: Float64Array[] = [];
  private xposRows: Float64Array[] = [];
  private readonly row = new Float64Array(C);
  private combined = new Float64Array(64 * WORD_ROLES * C);

  constructor(model: CompactModel, stats: WordStats) {
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

  /** Per role, the summed scores of the features `feats(role)` gives. */
  private roles(feats: (role: number) => number[]): Float64Array {
    const out = new Float64Array(WORD_ROLES * C);
    const row = new Float64Array(C);
    for (let role = 0; role < WORD_ROLES; role++) {
      const ids = Uint32Array.from(feats(role));
      this.range.scoreRange(ids, 0, ids.length, row);
      out.set(row, role * C);
    }
    return out;
  }

  private tag(map: Map<string, Float64Array>, tag: string, upos: boolean): Float64Array {
    let v = map.get(tag);
    if (!v) {
      const h = tagHash(tag);
      v = this.roles((role) => tagRoleFeatures(upos ? h : -1, upos ? -1 : h, role));
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
      v = {
        info,
        roles: this.roles((role) => wordRoleFeatures(info, role)),
        positions: new Float64Array(POSITIONS * C),
        scored: 0,
      };
      this.words.set(text, v);
    }
    return v;
  }

  /** The word's position features' scores for one combination of the three flags. */
  private position(w: WordScores, init: number, afterQuote: number, headline: number): number {
    const variant = init * 4 + afterQuote * 2 + headline;
    if ((w.scored & (1 << variant)) === 0) {
      const ids = Uint32Array.from(wordPositionFeatures(w.info, init, afterQuote, headline));
      this.range.scoreRange(ids, 0, ids.length, this.row);
      w.positions.set(this.row, variant * C);
      w.scored |= 1 << variant;
    }
    return variant * C;
  }

  /**
   * Writes token i's static scores into out[i * C ..] for every token; `sf` holds the sentence's
   * context features only (sentenceFeatures with `all` false).
   */
  score(tokens: readonly NameToken[], sf: SentenceFeatures, out: Float64Array): void {
    const n = tokens.length;
    const { rows, uposRows, xposRows, start, end } = this;
    rows.length = uposRows.length = xposRows.length = n;
    const infos = this.infos;
    infos.length = n;
    for (let i = 0; i < n; i++) {
      rows[i] = this.word(tokens[i].text);
      infos[i] = rows[i].info;
      uposRows[i] = this.tag(this.upos, tokens[i].upos, true);
      xposRows[i] = this.tag(this.xpos, tokens[i].xpos, false);
    }
    // per token, its word's and tags' role scores summed: roles[i * R + role * C + c]
    const R = WORD_ROLES * C;
    if (this.combined.length < n * R) this.combined = new Float64Array(2 * n * R);
    const combined = this.combined;
    for (let i = 0; i < n; i++) {
      const w = rows[i].roles;
      const u = uposRows[i];
      const x = xposRows[i];
      const at = i * R;
      for (let k = 0; k < R; k++) combined[at + k] = w[k] + u[k] + x[k];
    }
    const headline = headlineFlag(infos);
    const row = this.row;
    for (let i = 0; i < n; i++) {
      const word = rows[i];
      const pos = this.position(word, i === 0 ? 1 : 0, i > 0 ? infos[i - 1].opener : 0, headline);
      const positions = word.positions;
      this.range.scoreRange(sf.feats, sf.offsets[i], sf.offsets[i + 1], row);
      const self = i * R + SELF * C;
      const before = i > 0 ? (i - 1) * R + BEFORE * C : -1;
      const after = i + 1 < n ? (i + 1) * R + AFTER * C : -1;
      const twoBefore = i > 1 ? (i - 2) * R + TWO_BEFORE * C : -1;
      const twoAfter = i + 2 < n ? (i + 2) * R + TWO_AFTER * C : -1;
      const at = i * C;
      for (let c = 0; c < C; c++) {
        out[at + c] =
          row[c] +
          positions[pos + c] +
          combined[self + c] +
          (before >= 0 ? combined[before + c] : start[BEFORE * C + c]) +
          (after >= 0 ? combined[after + c] : end[AFTER * C + c]) +
          (twoBefore >= 0 ? combined[twoBefore + c] : start[TWO_BEFORE * C + c]) +
          (twoAfter >= 0 ? combined[twoAfter + c] : end[TWO_AFTER * C + c]);
      }
    }
  }
}
