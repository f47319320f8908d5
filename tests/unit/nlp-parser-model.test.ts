// The committed tagger and parser (graph-data/models) on short news sentences written for this
// test: the arcs event extraction relies on (subjects, objects, passive agents, obliques with
// their prepositions, control, reported speech, coordination, relative clauses, appositions,
// possessives) come out as UD relations.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParser } from '../../server/nlp/parser/index.ts';
import { loadTagger } from '../../server/nlp/tagger/index.ts';

const MODELS = path.join(import.meta.dirname, '../../graph-data/models');
const tagger = loadTagger(path.join(MODELS, 'tagger.bin'));
const parser = loadParser(path.join(MODELS, 'parser.bin'));

/** Parses a space-separated sentence; returns a lookup of "dependent -relation-> head" arcs. */
function arcs(sentence: string): {
  words: string[];
  has: (dep: string, rel: string, head: string) => boolean;
  list: string[];
} {
  const words = sentence.split(' ');
  const tags = tagger.tag(words);
  const tree = parser.parse(words, tags.upos, tags.xpos);
  const list = words.map(
    (w, i) => `${w} -${tree.deprels[i]}-> ${tree.heads[i] < 0 ? 'ROOT' : words[tree.heads[i]]}`,
  );
  return { words, list, has: (dep, rel, head) => list.includes(`${dep} -${rel}-> ${head}`) };
}

function expectArcs(sentence: string, expected: [string, string, string][]): void {
  const a = arcs(sentence);
  const missing = expected
    .filter(([d, r, h]) => !a.has(d, r, h))
    .map(([d, r, h]) => `${d} -${r}-> ${h}`);
  expect(missing, `parse was:\n${a.list.join('\n')}`).toEqual([]);
}

describe('committed parser on news sentences', () => {
  it('subject and object', () => {
    expectArcs('Brazil condemned the bombing of the embassy .', [
      ['Brazil', 'nsubj', 'condemned'],
      ['bombing', 'obj', 'condemned'],
      ['condemned', 'root', 'ROOT'],
    ]);
  });

  it('passive subject and agent', () => {
    expectArcs('The talks were hosted by Norway .', [
      ['talks', 'nsubj:pass', 'hosted'],
      ['Norway', 'obl:agent', 'hosted'],
      ['by', 'case', 'Norway'],
    ]);
  });

  it('oblique with its preposition', () => {
    expectArcs('Egypt called on Turkey to show restraint .', [
      ['Egypt', 'nsubj', 'called'],
      ['Turkey', 'obl', 'called'],
      ['on', 'case', 'Turkey'],
    ]);
  });

  it('object control with xcomp', () => {
    expectArcs('Kenya urged Ghana to release the fishermen .', [
      ['Ghana', 'obj', 'urged'],
      ['release', 'xcomp', 'urged'],
      ['fishermen', 'obj', 'release'],
    ]);
  });

  it('clausal complement of a speech verb', () => {
    expectArcs('The spokesman said that Peru would expel two diplomats .', [
      ['spokesman', 'nsubj', 'said'],
      ['expel', 'ccomp', 'said'],
      ['Peru', 'nsubj', 'expel'],
      ['diplomats', 'obj', 'expel'],
    ]);
  });

  it('coordinated subjects', () => {
    expectArcs('Chile and Argentina signed a trade agreement on Tuesday .', [
      ['Chile', 'nsubj', 'signed'],
      ['Argentina', 'conj', 'Chile'],
      ['agreement', 'obj', 'signed'],
    ]);
  });

  it('relative clause', () => {
    expectArcs('Police in Lagos arrested the man who attacked the convoy .', [
      ['Police', 'nsubj', 'arrested'],
      ['man', 'obj', 'arrested'],
      ['attacked', 'acl:relcl', 'man'],
      ['who', 'nsubj', 'attacked'],
      ['convoy', 'obj', 'attacked'],
    ]);
  });

  it('apposition', () => {
    expectArcs('Laila Haddad , the foreign minister , visited Oman on Sunday .', [
      ['Laila', 'nsubj', 'visited'],
      ['minister', 'appos', 'Laila'],
      ['Oman', 'obj', 'visited'],
    ]);
  });

  it('possessive', () => {
    expectArcs("Vietnam 's president welcomed the decision .", [
      ['Vietnam', 'nmod:poss', 'president'],
      ["'s", 'case', 'Vietnam'],
      ['president', 'nsubj', 'welcomed'],
      ['decision', 'obj', 'welcomed'],
    ]);
  });
});
