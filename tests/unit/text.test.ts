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
