// A sentence needs a finite verb: when the tagger reads the only verb of a sentence as a past
// participle though it takes an object ("Lina Haddad, UN special coordinator, criticised Israel",
// "The two countries criticised Iraq"), the parser makes the subject the root and the verb a
// reduced relative clause of it; right after a name ("Amnesty International accused Egypt") it may
// make the verb a modifier of its object. Then the verb is retagged as a past tense and the
// sentence parsed again; the new reading is kept only when the verb has found a subject and an
// object (or become the root) in it.
import type { Parser } from './parser-model.ts';

export interface TaggedParse {
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Participles spelled unlike the past tense ("given", "known", "done", "gone", "begun"). */
const OWN_PARTICIPLE = /(?:en|wn|one|un)$/i;

/** The participle to retag, or -1: a VBN with an object and no auxiliary, on a nominal root. */
function participleAsVerb(words: readonly string[], tree: TaggedParse): number {
  const n = words.length;
  for (let i = 0; i < n; i++) if (FINITE.has(tree.xpos[i]!)) return -1;
  for (let v = 0; v < n; v++) {
    if (tree.xpos[v] !== 'VBN' || OWN_PARTICIPLE.test(words[v]!)) continue;
    // On the root, or on the root's apposition ("Lina Haddad, UN special coordinator, ...").
    let h = tree.heads[v]!;
    if (h >= 0 && tree.deprels[h] === 'appos') h = tree.heads[h]!;
    const onNominalRoot =
      tree.deprels[v] === 'acl' && h >= 0 && tree.heads[h] === -1 && NOMINAL.has(tree.upos[h]!);
    if (!onNominalRoot || h > v) continue;
    let object = false;
    let auxiliary = false;
    for (let k = 0; k < n; k++) {
      if (tree.heads[k] !== v) continue;
      if (tree.deprels[k] === 'obj') object = true;
      if (/^(?:aux|cop)/.test(tree.deprels[k]!)) auxiliary = true;
    }
    if (object && !auxiliary) return v;
  }
  // "Amnesty International accused Egypt of torture": a participle right after a name and before
  // a noun phrase, made a modifier of what follows it.
  for (let v = 1; v < n - 1; v++) {
    if (tree.xpos[v] !== 'VBN' || OWN_PARTICIPLE.test(words[v]!)) continue;
    if (tree.xpos[v - 1] !== 'NNP' || !OBJECT_START.has(tree.xpos[v + 1]!)) continue;
    if (tree.heads.some((h, k) => h === v && /^(?:aux|cop)/.test(tree.deprels[k]!))) continue;
    return v;
  }
  return -1;
}

/** Tags that can open a participle's object ("accused Egypt", "accused the government"). */
const OBJECT_START = new Set(['NNP', 'NNPS', 'DT', 'PRP', 'PRP$']);

/** Parses a tagged sentence, repairing a participle that stands for the finite verb. */
export function parseTagged(
  parser: Parser,
  words: readonly string[],
  upos: readonly string[],
  xpos: readonly string[],
): TaggedParse {
  const first = parser.parse(words, upos, xpos);
  const tree: TaggedParse = { upos: [...upos], xpos: [...xpos], ...first };
  const v = participleAsVerb(words, tree);
  if (v < 0) return tree;
  const retagged = [...xpos];
  retagged[v] = 'VBD';
  const again = parser.parse(words, upos, retagged);
  const subject = again.heads.some((h, k) => h === v && /^nsubj$/.test(again.deprels[k]!));
  const object = again.heads.some((h, k) => h === v && again.deprels[k] === 'obj');
  const rooted = again.heads[v] === -1;
  return subject && (object || rooted) ? { upos: [...upos], xpos: retagged, ...again } : tree;
}
