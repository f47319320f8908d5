// Mutual withdrawals of envoys: "Peru and Chile recalled their ambassadors", "both countries
// expelled diplomats". Two doers that each pull or expel envoys with no other party named sanction
// each other, so each becomes the other's target.
import type { Frame } from './frames.ts';
import type { Lexicon } from './lexicon.ts';
import type { Tree } from './tree.ts';

/** Makes each SANCTION on envoys by two or more doers and no target a sanction of each on the others. */
export function mutualWithdrawals(tree: Tree, frames: Frame[], lex: Lexicon): void {
  for (const f of frames) {
    if (f.type !== 'SANCTION' || f.nominal || f.targets.length > 0) continue;
    if (new Set(f.sources.map((m) => m.actor)).size < 2) continue;
    const envoy = tree.kids[f.at]!.some((k) => {
      const t = tree.tokens[k]!;
      return t.deprel === 'obj' && (lex.cues.envoys.has(t.lemma) || lex.cues.envoys.has(t.text));
    });
    // Each doer acts on every other one; a doer never targets itself.
    if (envoy) f.targets = [...f.sources];
  }
}
