// Acts whose doer or party sits inside a noun phrase or a relative clause: the doer of a noun that
// names the doing of another act ("X's imposition of sanctions on Y"), the party a participle's
// agent acts for ("a dam funded by X", "a pipeline, also backed by X"), the clause a "with support
// from X" phrase backs, the author of a charge a relative clause answers ("charges which X
// dismissed as baseless"), and the parties of a conflict someone asks to end.
import type { PloverType } from '../../model/index.ts';
import type { Mention } from '../types.ts';
import { caseOf } from '../case-words.ts';
import { actorsIn, child, children, type Tree } from './tree.ts';

/**
 * Nouns naming the doing of the act their "of" phrase names ("the imposition of sanctions", "the
 * resumption of talks"): their possessor or "by" phrase does that act.
 */
const DOING_NOUNS = new Set([
  'imposition',
  'introduction',
  'continuation',
  'resumption',
  'extension',
  'expansion',
  'escalation',
  'intensification',
  'renewal',
  'launch',
  'holding',
  'staging',
]);

/** Whether the event noun at i is what a doing noun above it does ("imposition of | sanctions"). */
export function doneBy(tree: Tree, i: number): number {
  const t = tree.tokens[i]!;
  if (t.deprel !== 'nmod' || t.head < 0 || caseOf(tree.tokens, i) !== 'of') return -1;
  return DOING_NOUNS.has(tree.tokens[t.head]!.lemma) ? t.head : -1;
}

/** Acts a participle's agent does for the owner of what it names ("a dam funded by X"). */
const FOR_OWNER = new Set<PloverType>(['AID', 'SUPPORT', 'COOPERATE']);

/** Relations by which a clause takes a noun as its own ("built a dam", "a dam was built"). */
const OWNER_RELS = new Set(['obj', 'nsubj:pass', 'obl', 'nsubj']);

/**
 * The clause a participle on a noun hangs in ("Peru built a dam | funded by Egypt"): the verb that
 * takes the noun (or the first of its coordinated nouns) as an argument, or -1.
 */
export function ownerClause(tree: Tree, participle: number): number {
  let noun = tree.tokens[participle]!.head;
  if (noun < 0) return -1;
  // "a pipeline and a railway project, also aided by X": the first conjunct holds the relation.
  for (let n = 0; n < 4 && tree.tokens[noun]!.deprel === 'conj'; n++)
    noun = tree.tokens[noun]!.head;
  const d = tree.tokens[noun]!.deprel;
  const v = tree.tokens[noun]!.head;
  if (!OWNER_RELS.has(d) || v < 0) return -1;
  const verb = tree.tokens[v]!;
  return verb.pos === 'VERB' ? v : -1;
}

/** Whether a participle frame's type acts for the owner of the noun it is on. */
export function forOwner(type: PloverType): boolean {
  return FOR_OWNER.has(type);
}

/**
 * The verb a "with support from X" noun at i backs ("launched the mission with support from X"):
 * the verb it is an oblique of, when its case word is "with"; else -1.
 */
export function backedClause(tree: Tree, i: number): number {
  const t = tree.tokens[i]!;
  if (t.head < 0 || caseOf(tree.tokens, i) !== 'with') return -1;
  let v = t.head;
  // "launched the mission with support from X", the phrase hung on the object.
  if (t.deprel === 'nmod' && tree.tokens[v]!.deprel === 'obj') v = tree.tokens[v]!.head;
  else if (t.deprel !== 'obl') return -1;
  return v >= 0 && tree.tokens[v]!.pos === 'VERB' ? v : -1;
}

/** Relations and case words that name a charge's author ("Y's charges", "charges by Y"). */
function authorNodes(tree: Tree, noun: number): number[] {
  return tree.kids[noun]!.filter((k) => {
    const d = tree.tokens[k]!.deprel;
    if (d === 'nmod:poss' || d === 'amod' || d === 'compound') return tree.at[k]! >= 0;
    return d === 'nmod' && ['by', 'from'].includes(caseOf(tree.tokens, k));
  });
}

/**
 * The authors of the charge a relative clause at i stands for ("charges by Y which X dismissed"):
 * its relative pronoun object stands for a charge noun, or for the author phrase the parser hung
 * the clause on. Empty when the clause is on no charge.
 */
export function chargeAuthors(tree: Tree, i: number, charges: Set<string>): Mention[] | null {
  const t = tree.tokens[i]!;
  if (t.deprel !== 'acl:relcl' || t.head < 0) return null;
  const obj = child(tree, i, 'obj');
  if (obj < 0 || !['which', 'that'].includes(tree.tokens[obj]!.text.toLowerCase())) return null;
  const h = t.head;
  if (charges.has(tree.tokens[h]!.lemma) || charges.has(tree.tokens[h]!.text.toLowerCase())) {
    const out: Mention[] = [];
    for (const k of authorNodes(tree, h))
      for (const m of actorsIn(tree, k)) if (!out.some((o) => o.actor === m.actor)) out.push(m);
    return out;
  }
  // "charges by Y which X dismissed", with the clause hung on Y.
  const up = tree.tokens[h]!.head;
  if (
    up >= 0 &&
    tree.tokens[h]!.deprel === 'nmod' &&
    ['by', 'from'].includes(caseOf(tree.tokens, h)) &&
    charges.has(tree.tokens[up]!.lemma)
  )
    return actorsIn(tree, h);
  return null;
}

/**
 * The parties of the conflict a halting noun at h asks to end ("urged an end to the dispute between
 * Y and Z"): the "between" phrase of its "to"/"of" noun, also when the parser hangs that noun on
 * the verb at v right after the halting noun.
 */
export function endedParties(tree: Tree, v: number, h: number, halts: Set<string>): Mention[] {
  if (!halts.has(tree.tokens[h]!.lemma)) return [];
  const ended = [
    ...children(tree, h, 'nmod'),
    ...children(tree, v, 'obl').filter((k) => tree.lo[k] === tree.hi[h]! + 1),
  ].filter((k) => ['to', 'of'].includes(caseOf(tree.tokens, k)));
  const out: Mention[] = [];
  for (const n of ended)
    for (const k of children(tree, n, 'nmod'))
      if (caseOf(tree.tokens, k) === 'between')
        for (const m of actorsIn(tree, k)) if (!out.some((o) => o.actor === m.actor)) out.push(m);
  return out.length >= 2 ? out : [];
}
