// Sentence splitting over the scanned tokens: a sentence ends at . ! ? (with the closing quotes and
// brackets after them), at an ellipsis before a capital, at an abbreviation only when a typical
// sentence opener follows, at every blank line, and at a line break after a headline-like line.
import * as chars from './chars.ts';
import * as lexicon from './lexicon.ts';
import * as scanner from './scan.ts';
import type { Scan } from './scan.ts';
import type { Sentence, Token } from '../types.ts';

// Local copies: imported bindings are read through getters under some loaders, and these
// are used for every character.
const { DIGIT, LETTER, LOWER, UPPER, charClass, codePointAt } = chars;
const { SENTENCE_STARTERS } = lexicon;
const {
  F_ABBREV,
  F_ELLIPSIS,
  F_EMOTICON,
  F_LINK,
  F_TERM,
  F_TITLE,
  GAP_LINE,
  GAP_NONE,
  GAP_PARA,
  GAP_SPACE,
} = scanner;

/** Shared one-unit strings (quotes, dashes): punctuation-heavy text allocates no string per token. */
const SINGLE: Array<string | undefined> = new Array<string | undefined>(0x10000);

/** Closing marks that stay with the sentence before them. */
const CLOSERS = new Set([')', ']', '}', '”', '’', '»', '"', "'", "''", '›']);
/** Opening marks after which a new sentence may begin. */
const OPENING = new Set(['(', '[', '"', "'", '“', '‘', '«', '`', '``']);
/** Line endings that announce the line goes on: no headline break after them. */
const CONTINUERS = new Set([',', ';', ':', '-', '–', '—', '&', '/', '(', '[', '“', '‘']);
/** Marks that open a list item at the start of a line. */
const BULLETS = new Set(['•', '◦', '▪', '‣', '●', '○', '■', '□', '*', '-', '–', '—', '>', '>>']);
/** Words a line does not end on unless the sentence goes on (hard-wrapped prose). */
const OPEN_WORDS = new Set(
  (
    'the a an of on in at to for with by from and or but nor that which who as than into onto ' +
    'over under about between against after before during his her its their our my your this ' +
    'these those is are was were be been has have had will would said says told'
  ).split(' '),
);
/** Longest sentence handed on; later stages (tagger, parser) need not face runaway input. */
export const MAX_SENTENCE_TOKENS = 1000;
/** Lines shorter than this (in UTF-16 units) without final punctuation read as headlines. */
const HEADLINE_LENGTH = 64;

function classAt(text: string, i: number): number {
  return charClass(codePointAt(text, i));
}

/** Whether a sentence may begin with the token at `j` (capital, digit, caseless script, opener). */
function opensSentence(text: string, scan: Scan, j: number): boolean {
  const k = classAt(text, scan.starts[j]!);
  if (k === UPPER || k === LETTER || k === DIGIT) return true;
  return OPENING.has(text.slice(scan.starts[j]!, scan.ends[j]!));
}

/** Whether the full stop of an abbreviation at `i` also ends the sentence, given the token at `j`. */
function abbreviationEnds(text: string, scan: Scan, i: number, j: number): boolean {
  if (scan.flags[i]! & F_TITLE) return false;
  let k = j;
  if (OPENING.has(text.slice(scan.starts[k]!, scan.ends[k]!)) && k + 1 < scan.count) k++;
  return SENTENCE_STARTERS.has(text.slice(scan.starts[k]!, scan.ends[k]!));
}

