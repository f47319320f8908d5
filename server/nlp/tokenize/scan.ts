// The token scanner: one left-to-right pass over the text that cuts it into surface tokens the way
// UD English (EWT, GUM) does, recording for each token the white space before it and a few flags
// the sentence splitter needs. Every loop advances through the text or looks ahead a bounded
// number of characters, so the whole pass is linear in the text's length.
import * as chars from './chars.ts';
import * as lexicon from './lexicon.ts';

// Local copies: imported bindings are read through getters under some loaders, and these
// are used for every character.
const {
  DIGIT,
  MARK,
  SPACE,
  UPPER,
  charClass,
  codePointAt,
  isLetterClass,
  isWordClass,
  unitLength,
} = chars;
const { ABBREVIATIONS, BEFORE_NUMBER, CLITICS, HYPHEN_PREFIXES, SPLIT_WORDS, TITLES, UNITS } =
  lexicon;

/** White space before a token. */
export const GAP_NONE = 0;
export const GAP_SPACE = 1;
export const GAP_LINE = 2;
export const GAP_PARA = 3;

/** Token flags. */
export const F_TERM = 1; // . ! ? and runs of them: ends a sentence
export const F_ELLIPSIS = 2; // .. ... … : ends a sentence when a capital follows
export const F_ABBREV = 4; // a word that took the full stop after it (Inc. U.S. J.)
export const F_TITLE = 8; // an abbreviation standing before a name or number (Mr. Gen. No.)
export const F_EMOTICON = 16; // :) ;-) ^_^
export const F_LINK = 32; // a URL or an e-mail address

/** Surface tokens as parallel typed arrays (no object per token while scanning); `count` used. */
export interface Scan {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  gaps: Uint8Array;
  flags: Uint8Array;
}

const URL_PREFIXES = ['http://', 'https://', 'ftp://', 'www.', 'mailto:'];
/** Characters stripped from the end of a URL: sentence punctuation and closing marks. */
const URL_TRAIL = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '”', '’', ')', ']', '}', '>']);
/** Emoticons and elision marks kept whole, longest first. */
const EMOTICONS = [
  '[...]',
  '(...)',
  ":'(",
  ':-)',
  ':-(',
  ';-)',
  ':-D',
  ':-P',
  ':)',
  ':(',
  ';)',
  ':D',
  ':P',
  ':p',
  ':/',
  ':]',
  ':[',
  '=)',
  '^_^',
  '^^',
  '<3',
];
const EMOTICON_STARTS = new Set(EMOTICONS.map((face) => face.charCodeAt(0)));
/** Brackets never run together ("))" is two tokens). */
const BRACKETS = new Set([40, 41, 91, 93, 123, 125]);
const OPENERS = new Set(['(', '[', '{', '<', '"', "'", '“', '‘', '«']);

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isEmailLocal(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45
  );
}

function isDomainChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

class Scanner {
  private readonly out: Scan;
  private gap = GAP_PARA;

  constructor(private readonly text: string) {
    // About one token per five characters of prose, at most 4096 to start; the arrays double.
    const size = Math.min(4096, Math.max(16, Math.ceil(text.length / 5)));
    this.out = {
      count: 0,
      starts: new Int32Array(size),
      ends: new Int32Array(size),
      gaps: new Uint8Array(size),
      flags: new Uint8Array(size),
    };
  }

