// Sentence and token analysis: offsets point into the original passage, whatever the masking did.
import { describe, expect, it } from 'vitest';
import { analysePassage, maskForTagger } from '../../server/extract/text.ts';

describe('maskForTagger', () => {
  it.each([
    ['Germany&nbsp;condemned it', 'Germany      condemned it'],
    ['Russia&#39;s move', "Russia    's move"],
    ['Tom &amp; Jerry', 'Tom     & Jerry'],
    ['no entities here', 'no entities here'],
  ])('%s keeps every offset', (input, expected) => {
    const masked = maskForTagger(input);
    expect(masked).toBe(expected);
    expect(masked).toHaveLength(input.length);
  });

  it('blanks runs of more than 100 non-space characters and keeps shorter ones', () => {
    const long = 'x'.repeat(150);
    const short = 'y'.repeat(100);
    expect(maskForTagger(`a ${long} b`)).toBe(`a ${' '.repeat(150)} b`);
    expect(maskForTagger(`a ${short} b`)).toBe(`a ${short} b`);
  });

  it('blanks a long run at the passage edges, after line breaks and beside entities', () => {
    const run = 'Z9'.repeat(60);
    expect(maskForTagger(run)).toBe(' '.repeat(120));
    expect(maskForTagger(`Seoul said\n${run}\tthen`)).toBe(`Seoul said\n${' '.repeat(120)}\tthen`);
    // a no-break space ends a run as any space does, so two runs of 60 both stay
    const half = 'q'.repeat(60);
    expect(maskForTagger(`${half}\u00a0${half}`)).toBe(`${half}\u00a0${half}`);
    // the entity is read first, and its padding splits what would have been one long run
    expect(maskForTagger(`${half}&nbsp;${half}`)).toBe(`${half}${' '.repeat(6)}${half}`);
  });

  it('agrees with blanking every run of 101 or more non-space characters, on random text', () => {
    // a seeded generator of words, spaces and runs of every length around the limit
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [' ', '\n', '\u00a0', '\t', 'Nairobi', 'a', '-', '&'];
    for (let trial = 0; trial < 300; trial++) {
      let text = '';
      while (text.length < 400) {
        text += next(4) === 0 ? 'w'.repeat(95 + next(12)) : pieces[next(pieces.length)]!;
      }
      const expected = text.replace(/\S{101,}/g, (r) => ' '.repeat(r.length));
      expect(maskForTagger(text)).toBe(expected);
    }
  });
});

describe('analysePassage', () => {
  it('gives tokens and sentences offsets into the body, shifted by the passage offset', () => {
    const body = 'Header\n\nFrance&nbsp;welcomed the deal. Spain did not.';
    const start = body.indexOf('France');
    const sentences = analysePassage(body.slice(start), start, 3);
    expect(sentences.map((s) => s.index)).toEqual([3, 4]);
    expect(body.slice(sentences[0]!.start, sentences[0]!.end)).toBe(sentences[0]!.text);
    const words = sentences[0]!.tokens.map((t) => body.slice(t.start, t.end));
    expect(words.slice(0, 2)).toEqual(['France', 'welcomed']);
    expect(sentences[1]!.tokens[0]!.lemma).toBe('spain');
  });
});
