// "targeted" names no act by itself: sanctions that target are SANCTION, strikes that target are
// ASSAULT, and with neither in its clause the verb states no event.
import type { PloverType } from '../model/index.ts';
import type { Lexicon } from './lexicon.ts';
import { isHardBoundary, type SentenceUnits } from './clause-unit.ts';

const WINDOW = 12;

/** The type of "target" at units [at, end), read from the words of its clause. */
export function targetedType(
  su: SentenceUnits,
  at: number,
  end: number,
  lex: Lexicon,
): PloverType | null {
  const { units, sentence } = su;
  const { sanctionContext, forceContext } = lex.cues;
  let force = false;
  const words = (from: number, to: number, step: 1 | -1): boolean => {
    for (let j = from; j !== to && Math.abs(j - from) < WINDOW; j += step) {
      const u = units[j]!;
      if (isHardBoundary(u)) break;
      // An unnamed official promoted to its state ("Israeli forces") keeps its noun in the text.
      const text = u.mention
        ? sentence.text.slice(u.start - sentence.start, u.end - sentence.start).toLowerCase()
        : u.lower;
      for (const w of u.mention ? text.split(/\s+/) : [text, u.lemma]) {
        if (sanctionContext.has(w)) return true;
        if (forceContext.has(w)) force = true;
      }
    }
    return false;
  };
  if (words(at - 1, -1, -1) || words(end, units.length, 1)) return 'SANCTION';
  return force ? 'ASSAULT' : null;
}
