// Where a found span may be two names: the decoder sometimes runs a known name of a body or place
// straight into the person named after it ("ambassador to the African Union Grace Wanjiru" read as
// one organization). A span may split after a token where a gazetteer name of a state, place or
// organization ends (a form of no other kind, not marked ambiguous) when no gazetteer form runs
// across that point and at least two capitalised words follow it to the span's end; the finder
// splits there only when the span is not already a person and the words after the point, labelled
// on their own, are one (name-finder.ts).
import type { NameToken } from './features.ts';
import { NOT_PERSON_KINDS, type LexiconMatch } from './lexicon.ts';

/** Least number of words after the point: a full name, so "Israel Katz" is never cut. */
const MIN_REST = 2;

/**
 * Tokens after which span [first, last] may split, in increasing order; `matches` are the
 * sentence's gazetteer matches.
 */
export function gazetteerSplits(
  tokens: readonly NameToken[],
  first: number,
  last: number,
  matches: readonly LexiconMatch[],
): number[] {
  const out: number[] = [];
  for (const m of matches) {
    const at = m.last;
    if (m.first < first || last - at < MIN_REST || out.includes(at)) continue;
    if (!m.entries.every((e) => NOT_PERSON_KINDS.has(e.kind) && !e.ambiguous)) continue;
    if (matches.some((o) => o.first <= at && o.last > at)) continue;
    let capitalised = true;
    for (let i = at + 1; i <= last && capitalised; i++)
      capitalised = /^\p{Lu}/u.test(tokens[i].text);
    if (capitalised) out.push(at);
  }
  return out.sort((a, b) => a - b);
}
