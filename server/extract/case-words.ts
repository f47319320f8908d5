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

/** Each token's case word as `caseOf` reads it by default, filled in as asked (a parse is never edited). */
const caseWords = new WeakMap<Token[], (string | undefined)[]>();

/**
 * The case word of node `k`, lower-cased, or ''. By default every case word on the node is read,
 * multi-word ones joined by spaces ("according to", "out of"), and a name whose case word the
 * parser hung on its first part ("to South Korea") gets that word.
 */
export function caseOf(tokens: Token[], k: number, options?: CaseOptions): string {
  if (options?.nearest) {
    const c = caseTokenOf(tokens, k);
    return c < 0 ? '' : tokens[c]!.text.toLowerCase();
  }
  if (!(k >= 0 && k < tokens.length)) return '';
  let known = caseWords.get(tokens);
  if (!known) {
    known = new Array<string | undefined>(tokens.length);
    caseWords.set(tokens, known);
  }
  return (known[k] ??= readCase(tokens, k));
}

/** The case words on node `k` (or on its first compound part when it has none), joined by spaces. */
function readCase(tokens: Token[], k: number): string {
  const lists = dependentsOf(tokens);
  const kids = lists[k]!;
  let first = -1;
  let own = false;
  for (const j of kids) {
    const d = tokens[j]!.deprel;
    if (d === 'case') own = true;
    else if (first < 0 && j < k && d === 'compound') first = j;
  }
  let words = '';
  let n = 0;
  for (const h of first < 0 || own ? [k] : [k, first])
    for (const j of lists[h]!) {
      if (tokens[j]!.deprel !== 'case') continue;
      const w = tokens[j]!.text.toLowerCase();
      words = n++ > 0 ? `${words} ${w}` : w;
      for (const f of lists[j]!)
        if (tokens[f]!.deprel === 'fixed') words = `${words} ${tokens[f]!.text.toLowerCase()}`;
    }
  return words;
}
