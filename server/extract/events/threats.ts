// Whom a warning threatens when it names no one directly: "warned that Y's bases would be at risk",
// "a warning that Y's embassies would become targets". The party whose forces, bases, ships or
// interests the warning's content clause puts in danger (the lexicon's `exposed` nouns) is its
// target.
import type { ActorAnalysis, Mention } from '../types.ts';
import type { Frame } from './frames.ts';
import type { Lexicon } from './lexicon.ts';
import { sameSide } from './sides.ts';
import type { Tree } from './tree.ts';

/** Relations by which a content clause hangs on a warning verb or noun. */
const CONTENT = new Set(['ccomp', 'acl', 'acl:relcl']);
/** Relations by which an actor names the owner of an exposed noun ("Y's bases", "U.S. bases"). */
const OWNER = new Set(['nmod:poss', 'compound', 'amod']);
/** Relations of an exposed noun that make it what the clause is about (its subject or object). */
const ARGUMENT = new Set(['nsubj', 'nsubj:pass', 'obj']);

/** The owners of exposed nouns that are arguments inside the clause at c. */
function exposedOwners(tree: Tree, c: number, lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  // The clause's first words name what is endangered; a bound keeps long sentences linear.
  const last = Math.min(tree.hi[c]!, tree.lo[c]! + 40);
  for (let j = tree.lo[c]!; j <= last; j++) {
    const t = tree.tokens[j]!;
    if (!ARGUMENT.has(t.deprel)) continue;
    if (!lex.cues.exposed.has(t.text.toLowerCase()) && !lex.cues.exposed.has(t.lemma)) continue;
    for (const k of tree.kids[j]!) {
      if (!OWNER.has(tree.tokens[k]!.deprel)) continue;
      const at = tree.at[k]!;
      const m = at >= 0 ? tree.mentions[at]! : null;
      if (m && !out.some((o) => o.actor === m.actor)) out.push(m);
    }
  }
  return out;
}

/** Gives each THREATEN frame without a target the owners of what its content clause endangers. */
export function threatenedOwners(
  tree: Tree,
  frames: Frame[],
  lex: Lexicon,
  analysis: ActorAnalysis,
): void {
  for (const f of frames) {
    if (f.type !== 'THREATEN' || f.targets.length > 0) continue;
    const owners: Mention[] = [];
    // "issued a warning that ...": the clause may hang on the light verb's warning noun.
    const heads = [f.at, ...tree.kids[f.at]!.filter((k) => tree.tokens[k]!.deprel === 'obj')];
    for (const h of heads)
      for (const c of tree.kids[h]!)
        if (CONTENT.has(tree.tokens[c]!.deprel)) owners.push(...exposedOwners(tree, c, lex));
    f.targets = owners.filter((m) => !f.sources.some((s) => sameSide(analysis, s.actor, m.actor)));
  }
}
