// Names joined by a hyphen: the tokenizer splits "Venson-Moitoi" into three tokens, as the
// treebanks do, and the decoder sometimes reads the two sides as two names ("Venson" a place,
// "Moitoi" a person). Capitalised words on both sides of a hyphen that touches them are one name
// far more often than two in the treebank (52 against 3 in GUM), so two found spans joined by such
// a hyphen become one span, which the finder then labels as a whole. News also joins two names
// that way ("Israel-Hamas talks", "the Addis Ababa-Djibouti railway"): two sides that are each a
// known name of a state, place or body on their own stay two names, and a span the decoder ran
// across such a hyphen is cut there.
import type { LabelledSpan } from './bilou.ts';
import type { NameToken } from './features.ts';
import type { LexiconMatch } from './lexicon.ts';
import { placeOrBodyForm } from './name-words.ts';

/**
 * Whether tokens[i] is a hyphen touching capitalised words on both sides, of two letters at least
 * ("R-Texas" is a party and a state).
 */
function joiningHyphen(tokens: readonly NameToken[], i: number): boolean {
  const h = tokens[i];
  const a = tokens[i - 1];
  const b = tokens[i + 1];
  return (
    h !== undefined &&
    a !== undefined &&
    b !== undefined &&
    (h.text === '-' || h.text === '‐') &&
    a.end === h.start &&
    h.end === b.start &&
    /^\p{Lu}\p{L}/u.test(a.text) &&
    /^\p{Lu}\p{L}/u.test(b.text)
  );
}

/** Whether [first, last] is exactly a gazetteer name of a state, place or body. */
function knownOnItsOwn(first: number, last: number, matches: readonly LexiconMatch[]): boolean {
  return matches.some((m) => m.first === first && m.last === last && placeOrBodyForm(m));
}

/** Whether the sides [a, h - 1] and [h + 1, b] of a joining hyphen at h are two known names. */
function twoKnownNames(a: number, h: number, b: number, matches: readonly LexiconMatch[]): boolean {
  return knownOnItsOwn(a, h - 1, matches) && knownOnItsOwn(h + 1, b, matches);
}

/**
 * The decoded spans (in order, not overlapping) with names across hyphens joined or cut: two
 * spans with a joining hyphen between them become one (labelled as the later part, until the
 * finder labels the whole), unless they are two known names; a span with a joining hyphen inside
 * whose sides are two known names becomes two spans.
 */
export function joinHyphenated(
  tokens: readonly NameToken[],
  spans: readonly LabelledSpan[],
  matches: readonly LexiconMatch[],
): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    const h = span.first - 1;
    if (
      prev !== undefined &&
      prev.last === h - 1 &&
      joiningHyphen(tokens, h) &&
      !twoKnownNames(prev.first, h, span.last, matches)
    ) {
      out[out.length - 1] = { first: prev.first, last: span.last, label: span.label };
      continue;
    }
    let first = span.first;
    for (let i = span.first + 1; i < span.last; i++)
      if (joiningHyphen(tokens, i) && twoKnownNames(first, i, span.last, matches)) {
        out.push({ first, last: i - 1, label: span.label });
        first = i + 1;
      }
    out.push(first === span.first ? span : { first, last: span.last, label: span.label });
  }
  return out;
}
