// The word layer the actor stage reads: tagger tokens with in-word hyphens folded away, so
// "Kim Jong-un" and "Kim Jong Un" give the same keys while offsets still point into the body.
import type { Sentence } from '../types.ts';
import { fold, isCapitalised } from '../names.ts';

export interface Word {
  text: string;
  /** Folded, lower-cased: the phrase-index key. */
  key: string;
  /** Folded, case kept. */
  surf: string;
  start: number;
  end: number;
  pos: string;
  lemma: string;
  cap: boolean;
  /** Attached to the previous word by a hyphen with no spaces ("Jong-un", "Xi-Biden"). */
  joined: boolean;
  /** The name finder's label when the word lies inside one of its names, and which name. */
  name?: { label: string; index: number };
  /** Index of the parser token the word comes from (its node in the dependency tree). */
  tok: number;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013']);

function makeWord(
  text: string,
  start: number,
  pos: string,
  lemma: string,
  joined: boolean,
  tok: number,
  name: Word['name'],
): Word {
  const surf = fold(text);
  // Every word gets the same fields (`name` possibly undefined), so all words share one shape.
  return {
    text,
    key: surf.toLowerCase(),
    surf,
    start,
    end: start + text.length,
    pos,
    lemma,
    cap: isCapitalised(text),
    joined,
    name,
    tok,
  };
}

/** The words of a sentence. */
export function wordsOf(sentence: Sentence): Word[] {
  const words: Word[] = [];
  const tokens = sentence.tokens;
  const inName = new Array<{ label: string; index: number } | undefined>(tokens.length).fill(
    undefined,
  );
  // One tag per name, shared by its words (read, never edited).
  sentence.names.forEach((n, index) => {
    const tag = { label: n.label, index };
    for (let k = n.first; k <= n.last; k++) inName[k] = tag;
  });
  let joinNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Every hyphen of HYPHENS is one character long.
    if (t.text.length === 1 && i > 0 && i + 1 < tokens.length && HYPHENS.has(t.text)) {
      if (tokens[i - 1]!.end === t.start && tokens[i + 1]!.start === t.end) {
        joinNext = true;
        continue;
      }
    }
    // Split any hyphenated token the tagger kept whole ("G-20", "Asia-Pacific").
    if (t.text.length > 2 && t.text.includes('-') && /[A-Za-z0-9]-[A-Za-z0-9]/.test(t.text)) {
      let offset = 0;
      for (const part of t.text.split('-')) {
        if (part !== '') {
          words.push(
            makeWord(
              part,
              t.start + offset,
              t.pos,
              part.toLowerCase(),
              joinNext || offset > 0,
              i,
              inName[i],
            ),
          );
        }
        offset += part.length + 1;
        joinNext = false;
      }
      continue;
    }
    words.push(makeWord(t.text, t.start, t.pos, t.lemma, joinNext, i, inName[i]));
    joinNext = false;
  }
  return words;
}

/** True for a possessive marker word ("'s", "’s", or a bare apostrophe after a plural). */
export function isPossessive(w: Word | undefined): boolean {
  return !!w && (w.key === "'s" || w.key === "'" || (w.key === 's' && w.text.startsWith("'")));
}

const keyCache = new WeakMap<Word[], { keys: string[]; surfs: string[] }>();

/** The words' index keys and case-kept surfaces, computed once per word list. */
export function keysOf(words: Word[]): { keys: string[]; surfs: string[] } {
  let k = keyCache.get(words);
  if (!k) {
    k = { keys: words.map((w) => w.key), surfs: words.map((w) => w.surf) };
    keyCache.set(words, k);
  }
  return k;
}
