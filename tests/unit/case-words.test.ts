// The case word of a token read off the dependency tree: multi-word and `fixed` case words, the
// possessive "'s", a case word the parser hung on the first part of a name, none at all, and the
// same answer each time a parse is asked.
import { describe, expect, it } from 'vitest';
import { caseOf, caseTokenOf } from '../../server/extract/case-words.ts';
import { sentencesOf } from '../../server/extract/pipeline.ts';
import type { Token } from '../../server/extract/types.ts';

/** A sentence's tokens from [text, Penn tag, relation, head] rows (head -1 for the root). */
function tokens(rows: [string, string, string, number][]): Token[] {
  let at = 0;
  return rows.map(([text, xpos, deprel, head]) => {
    const start = at;
    at += text.length + 1;
    return {
      text,
      lemma: text.toLowerCase(),
      pos: '',
      xpos,
      start,
      end: start + text.length,
      head,
      deprel,
    };
  });
}

const index = (t: Token[], word: string): number => t.findIndex((x) => x.text === word);

describe('caseOf', () => {
  it('joins a case word with its fixed part ("according to")', () => {
    // According to Colombia 's foreign ministry , the talks stalled .
    const t = tokens([
      ['According', 'VBG', 'case', 5],
      ['to', 'IN', 'fixed', 0],
      ['Colombia', 'NNP', 'nmod:poss', 5],
      ["'s", 'POS', 'case', 2],
      ['foreign', 'JJ', 'amod', 5],
      ['ministry', 'NN', 'obl', 9],
      [',', ',', 'punct', 5],
      ['the', 'DT', 'det', 8],
      ['talks', 'NNS', 'nsubj', 9],
      ['stalled', 'VBD', 'root', -1],
      ['.', '.', 'punct', 9],
    ]);
    expect(caseOf(t, index(t, 'ministry'))).toBe('according to');
    // The nearest-word reading keeps the single word only.
    expect(caseOf(t, index(t, 'ministry'), { nearest: true })).toBe('according');
  });

  it('joins two case words on one node ("out of")', () => {
    // Monitors withdrew out of eastern Chad .
    const t = tokens([
      ['Monitors', 'NNS', 'nsubj', 1],
      ['withdrew', 'VBD', 'root', -1],
      ['out', 'IN', 'case', 5],
      ['of', 'IN', 'case', 5],
      ['eastern', 'JJ', 'amod', 5],
      ['Chad', 'NNP', 'obl', 1],
      ['.', '.', 'punct', 1],
    ]);
    expect(caseOf(t, index(t, 'Chad'))).toBe('out of');
    expect(caseOf(t, index(t, 'Chad'), { nearest: true })).toBe('of');
  });

  it('reads the possessive by default and skips it in the nearest-word reading', () => {
    // Indonesia 's envoy met officials in Manila .
    const t = tokens([
      ['Indonesia', 'NNP', 'nmod:poss', 2],
      ["'s", 'POS', 'case', 0],
      ['envoy', 'NN', 'nsubj', 3],
      ['met', 'VBD', 'root', -1],
      ['officials', 'NNS', 'obj', 3],
      ['in', 'IN', 'case', 6],
      ['Manila', 'NNP', 'obl', 3],
      ['.', '.', 'punct', 3],
    ]);
    expect(caseOf(t, 0)).toBe("'s");
    expect(caseOf(t, 0, { nearest: true })).toBe('');
    expect(caseTokenOf(t, 0)).toBe(-1);
    expect(caseOf(t, index(t, 'Manila'))).toBe('in');
    expect(caseTokenOf(t, index(t, 'Manila'))).toBe(index(t, 'in'));
  });

  it('gives a name the case word hung on its first part ("to South Africa")', () => {
    // Egypt flew aid to South Africa .
    const t = tokens([
      ['Egypt', 'NNP', 'nsubj', 1],
      ['flew', 'VBD', 'root', -1],
      ['aid', 'NN', 'obj', 1],
      ['to', 'IN', 'case', 4],
      ['South', 'NNP', 'compound', 5],
      ['Africa', 'NNP', 'obl', 1],
      ['.', '.', 'punct', 1],
    ]);
    expect(caseOf(t, index(t, 'Africa'))).toBe('to');
    // A case word on the name's own head wins over one on its first part.
    const own = tokens([
      ['with', 'IN', 'case', 3],
      ['to', 'IN', 'case', 2],
      ['South', 'NNP', 'compound', 3],
      ['Africa', 'NNP', 'root', -1],
    ]);
    expect(caseOf(own, 3)).toBe('with');
  });

  it('gives no case word to a subject or an object', () => {
    // Morocco rejected the Algerian claim .
    const t = tokens([
      ['Morocco', 'NNP', 'nsubj', 1],
      ['rejected', 'VBD', 'root', -1],
      ['the', 'DT', 'det', 4],
      ['Algerian', 'JJ', 'amod', 4],
      ['claim', 'NN', 'obj', 1],
      ['.', '.', 'punct', 1],
    ]);
    for (const k of [0, 4]) {
      expect(caseOf(t, k)).toBe('');
      expect(caseOf(t, k, { nearest: true })).toBe('');
    }
  });

  it('answers each parse for itself, the same when asked again', () => {
    // Kenya sent troops to Haiti . / Kenya sent troops from Haiti .
    const rows = (prep: string): [string, string, string, number][] => [
      ['Kenya', 'NNP', 'nsubj', 1],
      ['sent', 'VBD', 'root', -1],
      ['troops', 'NNS', 'obj', 1],
      [prep, 'IN', 'case', 4],
      ['Haiti', 'NNP', 'obl', 1],
      ['.', '.', 'punct', 1],
    ];
    const to = tokens(rows('to'));
    const from = tokens(rows('from'));
    expect(caseOf(to, 4)).toBe('to');
    expect(caseOf(from, 4)).toBe('from');
    expect(caseOf(to, 4, { nearest: true })).toBe('to');
    expect(caseOf(to, 4)).toBe('to');
    expect(caseOf(to, 0)).toBe('');
    // Positions outside the sentence have no case word.
    expect(caseOf(to, -1)).toBe('');
    expect(caseOf(to, to.length)).toBe('');
  });

  it('reads case words off the parse of a written sentence', () => {
    const [s] = sentencesOf('Pakistan sent a trade delegation to Uzbekistan in May.');
    const t = s!.tokens;
    expect(caseOf(t, index(t, 'Uzbekistan'))).toBe('to');
    expect(caseOf(t, index(t, 'May'), { nearest: true })).toBe('in');
    expect(caseOf(t, index(t, 'Pakistan'))).toBe('');
  });
});
