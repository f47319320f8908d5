// Character classes for the tokenizer: a 64K lookup table for the Basic Multilingual Plane filled
// lazily from Unicode properties (letters \p{L}, marks \p{M}, digits \p{Nd}, white space), and a
// direct property test for astral code points. Every call is O(1), so scans stay linear.

export const SPACE = 1;
export const UPPER = 2; // \p{Lu} and \p{Lt}
export const LOWER = 3; // \p{Ll}
export const LETTER = 4; // other letters (\p{Lm}, \p{Lo}: scripts without case)
export const DIGIT = 5;
export const MARK = 6; // combining marks, joiners and variation selectors that extend a token
export const OTHER = 7; // punctuation, symbols, lone surrogates, controls

const table = new Uint8Array(0x10000);
/** Classes of astral code points seen so far (emoji, historic scripts), bounded in size. */
const astral = new Map<number, number>();

const reUpper = /^[\p{Lu}\p{Lt}]$/u;
const reLower = /^\p{Ll}$/u;
const reLetter = /^\p{L}$/u;
const reDigit = /^\p{Nd}$/u;
const reMark = /^[\p{M}\u200c\u200d]$/u;
const reSpace = /^[\s\u200b\u2060\ufeff]$/u;

function classify(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return OTHER; // a lone surrogate
  const ch = String.fromCodePoint(cp);
  if (reSpace.test(ch)) return SPACE;
  if (reUpper.test(ch)) return UPPER;
  if (reLower.test(ch)) return LOWER;
  if (reLetter.test(ch)) return LETTER;
  if (reDigit.test(ch)) return DIGIT;
  if (reMark.test(ch)) return MARK;
  if (cp === 0xad) return MARK; // soft hyphen stays inside its word
  // Emoji skin-tone modifiers and tag characters extend the symbol before them.
  if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) return MARK;
  return OTHER;
}

for (let c = 0; c < 128; c++) table[c] = classify(c);

/** Class of the code point `cp` (a full code point, not a UTF-16 unit). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    const k = table[cp]!;
    if (k !== 0) return k;
    const found = classify(cp);
    table[cp] = found;
    return found;
  }
  let found = astral.get(cp);
  if (found === undefined) {
    found = classify(cp);
    if (astral.size < 4096) astral.set(cp, found);
  }
  return found;
}

/** The code point at `i` in `text`, pairing surrogates only when both halves are present. */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** UTF-16 length of a code point. */
export function unitLength(cp: number): number {
  return cp >= 0x10000 ? 2 : 1;
}

/** Letters, digits and marks: the characters words are made of. */
export function isWordClass(k: number): boolean {
  return k >= UPPER && k <= MARK;
}

export function isLetterClass(k: number): boolean {
  return k >= UPPER && k <= LETTER;
}
