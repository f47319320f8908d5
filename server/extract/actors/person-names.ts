// Person names over words: name spans ("Wang Yi", "Mohammed bin Salman"), honorifics, and the
// gazetteer person a span denotes.
import type { Word } from './words.ts';
import { keysOf } from './words.ts';
import type { ActorContext } from './context.ts';
import { MONTHS, NAME_PARTICLES, WEEKDAYS, isAcronym } from '../names.ts';

const NON_NAME_POS = new Set([
  'PUNCT',
  'NUM',
  'DET',
  'ADP',
  'PRON',
  'CCONJ',
  'SCONJ',
  'AUX',
  'PART',
  'SYM',
]);
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'mr',
  'mrs',
  'ms',
  'dr',
  'i',
  'he',
  'she',
  'it',
  'we',
  'they',
]);

export function isNameWord(w: Word | undefined, ctx: ActorContext, next?: Word): boolean {
  if (!w || !w.cap || NON_NAME_POS.has(w.pos)) return false;
  if (NOT_NAMES.has(w.key) || WEEKDAYS.has(w.key)) return false;
  // "Jun" and "May" are names too; a month is a date only before a day number.
  if (MONTHS.has(w.key) && (!next || /^\d/.test(next.text))) return false;
  if (ctx.gaz.titles.has(w.key)) return false;
  if (!/^[A-Za-z\u00c0-\u024f]/.test(w.text)) return false;
  if (isAcronym(w.text) && w.text.length > 1) return false;
  return true;
}

/** A person's name of 2-4 words starting at `j` (hyphen parts and particles inside); end index. */
export function parseName(
  words: Word[],
  j: number,
  ctx: ActorContext,
  allowSingle = false,
): number {
  const { keys, surfs } = keysOf(words);
  const g = ctx.gaz.matchAt(keys, surfs, j);
  if (!isNameWord(words[j], ctx, words[j + 1]) || words[j]!.joined) {
    // "To Lam": a known name may start with a capitalised function word.
    const known =
      words[j]?.cap && g && g.end - j >= 2 && g.entries.every((e) => e.kind === 'person');
    return known ? g.end : -1;
  }
  // A name never starts with a state or organization the gazetteer knows.
  if (g && g.entries.some((e) => e.kind !== 'person')) return -1;
  let count = 1;
  let k = j + 1;
  while (k < words.length) {
    const w = words[k]!;
    if (w.joined && /^[A-Za-z\u00c0-\u024f]/.test(w.text) && w.start === words[k - 1]!.end + 1) {
      k++;
      continue;
    }
    if (count >= 4) break;
    if (NAME_PARTICLES.has(w.key) && !w.cap && k + 1 < words.length) {
      const nxt = words[k + 1]!;
      if (nxt.cap || nxt.joined) {
        k++;
        continue;
      }
      break;
    }
    if (isNameWord(w, ctx, words[k + 1]) && !w.joined) {
      count++;
      k++;
      continue;
    }
    break;
  }
  if (count < 2 && !allowSingle) return -1;
  return k;
}

export function spanText(ctx: ActorContext, words: Word[], from: number, to: number): string {
  return ctx.text.slice(words[from]!.start, words[to - 1]!.end);
}

/** The gazetteer person a name span denotes, if any (also with hyphen/space variants). */
export function knownPersonAt(
  words: Word[],
  from: number,
  to: number,
  ctx: ActorContext,
): string | null {
  const keys = words.slice(from, to).map((w) => w.key);
  const m = ctx.gaz.matchAt(
    keys,
    words.slice(from, to).map((w) => w.surf),
    0,
  );
  if (m && m.end === keys.length) {
    const p = m.entries.find((e) => e.kind === 'person');
    if (p) return p.id;
  }
  return null;
}

/** Words that stand before a name without being a role ("Sheikh", "Dr."). */
export const HONORIFICS = new Set([
  'sheikh',
  'sheikha',
  'dr',
  'dr.',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'prof',
  'prof.',
  'sir',
  'dame',
  'lord',
  'lady',
  'h.e.',
]);

/** Index after any honorifics at `j` ("Sheikh Tamim", "Dr. Omar Touray"). */
export function skipHonorifics(words: Word[], j: number): number {
  let k = j;
  while (k < words.length && HONORIFICS.has(words[k]!.key) && words[k]!.cap) {
    k++;
    if (words[k]?.key === '.') k++;
  }
  return k;
}
