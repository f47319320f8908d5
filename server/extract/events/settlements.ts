// Meetings that end in a settlement: "X's talks with Y produced a deal", "the meeting between X and
// Y yielded agreements", "X and Y held talks that resulted in an accord". The meeting's parties also
// AGREE, read off the tree: the meeting noun is the subject of an outcome verb (or carries it as a
// relative clause) whose object or "in"/"to" phrase names a settlement.
import type { Lexicon } from './lexicon.ts';
import type { Frame } from './frames.ts';
import { modeOf } from './modes.ts';
import { caseOf } from '../case-words.ts';
import { children, type Tree } from './tree.ts';

const OUTCOME_CASES = new Set(['in', 'to', '']);

/** The outcome verb a meeting noun at i yields through, when it names a settlement; else -1. */
function outcomeOf(tree: Tree, i: number, lex: Lexicon): number {
  const t = tree.tokens[i]!;
  const verbs: number[] = [];
  if (t.deprel === 'nsubj' && t.head >= 0) verbs.push(t.head);
  verbs.push(...children(tree, i, 'acl:relcl'));
  for (const v of verbs) {
    // "produced no deal", "did not yield an accord": nothing was settled.
    if (!lex.cues.outcome.has(tree.tokens[v]!.lemma) || modeOf(tree, v) !== null) continue;
    for (const k of children(tree, v, 'obj', 'obl'))
      if (
        OUTCOME_CASES.has(caseOf(tree.tokens, k)) &&
        (lex.cues.settled.has(tree.tokens[k]!.lemma) ||
          lex.cues.settled.has(tree.tokens[k]!.text.toLowerCase())) &&
        !children(tree, k, 'det').some((d) => tree.tokens[d]!.text.toLowerCase() === 'no')
      )
        return v;
  }
  return -1;
}

/** AGREE frames for the parties of the meetings among `frames` that yielded a settlement. */
export function settlements(tree: Tree, frames: Frame[], lex: Lexicon): Frame[] {
  const out: Frame[] = [];
  for (const f of frames) {
    if (f.type !== 'CONSULT' || !f.symmetric || f.mode !== null) continue;
    // The meeting noun: the frame's own word, or the object of "held talks".
    const noun = f.nominal ? f.at : children(tree, f.at, 'obj')[0];
    if (noun === undefined) continue;
    const v = outcomeOf(tree, noun, lex);
    if (v < 0) continue;
    out.push({ ...f, at: v, type: 'AGREE', ploverMode: undefined });
  }
  return out;
}
