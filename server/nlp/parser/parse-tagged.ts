// Parses a tagged sentence and repairs tags the tree shows to be impossible, then parses again:
//   1. A sentence needs a finite verb (finite-verb.ts): participles the tagger read where the
//      sentence's past tense stands ("Lina Haddad, UN special coordinator, criticised Israel",
//      "Thousands rallied against the ruling") are retagged as past tenses.
//   2. A present-tense verb the tree reads as a noun (verb-as-noun.ts) is a noun: "a $2 billion
//      deal" with "deal" read as a verb, "Kyoto University economics professor" with "economics"
//      read as a verb and attached as a compound.
// Before the first parse, "that" read as a determiner before a clause's subject becomes a
// complementizer (that-clause.ts: "told the council that peace was near").
// A retagged participle keeps its past tense only when the new tree gives it a subject.
import { participlesAsVerbs } from './finite-verb.ts';
import type { Parser } from './parser-model.ts';
import { thatAsComplementizer } from './that-clause.ts';
import { verbsAsNouns } from './verb-as-noun.ts';

export interface TaggedParse {
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

/** Parses a tagged sentence, repairing tags its first tree contradicts. */
export function parseTagged(
  parser: Parser,
  words: readonly string[],
  upos: readonly string[],
  xpos: readonly string[],
): TaggedParse {
  const parse = (u: readonly string[], x: readonly string[]): TaggedParse => ({
    upos: [...u],
    xpos: [...x],
    ...parser.parse(words, u, x),
  });
  const that = thatAsComplementizer(words, upos, xpos);
  let tree = that ? parse(that.upos, that.xpos) : parse(upos, xpos);
  const nouns = verbsAsNouns(words, tree);
  if (nouns) tree = parse(nouns.upos, nouns.xpos);
  return participlesAsVerbs(words, tree, parse) ?? tree;
}
