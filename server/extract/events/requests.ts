// Requests named by a noun whose asked act is a clause: "Poland's call for Russia to withdraw",
// "a demand by Japan that Georgia return the vessels". The noun's possessor or "by" phrase asks;
// the actor the asked clause is about (its "for" phrase or the clause's subject) is asked, or the
// one who defies or heeds the call ("X defied calls, including by Y, to end ...").
import type { Frame } from './frames.ts';
import type { Lexicon } from './lexicon.ts';
import type { Mention } from '../types.ts';
import { modeOf, requestPolarity } from './modes.ts';
import { caseOf } from '../case-words.ts';
import { actorIn, actorsIn, child, children, type Tree } from './tree.ts';

/** Whether a phrase's case word names a doer: "by", "from", "including by". */
function agentCase(tree: Tree, k: number): boolean {
  const c = caseOf(tree.tokens, k);
  return c === 'by' || c === 'from' || c.endsWith(' by') || c.endsWith(' from');
}

/** The asker of a request noun at i: its possessor or "by"/"from" phrase. */
function askerOf(tree: Tree, i: number): number {
  for (const k of children(tree, i, 'nmod:poss', 'nmod'))
    if (tree.tokens[k]!.deprel === 'nmod:poss' || agentCase(tree, k)) return k;
  return -1;
}

/**
 * Verbs whose subject is the one a request they take as object asked ("defied calls to"). A
 * rejected request is read as the rejection alone ("rejected X's request to").
 */
const HEEDING = new Set(['defy', 'ignore', 'heed', 'resist', 'answer', 'disregard']);

function infinitive(tree: Tree, v: number): boolean {
  const mark = child(tree, v, 'mark');
  return mark >= 0 && tree.tokens[mark]!.text.toLowerCase() === 'to';
}

/**
 * A request noun a verb of heeding or defying takes as object ("X defied calls, including by Y,
 * to end ...", "X ignored calls by Y to reopen ..."): the asker (on the noun, or hung by the parser
 * on the verb after it), the asked clause, and the verb whose subject was asked; or null.
 */
function heeded(tree: Tree, i: number): { by: number; asked: number; verb: number } | null {
  const t = tree.tokens[i]!;
  if (t.deprel !== 'obj' || t.head < 0) return null;
  const v = t.head;
  if (!HEEDING.has(tree.tokens[v]!.lemma)) return null;
  const after = (k: number) => k > i;
  // "continues to defy calls, including by Y, to end ...": the parser may hang the trailing
  // phrases on the verb governing the defying one.
  const hosts = [v];
  if (tree.tokens[v]!.deprel === 'xcomp' && tree.tokens[v]!.head >= 0)
    hosts.push(tree.tokens[v]!.head);
  const on = (a: string, b: string, ok: (k: number) => boolean): number =>
    hosts.flatMap((h) => children(tree, h, a, b)).find((k) => after(k) && ok(k)) ?? -1;
  const by =
    askerOf(tree, i) >= 0 ? askerOf(tree, i) : on('obl', 'obl:agent', (k) => agentCase(tree, k));
  const own = children(tree, i, 'acl').find((c) => infinitive(tree, c));
  const asked = own ?? on('advcl', 'xcomp', (c) => infinitive(tree, c));
  if (by < 0 || asked < 0) return null;
  return { by, asked, verb: v };
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

/**
 * REQUEST frames for the request nouns of a sentence whose asked act is a clause; `doers` gives
 * the doers of a verb (for the one who defied or heeded a call).
 */
export function requestNouns(
  tree: Tree,
  lex: Lexicon,
  doers: (verb: number) => Mention[],
): Frame[] {
  const out: Frame[] = [];
  tree.tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' || !lex.cues.requestNouns.has(t.text.toLowerCase())) return;
    let by = askerOf(tree, i);
    let asked = askedOf(tree, i);
    let targets = asked ? actorsIn(tree, asked[1]).slice(0, 1) : [];
    const answer = asked ? null : heeded(tree, i);
    if (answer) {
      by = answer.by;
      asked = [answer.asked, answer.verb];
      targets = doers(answer.verb);
    }
    if (by < 0 || !asked) return;
    const source = actorIn(tree, by);
    const target = targets.filter((m) => m.actor !== source?.actor);
    if (!source || target.length === 0) return;
    out.push({
      at: i,
      type: 'REQUEST',
      polarity: requestPolarity(tree, asked[0], lex.cues.stop),
      mode: modeOf(tree, i),
      sources: [source],
      targets: target,
      symmetric: false,
      nominal: true,
      speech: null,
      addressees: [],
    });
  });
  return out;
}
