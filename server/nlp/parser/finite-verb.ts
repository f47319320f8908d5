// A sentence needs a finite verb. When the tagger reads a sentence's past tense as a participle,
// the parser follows the tag: "Lina Haddad, UN special coordinator, criticised Israel" makes the
// name the root and the verb a reduced relative of it; "Amnesty International accused Egypt" may
// make the verb a modifier of its object; "Peru retaliated by imposing tariffs" reads a passive
// with no auxiliary. In a sentence with no finite verb such participles are retagged as past
// tenses and the sentence parsed again; a retagged verb keeps its new tag only when the new tree
// gives it a subject (and, for the object readings, an object or the root). Participles spelled
// unlike the past ("given", "known"), those with an auxiliary, and passives with an agent
// ("Three journalists detained by Iran") are left alone. A base form spelled only as a past tense
// ("Kenya last year froze a pipeline", "froze" read as VB) is read the same way.
import { PAST_ONLY } from '../lemma/index.ts';
import type { TaggedParse } from './parse-tagged.ts';

const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Participles spelled unlike the past tense ("given", "known", "done", "gone", "begun"). */
const OWN_PARTICIPLE = /(?:en|wn|one|un)$/i;
/** Tags that can open a participle's object ("accused Egypt", "accused the government"). */
const OBJECT_START = new Set(['NNP', 'NNPS', 'DT', 'PRP', 'PRP$']);

type Parse = (upos: readonly string[], xpos: readonly string[]) => TaggedParse;

/** Bits of what hangs from each word: a subject, an object, an auxiliary (or copula or agent). */
const SUBJECT = 1;
const OBJECT = 2;
const AUXILIARY = 4;

/** For each word, the SUBJECT / OBJECT / AUXILIARY bits of its dependents, read in one pass. */
function dependents(tree: TaggedParse): Uint8Array {
  const bits = new Uint8Array(tree.heads.length);
  tree.heads.forEach((h, k) => {
    if (h < 0) return;
    const rel = tree.deprels[k]!;
    if (rel === 'nsubj') bits[h]! |= SUBJECT;
    else if (rel === 'obj') bits[h]! |= OBJECT;
    else if (/^(?:aux|cop)/.test(rel) || rel === 'obl:agent') bits[h]! |= AUXILIARY;
  });
  return bits;
}

/**
 * Whether participle v could be the past tense (spelled like one, no auxiliary, no agent), or base
 * form v is spelled only as a past tense ("froze", "spoke"; not "found", "saw") and has no
 * auxiliary.
 */
function couldBePast(words: readonly string[], tree: TaggedParse, deps: Uint8Array, v: number) {
  if (deps[v]! & AUXILIARY) return false;
  const x = tree.xpos[v];
  if (x === 'VB') return PAST_ONLY.has(words[v]!.toLowerCase());
  return x === 'VBN' && !OWN_PARTICIPLE.test(words[v]!);
}

/** A participle with an object on the nominal root (or its apposition), or after a name. */
function participleWithObject(words: readonly string[], tree: TaggedParse, deps: Uint8Array) {
  const n = words.length;
  for (let v = 0; v < n; v++) {
    if (!couldBePast(words, tree, deps, v)) continue;
    let h = tree.heads[v]!;
    if (h >= 0 && tree.deprels[h] === 'appos') h = tree.heads[h]!;
    const onNominalRoot =
      tree.deprels[v] === 'acl' && h >= 0 && tree.heads[h] === -1 && NOMINAL.has(tree.upos[h]!);
    if (onNominalRoot && h < v && deps[v]! & OBJECT) return v;
  }
  // "Amnesty International accused Egypt of torture", "The two accused Belarus of smuggling":
  // right after a nominal, before a noun phrase.
  for (let v = 1; v < n - 1; v++)
    if (
      couldBePast(words, tree, deps, v) &&
      (tree.xpos[v - 1] === 'NNP' || NOMINAL.has(tree.upos[v - 1]!)) &&
      OBJECT_START.has(tree.xpos[v + 1]!)
    )
      return v;
  return -1;
}

/**
 * Participles that head a clause of their own: the root, a conjunct of it, or a reduced relative
 * on a nominal that is itself a subject or the root ("Thousands rallied ..., and ... protested").
 */
function clauseParticiples(words: readonly string[], tree: TaggedParse, deps: Uint8Array) {
  const found: number[] = [];
  for (let v = 0; v < words.length; v++) {
    if (!couldBePast(words, tree, deps, v)) continue;
    const h = tree.heads[v]!;
    const rel = tree.deprels[v]!;
    const root = h === -1;
    const conjunct = rel === 'conj' && h >= 0 && tree.heads[h] === -1;
    const onSubject =
      rel === 'acl' &&
      h >= 0 &&
      h < v &&
      NOMINAL.has(tree.upos[h]!) &&
      (tree.heads[h] === -1 || /^nsubj/.test(tree.deprels[h]!));
    if (root || conjunct || onSubject) found.push(v);
  }
  return found;
}

/**
 * The repaired tree of a sentence with no finite verb whose participles stand for past tenses,
 * or null when nothing was repaired.
 */
export function participlesAsVerbs(
  words: readonly string[],
  tree: TaggedParse,
  parse: Parse,
): TaggedParse | null {
  if (tree.xpos.some((x) => FINITE.has(x))) return null;
  const deps = dependents(tree);
  const single = participleWithObject(words, tree, deps);
  const candidates = single >= 0 ? [single] : clauseParticiples(words, tree, deps);
  if (candidates.length === 0) return null;
  const retagged = [...tree.xpos];
  for (const v of candidates) retagged[v] = 'VBD';
  const again = parse(tree.upos, retagged);
  const found = dependents(again);
  const subject = (v: number): boolean => (found[v]! & SUBJECT) !== 0;
  if (single >= 0) {
    const kept = subject(single) && ((found[single]! & OBJECT) !== 0 || again.heads[single] === -1);
    return kept ? again : null;
  }
  // Keep the past tense where the new tree gives the verb a subject; the rest go back.
  const kept = candidates.filter(subject);
  if (kept.length === 0) return null;
  if (kept.length === candidates.length) return again;
  const final = [...tree.xpos];
  for (const v of kept) final[v] = 'VBD';
  return parse(tree.upos, final);
}
