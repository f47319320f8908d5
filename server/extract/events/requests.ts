// Requests named by a noun whose asked act is a clause: "Poland's call for Russia to withdraw",
// "a demand by Japan that Georgia return the vessels". The noun's possessor or "by" phrase asks;
// the actor the asked clause is about (its "for" phrase or the clause's subject) is asked.
import type { Frame } from './frames.ts';
import type { Lexicon } from './lexicon.ts';
import { modeOf, requestPolarity } from './modes.ts';
import { caseOf } from '../case-words.ts';
import { actorIn, child, children, type Tree } from './tree.ts';

/** The asker of a request noun at i: its possessor or "by"/"from" phrase. */
function askerOf(tree: Tree, i: number): number {
  for (const k of children(tree, i, 'nmod:poss', 'nmod'))
    if (tree.tokens[k]!.deprel === 'nmod:poss' || ['by', 'from'].includes(caseOf(tree.tokens, k)))
      return k;
  return -1;
}

/** The asked clause and the asked actor's node of a request noun at i, or null. */
function askedOf(tree: Tree, i: number): [number, number] | null {
  const t = tree.tokens[i]!;
  // "a demand by X that Y return ...": a clause on the noun, its subject asked.
  for (const c of children(tree, i, 'acl', 'acl:relcl', 'ccomp')) {
    const subj = children(tree, c, 'nsubj').find((s) => tree.at[s]! >= 0);
    if (subj !== undefined) return [c, subj];
  }
  // "X's call for Y to withdraw": "for Y", then the infinitive (on the noun or, when the parser
  // makes the noun its subject, the verb above).
  const forY = children(tree, i, 'nmod').find((k) => caseOf(tree.tokens, k) === 'for');
  if (forY === undefined) return null;
  const inf = (v: number): boolean => {
    const mark = child(tree, v, 'mark');
    return mark >= 0 && tree.tokens[mark]!.text.toLowerCase() === 'to';
  };
  for (const c of children(tree, i, 'acl')) if (inf(c)) return [c, forY];
  for (const c of children(tree, forY, 'acl')) if (inf(c)) return [c, forY];
  if (t.deprel === 'nsubj' && t.head >= 0 && inf(t.head)) return [t.head, forY];
  return null;
}

/** REQUEST frames for the request nouns of a sentence whose asked act is a clause. */
export function requestNouns(tree: Tree, lex: Lexicon): Frame[] {
  const out: Frame[] = [];
  tree.tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' || !lex.cues.requestNouns.has(t.text.toLowerCase())) return;
    const by = askerOf(tree, i);
    const asked = askedOf(tree, i);
    if (by < 0 || !asked) return;
    const source = actorIn(tree, by);
    const target = actorIn(tree, asked[1]);
    if (!source || !target || source.actor === target.actor) return;
    out.push({
      at: i,
      type: 'REQUEST',
      polarity: requestPolarity(tree, asked[0], lex.cues.stop),
      mode: modeOf(tree, i),
      sources: [source],
      targets: [target],
      symmetric: false,
      nominal: true,
      speech: null,
      addressees: [],
    });
  });
  return out;
}
