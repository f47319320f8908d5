// The tagger at inference time: a compact perceptron over joint UPOS+XPOS classes, tagging
// greedily left to right, plus a lexicon (each frequent word's usual tag, and a dictionary of
// frequent words that always carry one tag). Works on reusable typed arrays; linear in length.
import { readFileSync } from 'node:fs';
import {
  CompactModel,
  HashIndex,
  argmax,
  readBundle,
  saveModels,
  type AnyTypedArray,
} from '../learn/index.ts';
import { MAX_TAGGER_FEATURES, UNKNOWN_TAG, refineFeatures, taggerFeatures } from './features.ts';
import { WordHashes } from './word-hashes.ts';

/** A value in the lexicon: the class in the low 16 bits, bit 16 set when the tag is certain. */
export const LEX_SURE = 1 << 16;

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
  private readonly scores: Float64Array;
  private lex = new Uint16Array(64);
  private out = new Uint16Array(64);
  private first = new Uint16Array(64);
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
    this.scores = new Float64Array(model.nClasses);
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
    const scores = this.scores;
    const nc = this.model.nClasses;
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < n; i++) {
      const v = lexv[i];
      let tag: number;
      if (v >= 0 && v & LEX_SURE) tag = v & 0xffff;
      else {
        const k = taggerFeatures(h, lex, i, p1, p2, feats);
        this.model.score(feats, k, scores);
        tag = argmax(scores, nc);
      }
      first[i] = tag;
      p2 = p1;
      p1 = tag;
    }
    if (refine) {
      p1 = -1;
      p2 = -1;
      for (let i = 0; i < n; i++) {
        const v = lexv[i];
        let tag: number;
        if (v >= 0 && v & LEX_SURE) tag = v & 0xffff;
        else {
          const k = refineFeatures(h, lex, first, i, p1, p2, feats);
          refine.score(feats, k, scores);
          tag = argmax(scores, nc);
        }
        out[i] = tag;
        p2 = p1;
        p1 = tag;
      }
    }
    return out.subarray(0, n);
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
    return new Tagger(model, meta.upos as string[], meta.xpos as string[], keys, values, refine);
  }

  static load(file: string): Tagger {
    return Tagger.fromBuffer(readFileSync(file));
  }
}
