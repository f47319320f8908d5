// One sentence's dependency tree as the event stage reads it: children by relation, and the actor
// mention (or place) each token belongs to, so an argument's phrase can be searched for its actor.
import { caseOf, dependentsOf } from '../case-words.ts';
import type { Mention, Sentence, Token } from '../types.ts';

export interface Tree {
  sentence: Sentence;
  tokens: Token[];
  /** Children of each token, in sentence order. */
  kids: readonly (readonly number[])[];
  /** Index into `mentions` of the mention covering each token, -1 for none. */
  at: readonly number[];
  mentions: Mention[];
  /** Index into `places` of the place mention covering each token, -1 for none. */
  placeAt: readonly number[];
  places: Mention[];
  /** First and last token of each token's subtree. */
  lo: readonly number[];
  hi: readonly number[];
  /** Participles that name a phrase's author ("a US-led resolution", "a Cairo-brokered truce"). */
  led: Set<string>;
}

/** Relations that keep an actor inside the phrase of its head ("ministers from the Arab League"). */
const PHRASE = new Set([
  'nmod',
  'nmod:poss',
  'compound',
  'amod',
  'appos',
  'flat',
  'flat:name',
  'nmod:npmod',
  'obl:npmod',
  'det:poss',
  'nummod',
  'obl:unmarked',
  // "$28 billion worth of X's exports".
  'nmod:unmarked',
  // "seven IS members": a name the tagger took for a copula still names the phrase's actor (only
  // tokens inside an actor mention count).
  'cop',
]);
/**
 * Case words of a location or a topic inside a phrase ("reporters in Cairo", "concerns about Y"):
 * not the phrase's actor.
 */
const PLACE_CASES = new Set([
  'about',
  'in',
  'at',
  'near',
  'inside',
  'within',
  'across',
  'throughout',
  'outside',
  'into',
  'around',
  // "exports to Canada", "ambassador to China": a destination, not the phrase's actor.
  'to',
]);
/** Participles that give a phrase its name ("a bloc known as X", "a militia called X"). */
const NAMING = new Set(['know', 'call', 'name', 'dub']);

/** The name a naming participle on i gives it ("a bloc known as the Alliance"), or -1. */
function namedAs(tree: Tree, i: number): number {
  for (const k of tree.kids[i]!) {
    const t = tree.tokens[k]!;
    // "a militia called X", not "a resolution calling on X".
    if (t.deprel !== 'acl' || !NAMING.has(t.lemma) || t.xpos === 'VBG') continue;
    for (const g of tree.kids[k]!) {
      const d = tree.tokens[g]!.deprel;
      if ((d === 'obl' || d === 'xcomp' || d === 'obj') && tree.at[g]! >= 0) return g;
    }
  }
  return -1;
}

/** Participles that give goods their origin ("wines coming out of France", "cars made in Japan"). */
const ORIGIN = new Set(['come', 'originate', 'produce', 'make', 'manufacture', 'import', 'ship']);
const ORIGIN_CASES = new Set(['from', 'of', 'out of', 'in']);

/** The state goods on i come from, by an origin participle on it, as a mention or place; or null. */
function originOf(tree: Tree, i: number): Mention | null {
  for (const k of tree.kids[i]!) {
    const t = tree.tokens[k]!;
    if (t.deprel !== 'acl' || !ORIGIN.has(t.lemma)) continue;
    for (const g of tree.kids[k]!) {
      if (!tree.tokens[g]!.deprel.startsWith('obl') || !ORIGIN_CASES.has(caseOf(tree.tokens, g)))
        continue;
      if (tree.at[g]! >= 0) return tree.mentions[tree.at[g]!]!;
      if (tree.placeAt[g]! >= 0) return tree.places[tree.placeAt[g]!]!;
    }
  }
  return null;
}

/** Words whose phrase names no doer: "a group of", "most of". */
const EMPTY_HEADS = new Set(['some', 'many', 'most', 'all', 'both', 'none', 'each', 'one']);

