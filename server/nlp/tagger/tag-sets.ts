// What the training text says about each word form beyond its usual tag: the set of UPOS tags the
// form took (its ambiguity class, with a rough frequency), and how its lowercase form is written
// (how often in lowercase, how often capitalised away from the sentence start, and its usual UPOS
// when written in lowercase), so that "Court" or "Minister" can be told from a name by how
// "court" and "minister" behave. Both depend on the form alone; the tagger writes them into the
// sentence's WordHashes (`tagSet`, `caseUse`), where its features read them. Options: a tag set
// may also keep a verb's Penn tags apart (past tense against participle), and a form the tables
// do not know may read as one unknown form.
import { HashIndex, hashString } from '../learn/index.ts';
import type { WordHashes } from './word-hashes.ts';

/**
 * The exact and lowercase hashes a form gets when the tables know nothing of it (with the
 * `unknownForms` option): its word features then read as those of any unseen form, in training
 * (a form's only occurrence, left out) as on new text, and only its affixes and shape tell it apart.
 */
const UNKNOWN_EXACT = hashString('<unknown form>', 1);
const UNKNOWN_LOWER = hashString('<unknown form>', 2);

/** Gives the tokens of h whose tag set is 0 the unknown form's hashes. */
function markUnknown(h: WordHashes): void {
  for (let i = 0; i < h.n; i++)
    if (h.tagSet[i] === 0) {
      h.exact[i] = UNKNOWN_EXACT;
      h.lower[i] = UNKNOWN_LOWER;
    }
}

/** The UPOS tags, one bit each in a tag set (others share the last bit). */
const UPOS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
];
const UPOS_BIT = new Map(UPOS.map((u, i) => [u, i]));
const OTHER_BIT = UPOS.length;
/** Bit set in a tag set found under the lowercase form instead of the exact one. */
const FROM_LOWER = 1 << 22;
/**
 * With verb forms: the Penn tags of a VERB, counted apart (after the UPOS tags) and written from
 * bit 23 of a tag set, so that a past tense seen once is told from a participle.
 */
const VERB_FORMS = ['VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ'];
const VERB_FORM_AT = new Map(VERB_FORMS.map((x, i) => [x, OTHER_BIT + 1 + i]));
const VERB_FORM_BIT = 23;
const COUNTED = OTHER_BIT + 1 + VERB_FORMS.length;

/** A form needs this many occurrences for a tag set by default; a tag, this share of them. */
const MIN_COUNT = 2;
const MIN_SHARE = 0.05;

function uposBit(upos: string): number {
  return UPOS_BIT.get(upos) ?? OTHER_BIT;
}

/** 1 for fewer than 5 occurrences, 2 for 5-19, 3 for 20 or more. */
function countBucket(n: number): number {
  return n >= 20 ? 3 : n >= 5 ? 2 : 1;
}

/** Per UPOS bit, how often; plus the total. */
class Counts {
  /** UPOS bits, then verb forms (not part of the total). */
  readonly perTag = new Uint32Array(COUNTED);
  total = 0;
  add(bit: number, verbForm: number): void {
    this.perTag[bit]++;
    if (verbForm >= 0) this.perTag[verbForm]++;
    this.total++;
  }
}

/**
 * Tag-set value of counts, leaving out one occurrence of tag bit `own` (-1: none) and of verb
 * form `ownForm` (-1: none); 0 if too few.
 */
function tagSetValue(
  c: Counts | undefined,
  own: number,
  ownForm: number,
  extra: number,
  min: number,
): number {
  if (!c) return 0;
  const total = c.total - (own >= 0 ? 1 : 0);
  if (total < min || total === 0) return 0;
  let m = 0;
  for (let b = 0; b < COUNTED; b++) {
    const k = c.perTag[b] - (b === own || b === ownForm ? 1 : 0);
    if (k > 0 && k >= MIN_SHARE * total)
      m |= b <= OTHER_BIT ? 1 << b : 1 << (VERB_FORM_BIT + b - OTHER_BIT - 1);
  }
  return m | (countBucket(total) << 18) | extra;
}

