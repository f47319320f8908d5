// The tagger at inference time: a compact perceptron over joint UPOS+XPOS classes, tagging
// greedily left to right, plus a lexicon (each frequent word's usual tag, and a dictionary of
// frequent words that always carry one tag). The scores of the templates that look only at the
// word itself are cached per word form (integer sums, so the tags are the same with or without
// the cache). Works on reusable typed arrays; linear in length.
import { readFileSync } from 'node:fs';
import {
  CompactModel,
  HashIndex,
  readBundle,
  saveModels,
  type AnyTypedArray,
} from '../learn/index.ts';
import {
  MAX_TAGGER_FEATURES,
  UNKNOWN_TAG,
  contextFeatures,
  refineContextFeatures,
  wordFeatures,
} from './features.ts';
import { WordHashes } from './word-hashes.ts';

/** A value in the lexicon: the class in the low 16 bits, bit 16 set when the tag is certain. */
export const LEX_SURE = 1 << 16;

/** Word forms whose own-word scores are cached; the cache starts over when it is full. */
const CACHE_WORDS = 8192;

/**
 * Per word form (and whether it opens the sentence), the summed integer scores of its own-word
 * features under one model: one row of nClasses int32 per form.
 */
class WordScoreCache {
  private readonly rows: Int32Array;
  private readonly atStart = new Map<string, number>();
  private readonly inside = new Map<string, number>();
  private used = 0;

  constructor(private readonly nClasses: number) {
    this.rows = new Int32Array(CACHE_WORDS * nClasses);
  }

  /** Offset of the form's row, or -1. */
  find(form: string, first: boolean): number {
    return (first ? this.atStart : this.inside).get(form) ?? -1;
  }

  /** Stores a row for the form (starting over when full) and returns its offset. */
  store(form: string, first: boolean, row: Int32Array): number {
    if (this.used === CACHE_WORDS) {
      this.atStart.clear();
      this.inside.clear();
      this.used = 0;
    }
    const at = this.used++ * this.nClasses;
    this.rows.set(row.subarray(0, this.nClasses), at);
    (first ? this.atStart : this.inside).set(form, at);
    return at;
  }

  /** Copies the row at `at` into acc. */
  load(at: number, acc: Int32Array): void {
    acc.set(this.rows.subarray(at, at + this.nClasses));
  }
}

/** Index of the highest value in acc[0..n) (ties: lowest); the gap to the runner-up in `gap[0]`. */
function argmaxInt(acc: Int32Array, n: number, gap: Int32Array): number {
  let best = 0;
  let bestScore = acc[0];
  let second = -0x7fffffff;
  for (let c = 1; c < n; c++) {
    const v = acc[c];
    if (v > bestScore) {
      second = bestScore;
      bestScore = v;
      best = c;
    } else if (v > second) second = v;
  }
  gap[0] = n > 1 ? bestScore - second : 0x7fffffff;
  return best;
}

export interface TagResult {
  upos: string[];
  xpos: string[];
}

export class Tagger {
  readonly model: CompactModel;
  /** Optional second pass that sees the first pass's tags of the following words. */
  readonly refine: CompactModel | null;
  /** Per class: UPOS and XPOS. */
  readonly upos: string[];
  readonly xpos: string[];
  private readonly lexKeys: Uint32Array;
  private readonly lexValues: Uint32Array;
  private readonly lexicon: HashIndex;
  private readonly hashes = new WordHashes();
  private readonly feats = new Uint32Array(MAX_TAGGER_FEATURES);
  private readonly acc: Int32Array;
  private readonly cache: WordScoreCache;
  private readonly refineCache: WordScoreCache | null;
  private lex = new Uint16Array(64);
  private out = new Uint16Array(64);
  private first = new Uint16Array(64);
  /** Per token: true when the first pass was sure enough to skip the refining pass. */
  private settled = new Uint8Array(64);
  private readonly gap = new Int32Array(1);
  /**
   * First-pass margin (in averaged-perceptron units) from which a token keeps its first-pass tag
   * without the refining pass; Infinity refines every token.
   */
  refineMargin = Infinity;
  private lexv = new Int32Array(64);

  constructor(
    model: CompactModel,
    upos: string[],
    xpos: string[],
    lexKeys: Uint32Array,
    lexValues: Uint32Array,
    refine: CompactModel | null = null,
  ) {
    if (refine && refine.nClasses !== model.nClasses) throw new Error('tagger: pass mismatch');
    this.refine = refine;
    if (upos.length !== model.nClasses || xpos.length !== model.nClasses)
      throw new Error('tagger: label count does not match the model');
    this.model = model;
    this.upos = upos;
    this.xpos = xpos;
    this.lexKeys = lexKeys;
    this.lexValues = lexValues;
    this.lexicon = new HashIndex(lexKeys.length);
    for (let i = 0; i < lexKeys.length; i++) {
      if ((lexValues[i] & 0xffff) >= model.nClasses) throw new Error('tagger: bad lexicon entry');
      this.lexicon.set(lexKeys[i], lexValues[i]);
    }
    this.acc = new Int32Array(model.nClasses);
    this.cache = new WordScoreCache(model.nClasses);
    this.refineCache = refine ? new WordScoreCache(model.nClasses) : null;
  }

  /** Number of classes (UPOS+XPOS pairs). */
  get nClasses(): number {
    return this.model.nClasses;
  }

