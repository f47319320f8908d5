// Given names left outside a person's span: when a role noun before a name is read as a proper
// noun ("Nairobi Hospital surgeon/NNP Amina Odhiambo said"), the decoder sometimes starts the
// person at the family name and leaves the given name outside every span. A person span grows one
// word to the left over a word that looks like a given name: tagged a proper noun, a capital then
// letters with a lowercase one among them, in no span, not a title or role ("President", "Mr."),
// not a word that usually heads a body or place name ("University", "River"), not part of a
// gazetteer name of a state, place or body, and not a common word at the start of a sentence.
// The word before it must not be a capitalised proper noun itself, so the name's start is plain
// (a lowercase word, punctuation or the sentence start) and no longer name is cut in two.
import type { LabelledSpan } from './bilou.ts';
import { designator, isTitle } from './designators.ts';
import type { NameToken } from './features.ts';
import type { LexiconMatch } from './lexicon.ts';
import { capitalisedProper, knownOtherwise, PERSON_WORD_SHAPE } from './name-words.ts';
import type { WordStats } from './word-stats.ts';

/**
 * Whether token i, directly before a person span and after the previous span (which ends before
 * `free`), may be that person's given name.
 */
export function leftOutGivenName(
  tokens: readonly NameToken[],
  i: number,
  free: number,
  matches: readonly LexiconMatch[],
  stats: WordStats,
): boolean {
  if (i < free) return false;
  const t = tokens[i];
  if (t.upos !== 'PROPN' || !PERSON_WORD_SHAPE.test(t.text)) return false;
  if (isTitle(t.text) || designator(t.text) !== '') return false;
  if (capitalisedProper(tokens[i - 1])) return false;
  if (i === 0 && stats.isCommon(t.text.toLowerCase())) return false;
  return !knownOtherwise(i, matches);
}

/**
 * Where person span `span` should start: one word earlier when that word is a given name left
 * outside it ({@link leftOutGivenName}), else where it starts. `free` is the first token after the
 * previous span of the sentence.
 */
export function personStart(
  tokens: readonly NameToken[],
  span: LabelledSpan,
  free: number,
  matches: readonly LexiconMatch[],
  stats: WordStats,
): number {
  const i = span.first - 1;
  return i >= 0 && leftOutGivenName(tokens, i, free, matches, stats) ? i : span.first;
}
