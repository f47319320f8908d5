// Mutual acts: "Peru and Chile recalled their ambassadors", "both countries expelled diplomats"
// (two doers that each pull or expel envoys with no other party named sanction each other), and
// any act whose object is "each other" or "one another" ("Armenia and Azerbaijan accused each
// other of ..."): each doer becomes the others' target.
import type { Frame } from './frames.ts';
import type { Lexicon } from './lexicon.ts';
import type { Tree } from './tree.ts';

/** Makes a mutual act of two or more doers with no target an act of each on the others. */
export function mutualWithdrawals(tree: Tree, frames: Frame[], lex: Lexicon): void {
  for (const f of frames) {
    if (f.nominal || f.targets.length > 0) continue;
    if (new Set(f.sources.map((m) => m.actor)).size < 2) continue;
    const envoy =
      f.type === 'SANCTION' &&
      tree.kids[f.at]!.some((k) => {
        const t = tree.tokens[k]!;
        return t.deprel === 'obj' && (lex.cues.envoys.has(t.lemma) || lex.cues.envoys.has(t.text));
      });
    // Each doer acts on every other one; a doer never targets itself.
    if (envoy || reciprocalObject(tree, f.at)) f.targets = [...f.sources];
  }
}

/** Whether the verb at i takes "each other" or "one another" as its object or oblique. */
function reciprocalObject(tree: Tree, i: number): boolean {
  return tree.kids[i]!.some((k) => {
    const t = tree.tokens[k]!;
    if (!/^(?:obj|obl|iobj)$/.test(t.deprel)) return false;
    // UD heads the pair on its first word: each/obj + other/fixed, one/obj + another.
    const first = t.text.toLowerCase();
    const second = tree.tokens[k + 1]?.text.toLowerCase();
    return (first === 'each' && second === 'other') || (first === 'one' && second === 'another');
  });
}
