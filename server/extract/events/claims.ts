// Claims inside reported speech that charge a wrong (guideline 10): the wrongdoing words of the
// lexicon's accusation cues, a particle verb among them ("rip off"), and a cleft that names the
// wrongdoer ("It is Y that is responsible", or "Who is to blame? It's Y." after an unnamed charge).
import type { Mention } from '../types.ts';
import { actorIn, actorsIn, child, type Tree } from './tree.ts';

/** Whether token i is a charge word: its form, its lemma, or its lemma with a particle ("rip off"). */
export function chargeWord(tree: Tree, i: number, words: ReadonlySet<string>): boolean {
  const t = tree.tokens[i]!;
  if (words.has(t.text.toLowerCase()) || words.has(t.lemma)) return true;
  // The particle as the parser hangs it, or the word right after when it took it for a preposition.
  const prt = child(tree, i, 'compound:prt');
  const next = prt >= 0 ? tree.tokens[prt] : tree.tokens[i + 1];
  return !!next && words.has(`${t.lemma} ${next.text.toLowerCase()}`);
}

/** Charge words that ask who did the wrong when their subject names no one ("who is responsible"). */
const BLAME = new Set(['responsible', 'blame']);

/**
 * Whether the content of speech k assigns blame to no actor: "It's one person who is
 * responsible", "Who is to blame?". A cleft naming an actor in the next sentence answers it.
 */
export function unnamedBlame(tree: Tree, k: number, scope: readonly number[]): boolean {
  return tree.tokens.some((t, i) => {
    if (scope[i] !== k || !BLAME.has(t.lemma)) return false;
    // "is responsible" / "is to blame": the subject sits on the adjective or on "is".
    const head = t.deprel === 'xcomp' && t.head >= 0 ? t.head : i;
    const subj = child(tree, head, 'nsubj');
    return subj >= 0 && tree.at[subj]! < 0 && !actorIn(tree, subj);
  });
}

/** Relations of a clause a cleft can be: the sentence, or the content of a reporting verb. */
const CLAUSE = new Set(['root', 'ccomp', 'parataxis']);

/** Relations of a title word to the name it precedes ("President Y"). */
const TITLE = new Set(['nmod:desc', 'compound', 'flat', 'flat:name']);

/** A cleft naming an actor: "It's Y", "It is Y that ...". The actor's token, or -1. */
function cleftActor(tree: Tree, i: number): number {
  const t = tree.tokens[i]!;
  const m = tree.at[i]!;
  if (!CLAUSE.has(t.deprel) || m < 0) return -1;
  // "It is President Y": the parser may hang "it" and "is" on the title inside the name.
  const title = (k: number) => tree.at[k] === m || TITLE.has(tree.tokens[k]!.deprel);
  const kids = [i, ...tree.kids[i]!.filter(title)].flatMap((x) => tree.kids[x]!);
  const it = kids.some(
    (k) => tree.tokens[k]!.deprel === 'nsubj' && tree.tokens[k]!.text.toLowerCase() === 'it',
  );
  return it && kids.some((k) => tree.tokens[k]!.deprel === 'cop') ? i : -1;
}

/**
 * The actors a cleft inside speech k names as wrongdoers: "It is Y that is violating the accord"
 * (the relative clause, with the named actor as its active subject, holds a charge word), or a
 * bare "It's Y." when the same speech has just blamed someone unnamed (`answers`).
 */
export function cleftCharges(
  tree: Tree,
  k: number,
  scope: readonly number[],
  words: ReadonlySet<string>,
  answers: boolean,
): { at: number; actor: number }[] {
  const out: { at: number; actor: number }[] = [];
  tree.tokens.forEach((_, i) => {
    if (scope[i] !== k) return;
    const x = cleftActor(tree, i);
    if (x < 0) return;
    const rel = child(tree, x, 'acl:relcl');
    if (rel < 0) {
      if (answers) out.push({ at: i, actor: tree.at[x]! });
      return;
    }
    // "It is Y that was harmed": a passive relative clause makes Y the one wronged.
    if (child(tree, rel, 'nsubj') < 0) return;
    for (let j = tree.lo[rel]!; j <= tree.hi[rel]!; j++)
      if (chargeWord(tree, j, words)) {
        out.push({ at: i, actor: tree.at[x]! });
        return;
      }
  });
  return out;
}

/**
 * The actors a word of worry above the charge word at i makes the charge's holders ("India and
 * Japan are concerned about Y's aggression", "Z voiced fears of Y's meddling"), within speech k.
 */
export function worriedAbout(
  tree: Tree,
  i: number,
  k: number,
  scope: readonly number[],
  concerns: ReadonlySet<string>,
): Mention[] {
  for (let x = tree.tokens[i]!.head, n = 0; x >= 0 && n < 4 && scope[x] === k; n++) {
    const t = tree.tokens[x]!;
    if (concerns.has(t.text.toLowerCase()) || concerns.has(t.lemma)) {
      // The worried party: the word's own subject, or the subject of the verb it is the object of.
      let subj = child(tree, x, 'nsubj');
      if (subj < 0 && t.head >= 0 && ['obj', 'xcomp', 'amod'].includes(t.deprel))
        subj = child(tree, t.head, 'nsubj');
      return subj >= 0 ? actorsIn(tree, subj) : [];
    }
    x = t.head;
  }
  return [];
}
