// Acts stated as the means of another: "retaliated against Y by expelling its diplomats", "worked
// with Y by offering to resettle the refugees". A "by" clause that names no party of its own acts
// on the party of the act it is the means of.
import type { Frame } from './frames.ts';
import { caseOf } from '../case-words.ts';
import { child, type Tree } from './tree.ts';

/** Whether the clause at i is introduced by "by" (a mark or, for a gerund read as a noun, a case). */
function byClause(tree: Tree, i: number): boolean {
  const m = child(tree, i, 'mark');
  if (m >= 0 && tree.tokens[m]!.text.toLowerCase() === 'by') return true;
  return caseOf(tree.tokens, i) === 'by';
}

/** Gives each targetless act in a "by" clause the targets of the act it is the means of. */
export function meansTargets(tree: Tree, frames: Frame[]): void {
  for (const f of frames) {
    if (f.targets.length > 0 || f.symmetric) continue;
    let x = f.at;
    // "by first imposing and then delaying ...": a conjunct shares the first one's "by".
    for (let n = 0; n < 3 && tree.tokens[x]!.deprel === 'conj'; n++) x = tree.tokens[x]!.head;
    const t = tree.tokens[x]!;
    if ((t.deprel !== 'advcl' && t.deprel !== 'obl') || t.head < 0 || !byClause(tree, x)) continue;
    const end = frames.find((v) => v !== f && v.at === t.head && v.targets.length > 0);
    if (!end) continue;
    f.targets = end.targets;
    if (f.sources.length === 0) f.sources = end.sources;
  }
}
