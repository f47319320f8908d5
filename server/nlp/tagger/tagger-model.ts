// The tagger at inference time: a compact perceptron over joint UPOS+XPOS classes, tagging
// greedily left to right, plus a lexicon (each frequent word's usual tag, and a dictionary of
// frequent words that always carry one tag; in a model trained with them, the tag-set tables of
// tag-sets.ts). The scores of the templates that look only at the word itself, and of those that
// look at one neighbouring word alone, are cached per word form (integer sums, so the tags are the
// same with or without the caches). Works on reusable typed arrays; linear in length.
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
  ROLE_AFTER,
  ROLE_BEFORE,
  ROLE_TWO_AFTER,
  ROLE_TWO_BEFORE,
  UNKNOWN_TAG,
  clauseRoles,
  clauseState,
  neighbourFeatures,
  pairFeatures,
  refineTagFeatures,
  wordFeatures,
} from './features.ts';
import { TagSets } from './tag-sets.ts';
import { defaultNameLexicon, markNames } from './name-matches.ts';
import type { NameLexicon } from '../names/lexicon.ts';
import { FORM_SLOTS, WordHashes, formGeneration } from './word-hashes.ts';

/** A value in the lexicon: the class in the low 16 bits, bit 16 set when the tag is certain. */
export const LEX_SURE = 1 << 16;

/**
 * Per word form (by its id in the sentence's WordHashes), the summed integer scores of its
 * features under one model that depend on the form alone: its own-word features (one row as the
 * sentence's first token, one elsewhere) and its features as the neighbour just before or just
 * after a token ({@link neighbourFeatures}), nClasses int32 per row, filled on first use. A
 * form's rows hold while the form ids keep their generation.
 */
class FormScores {
  /** Own rows at (id * 2 + first) * nc; neighbour rows at (id * 2 + role) * nc, the last pair for the boundary. */
  readonly own: Int32Array;
  readonly neighbours: Int32Array;
  private readonly ownStamp = new Int32Array(FORM_SLOTS * 2);
  private readonly neighbourStamp = new Int32Array(FORM_SLOTS);
  private readonly nc: number;

  constructor(
    private readonly model: CompactModel,
    private readonly feats: Uint32Array,
    tagSetLevel: number,
  ) {
    const nc = model.nClasses;
    this.nc = nc;
    this.own = new Int32Array(FORM_SLOTS * 2 * nc);
    this.neighbours = new Int32Array((FORM_SLOTS + 1) * 2 * nc);
    const boundary = new WordHashes();
    boundary.tagSetLevel = tagSetLevel;
    this.fillNeighbours(boundary, new Uint16Array(0), -1, FORM_SLOTS * 2 * nc);
  }

  /** Offset in `own` of token i's own-word row (h, lex: the sentence's hashes and lexicon tags). */
  ownAt(h: WordHashes, lex: Uint16Array, i: number): number {
    const key = h.ids[i] * 2 + (i === 0 ? 1 : 0);
    const at = key * this.nc;
    const stamp = formGeneration() + 1;
    if (this.ownStamp[key] !== stamp) {
      this.own.fill(0, at, at + this.nc);
      const k = wordFeatures(h, lex, i, this.feats);
      this.model.addScores(this.feats, k, this.own.subarray(at, at + this.nc));
      this.ownStamp[key] = stamp;
    }
    return at;
  }

  /** Offset in `neighbours` of token j's neighbour rows (before, then after); j = -1: the boundary's. */
  neighbourAt(h: WordHashes, lex: Uint16Array, j: number): number {
    if (j < 0) return FORM_SLOTS * 2 * this.nc;
    const id = h.ids[j];
    const at = id * 2 * this.nc;
    const stamp = formGeneration() + 1;
    if (this.neighbourStamp[id] !== stamp) {
      this.fillNeighbours(h, lex, j, at);
      this.neighbourStamp[id] = stamp;
    }
    return at;
  }

  private fillNeighbours(h: WordHashes, lex: Uint16Array, j: number, at: number): void {
    const nc = this.nc;
    this.neighbours.fill(0, at, at + 2 * nc);
    for (const role of [ROLE_BEFORE, ROLE_AFTER]) {
      const k = neighbourFeatures(h, lex, j, role, this.feats);
      const from = at + (role === ROLE_BEFORE ? 0 : nc);
      this.model.addScores(this.feats, k, this.neighbours.subarray(from, from + nc));
    }
  }
}

