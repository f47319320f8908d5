// The language layer through its public face: one call from raw text to tagged, lemmatized, parsed
// sentences with name spans, every offset slicing the text it came from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageLayer, type AnalyzedSentence } from '../../server/nlp/index.ts';

const nlp = languageLayer();

function wellFormed(text: string, sentences: AnalyzedSentence[]): void {
  for (const s of sentences) {
    let roots = 0;
    s.tokens.forEach((t, i) => {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.head).toBeGreaterThanOrEqual(-1);
      expect(t.head).toBeLessThan(s.tokens.length);
      expect(t.head).not.toBe(i);
      if (t.head === -1) roots++;
    });
    if (s.tokens.length > 0) expect(roots).toBe(1);
    for (const n of s.names) {
      expect(text.slice(n.start, n.end)).toBe(
        text.slice(s.tokens[n.first]!.start, s.tokens[n.last]!.end),
      );
    }
  }
}

describe('languageLayer().analyze', () => {
  const text =
    'Chilean President Gabriel Boric urged Peru to reopen the border. ' +
    "The summit was hosted by Uruguay, and Paraguay's envoy didn't attend.";
  const [first, second] = nlp.analyze(text);

  it('splits sentences and tags, lemmatizes and parses each token', () => {
    expect(first!.tokens.map((t) => t.text)).toContain('Boric');
    const urged = first!.tokens.find((t) => t.text === 'urged')!;
    expect(urged).toMatchObject({ upos: 'VERB', xpos: 'VBD', lemma: 'urge' });
    const peru = first!.tokens.findIndex((t) => t.text === 'Peru');
    expect(first!.tokens[peru]!.deprel).toBe('obj');
    expect(first!.tokens[first!.tokens[peru]!.head]!.text).toBe('urged');
    const didnt = second!.tokens.filter((t) => t.text === 'did' || t.text === "n't");
    expect(didnt.map((t) => t.lemma)).toEqual(['do', 'not']);
  });

  it('finds the names, with the person apart from the title', () => {
    const names = nlp.analyze(text).flatMap((s) => s.names.map((n) => text.slice(n.start, n.end)));
    expect(names).toEqual(expect.arrayContaining(['Peru', 'Uruguay']));
    expect(names.some((n) => n.endsWith('Gabriel Boric'))).toBe(true);
  });

  it('can stop after tagging and lemmatizing, with the same tags', () => {
    const light = nlp.analyze(text, { parse: false, names: false });
    const full = nlp.analyze(text);
    expect(light.map((s) => s.tokens.map((t) => [t.text, t.xpos, t.lemma]))).toEqual(
      full.map((s) => s.tokens.map((t) => [t.text, t.xpos, t.lemma])),
    );
    expect(light.flatMap((s) => s.tokens.map((t) => t.head)).every((h) => h === -1)).toBe(true);
    expect(light.flatMap((s) => s.names)).toEqual([]);
  });

  it('treats words that name object properties as words', () => {
    const words = ['constructor', 'valueOf', '__proto__', 'toString', 'hasOwnProperty'];
    for (const s of nlp.analyze(words.join(' then '))) {
      for (const t of s.tokens) {
        expect(typeof t.lemma, t.text).toBe('string');
        expect(typeof t.upos, t.text).toBe('string');
      }
    }
  });

  it('keeps every offset inside the text, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        wellFormed(s, nlp.analyze(s));
      }),
      { numRuns: 150, seed: 7 },
    );
    wellFormed(text, nlp.analyze(text));
  });
});
