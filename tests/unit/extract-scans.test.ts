// The scans the coreference and event stages make over a sentence's tokens and the article text:
// a span's head token (found by bisection over tokens in text order) and which sentences start
// inside a quotation (read by character code: curly and angle quotes, straight quotes, blank lines).
import { describe, expect, it } from 'vitest';
import { spanHead } from '../../server/extract/coreference/resolve.ts';
import { openQuotes } from '../../server/extract/events/speech.ts';
import type { Sentence, Token } from '../../server/extract/types.ts';

/** Tokens of `text` split on spaces, with the given heads. */
function tokensOf(text: string, heads: number[]): Token[] {
  const out: Token[] = [];
  let at = 0;
  text.split(' ').forEach((w, k) => {
    const start = text.indexOf(w, at);
    at = start + w.length;
    out.push({
      text: w,
      lemma: w.toLowerCase(),
      pos: 'X',
      xpos: 'X',
      start,
      end: at,
      head: heads[k]!,
      deprel: 'dep',
    });
  });
  return out;
}

/** The same answer as reading every token of the sentence in turn. */
function spanHeadByScan(tokens: Token[], start: number, end: number): number {
  let first = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.start < start || t.end > end) continue;
    if (first < 0) first = k;
    const h = t.head;
    if (h < 0 || tokens[h]!.start < start || tokens[h]!.end > end) return k;
  }
  return first;
}

describe('spanHead', () => {
  // "Yesterday the Malaysian trade minister met Chile 's envoy in Lima"
  const text = "Yesterday the Malaysian trade minister met Chile 's envoy in Lima";
  const tokens = tokensOf(text, [5, 4, 4, 4, 5, -1, 8, 6, 5, 10, 5]);

  it('finds the word of a phrase whose head lies outside it', () => {
    const phrase = text.indexOf('the Malaysian');
    const end = text.indexOf(' met');
    expect(tokens[spanHead(tokens, phrase, end)]!.text).toBe('minister');
    expect(tokens[spanHead(tokens, text.indexOf('Chile'), text.indexOf(' in'))]!.text).toBe(
      'envoy',
    );
  });

  it('leaves out a token that runs past the span, and answers -1 for a span with no token', () => {
    // "Mala" ends inside "Malaysian": only "the" lies inside.
    const from = text.indexOf('the');
    expect(spanHead(tokens, from, text.indexOf('laysian'))).toBe(1);
    expect(spanHead(tokens, text.length + 5, text.length + 9)).toBe(-1);
  });

  it('agrees with reading every token on every span of the sentence', () => {
    const edges = [...new Set(tokens.flatMap((t) => [t.start, t.end, t.start + 1]))].sort(
      (a, b) => a - b,
    );
    for (const s of edges)
      for (const e of edges)
        if (e >= s) expect(spanHead(tokens, s, e)).toBe(spanHeadByScan(tokens, s, e));
  });
});

describe('openQuotes', () => {
  /** Sentences at the given [start, end) offsets (only the offsets are read). */
  const sentencesAt = (spans: [number, number][]): Sentence[] =>
    spans.map(([start, end], index) => ({ start, end, index }) as unknown as Sentence);
  const split = (text: string): Sentence[] => {
    const spans: [number, number][] = [];
    const re = /[^.]+\.[”»"]?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lead = m[0].length - m[0].trimStart().length;
      spans.push([m.index + lead, m.index + m[0].length]);
    }
    return sentencesAt(spans);
  };

  it('marks the sentences that start inside a curly or angle quotation', () => {
    const text =
      'Fiji said: “Talks went well. Samoa agreed.” Tonga spoke. Nauru said «Kiribati must act. Now.» Palau left.';
    expect(openQuotes(text, split(text))).toEqual([false, true, false, false, true, false]);
  });

  it('toggles on straight quotes and closes a quotation at a blank line', () => {
    const text =
      'Peru said "Chile erred. Bolivia too." Ecuador spoke. Quito said "unpaired.\n\nNext one.';
    expect(openQuotes(text, split(text))).toEqual([false, true, false, false, false]);
  });
});