/** acc[c] += rows[at + c] + more[from + c] for c < n. */
function addRows(
  acc: Int32Array,
  rows: Int32Array,
  at: number,
  more: Int32Array,
  from: number,
  n: number,
): void {
  for (let c = 0; c < n; c++) acc[c] += rows[at + c] + more[from + c];
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

/** The tag-set tables of a model (see tag-sets.ts) and which of their features it uses (1 or 2). */
export interface TaggerTagSets {
  table: TagSets;
  level: number;
  /** Forms the tables do not know read as one unknown form (see tag-sets.ts). */
  unknownForms?: boolean;
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
  private readonly forms: FormScores;
  private readonly refineForms: FormScores | null;
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
  /** Whether the model reads whether the clause so far holds a finite verb (see features.ts). */
  clauseVerb = false;
  /** Per class: its clause role, for `clauseVerb`. */
  private readonly roles: Uint8Array;
  private lexv = new Int32Array(64);
  /** The model's tag-set tables, when it was trained with them. */
  readonly tagSets: TaggerTagSets | null;
  /** The gazetteer whose names are features, when the model was trained with them. */
  readonly names: NameLexicon | null;

  constructor(
    model: CompactModel,
    upos: string[],
    xpos: string[],
    lexKeys: Uint32Array,
    lexValues: Uint32Array,
    refine: CompactModel | null = null,
    tagSets: TaggerTagSets | null = null,
    names: NameLexicon | null = null,
  ) {
    if (refine && refine.nClasses !== model.nClasses) throw new Error('tagger: pass mismatch');
    this.refine = refine;
    this.tagSets = tagSets;
    this.names = names;
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
    this.roles = clauseRoles(xpos);
    const level = tagSets?.level ?? 0;
    this.forms = new FormScores(model, this.feats, level);
    this.refineForms = refine ? new FormScores(refine, this.feats, level) : null;
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
    // tag sets first, as in training: a model with `unknownForms` rewrites unknown forms' hashes
    this.annotate(h);
    if (this.names) {
      markNames(words, this.names, h.names);
      h.nameFeatures = true;
    }
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
    const roles = this.clauseVerb ? this.roles : null;
    let p1 = -1;
    let p2 = -1;
    let verb = roles ? 0 : -1;
    for (let i = 0; i < n; i++) {
      const v = lexv[i];
      let tag: number;
      if (v >= 0 && v & LEX_SURE) tag = v & 0xffff;
      else {
        const k = this.formScores(this.model, this.forms, i, acc);
        this.model.addScores(feats, pairFeatures(h, lex, i, p1, p2, feats, k, verb), acc);
        tag = argmaxInt(acc, nc, this.gap);
      }
      settled[i] = v >= 0 && v & LEX_SURE ? 1 : this.gap[0] >= sureGap ? 1 : 0;
      first[i] = tag;
      p2 = p1;
      p1 = tag;
      if (roles) verb = clauseState(verb, roles, tag);
    }
    if (refine && this.refineForms) {
      p1 = -1;
      p2 = -1;
      verb = roles ? 0 : -1;
      for (let i = 0; i < n; i++) {
        let tag: number;
        if (settled[i]) tag = first[i];
        else {
          let k = this.formScores(refine, this.refineForms, i, acc);
          k = pairFeatures(h, lex, i, p1, p2, feats, k, verb);
          refine.addScores(feats, refineTagFeatures(h, first, i, p1, feats, k), acc);
          tag = argmaxInt(acc, nc, this.gap);
        }
        out[i] = tag;
        p2 = p1;
        p1 = tag;
        if (roles) verb = clauseState(verb, roles, tag);
      }
    }
    return out.subarray(0, n);
  }

  /**
   * Starts token i's scores under one model in acc: its form's own-word scores and those of its
   * neighbours just before and after, from the per-form rows; the features of the neighbours two
   * before and two after are written into the feature buffer. Returns how many were written.
   * (In a sentence too long for form ids, every one of those features is written instead.)
   */
  private formScores(model: CompactModel, forms: FormScores, i: number, acc: Int32Array): number {
    const h = this.hashes;
    const lex = this.lex;
    const feats = this.feats;
    const n = h.n;
    let k = 0;
    if (h.ids[i] < 0) {
      acc.fill(0);
      k = wordFeatures(h, lex, i, feats, k);
      k = neighbourFeatures(h, lex, i > 0 ? i - 1 : -1, ROLE_BEFORE, feats, k);
      k = neighbourFeatures(h, lex, i + 1 < n ? i + 1 : -1, ROLE_AFTER, feats, k);
    } else {
      const own = forms.ownAt(h, lex, i);
      acc.set(forms.own.subarray(own, own + model.nClasses));
      const before = forms.neighbourAt(h, lex, i - 1);
      const after = forms.neighbourAt(h, lex, i + 1 < n ? i + 1 : -1) + model.nClasses;
      addRows(acc, forms.neighbours, before, forms.neighbours, after, model.nClasses);
    }
    k = neighbourFeatures(h, lex, i > 1 ? i - 2 : -1, ROLE_TWO_BEFORE, feats, k);
    return neighbourFeatures(h, lex, i + 2 < n ? i + 2 : -1, ROLE_TWO_AFTER, feats, k);
  }

  /** Writes the tag sets of the sentence filled into h, when the model uses them. */
  annotate(h: WordHashes): void {
    if (this.tagSets)
      this.tagSets.table.annotate(h, this.tagSets.level, this.tagSets.unknownForms === true);
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
    if (this.tagSets) {
      const a = this.tagSets.table.arrays;
      extra['tagsets.keys'] = a.setKeys;
      extra['tagsets.values'] = a.setValues;
      extra['caseuse.keys'] = a.caseKeys;
      extra['caseuse.values'] = a.caseValues;
    }
    const models: Record<string, CompactModel> = { tagger: this.model };
    if (this.refine) models.refine = this.refine;
    return saveModels(
      models,
      {
        kind: 'stancegraph-tagger',
        version: 1,
        passes: this.refine ? 2 : 1,
        refineMargin: Number.isFinite(this.refineMargin) ? this.refineMargin : null,
        ...(this.tagSets ? { tagSetLevel: this.tagSets.level } : {}),
        ...(this.tagSets?.unknownForms ? { unknownForms: true } : {}),
        ...(this.names ? { nameFeatures: true, gazetteer: this.names.fingerprint() } : {}),
        ...(this.clauseVerb ? { clauseVerb: true } : {}),
        upos: this.upos,
        xpos: this.xpos,
      },
      extra,
    );
  }

  /**
   * A tagger from a model file's bytes. A model trained with gazetteer features reads `names`, by
   * default the project's gazetteer (a different one than it was trained with changes its tags;
   * the model records the fingerprint of its own in meta `gazetteer`).
   */
  static fromBuffer(data: Uint8Array, names?: NameLexicon): Tagger {
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
      typeof meta.tagSetLevel === 'number'
        ? readTagSets(arrays, meta.tagSetLevel, meta.unknownForms === true)
        : null,
      meta.nameFeatures === true ? (names ?? defaultNameLexicon()) : null,
    );
    if (typeof meta.refineMargin === 'number') tagger.refineMargin = meta.refineMargin;
    tagger.clauseVerb = meta.clauseVerb === true;
    return tagger;
  }

  static load(file: string, names?: NameLexicon): Tagger {
    return Tagger.fromBuffer(readFileSync(file), names);
  }
}

/** The tag-set tables stored in a model file. */
function readTagSets(
  arrays: Record<string, AnyTypedArray>,
  level: number,
  unknownForms: boolean,
): TaggerTagSets {
  const [setKeys, setValues, caseKeys, caseValues] = [
    'tagsets.keys',
    'tagsets.values',
    'caseuse.keys',
    'caseuse.values',
  ].map((name) => arrays[name]);
  if (
    !(setKeys instanceof Uint32Array) ||
    !(setValues instanceof Uint32Array) ||
    !(caseKeys instanceof Uint32Array) ||
    !(caseValues instanceof Uint32Array) ||
    (level !== 1 && level !== 2)
  )
    throw new Error('tagger: bad tag-set tables');
  const table = new TagSets({ setKeys, setValues, caseKeys, caseValues });
  return unknownForms ? { table, level, unknownForms } : { table, level };
}
