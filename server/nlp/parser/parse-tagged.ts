// Parses a tagged sentence and repairs tags the tree shows to be impossible, then parses again:
//   1. A sentence needs a finite verb (finite-verb.ts): participles the tagger read where the
//      sentence's past tense stands ("Lina Haddad, UN special coordinator, criticised Israel",
//      "Thousands rallied against the ruling") are retagged as past tenses.
//   2. A verb takes no article (verb-as-noun.ts): "a $2 billion deal" with "deal" read as a verb
//      is a noun.
// A retagged participle keeps its past tense only when the new tree gives it a subject.
import { participlesAsVerbs } from './finite-verb.ts';
import type { Parser } from './parser-model.ts';
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
  let tree = parse(upos, xpos);
  const nouns = verbsAsNouns(words, tree);
  if (nouns) tree = parse(nouns.upos, nouns.xpos);
  return participlesAsVerbs(words, tree, parse) ?? tree;
}