function cover(tokens: Token[], spans: Mention[]): number[] {
  const at = new Array<number>(tokens.length).fill(-1);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (k < spans.length && spans[k]!.end <= t.start) k++;
    const m = spans[k];
    if (m && m.start < t.end && m.end > t.start) at[i] = k;
  }
  return at;
}

/** First and last token of each token's subtree, built once per token array (shared: read only). */
const subtreeSpans = new WeakMap<Token[], Spans>();

interface Spans {
  lo: readonly number[];
  hi: readonly number[];
}

/** Builds the tree of a sentence with its mentions and places (each sorted by offset). */
export function treeOf(
  sentence: Sentence,
  mentions: Mention[],
  places: Mention[],
  led: Set<string> = new Set(),
): Tree {
  const tokens = sentence.tokens;
  const { lo, hi } = spansOf(tokens);
  return {
    lo,
    hi,
    sentence,
    tokens,
    kids: dependentsOf(tokens),
    at: cover(tokens, mentions),
    mentions,
    placeAt: cover(tokens, places),
    places,
    led,
  };
}

function spansOf(tokens: Token[]): Spans {
  const known = subtreeSpans.get(tokens);
  if (known) return known;
  const kids = dependentsOf(tokens);
  // Plain arrays: for a sentence's few dozen slots they are cheaper to make than typed arrays.
  const lo = new Array<number>(tokens.length).fill(0);
  const hi = new Array<number>(tokens.length).fill(0);
  // Post-order over the tree (iterative, so a 40,000-token sentence is no deeper than a short one).
  const order: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    lo[i] = i;
    hi[i] = i;
    const h = tokens[i]!.head;
    if (h < 0 || h >= tokens.length || h === i) stack.push(i);
  }
  const seen = new Array<boolean>(tokens.length).fill(false);
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen[x]) continue;
    seen[x] = true;
    order.push(x);
    for (const k of kids[x]!) stack.push(k);
  }
  for (let n = order.length - 1; n >= 0; n--) {
    const x = order[n]!;
    const h = tokens[x]!.head;
    if (h < 0 || h >= tokens.length || h === x) continue;
    if (lo[x]! < lo[h]!) lo[h] = lo[x]!;
    if (hi[x]! > hi[h]!) hi[h] = hi[x]!;
  }
  const spans = { lo, hi };
  subtreeSpans.set(tokens, spans);
  return spans;
}

/** The base relation ("obl" for "obl:tmod"), except for the subtypes that change the role. */
export function rel(tree: Tree, i: number): string {
  return tree.tokens[i]!.deprel;
}

/**
 * The children of i by any of up to five relations, in sentence order. The relations are separate
 * parameters, not a rest list: the event stage asks this for nearly every token and frame, and a
 * list per call was a large share of its allocations.
 */
export function children(
  tree: Tree,
  i: number,
  a: string,
  b?: string,
  c?: string,
  d?: string,
  e?: string,
): number[] {
  const out: number[] = [];
  for (const k of tree.kids[i]!) {
    const r = tree.tokens[k]!.deprel;
    if (r === a || r === b || r === c || r === d || r === e) out.push(k);
  }
  return out;
}

/** The first child of i by any of up to five relations, or -1. */
export function child(
  tree: Tree,
  i: number,
  a: string,
  b?: string,
  c?: string,
  d?: string,
  e?: string,
): number {
  for (const k of tree.kids[i]!) {
    const r = tree.tokens[k]!.deprel;
    if (r === a || r === b || r === c || r === d || r === e) return k;
  }
  return -1;
}

/** Coordinated phrases of i ("Kenya and Tanzania"): i first, then its conj chain. */
export function conjuncts(tree: Tree, i: number): number[] {
  const out = [i];
  for (let q = 0; q < out.length && out.length < 12; q++)
    for (const k of tree.kids[out[q]!]!) if (tree.tokens[k]!.deprel === 'conj') out.push(k);
  return out;
}

