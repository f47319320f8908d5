// Each token's dependents, and the case word of a token in a sentence's dependency tree ("in" of "in Nairobi", "according to",
// "out of"), read the same way by the actor and event stages.
import type { Token } from './types.ts';

/** How far left of a node the nearest-word reading looks for its case word, in tokens. */
const NEAR = 6;

/** Children of each token in sentence order, built once per token array (a parse is never edited). */
const childLists = new WeakMap<Token[], readonly (readonly number[])[]>();

/** Each token's children in sentence order (shared: read, never edit). */
export function dependentsOf(tokens: Token[]): readonly (readonly number[])[] {
  let kids = childLists.get(tokens);
  if (!kids) {
    const lists: number[][] = tokens.map(() => []);
    tokens.forEach((t, i) => {
      if (t.head >= 0 && t.head < tokens.length && t.head !== i) lists[t.head]!.push(i);
    });
    childLists.set(tokens, lists);
    kids = lists;
  }
  return kids;
}

function childrenOf(tokens: Token[], k: number): readonly number[] {
  return dependentsOf(tokens)[k] ?? [];
}

/**
 * Index of the nearest case word of node `k` within a few tokens to its left (the "in" of "in
 * Nairobi"), the possessive "'s" skipped; -1 for none.
 */
export function caseTokenOf(tokens: Token[], k: number): number {
  const from = Math.max(0, k - NEAR);
  for (let c = k - 1; c >= from; c--) {
    const t = tokens[c]!;
    if (t.head === k && t.deprel === 'case' && t.xpos !== 'POS') return c;
  }
  return -1;
}

export interface CaseOptions {
  /**
   * Only the nearest single case word left of the node, the possessive "'s" skipped (a place's
   * preposition); otherwise every case word of the node with its `fixed` parts.
   */
  nearest?: boolean;
}

/**
 * The case word of node `k`, lower-cased, or ''. By default every case word on the node is read,
 * multi-word ones joined by spaces ("according to", "out of"), and a name whose case word the
 * parser hung on its first part ("to South Korea") gets that word.
 */
export function caseOf(tokens: Token[], k: number, options: CaseOptions = {}): string {
  if (options.nearest) {
    const c = caseTokenOf(tokens, k);
    return c < 0 ? '' : tokens[c]!.text.toLowerCase();
  }
  const kids = childrenOf(tokens, k);
  const first = kids.find((j) => j < k && tokens[j]!.deprel === 'compound');
  const heads =
    first === undefined || kids.some((j) => tokens[j]!.deprel === 'case') ? [k] : [k, first];
  const words: string[] = [];
  for (const j of heads.flatMap((h) => childrenOf(tokens, h))) {
    if (tokens[j]!.deprel !== 'case') continue;
    words.push(tokens[j]!.text.toLowerCase());
    for (const f of childrenOf(tokens, j))
      if (tokens[f]!.deprel === 'fixed') words.push(tokens[f]!.text.toLowerCase());
  }
  return words.join(' ');
}
