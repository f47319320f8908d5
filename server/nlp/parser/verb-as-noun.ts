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
/** Relations that make a word a clause of its head. */
const BARE_CLAUSE = /^(?:ccomp|advcl|parataxis|dep)$/;
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

/** What hangs from each word, read in one pass over the tree. */
interface Dependents {
  /** 1 when a dependent only a clause has hangs from the word. */
  clausal: Uint8Array;
  /** 1 when a subject, auxiliary, "to" or marker hangs from the word. */
  licensed: Uint8Array;
  /** The word's first subject (any nsubj relation), or -1. */
  firstSubject: Int32Array;
  /** Its last plain nsubj, or -1. */
  subject: Int32Array;
  /** 1 when a preposition before the word hangs on it as its case word. */
  cased: Uint8Array;
  /** 1 when "a", "an", "another" or "every" before the word is its determiner. */
  article: Uint8Array;
}

function dependentsOf(words: readonly string[], tree: TaggedParse): Dependents {
  const n = words.length;
  const d: Dependents = {
    clausal: new Uint8Array(n),
    licensed: new Uint8Array(n),
    firstSubject: new Int32Array(n).fill(-1),
    subject: new Int32Array(n).fill(-1),
    cased: new Uint8Array(n),
    article: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const v = tree.heads[k]!;
    if (v < 0) continue;
    const rel = tree.deprels[k]!;
    if (CLAUSE_DEPENDENT.test(rel)) d.clausal[v] = 1;
    if (LICENSOR.test(rel)) d.licensed[v] = 1;
    if (rel.startsWith('nsubj') && d.firstSubject[v]! < 0) d.firstSubject[v] = k;
    if (rel === 'nsubj') d.subject[v] = k;
    if (rel === 'case' && k < v && tree.upos[k] === 'ADP') d.cased[v] = 1;
    if (rel === 'det' && k < v && ARTICLE.test(words[k]!)) d.article[v] = 1;
  }
  return d;
}

/** Tags with the verbs the tree reads as nouns made nouns, or null when there are none. */
export function verbsAsNouns(
  words: readonly string[],
  tree: TaggedParse,
): { upos: string[]; xpos: string[] } | null {
  let upos: string[] | null = null;
  let xpos: string[] | null = null;
  const retag = (v: number, u: string, x: string): void => {
    upos ??= [...tree.upos];
    xpos ??= [...tree.xpos];
    upos[v] = u;
    xpos[v] = x;
  };
  const asNoun = (v: number): void => retag(v, 'NOUN', PLURAL.test(words[v]!) ? 'NNS' : 'NN');
  const n = words.length;
  const d = dependentsOf(words, tree);
  let starts: Int32Array | null = null;
  for (let v = 0; v < n; v++) {
    const x = tree.xpos[v]!;
    if (d.article[v] && PRESENT_OR_BASE.has(x)) asNoun(v);
    if (PRESENT.has(x)) {
      const auxiliary = AUXILIARY_FORM.test(words[v]!);
      if (!d.clausal[v] && !auxiliary && NOMINAL_RELATION.has(tree.deprels[v]!)) asNoun(v);
      const s = d.subject[v]!;
      if (s >= 0 && !auxiliary) {
        const first = (starts ??= subtreeStarts(tree))[s]!;
        if (tree.deprels[first] === 'case' && tree.upos[first] === 'ADP') asNoun(v);
      }
      if (d.cased[v]) asNoun(v);
    }
    // a bare base form between its head's subject and its head
    const h = tree.heads[v]!;
    if (x !== 'VB' || d.licensed[v] || h <= v) continue;
    if (!BARE_CLAUSE.test(tree.deprels[v]!)) continue;
    const subject = d.firstSubject[h]!;
    if (subject < 0 || subject > v) continue;
    const noun = NOUN_TAG.test(tree.xpos[v + 1] ?? '');
    retag(v, noun ? 'ADJ' : 'NOUN', noun ? 'JJ' : 'NN');
  }
  return upos && xpos ? { upos, xpos } : null;
}
