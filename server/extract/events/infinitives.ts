// Controlled infinitives the parser reads as purpose clauses: in "threatened on Monday to impose
// tariffs" or "is pressing Kenya to reopen the border" the "to" clause is often attached as an
// advcl, which hides the control verb's reading (a threat, a pledge, a request) behind the plain
// act. For verbs that govern an infinitive as a complement, such a clause is relabelled xcomp.
import type { ControlKind, Lexicon } from './lexicon.ts';
import { child, type Tree } from './tree.ts';

/** Control kinds whose verbs take an infinitive as their complement, not as a purpose. */
const COMPLEMENT_KINDS = new Set<ControlKind>(['threat', 'commit', 'reject', 'request', 'decide']);
/** Request-kind verbs that also take purpose clauses ("called Y on Monday to discuss trade"). */
const PURPOSE_TOO = new Set(['call', 'help', 'allow', 'permit', 'enable']);
/** The most tokens between a verb and its infinitive ("threatened on Monday in a speech to"). */
const MAX_GAP = 24;
/** What may stand between the verb and its infinitive: its object, a time or place phrase. */
const BETWEEN = new Set([
  'obj',
  'iobj',
  'obl',
  'obl:tmod',
  'obl:unmarked',
  'obl:npmod',
  'nmod:tmod',
  'advmod',
  'compound:prt',
]);

/** Whether every token between the verb h and the clause at k belongs to an allowed dependent of h. */
function adjacent(tree: Tree, h: number, k: number): boolean {
  let j = h + 1;
  while (j < tree.lo[k]!) {
    const d = tree.kids[h]!.find((c) => tree.lo[c] === j);
    if (d === undefined || !BETWEEN.has(tree.tokens[d]!.deprel)) return false;
    j = tree.hi[d]! + 1;
  }
  return j === tree.lo[k];
}

/**
 * The tree with each "to" infinitive of a control verb read as that verb's complement (xcomp).
 * Returns the same tree when nothing changes; never mutates the sentence's own tokens.
 */
export function withControlledInfinitives(tree: Tree, lex: Lexicon): Tree {
  let tokens = tree.tokens;
  const done = new Set<number>();
  for (let k = 0; k < tree.tokens.length; k++) {
    const t = tree.tokens[k]!;
    if (t.deprel !== 'advcl' || t.head < 0 || t.head > k) continue;
    const h = t.head;
    const verb = tree.tokens[h]!;
    const kind = lex.control.get(verb.lemma);
    if (!kind || !COMPLEMENT_KINDS.has(kind) || PURPOSE_TOO.has(verb.lemma)) continue;
    // One complement per verb, a few words after it: linear on any sentence.
    if (done.has(h) || tree.lo[k]! - h > MAX_GAP) continue;
    done.add(h);
    const mark = child(tree, k, 'mark');
    if (mark < 0 || tree.tokens[mark]!.text.toLowerCase() !== 'to') continue;
    if (child(tree, k, 'nsubj', 'nsubj:pass') >= 0 || child(tree, h, 'xcomp', 'ccomp') >= 0)
      continue;
    if (!adjacent(tree, h, k)) continue;
    if (tokens === tree.tokens) tokens = [...tree.tokens];
    tokens[k] = { ...t, deprel: 'xcomp' };
  }
  return tokens === tree.tokens ? tree : { ...tree, tokens };
}