/** Groups scanned tokens into sentences. */
export function splitSentences(text: string, scan: Scan): Sentence[] {
  const { starts, ends, gaps, flags } = scan;
  const n = scan.count;
  const sentences: Sentence[] = [];
  let first = 0;
  let lineStart = n > 0 ? starts[0]! : 0;
  let lineLowerWords = 0;
  /** Whether the sentence under way has a token that starts with a letter. */
  let lettered = false;

  const close = (last: number): void => {
    // Pushed one by one: a preallocated `new Array(n)` turns slow (dictionary mode) for huge n.
    const tokens: Token[] = [];
    for (let t = first; t <= last; t++) {
      const start = starts[t]!;
      const end = ends[t]!;
      const code = end - start === 1 ? text.charCodeAt(start) : -1;
      const word = code >= 0 ? (SINGLE[code] ??= text[start]!) : text.slice(start, end);
      tokens.push({ text: word, start, end });
    }
    sentences.push({ start: starts[first]!, end: ends[last]!, tokens });
    first = last + 1;
    lettered = false;
  };

  for (let i = 0; i < n; i++) {
    const gap = gaps[i]!;
    if (gap >= GAP_LINE) {
      if (i > first) {
        if (gap === GAP_PARA) close(i - 1);
        else if (headlineEnds(i)) close(i - 1);
      }
      lineStart = starts[i]!;
      lineLowerWords = 0;
    }
    const k = classAt(text, starts[i]!);
    if (k === LOWER || k === UPPER || k === LETTER) {
      lettered = true;
      if (k === LOWER && ends[i]! - starts[i]! > 3) lineLowerWords++;
    }
    const f = flags[i]!;
    if (i - first + 1 >= MAX_SENTENCE_TOKENS) {
      close(i); // text with no sentence ends at all (tables, hostile input) comes in pieces
      continue;
    }
    if ((f & (F_TERM | F_ELLIPSIS | F_ABBREV)) === 0) {
      // A link or the ">>" closing a quoted attachment ends a line of mail before a capital.
      const j = i + 1;
      if (
        j < n &&
        gaps[j] === GAP_SPACE &&
        (f & F_LINK || isAngle(i)) &&
        opensSentence(text, scan, j)
      ) {
        if (classAt(text, starts[j]!) !== LOWER) close(i);
      }
      continue;
    }
    // A list number ("2.", "*3.") or a lone abbreviation ("P.S.") opens the sentence after it.
    if (!lettered || (f & F_ABBREV && i === first)) continue;
    let j = i + 1;
    while (j < n && gaps[j] === GAP_NONE && CLOSERS.has(text.slice(starts[j]!, ends[j]!))) j++;
    const closed = j > i + 1;
    j = skipCitations(j);
    // Marks that cannot open a sentence stay with this one: "? ? ?", ". )", ". :)", '. "' + space.
    while (j < n && gaps[j] === GAP_SPACE && trails(j)) j++;
    if (j < n && gaps[j]! >= GAP_LINE && j > i + 1) {
      close(j - 1);
      i = j - 1;
      continue;
    }
    if (j >= n || gaps[j] === GAP_NONE || gaps[j]! >= GAP_LINE) {
      i = j - 1; // the marks passed over are decided: never scan them again ("? ? ? ?")
      continue;
    }
    let ends_ = false;
    // A quotation closed by ? or ! often runs on into its attribution ("Why?" he asked).
    if (f & F_TERM) ends_ = !(closed && classAt(text, starts[j]!) === LOWER);
    else if (f & F_ELLIPSIS) ends_ = opensSentence(text, scan, j);
    else ends_ = abbreviationEnds(text, scan, i, j);
    if (ends_) close(j - 1);
    i = j - 1;
  }
  if (first < n) close(n - 1);
  return sentences;

  /** Whether token `i` is ">" or ">>". */
  function isAngle(i: number): boolean {
    const len = ends[i]! - starts[i]!;
    return len <= 2 && text.charCodeAt(starts[i]!) === 62 && text.charCodeAt(ends[i]! - 1) === 62;
  }

  /** Whether token `j`, after a sentence's final mark and a space, still belongs to it. */
  function trails(j: number): boolean {
    if (flags[j]! & (F_TERM | F_ELLIPSIS | F_EMOTICON)) return true;
    const t = text.slice(starts[j]!, ends[j]!);
    if (t === ')' || t === ']') return true;
    // A straight quote with space after it closes; one glued to a word opens.
    if (t === '"' || t === "''" || t === "'") return j + 1 >= n || gaps[j + 1] !== GAP_NONE;
    return false;
  }

  /**
   * Skips citation marks and editors' notes after a full stop ("... in 1971. [1] [2]",
   * "[citation needed]"): short bracketed groups of digits or lower-case words end with it.
   */
  function skipCitations(j: number): number {
    for (;;) {
      if (j >= n || ends[j]! - starts[j]! !== 1 || text.charCodeAt(starts[j]!) !== 91) return j;
      let k = j + 1;
      while (k < n && k - j <= 5 && text.charCodeAt(starts[k]!) !== 93) {
        const c = classAt(text, starts[k]!);
        if (c !== DIGIT && c !== LOWER) return j;
        k++;
      }
      if (k >= n || k === j + 1 || text.charCodeAt(starts[k]!) !== 93 || gaps[j + 1] !== GAP_NONE) {
        return j;
      }
      j = k + 1;
    }
  }

  /** A single line break before token `i`: does the line before it read as a headline? */
  function headlineEnds(i: number): boolean {
    const prev = i - 1;
    if (flags[prev]! & (F_TERM | F_ELLIPSIS)) return true;
    if (CONTINUERS.has(text.slice(starts[prev]!, ends[prev]!))) return false;
    if (OPEN_WORDS.has(text.slice(starts[prev]!, ends[prev]!))) return false;
    if (BULLETS.has(text.slice(starts[i]!, ends[i]!))) return true;
    if (!opensSentence(text, scan, i)) return false;
    return ends[prev]! - lineStart < HEADLINE_LENGTH || lineLowerWords === 0;
  }
}
