// Per-sentence word hashes shared by the tagger and the parser: each token's exact form, its
// normalised lowercase form, prefixes, suffixes and shape are hashed once per sentence into
// reusable typed arrays, so feature templates combine numbers instead of building strings.
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

  fill(words: readonly string[]): void {
    const n = words.length;
    if (n > this.exact.length) this.resize(n);
    this.n = n;
    for (let i = 0; i < n; i++) {
      const form = words[i].length > MAX_CHARS ? words[i].slice(0, MAX_CHARS) : words[i];
      const low = normalizeWord(form);
      this.exact[i] = hashString(form, 1);
      this.lower[i] = hashString(low, 2);
      const L = low.length;
      this.pre1[i] = hashRange(low, 0, Math.min(L, 1), 3);
      this.pre2[i] = hashRange(low, 0, Math.min(L, 2), 4);
      this.pre3[i] = hashRange(low, 0, Math.min(L, 3), 5);
      this.suf1[i] = hashRange(low, Math.max(0, L - 1), L, 6);
      this.suf2[i] = hashRange(low, Math.max(0, L - 2), L, 7);
      this.suf3[i] = hashRange(low, Math.max(0, L - 3), L, 8);
      this.suf4[i] = hashRange(low, Math.max(0, L - 4), L, 9);
      this.shape[i] = hashString(wordShape(form), 10);
      let f = 0;
      for (let k = 0; k < form.length; k++) {
        const c = form.charCodeAt(k);
        if (c >= 65 && c <= 90) {
          f |= 1;
          if (k === 0) f |= 2;
        } else if (c >= 48 && c <= 57) f |= 4;
        else if (c === 45) f |= 8;
      }
      this.flags[i] = f;
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
    ] as const) {
      this[key] = new Uint32Array(size);
    }
    this.flags = new Uint8Array(size);
  }
}
