// Word and match tests shared by the name finder's rules (lone surnames, given names left
// outside a person, names across hyphens): the shape of a personal name's word, a capitalised
// proper noun, and whether a gazetteer name of a state, place or body is a match or covers a token.
import type { NameToken } from './features.ts';
import { NOT_PERSON_KINDS, type LexiconMatch } from './lexicon.ts';

/** A capital, then letters (hyphens and apostrophes between them), one of them lowercase. */
export const PERSON_WORD_SHAPE = /^\p{Lu}(?=[\p{L}\p{M}'’-]*\p{Ll})[\p{L}\p{M}'’-]*[\p{L}\p{M}]$/u;

/** Whether the token is a proper noun written with a capital. */
export function capitalisedProper(token: NameToken | undefined): boolean {
  return token !== undefined && token.upos === 'PROPN' && /^\p{Lu}/u.test(token.text);
}

/** Whether a gazetteer match is a form of a state, place or body (of some entry). */
export function placeOrBodyForm(m: LexiconMatch): boolean {
  return m.entries.some((e) => NOT_PERSON_KINDS.has(e.kind));
}

/** Whether a gazetteer form of a state, place or body covers token i. */
export function knownOtherwise(i: number, matches: readonly LexiconMatch[]): boolean {
  return matches.some((m) => m.first <= i && m.last >= i && placeOrBodyForm(m));
}
