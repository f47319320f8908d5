// Reading the dependency tree of one sentence for the actor stage: the head of a span, the
// subtree under a node, a node's case word ("in", "to") and the word that governs it.
import type { Token } from '../types.ts';

/** How far a climb or a subtree reaches, in tokens (keeps long sentences linear). */
export const REACH = 30;

/** True when token `k` lies under `root` (within a bounded climb). */
function under(tokens: Token[], k: number, root: number): boolean {
  let h = tokens[k]!.head;
  for (let steps = 0; h >= 0 && steps < REACH; steps++) {
    if (h === root) return true;
    h = tokens[h]!.head;
  }
  return false;
}

/** Tokens of the subtree under `root` (inclusive), as the contiguous range they span. */
export function subtreeRange(tokens: Token[], root: number): [number, number] {
  let lo = root;
  let hi = root;
  while (lo > 0 && root - lo < REACH && under(tokens, lo - 1, root)) lo--;
  while (hi < tokens.length - 1 && hi - root < REACH && under(tokens, hi + 1, root)) hi++;
  return [lo, hi];
}

/** The token of [first, last] whose head lies outside the span. */
export function headOf(tokens: Token[], first: number, last: number): number {
  for (let k = first; k <= last; k++) {
    const h = tokens[k]!.head;
    if (h < first || h > last) return k;
  }
  return last;
}

/** Index of the case word of node `k` (the "in" of "in Nairobi"), or -1. */
export function caseTokenOf(tokens: Token[], k: number): number {
  const from = Math.max(0, k - 6);
  for (let c = k - 1; c >= from; c--) {
    const t = tokens[c]!;
    if (t.head === k && t.deprel === 'case' && t.xpos !== 'POS') return c;
  }
  return -1;
}

/** The case word of node `k`, lower-cased, or ''. */
export function caseOf(tokens: Token[], k: number): string {
  const c = caseTokenOf(tokens, k);
  return c < 0 ? '' : tokens[c]!.text.toLowerCase();
}