/**
 * The actor mention a phrase headed at i stands for: the mention on its head, else the nearest one
 * reached through nominal modifiers (breadth first, at most three levels), agents (possessives,
 * demonyms, "by" phrases) before others when `agentFirst`.
 */
export function actorIn(tree: Tree, i: number, agentFirst = false): Mention | null {
  const direct = tree.at[i]!;
  if (direct >= 0) return tree.mentions[direct]!;
  if (EMPTY_HEADS.has(tree.tokens[i]!.lemma) && child(tree, i, 'nmod') < 0) return null;
  const named = namedAs(tree, i);
  if (named >= 0) return tree.mentions[tree.at[named]!]!;
  const origin = originOf(tree, i);
  if (origin) return origin;
  // "a US-led resolution": the author named on its participle is the phrase's actor.
  if (agentFirst)
    for (const k of tree.kids[i]!) {
      const t = tree.tokens[k]!;
      if (t.deprel !== 'amod' || !tree.led.has(t.text.toLowerCase())) continue;
      for (const a of tree.kids[k]!) if (tree.at[a]! >= 0) return tree.mentions[tree.at[a]!]!;
    }
  let level = [i];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const next: number[] = [];
    let best: Mention | null = null;
    let bestRank = 9;
    for (const h of level)
      for (const k of tree.kids[h]!) {
        const d = tree.tokens[k]!.deprel;
        if (!PHRASE.has(d) || PLACE_CASES.has(caseOf(tree.tokens, k))) continue;
        next.push(k);
        const at = tree.at[k]!;
        if (at < 0) continue;
        const m = tree.mentions[at]!;
        const agent = d === 'nmod:poss' || d === 'amod' || caseOf(tree.tokens, k) === 'by';
        // "the Kurdish militia, the YPG": an apposed name is the phrase's own actor, before any
        // demonym or possessor on its head.
        const rank = d === 'appos' ? -1 : agentFirst ? (agent ? 0 : 1) : 0;
        if (rank < bestRank) {
          best = m;
          bestRank = rank;
        }
      }
    if (best) return best;
    level = next;
  }
  return null;
}

/** Every actor a phrase stands for, one per coordinated phrase ("Kenya and Tanzania"). */
export function actorsIn(tree: Tree, i: number, agentFirst = false): Mention[] {
  const out: Mention[] = [];
  for (const c of conjuncts(tree, i)) {
    const m = actorIn(tree, c, agentFirst);
    addActor(out, m);
    // "German and Italian vehicles", "its neighbours, Kenya and Uganda": the modifier or apposed
    // name that named the actor has coordinated ones.
    for (const k of tree.kids[c]!) {
      const d = tree.tokens[k]!.deprel;
      if (d !== 'amod' && d !== 'compound' && d !== 'nmod:poss' && d !== 'appos') continue;
      const at = tree.at[k]!;
      if (at < 0 || tree.mentions[at] !== m) continue;
      for (const j of conjuncts(tree, k).slice(1))
        if (tree.at[j]! >= 0) addActor(out, tree.mentions[tree.at[j]!]!);
    }
  }
  return out;
}

/** Adds a mention to a list unless its actor is there already. */
function addActor(out: Mention[], m: Mention | null): void {
  if (m && !out.some((o) => o.actor === m.actor)) out.push(m);
}

/** A place ("strikes in Syria") the phrase at i names, for attacks only. */
export function placeIn(tree: Tree, i: number): Mention | null {
  const at = tree.placeAt[i]!;
  return at >= 0 ? tree.places[at]! : null;
}

/** Span [first, last] of the subtree at i, in tokens. */
export function span(tree: Tree, i: number): [number, number] {
  return [tree.lo[i]!, tree.hi[i]!];
}

/** Whether token a lies in the span of the subtree of token b. */
export function under(tree: Tree, a: number, b: number): boolean {
  return a >= tree.lo[b]! && a <= tree.hi[b]!;
}
