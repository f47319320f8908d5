// Per-sentence word hashes of the tagger: each token's exact form, its normalised lowercase form,
// prefixes, suffixes and shape are hashed into reusable typed arrays, so feature templates
// combine numbers instead of building strings. The hashes depend on the form alone and are kept
// per form (a bounded table shared by every WordHashes), so a form seen before costs one lookup;
// each token also gets its form's id in that table, under which callers keep their own per-form
// values (valid while formGeneration() stays the same).
import { hashRange, hashString } from '../learn/index.ts';

/** Longest token text looked at (a hostile 10k-character token is cut to this). */
const MAX_CHARS = 64;

export const PAD_START = hashString('<s>');
export const PAD_END = hashString('</s>');

/** Lowercase form with digits folded to 0 (so 1987 and 2014 share statistics). */
export function normalizeWord(form: string): string {
  const s = form.length > MAX_CHARS ? form.slice(0, MAX_CHARS) : form;
  let hasDigit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      hasDigit = true;
      break;
    }
  }
  const lower = s.toLowerCase();
  return hasDigit ? lower.replace(/[0-9]/g, '0') : lower;
}

/** Word shape: X for capitals, x for lowercase, d for digits, runs longer than two collapsed. */
export function wordShape(form: string): string {
  let out = '';
  let last = '';
  let run = 0;
  const n = Math.min(form.length, MAX_CHARS);
  for (let i = 0; i < n; i++) {
    const ch = form[i];
    let k: string;
    if (ch >= 'A' && ch <= 'Z') k = 'X';
    else if (ch >= 'a' && ch <= 'z') k = 'x';
    else if (ch >= '0' && ch <= '9') k = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) k = ch === ch.toUpperCase() ? 'X' : 'x';
    else k = ch;
    if (k === last) {
      run++;
      if (run > 2) continue;
    } else {
      run = 1;
      last = k;
    }
    out += k;
  }
  return out;
}

/** Values kept per form: the ten hashes of WordHashes, then the flags. */
const FIELDS = 11;
/** Forms whose hashes are kept (ids 0 .. FORM_SLOTS - 1); the table starts over when full. */
export const FORM_SLOTS = 8192;

const formIds = new Map<string, number>();
/** One more slot than the table holds: scratch for sentences too long to keep. */
const formValues = new Uint32Array((FORM_SLOTS + 1) * FIELDS);
let generation = 0;

/** Changes whenever form ids are reassigned (the table started over). */
export function formGeneration(): number {
  return generation;
}

/** Hashes a form into formValues at `at` (see FIELDS). */
function hashForm(word: string, at: number): void {
  const form = word.length > MAX_CHARS ? word.slice(0, MAX_CHARS) : word;
  const low = normalizeWord(form);
  const v = formValues;
  v[at] = hashString(form, 1);
  v[at + 1] = hashString(low, 2);
  const L = low.length;
  v[at + 2] = hashRange(low, 0, Math.min(L, 1), 3);
  v[at + 3] = hashRange(low, 0, Math.min(L, 2), 4);
  v[at + 4] = hashRange(low, 0, Math.min(L, 3), 5);
  v[at + 5] = hashRange(low, Math.max(0, L - 1), L, 6);
  v[at + 6] = hashRange(low, Math.max(0, L - 2), L, 7);
  v[at + 7] = hashRange(low, Math.max(0, L - 3), L, 8);
  v[at + 8] = hashRange(low, Math.max(0, L - 4), L, 9);
  v[at + 9] = hashString(wordShape(form), 10);
  let f = 0;
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c >= 65 && c <= 90) {
      f |= 1;
      if (k === 0) f |= 2;
    } else if (c >= 48 && c <= 57) f |= 4;
    else if (c === 45) f |= 8;
  }
  v[at + 10] = f;
}

/** The form's id, hashing it when it is new (the caller makes room beforehand). */
function formId(word: string): number {
  const id = formIds.get(word);
  if (id !== undefined) return id;
  const fresh = formIds.size;
  formIds.set(word, fresh);
  hashForm(word, fresh * FIELDS);
  return fresh;
}

/** Hashes of each token's surface properties; arrays grow as needed and are reused. */
export class WordHashes {
  n = 0;
  exact = new Uint32Array(64);
  lower = new Uint32Array(64);
  pre1 = new Uint32Array(64);
  pre2 = new Uint32Array(64);
  pre3 = new Uint32Array(64);
  suf1 = new Uint32Array(64);
  suf2 = new Uint32Array(64);
  suf3 = new Uint32Array(64);
  suf4 = new Uint32Array(64);
  shape = new Uint32Array(64);
  /** Bit 0: has an uppercase letter; bit 1: first letter uppercase; bit 2: digit; bit 3: hyphen. */
  flags = new Uint8Array(64);
  /** Each token's form id (see formGeneration), or -1 in a sentence of more than FORM_SLOTS tokens. */
  ids = new Int32Array(64);
  /**
   * Set by a tagger whose model knows tag sets (see tag-sets.ts), after fill: each token's tag set
   * and case use (0: not known), and which of their features the model has (1: those cached per
   * form, 2: also those over the previous tag and the next word). 0 after fill until then, and
   * the features leave them out.
   */
  tagSetLevel = 0;
  tagSet = new Uint32Array(64);
  caseUse = new Uint32Array(64);
  /**
   * Set by a tagger whose model reads the gazetteer (see name-matches.ts), after fill: each
   * token's place in a known name and that name's kinds (0: none), and `nameFeatures` true so the
   * features read them. False after fill until then.
   */
  nameFeatures = false;
  names = new Uint32Array(64);

  fill(words: readonly string[]): void {
    const n = words.length;
    if (n > this.exact.length) this.resize(n);
    this.n = n;
    this.tagSetLevel = 0;
    this.nameFeatures = false;
    const v = formValues;
    const keep = n <= FORM_SLOTS;
    // room for the whole sentence first, so that ids stay distinct within it
    if (keep && formIds.size + n > FORM_SLOTS) {
      formIds.clear();
      generation++;
    }
    for (let i = 0; i < n; i++) {
      let at = FORM_SLOTS * FIELDS;
      if (keep) {
        const id = formId(words[i]);
        this.ids[i] = id;
        at = id * FIELDS;
      } else {
        this.ids[i] = -1;
        hashForm(words[i], at);
      }
      this.exact[i] = v[at];
      this.lower[i] = v[at + 1];
      this.pre1[i] = v[at + 2];
      this.pre2[i] = v[at + 3];
      this.pre3[i] = v[at + 4];
      this.suf1[i] = v[at + 5];
      this.suf2[i] = v[at + 6];
      this.suf3[i] = v[at + 7];
      this.suf4[i] = v[at + 8];
      this.shape[i] = v[at + 9];
      this.flags[i] = v[at + 10];
    }
  }

  private resize(n: number): void {
    let size = this.exact.length;
    while (size < n) size *= 2;
    for (const key of [
      'exact',
      'lower',
      'pre1',
      'pre2',
      'pre3',
      'suf1',
      'suf2',
      'suf3',
      'suf4',
      'shape',
      'tagSet',
      'caseUse',
      'names',
    ] as const) {
      this[key] = new Uint32Array(size);
    }
    this.flags = new Uint8Array(size);
    this.ids = new Int32Array(size);
  }
}
