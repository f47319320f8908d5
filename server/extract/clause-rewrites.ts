// Rewrites of a sentence's units before analysis: unnamed officials become their state, scare
// quotes fold into their word, and "the country" becomes an anaphor for the event stage.
import { isQuote, type Unit } from './clause-unit.ts';
import type { Mention } from './types.ts';

/** Nouns for a state's unnamed officials or bodies: "a French minister", "Iranian authorities". */
const OFFICIAL_HEADS = new Set([
  'official',
  'officials',
  'minister',
  'ministers',
  'diplomat',
  'diplomats',
  'authorities',
  'government',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'envoys',
  'negotiators',
  'negotiator',
  'military',
  'army',
  'navy',
  'troops',
  'forces',
  'leaders',
  'leadership',
]);

/** Words that may stand between the demonym and that noun ("senior Iranian defence official"). */
const OFFICIAL_MODIFIERS = new Set([
  'foreign',
  'defence',
  'defense',
  'government',
  'military',
  'security',
  'senior',
  'top',
  'state',
  'interior',
  'trade',
  'finance',
  'economy',
  'health',
  'ministry',
  'army',
  'navy',
  'naval',
  'air',
  'armed',
  'high-ranking',
  'presidential',
  'embassy',
  'intelligence',
  'border',
  'police',
  'coast',
  'guard',
]);

/**
 * An attributive demonym on an unnamed official or body ("a senior Iranian official warned") is
 * the state itself (guidelines, Actors 4): the phrase becomes one mention of the state. A name
 * after the noun ("French Minister Jean Dupont") keeps the person as the actor instead.
 */
export function promoteOfficials(units: Unit[]): void {
  for (let i = 0; i < units.length; i++) {
    const d = units[i]!;
    if (!d.attr || d.mention) continue;
    let j = i + 1;
    while (j < units.length && j - i <= 3 && OFFICIAL_MODIFIERS.has(units[j]!.lower)) {
      if (OFFICIAL_HEADS.has(units[j]!.lower) && !OFFICIAL_MODIFIERS.has(units[j + 1]?.lower ?? ''))
        break;
      j++;
    }
    const head = units[j];
    if (!head || head.mention || !OFFICIAL_HEADS.has(head.lower)) continue;
    const after = units[j + 1];
    if (after && (after.mention || after.pos === 'PROPN')) continue;
    // "Russian forces' positions" and "the Chinese government's plan" still own their noun.
    const mention: Mention = { ...d.attr, end: head.end };
    units.splice(i, j - i + 1, {
      start: d.start,
      end: head.end,
      lower: '',
      lemma: '',
      pos: 'MENTION',
      mention,
    });
  }
}

/** "Britain 'invaded' the islands": quotes around one word do not end the clause. */
export function dropScareQuotes(units: Unit[]): void {
  for (let i = 0; i + 2 < units.length; i++) {
    const w = units[i + 1]!;
    const q = (u: Unit) => isQuote(u) || u.lower === "'";
    if (q(units[i]!) && q(units[i + 2]!) && !w.mention && !q(w) && w.pos !== 'PUNCT')
      units.splice(i, 3, { ...w, quoted: true });
  }
}

const PLACE_PREPS = new Set(['in', 'across', 'throughout', 'around', 'inside', 'within', 'to']);

/**
 * Turns "the country" into an unresolved mention (actor '') that the event stage may resolve to
 * the one state the sentence names before it; as a place ("in the country") it stays words.
 */
export function markCountryAnaphors(units: Unit[], sentence: number): void {
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    if (u.mention || u.lower !== 'country' || units[i - 1]!.lower !== 'the') continue;
    if (PLACE_PREPS.has(units[i - 2]?.lower ?? '') || units[i + 1]?.pos === 'NOUN') continue;
    const d = units[i - 1]!;
    const mention: Mention = { actor: '', start: d.start, end: u.end, sentence, via: 'pronoun' };
    units.splice(i - 1, 2, {
      start: d.start,
      end: u.end,
      lower: '',
      lemma: '',
      pos: 'MENTION',
      mention,
    });
    i--;
  }
}
