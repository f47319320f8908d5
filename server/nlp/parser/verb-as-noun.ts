// A present-tense verb the tree reads as a noun is a noun. The word is retagged (NNS for a plural
// spelling, else NN) and the sentence parsed again when the first tree
//   1. hangs "a", "an", "another" or "every" before it as its determiner ("a $2 billion deal",
//      "every move");
//   2. attaches it as a noun would be (subject, object, compound, nominal modifier or possessor)
//      while nothing a clause has hangs from it (no subject, object, complement, auxiliary or
//      marker), and it is no form of "be", "have" or "do" ("Kyoto University economics professor",
//      "economics" read as VBZ);
//   3. gives it a subject whose first word is a preposition: a clause's subject takes no case word
//      ("duties on $2 billion worth of Thailand exports to Laos", "exports" read as VBZ with
//      "$2 billion worth" its subject);
//   4. hangs a preposition before it as its case word, which only nouns take ("responsible for
//      the border clashes", "clashes" read as VBZ with "border" its subject).
// A bare base form (no subject, auxiliary, "to" or marker) that the tree makes a clause of a verb
// whose subject stands before it lies inside that subject's phrase, where no clause can be: it is
// an adjective before a noun, else a noun ("Lena Dahl, associate law professor at Oslo University,
// said …" with "associate" read as VB and made a complement of "said").
// Other nominal dependents (compounds, possessors, "the") are left alone: on the treebanks the
// parser hangs them on real verbs as often as the tagger misreads a noun ("railing against trade
// makes sense").
import type { TaggedParse } from './parse-tagged.ts';

const PRESENT_OR_BASE = new Set(['VB', 'VBP', 'VBZ']);
const PRESENT = new Set(['VBP', 'VBZ']);
const ARTICLE = /^(?:a|an|another|every)$/i;
/** Plural spellings ("talks"), not "-ss", "-us" or "-is" ("press", "focus", "crisis"). */
const PLURAL = /[^sui]s$/i;
/** Relations that attach a noun, not a clause. */
const NOMINAL_RELATION = new Set([
  'nsubj',
  'nsubj:pass',
  'obj',
  'iobj',
  'compound',
  'nmod',
  'nmod:poss',
]);
/** Dependents only a clause has. */
const CLAUSE_DEPENDENT =
  /^(?:nsubj|nsubj:pass|csubj|obj|iobj|ccomp|xcomp|aux|aux:pass|cop|mark|expl|advcl|compound:prt)$/;
const NOUN_TAG = /^NN/;
/** Dependents that let a base form head a clause: a subject, an auxiliary, "to" or a marker. */
const LICENSOR = /^(?:nsubj|nsubj:pass|csubj|expl|aux|aux:pass|cop|mark)$/;
const AUXILIARY_FORM = /^(?:is|are|am|was|were|be|been|'s|'re|'m|has|have|had|does|do|did)$/i;

/** First word of the subtree under each word (a word's own position when nothing precedes it). */
function subtreeStarts(tree: TaggedParse): Int32Array {
  const n = tree.heads.length;
  const start = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    // climb from each word, lowering the start of every ancestor it passes (cycles cannot occur)
    let h = tree.heads[k]!;
    for (let steps = 0; h >= 0 && steps < n; steps++) {
      if (start[h]! > k) start[h] = k;
      h = tree.heads[h]!;
    }
  }
  return start;
}

/** Tags with the verbs the tree reads as nouns made nouns, or null when there are none. */
export function verbsAsNouns(
  words: readonly string[],
  tree: TaggedParse,
): { upos: string[]; xpos: string[] } | null {
  let upos: string[] | null = null;
  let xpos: string[] | null = null;
  const asNoun = (v: number): void => {
    upos ??= [...tree.upos];
    xpos ??= [...tree.xpos];
    upos[v] = 'NOUN';
    xpos[v] = PLURAL.test(words[v]!) ? 'NNS' : 'NN';
  };
  const n = words.length;
  const clausal = new Uint8Array(n);
  const licensed = new Uint8Array(n);
  let subjectOf: Int32Array | null = null;
  for (let k = 0; k < n; k++) {
    const v = tree.heads[k]!;
    if (v < 0) continue;
    const rel = tree.deprels[k]!;
    if (CLAUSE_DEPENDENT.test(rel)) clausal[v] = 1;
    if (LICENSOR.test(rel)) licensed[v] = 1;
    // a preposition before it as its case word: "for the border clashes", "clashes" read as VBZ
    if (rel === 'case' && k < v && tree.upos[k] === 'ADP' && PRESENT.has(tree.xpos[v]!)) {
      asNoun(v);
    }
    if (rel === 'nsubj' && PRESENT.has(tree.xpos[v]!))
      (subjectOf ??= new Int32Array(n).fill(-1))[v] = k;
    if (rel === 'det' && ARTICLE.test(words[k]!) && v > k && PRESENT_OR_BASE.has(tree.xpos[v]!))
      asNoun(v);
  }
  for (let v = 0; v < n; v++) {
    if (!PRESENT.has(tree.xpos[v]!) || clausal[v] || AUXILIARY_FORM.test(words[v]!)) continue;
    if (NOMINAL_RELATION.has(tree.deprels[v]!)) asNoun(v);
  }
  for (let v = 0; v < n; v++) {
    if (tree.xpos[v] !== 'VB' || licensed[v]) continue;
    const h = tree.heads[v]!;
    if (h <= v || !/^(?:ccomp|advcl|parataxis|dep)$/.test(tree.deprels[v]!)) continue;
    let before = false;
    for (let k = 0; k < v; k++)
      if (tree.heads[k] === h && /^nsubj/.test(tree.deprels[k]!)) before = true;
    if (!before) continue;
    upos ??= [...tree.upos];
    xpos ??= [...tree.xpos];
    const noun = NOUN_TAG.test(tree.xpos[v + 1] ?? '');
    upos[v] = noun ? 'ADJ' : 'NOUN';
    xpos[v] = noun ? 'JJ' : 'NN';
  }
  if (subjectOf) {
    const starts = subtreeStarts(tree);
    for (let v = 0; v < n; v++) {
      const s = subjectOf[v]!;
      if (s < 0 || AUXILIARY_FORM.test(words[v]!)) continue;
      const first = starts[s]!;
      if (tree.deprels[first] === 'case' && tree.upos[first] === 'ADP') asNoun(v);
    }
  }
  return upos && xpos ? { upos, xpos } : null;
}
