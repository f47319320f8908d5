// A verb takes no article. When the tree hangs "a", "an", "another" or "every" before a word the
// tagger read as a present-tense or base verb ("a $2 billion deal", "every move"), the word is a
// noun: it is retagged (NNS for a plural spelling, else NN) and the sentence parsed again. Other
// nominal dependents (compounds, possessors, "the") are left alone: on the treebanks the parser
// hangs them on real verbs as often as the tagger misreads a noun ("railing against trade makes
// sense").
import type { TaggedParse } from './parse-tagged.ts';

const PRESENT_OR_BASE = new Set(['VB', 'VBP', 'VBZ']);
const ARTICLE = /^(?:a|an|another|every)$/i;
/** Plural spellings ("talks"), not "-ss", "-us" or "-is" ("press", "focus", "crisis"). */
const PLURAL = /[^sui]s$/i;

/** Tags with the verbs an article determines made nouns, or null when there are none. */
export function verbsAsNouns(
  words: readonly string[],
  tree: TaggedParse,
): { upos: string[]; xpos: string[] } | null {
  let upos: string[] | null = null;
  let xpos: string[] | null = null;
  for (let k = 0; k < words.length; k++) {
    const v = tree.heads[k]!;
    if (tree.deprels[k] !== 'det' || !ARTICLE.test(words[k]!) || v <= k) continue;
    if (!PRESENT_OR_BASE.has(tree.xpos[v]!)) continue;
    upos ??= [...tree.upos];
    xpos ??= [...tree.xpos];
    upos[v] = 'NOUN';
    xpos[v] = PLURAL.test(words[v]!) ? 'NNS' : 'NN';
  }
  return upos && xpos ? { upos, xpos } : null;
}