  run(): Scan {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const cp = codePointAt(text, i);
      if (charClass(cp) === SPACE) {
        let newlines = 0;
        while (i < n) {
          const c = codePointAt(text, i);
          if (c === 10) newlines++;
          else if (c === 13) {
            if (i + 1 >= n || text.charCodeAt(i + 1) !== 10) newlines++;
          } else if (c === 0x2028 || c === 0x85) newlines++;
          else if (c === 0x2029) newlines += 2;
          else if (charClass(c) !== SPACE) break;
          i += unitLength(c);
        }
        const gap = newlines >= 2 ? GAP_PARA : newlines === 1 ? GAP_LINE : GAP_SPACE;
        if (gap > this.gap) this.gap = gap;
        continue;
      }
      let j = i;
      let at = -1;
      while (j < n) {
        const c = codePointAt(text, j);
        if (charClass(c) === SPACE) break;
        if (c === 64 && at < 0) at = j;
        j += unitLength(c);
      }
      this.chunk(i, j, at);
      i = j;
    }
    return this.out;
  }

  private emit(start: number, end: number, flags = 0): void {
    const out = this.out;
    const k = out.count;
    if (k === out.starts.length) this.grow();
    out.starts[k] = start;
    out.ends[k] = end;
    out.gaps[k] = this.gap;
    out.flags[k] = flags;
    out.count = k + 1;
    this.gap = GAP_NONE;
  }

  private grow(): void {
    const out = this.out;
    const size = out.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const gaps = new Uint8Array(size);
    const flags = new Uint8Array(size);
    starts.set(out.starts);
    ends.set(out.ends);
    gaps.set(out.gaps);
    flags.set(out.flags);
    Object.assign(out, { starts, ends, gaps, flags });
  }

  /** A run of non-space characters: URLs and e-mail addresses first, then the general rules. */
  private chunk(s: number, e: number, at: number): void {
    const text = this.text;
    let q = s;
    while (q < e && q - s < 3 && OPENERS.has(text[q]!)) q++;
    const c0 = text.charCodeAt(q) | 32;
    const maybeUrl = c0 === 104 || c0 === 119 || c0 === 102 || c0 === 109; // h w f m
    const head = maybeUrl ? text.slice(q, Math.min(e, q + 8)).toLowerCase() : '';
    if (maybeUrl)
      for (const prefix of URL_PREFIXES) {
        if (head.startsWith(prefix) && q + prefix.length < e) {
          const end = this.urlEnd(q, e);
          this.general(s, q);
          this.emit(q, end, F_LINK);
          this.general(end, e);
          return;
        }
      }
    if (at >= 0) {
      let ls = at;
      while (ls > s && isEmailLocal(text.charCodeAt(ls - 1))) ls--;
      while (ls < at && text.charCodeAt(ls) === 46) ls++;
      let de = at + 1;
      while (de < e && isDomainChar(text.charCodeAt(de))) de++;
      while (de > at + 1 && (text.charCodeAt(de - 1) === 46 || text.charCodeAt(de - 1) === 45))
        de--;
      const domain = text.slice(at + 1, de);
      const dot = domain.lastIndexOf('.');
      if (ls < at && dot > 0 && dot < domain.length - 1) {
        this.general(s, ls);
        this.emit(ls, de, F_LINK);
        this.general(de, e);
        return;
      }
    }
    this.general(s, e);
  }

  private urlEnd(q: number, e: number): number {
    const text = this.text;
    let open = 0;
    for (let k = q; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c === 40) open++;
      else if (c === 41) open--;
    }
    let end = e;
    while (end > q + 1 && URL_TRAIL.has(text[end - 1]!)) {
      if (text.charCodeAt(end - 1) === 41 && open < 0) {
        open++;
      } else if (text.charCodeAt(end - 1) === 41) break;
      end--;
    }
    return end;
  }

  /** Extends a token over combining marks, joiners with what they join, and flag pairs. */
  private absorbMarks(q: number, e: number): number {
    const text = this.text;
    while (q < e) {
      const cp = codePointAt(text, q);
      if (charClass(cp) !== MARK) break;
      q += unitLength(cp);
      if (cp === 0x200d && q < e) {
        const next = codePointAt(text, q);
        if (charClass(next) !== SPACE) q += unitLength(next);
      }
    }
    return q;
  }

  /** Tokens in [p, e), a stretch with no white space, URLs and e-mail addresses. */
  private general(p: number, e: number): void {
    const text = this.text;
    const chunkStart = p;
    while (p < e) {
      const cp = codePointAt(text, p);
      const k = charClass(cp);
      if (isWordClass(k) || cp === 95) {
        p = this.word(p, e, p);
        continue;
      }
      if ((cp === 35 || cp === 64) && p === chunkStart && p + 1 < e) {
        // "#ceasefire", "@UN_News": hashtags and handles are one token.
        if (isLetterClass(charClass(codePointAt(text, p + 1)))) {
          p = this.word(p + 1, e, p);
          continue;
        }
      }
      if (cp === 46 && p + 1 < e && isAsciiDigit(text.charCodeAt(p + 1)) && p === chunkStart) {
        p = this.word(p + 1, e, p); // ".265"
        continue;
      }
      if (cp === 46 || cp === 33 || cp === 63) {
        const q = this.terminal(p, e);
        const dots = cp === 46 && q - p >= 2 && text.charCodeAt(q - 1) === 46;
        this.emit(p, q, dots ? F_ELLIPSIS : F_TERM);
        p = q;
        continue;
      }
      const smiley = this.emoticon(p, e);
      if (smiley > p) {
        this.emit(p, smiley, F_EMOTICON);
        p = smiley;
        continue;
      }
      if (cp === 0x2026 || cp === 0x3002 || cp === 0xff01 || cp === 0xff1f) {
        this.emit(p, p + 1, cp === 0x2026 ? F_ELLIPSIS : F_TERM);
        p++;
        continue;
      }
      if (isApostrophe(cp) && p + 1 < e) {
        // A clitic standing alone ("Jones 's") or a two-digit year ("'72").
        let q = p + 1;
        while (q < e && q - p <= 3 && isLetterClass(charClass(text.charCodeAt(q)))) q++;
        const boundary = q >= e || !isWordClass(charClass(codePointAt(text, q)));
        if (q > p + 1 && boundary && CLITICS.has(text.slice(p + 1, q).toLowerCase())) {
          this.emit(p, q);
          p = q;
          continue;
        }
        if (
          p + 2 < e &&
          isAsciiDigit(text.charCodeAt(p + 1)) &&
          isAsciiDigit(text.charCodeAt(p + 2)) &&
          (p + 3 >= e || !isWordClass(charClass(codePointAt(text, p + 3))))
        ) {
          this.emit(p, p + 3);
          p += 3;
          continue;
        }
      }
      let q = p + unitLength(cp);
      if (cp >= 0x1f1e6 && cp <= 0x1f1ff && q < e) {
        const next = codePointAt(text, q);
        if (next >= 0x1f1e6 && next <= 0x1f1ff) q += 2;
      } else if ((cp < 0xd800 || (cp > 0xdfff && cp < 0x10000)) && !BRACKETS.has(cp)) {
        // Runs of one mark are one token; lone surrogates never run (the last may start a pair).
        while (q < e && text.charCodeAt(q) === cp) q++; // "--", "''", "<<", "****"
      }
      q = this.absorbMarks(q, e);
      this.emit(p, q);
      p = q;
    }
  }

  /**
   * End of a run of sentence punctuation at `p`: dots alone ("...", which then stand apart from
   * a following "?"), or question and exclamation marks with at most one full stop (".?", "?!").
   */
  private terminal(p: number, e: number): number {
    const text = this.text;
    let q = p;
    while (q < e && text.charCodeAt(q) === 46) q++;
    if (q - p >= 2) return q;
    while (q < e && (text.charCodeAt(q) === 33 || text.charCodeAt(q) === 63)) q++;
    if (q < e && q > p + 1 && text.charCodeAt(q) === 46 && text.charCodeAt(p) !== 46) {
      if (q + 1 >= e || text.charCodeAt(q + 1) !== 46) q++;
    }
    return q;
  }

  /** End of an emoticon (":)", ";-)", ":D", "^_^") at `p`, or `p` when there is none. */
  private emoticon(p: number, e: number): number {
    const text = this.text;
    if (!EMOTICON_STARTS.has(text.charCodeAt(p))) return p;
    for (const face of EMOTICONS) {
      if (p + face.length > e || !text.startsWith(face, p)) continue;
      const end = p + face.length;
      const lastLetter = isWordClass(charClass(face.charCodeAt(face.length - 1)));
      if (lastLetter && end < e && isWordClass(charClass(codePointAt(text, end)))) continue;
      return end;
    }
    return p;
  }

  /**
   * A word starting at `p` (token start `start`, which differs only for ".5"), with its internal
   * punctuation (3.5, 1,000, U.S, co-founder, O'Brien), clitics split off (do|n't, it|'s) and an
   * abbreviation's full stop attached. Returns where scanning continues.
   */
  private word(p: number, e: number, start: number): number {
    const text = this.text;
    let i = p;
    let segStart = p; // start of the current hyphen-separated part
    let segDigits = true;
    let segLetters = true;
    let hasDot = false;
    let lettersAndDots = true;
    let dotSeg = 0; // letters since the last internal full stop
    let maxDotSeg = 0;
    let lastClass = 0;
    for (;;) {
      while (i < e) {
        const cp = codePointAt(text, i);
        const k = charClass(cp);
        if (!isWordClass(k) && cp !== 95) break;
        if (k === DIGIT) {
          segLetters = false;
          lettersAndDots = false;
        } else if (k !== MARK) {
          segDigits = false;
          if (cp === 95) {
            segLetters = false;
            lettersAndDots = false;
          }
        }
        if (k !== MARK) {
          dotSeg++;
          lastClass = k;
        }
        i += unitLength(cp);
      }
      if (dotSeg > maxDotSeg) maxDotSeg = dotSeg;
      if (i >= e) break;
      const c = text.charCodeAt(i);
      const next = i + 1 < e ? codePointAt(text, i + 1) : -1;
      const nk = next >= 0 ? charClass(next) : 0;
      const nextWord = next >= 0 && nk !== MARK && (isWordClass(nk) || next === 95);
      if (c === 46 && nextWord) {
        hasDot = true;
        dotSeg = 0;
        i++;
        continue;
      }
      if (c === 44 && lastClass === DIGIT && this.threeDigits(i + 1, e)) {
        i++;
        continue;
      }
      if ((c === 58 || c === 47) && lastClass === DIGIT && nk === DIGIT) {
        i++;
        continue;
      }
      if (c === 38 && lastClass === UPPER && nk === UPPER && i - start <= 4) {
        i++;
        continue;
      }
      if (c === 45 && i + 1 === e && i > segStart && i - segStart <= 3 && segLetters) {
        i++; // a cut-off word ("w- we went"); longer words keep a dash apart ("Vince- thanks")
        break;
      }
      if (c === 45 && nextWord) {
        const kept = this.hyphen(start, segStart, i, e, segDigits, segLetters, nk);
        if (kept < 0) break;
        i = kept;
        segStart = i;
        segDigits = true;
        segLetters = true;
        lettersAndDots = false;
        continue;
      }
      if (isApostrophe(c) && nextWord) {
        let q = i + 1;
        while (q < e && q - i <= 3 && isLetterClass(charClass(text.charCodeAt(q)))) q++;
        const boundary = q >= e || !isWordClass(charClass(codePointAt(text, q)));
        const after = boundary ? text.slice(i + 1, q).toLowerCase() : '';
        if (after === 't' && i - 1 > start && (text.charCodeAt(i - 1) | 32) === 110) {
          this.emitWord(start, i - 1);
          this.emit(i - 1, q);
          return q;
        }
        if (CLITICS.has(after)) {
          if (lastClass === DIGIT && after === 's') {
            i = q; // 1990's
            continue;
          }
          this.emitWord(start, i);
          this.emit(i, q);
          return q;
        }
        i++;
        lettersAndDots = false;
        continue;
      }
      break;
    }
    if (i < e && text.charCodeAt(i) === 46) {
      const flags = this.abbreviation(start, i, e, hasDot, lettersAndDots, maxDotSeg);
      if (flags !== 0) {
        this.emit(start, i + 1, flags);
        return i + 1;
      }
    }
    this.emitWord(start, i);
    return i;
  }

  private threeDigits(j: number, e: number): boolean {
    const text = this.text;
    return (
      j + 2 < e &&
      isAsciiDigit(text.charCodeAt(j)) &&
      isAsciiDigit(text.charCodeAt(j + 1)) &&
      isAsciiDigit(text.charCodeAt(j + 2)) &&
      (j + 3 >= e || !isAsciiDigit(text.charCodeAt(j + 3)))
    );
  }

  /**
   * Whether the hyphen at `i` stays inside the word: returns where the word continues, or -1 to
   * split. Digit chains are judged whole (phone numbers stay, ranges split); letter parts keep
   * the hyphen only after a prefix such as "non" or "co".
   */
  private hyphen(
    start: number,
    segStart: number,
    i: number,
    e: number,
    segDigits: boolean,
    segLetters: boolean,
    nk: number,
  ): number {
    const text = this.text;
    if (segDigits && nk === DIGIT && i > segStart) {
      const groups = [i - segStart];
      let q = i;
      while (q + 1 < e && text.charCodeAt(q) === 45 && isAsciiDigit(text.charCodeAt(q + 1))) {
        let r = q + 1;
        while (r < e && isAsciiDigit(text.charCodeAt(r))) r++;
        groups.push(r - q - 1);
        q = r;
      }
      const keep = groups.length >= 3 || (groups[0] === 3 && groups[1]! >= 4) || groups[0]! >= 5;
      return keep ? q : -1;
    }
    if (segLetters && segStart === start && i - start <= 7) {
      if (HYPHEN_PREFIXES.has(text.slice(start, i).toLowerCase())) return i + 1;
    }
    return -1;
  }

  /** Flags for a word followed by a full stop that belongs to it, or 0 when the stop stands alone. */
  private abbreviation(
    start: number,
    i: number,
    e: number,
    hasDot: boolean,
    lettersAndDots: boolean,
    maxDotSeg: number,
  ): number {
    const text = this.text;
    if (i + 1 < e && text.charCodeAt(i + 1) === 46) return 0; // "etc..." keeps its ellipsis
    if (i - start > 12) return 0;
    const w = text.slice(start, i);
    if (BEFORE_NUMBER.has(w)) {
      let q = i + 1;
      while (q < text.length && q - i < 3 && charClass(text.charCodeAt(q)) === SPACE) q++;
      return q < text.length && isAsciiDigit(text.charCodeAt(q)) ? F_ABBREV | F_TITLE : 0;
    }
    if (ABBREVIATIONS.has(w)) return TITLES.has(w) ? F_ABBREV | F_TITLE : F_ABBREV;
    if (hasDot && lettersAndDots && maxDotSeg <= 2) return F_ABBREV;
    if (i - start === 1 && charClass(text.charCodeAt(start)) === UPPER && w !== 'I')
      return F_ABBREV;
    return 0;
  }

  /** Emits a word, splitting the few UD writes as two (cannot, gonna, dont, 5pm, 10km). */
  private emitWord(start: number, end: number): void {
    const text = this.text;
    const len = end - start;
    const last = text.charCodeAt(end - 1) | 32;
    // Every split word ends in "t", "a" or "m"; checking that first keeps the common path cheap.
    if (len >= 2 && len <= 8 && (last === 116 || last === 97 || last === 109)) {
      const word = text.slice(start, end);
      const lower = word.toLowerCase();
      const first =
        word === lower || word !== word.toUpperCase() ? SPLIT_WORDS.get(lower) : undefined;
      if (first !== undefined) {
        this.emit(start, start + first);
        this.emit(start + first, end);
        return;
      }
    }
    if (isAsciiDigit(text.charCodeAt(start)) && !isAsciiDigit(text.charCodeAt(end - 1))) {
      let q = end;
      while (q > start && end - q < 4 && isLetterClass(charClass(text.charCodeAt(q - 1)))) q--;
      if (
        q < end &&
        isAsciiDigit(text.charCodeAt(q - 1)) &&
        UNITS.has(text.slice(q, end).toLowerCase())
      ) {
        this.emit(start, q);
        this.emit(q, end);
        return;
      }
    }
    this.emit(start, end);
  }
}

/** Cuts `text` into surface tokens (UD English conventions) with the white space before each. */
export function scanTokens(text: string): Scan {
  return new Scanner(text).run();
}