/**
 * Case-use value of a lowercase form: how often written in lowercase (with the usual tag then)
 * and capitalised after the sentence start; 0 if seen too little.
 */
function caseUseValue(
  low: Counts | undefined,
  ownLowBit: number,
  nCap: number,
  min: number,
): number {
  const nLow = (low?.total ?? 0) - (ownLowBit >= 0 ? 1 : 0);
  if (nLow + nCap < min || nLow + nCap === 0) return 0;
  const lowBucket = nLow === 0 ? 0 : nLow < 3 ? 1 : nLow < 10 ? 2 : 3;
  const share = nCap / (nLow + nCap);
  const capBucket = share < 0.1 ? 0 : share < 0.5 ? 1 : share < 0.9 ? 2 : 3;
  let top = -1;
  if (low && nLow > 0)
    for (let b = 0; b <= OTHER_BIT; b++) {
      const k = low.perTag[b] - (b === ownLowBit ? 1 : 0);
      if (k > 0 && (top < 0 || k > low.perTag[top] - (top === ownLowBit ? 1 : 0))) top = b;
    }
  return 1 | (lowBucket << 1) | (capBucket << 3) | ((top + 1) << 5);
}

function counted<K>(m: Map<K, Counts>, key: K): Counts {
  let c = m.get(key);
  if (!c) m.set(key, (c = new Counts()));
  return c;
}

/** A token's way of being written: 0 lowercase, 1 capitalised after the sentence start, 2 other. */
function caseKind(h: WordHashes, i: number): number {
  const f = h.flags[i];
  return (f & 1) === 0 ? 0 : i > 0 && f & 2 ? 1 : 2;
}

/**
 * The counts behind the tables, kept while training: {@link annotateHeldOut} gives a training
 * token the values the tables would hold had the token not been counted, so that the tagger
 * learns from values as incomplete as those it meets on new text.
 */
export class TagSetCounts {
  private readonly exact = new Map<number, Counts>();
  private readonly lower = new Map<number, Counts>();
  /** Per lowercase form: its tags when written in lowercase, and its capitalised uses after the start. */
  private readonly lowercase = new Map<number, Counts>();
  private readonly capitalised = new Map<number, number>();

  /**
   * Counts tagged sentences; `h` hashes their words (the tagger's own hashes give the keys). A
   * form seen fewer than `minCount` times gets no values. With `verbForms`, a tag set also says
   * which Penn tags (past tense, participle, ...) the form took as a verb.
   */
  constructor(
    sentences: readonly {
      words: readonly string[];
      upos: readonly string[];
      xpos?: readonly string[];
    }[],
    h: WordHashes,
    private readonly minCount = MIN_COUNT,
    private readonly verbForms = false,
  ) {
    for (const s of sentences) {
      h.fill(s.words);
      for (let i = 0; i < h.n; i++) {
        const bit = uposBit(s.upos[i]);
        const form = this.verbForm(s.upos[i], s.xpos?.[i]);
        counted(this.exact, h.exact[i]).add(bit, form);
        counted(this.lower, h.lower[i]).add(bit, form);
        const kind = caseKind(h, i);
        if (kind === 0) counted(this.lowercase, h.lower[i]).add(bit, -1);
        else if (kind === 1)
          this.capitalised.set(h.lower[i], (this.capitalised.get(h.lower[i]) ?? 0) + 1);
      }
    }
  }

  /** A verb's form index in Counts (-1: not a verb, or verb forms not kept). */
  private verbForm(upos: string, xpos: string | undefined): number {
    if (!this.verbForms || upos !== 'VERB' || xpos === undefined) return -1;
    return VERB_FORM_AT.get(xpos) ?? -1;
  }

