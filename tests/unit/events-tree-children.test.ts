// child and children of the event stage's tree: a token's dependents by any of up to five
// relations, in sentence order, on a hand-built parse of "Jakarta and Manila urged Hanoi to
// resume talks on Friday".
import { describe, expect, it } from 'vitest';
import { child, children, treeOf } from '../../server/extract/events/tree.ts';
import type { Sentence, Token } from '../../server/extract/types.ts';

// word, head, relation
const PARSE: [string, number, string][] = [
  ['Jakarta', 3, 'nsubj'],
  ['and', 2, 'cc'],
  ['Manila', 0, 'conj'],
  ['urged', -1, 'root'],
  ['Hanoi', 3, 'obj'],
  ['to', 6, 'mark'],
  ['resume', 3, 'xcomp'],
  ['talks', 6, 'obj'],
  ['on', 9, 'case'],
  ['Friday', 6, 'obl:tmod'],
  ['.', 3, 'punct'],
];

function sentence(): Sentence {
  let at = 0;
  const tokens: Token[] = PARSE.map(([text, head, deprel]) => {
    const start = at;
    at += text.length + 1;
    return {
      text,
      lemma: text.toLowerCase(),
      pos: 'X',
      xpos: 'X',
      start,
      end: start + text.length,
      head,
      deprel,
    };
  });
  return {
    index: 0,
    start: 0,
    end: at - 1,
    text: PARSE.map((p) => p[0]).join(' '),
    tokens,
    names: [],
  };
}

describe('child and children', () => {
  const tree = treeOf(sentence(), [], []);

  it('give the dependents of each relation asked, in sentence order', () => {
    expect(children(tree, 3, 'obj')).toEqual([4]);
    expect(children(tree, 3, 'punct', 'nsubj', 'xcomp')).toEqual([0, 6, 10]);
    expect(children(tree, 6, 'obl', 'obl:tmod', 'mark', 'obj', 'nsubj')).toEqual([5, 7, 9]);
    expect(children(tree, 4, 'obj')).toEqual([]);
  });

  it('take a relation only as written, never its subtype or base', () => {
    expect(children(tree, 6, 'obl')).toEqual([]);
    expect(child(tree, 6, 'obl')).toBe(-1);
    expect(child(tree, 6, 'obl:tmod')).toBe(9);
  });

  it('give the first dependent of any relation asked, or -1', () => {
    expect(child(tree, 3, 'xcomp', 'obj')).toBe(4);
    expect(child(tree, 3, 'ccomp', 'advcl', 'parataxis', 'iobj', 'punct')).toBe(10);
    expect(child(tree, 0, 'conj')).toBe(2);
    expect(child(tree, 7, 'nmod', 'amod')).toBe(-1);
  });
});