  /**
   * Tags a sentence and returns class ids in a buffer owned by the tagger (valid until the next
   * call). Use `upos[id]` / `xpos[id]` for the tags.
   */
  tagIds(words: readonly string[]): Uint16Array {
    const n = words.length;
    const h = this.hashes;
    h.fill(words);
    if (n > this.lex.length) {
      let size = this.lex.length;
      while (size < n) size *= 2;
      this.lex = new Uint16Array(size);
      this.out = new Uint16Array(size);
      this.first = new Uint16Array(size);
      this.settled = new Uint8Array(size);
      this.lexv = new Int32Array(size);
    }
    const lex = this.lex;
    const out = this.out;
    const lexv = this.lexv;
    for (let i = 0; i < n; i++) {
      const v = this.lookup(h.exact[i], h.lower[i]);
      lexv[i] = v;
      lex[i] = v < 0 ? UNKNOWN_TAG : v & 0xffff;
    }
    const refine = this.refine;
    const first = refine ? this.first : out;
    const feats = this.feats;
    const acc = this.acc;
    const nc = this.model.nClasses;
    const settled = this.settled;
    const sureGap = refine ? this.refineMargin / this.model.scale : Infinity;
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < n; i++) {
      const v = lexv[i];
      let tag: number;
      if (v >= 0 && v & LEX_SURE) tag = v & 0xffff;
      else {
        this.wordScores(this.model, this.cache, words[i], i, acc);
        const k = contextFeatures(h, lex, i, p1, p2, feats);
        this.model.addScores(feats, k, acc);
        tag = argmaxInt(acc, nc, this.gap);
      }
      settled[i] = v >= 0 && v & LEX_SURE ? 1 : this.gap[0] >= sureGap ? 1 : 0;
      first[i] = tag;
      p2 = p1;
      p1 = tag;
    }
    if (refine && this.refineCache) {
      p1 = -1;
      p2 = -1;
      for (let i = 0; i < n; i++) {
        let tag: number;
        if (settled[i]) tag = first[i];
        else {
          this.wordScores(refine, this.refineCache, words[i], i, acc);
          const k = refineContextFeatures(h, lex, first, i, p1, p2, feats);
          refine.addScores(feats, k, acc);
          tag = argmaxInt(acc, nc, this.gap);
        }
        out[i] = tag;
        p2 = p1;
        p1 = tag;
      }
    }
    return out.subarray(0, n);
  }

  /** Writes the scores of token i's own-word features into acc, from the cache when it can. */
  private wordScores(
    model: CompactModel,
    cache: WordScoreCache,
    form: string,
    i: number,
    acc: Int32Array,
  ): void {
    const first = i === 0;
    let at = cache.find(form, first);
    if (at < 0) {
      acc.fill(0);
      const k = wordFeatures(this.hashes, this.lex, i, this.feats);
      model.addScores(this.feats, k, acc);
      at = cache.store(form, first, acc);
    }
    cache.load(at, acc);
  }

  /** Tags a sentence given as token strings. */
  tag(words: readonly string[]): TagResult {
    const ids = this.tagIds(words);
    const upos = new Array<string>(ids.length);
    const xpos = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      upos[i] = this.upos[ids[i]];
      xpos[i] = this.xpos[ids[i]];
    }
    return { upos, xpos };
  }

  /** Lexicon value for a token (exact form first, then normalised lowercase), or -1. */
  lookup(exactHash: number, lowerHash: number): number {
    const v = this.lexicon.get(exactHash);
    if (v >= 0) return v;
    const w = this.lexicon.get(lowerHash);
    return w >= 0 ? w & 0xffff : -1;
  }

  toBuffer(): Buffer {
    const extra: Record<string, AnyTypedArray> = {
      'lexicon.keys': this.lexKeys,
      'lexicon.values': this.lexValues,
    };
    const models: Record<string, CompactModel> = { tagger: this.model };
    if (this.refine) models.refine = this.refine;
    return saveModels(
      models,
      {
        kind: 'stancegraph-tagger',
        version: 1,
        passes: this.refine ? 2 : 1,
        refineMargin: Number.isFinite(this.refineMargin) ? this.refineMargin : null,
        upos: this.upos,
        xpos: this.xpos,
      },
      extra,
    );
  }

  static fromBuffer(data: Uint8Array): Tagger {
    const { meta, arrays } = readBundle(data);
    if (meta.kind !== 'stancegraph-tagger') throw new Error('tagger: not a tagger model');
    const model = CompactModel.fromParts('tagger.', meta, arrays);
    const refine = meta.passes === 2 ? CompactModel.fromParts('refine.', meta, arrays) : null;
    const keys = arrays['lexicon.keys'];
    const values = arrays['lexicon.values'];
    if (
      !(keys instanceof Uint32Array) ||
      !(values instanceof Uint32Array) ||
      keys.length !== values.length
    )
      throw new Error('tagger: missing lexicon');
    const tagger = new Tagger(
      model,
      meta.upos as string[],
      meta.xpos as string[],
      keys,
      values,
      refine,
    );
    if (typeof meta.refineMargin === 'number') tagger.refineMargin = meta.refineMargin;
    return tagger;
  }

  static load(file: string): Tagger {
    return Tagger.fromBuffer(readFileSync(file));
  }
}