  /** The tables for run time, every occurrence counted. */
  tables(): TagSets {
    const sets = new Map<number, number>();
    for (const [key, c] of this.exact) {
      const v = tagSetValue(c, -1, -1, 0, this.minCount);
      if (v) sets.set(key, v);
    }
    for (const [key, c] of this.lower) {
      const v = tagSetValue(c, -1, -1, FROM_LOWER, this.minCount);
      if (v && !sets.has(key)) sets.set(key, v);
    }
    const cases = new Map<number, number>();
    for (const key of new Set([...this.lowercase.keys(), ...this.capitalised.keys()])) {
      const v = caseUseValue(
        this.lowercase.get(key),
        -1,
        this.capitalised.get(key) ?? 0,
        this.minCount,
      );
      if (v) cases.set(key, v);
    }
    const st = sortedTable(sets);
    const ct = sortedTable(cases);
    return new TagSets({
      setKeys: st.keys,
      setValues: st.values,
      caseKeys: ct.keys,
      caseValues: ct.values,
    });
  }

  /**
   * Writes into h (filled with one of the counted sentences, whose tags are `upos` and `xpos`)
   * each token's values with that token left out of the counts.
   */
  annotateHeldOut(
    h: WordHashes,
    upos: readonly string[],
    level: number,
    unknownForms = false,
    xpos?: readonly string[],
  ): void {
    for (let i = 0; i < h.n; i++) {
      const bit = uposBit(upos[i]);
      const form = this.verbForm(upos[i], xpos?.[i]);
      let v = tagSetValue(this.exact.get(h.exact[i]), bit, form, 0, this.minCount);
      if (!v) v = tagSetValue(this.lower.get(h.lower[i]), bit, form, FROM_LOWER, this.minCount);
      h.tagSet[i] = v;
      const kind = caseKind(h, i);
      const nCap = (this.capitalised.get(h.lower[i]) ?? 0) - (kind === 1 ? 1 : 0);
      h.caseUse[i] = caseUseValue(
        this.lowercase.get(h.lower[i]),
        kind === 0 ? bit : -1,
        nCap,
        this.minCount,
      );
    }
    h.tagSetLevel = level;
    if (unknownForms) markUnknown(h);
  }
}

/** The two tables, as stored in the tagger's model file. */
export interface TagSetArrays {
  setKeys: Uint32Array;
  setValues: Uint32Array;
  caseKeys: Uint32Array;
  caseValues: Uint32Array;
}

function index(keys: Uint32Array, values: Uint32Array): HashIndex {
  if (keys.length !== values.length) throw new Error('tagger: tag-set table mismatch');
  const ix = new HashIndex(keys.length);
  for (let i = 0; i < keys.length; i++) {
    if (values[i] === 0 || values[i] > 0x7fffffff) throw new Error('tagger: bad tag-set entry');
    ix.set(keys[i], values[i]);
  }
  return ix;
}

function sortedTable(m: Map<number, number>): { keys: Uint32Array; values: Uint32Array } {
  const keys = Uint32Array.from([...m.keys()].sort((a, b) => a - b));
  return { keys, values: Uint32Array.from(keys, (k) => m.get(k) ?? 0) };
}

export class TagSets {
  private readonly sets: HashIndex;
  private readonly cases: HashIndex;

  constructor(readonly arrays: TagSetArrays) {
    this.sets = index(arrays.setKeys, arrays.setValues);
    this.cases = index(arrays.caseKeys, arrays.caseValues);
  }

  /**
   * Writes each token's tag set and case use (0: not known) into h, filled for the sentence, and
   * the level of tag-set features to use.
   */
  annotate(h: WordHashes, level: number, unknownForms = false): void {
    const n = h.n;
    for (let i = 0; i < n; i++) {
      let v = this.sets.get(h.exact[i]);
      if (v < 0) v = this.sets.get(h.lower[i]);
      h.tagSet[i] = v < 0 ? 0 : v;
      const c = this.cases.get(h.lower[i]);
      h.caseUse[i] = c < 0 ? 0 : c;
    }
    h.tagSetLevel = level;
    if (unknownForms) markUnknown(h);
  }
}
