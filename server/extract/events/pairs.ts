// Plural subjects for the pair of the sentence before: after "Chile and Peru held talks", the
// subject "They", "the two sides", "both leaders" or "both countries" of a joint act in the next
// sentence stands for that pair. Only one pair may have met in that sentence, and the noun must
// fit the pair's kind ("the two leaders" are persons; "both countries" are states, or the states
// the two persons serve).
import type { ActorAnalysis, Mention } from '../types.ts';
import type { Raw } from './merge.ts';
import { child, children, type Tree } from './tree.ts';

/** Nouns that stand for a pair, by the kind of actor they admit. */
const PAIR_NOUNS: Record<string, 'person' | 'state' | 'any'> = {
  leader: 'person',
  president: 'person',
  minister: 'person',
  side: 'any',
  party: 'any',
  country: 'state',
  nation: 'state',
  government: 'state',
  neighbour: 'state',
  neighbor: 'state',
};

/** The one pair that met or acted jointly in the sentence's events, or null (none, or ambiguous). */
export function pairOf(raws: Raw[]): [Mention, Mention] | null {
  const pairs = new Map<string, [Mention, Mention]>();
  for (const r of raws)
    if (r.symmetric && r.mode === null)
      pairs.set([r.source.actor, r.target.actor].sort().join('|'), [r.source, r.target]);
  return pairs.size === 1 ? [...pairs.values()][0]! : null;
}

/**
 * The pair the subject of the predicate at i stands for ("They agreed", "the two sides agreed"),
 * read against the pair of the sentence before; null when the subject is no plural pair word or
 * does not fit it.
 */
export function pluralSubject(
  tree: Tree,
  i: number,
  pair: [Mention, Mention] | null,
  analysis: ActorAnalysis,
): Mention[] | null {
  if (!pair) return null;
  const s = child(tree, i, 'nsubj');
  if (s < 0 || tree.at[s]! >= 0) return null;
  const t = tree.tokens[s]!;
  const w = t.text.toLowerCase();
  let kind: 'person' | 'state' | 'any' | undefined;
  if (w === 'they' && child(tree, s, 'conj') < 0) kind = 'any';
  else if (t.pos === 'NOUN' && t.xpos === 'NNS') {
    // "the two sides", "both leaders": a number two or "both" makes the pair.
    const two = children(tree, s, 'nummod', 'det').some((k) =>
      ['two', '2', 'both'].includes(tree.tokens[k]!.text.toLowerCase()),
    );
    if (two) kind = PAIR_NOUNS[t.lemma];
  }
  if (!kind) return null;
  const kinds = pair.map((m) => analysis.actors.get(m.actor)?.kind);
  if (kind === 'any') return [...pair];
  if (kinds.every((k) => k === kind)) return [...pair];
  if (kind === 'state' && kinds.every((k) => k === 'person')) {
    // "Both countries": the states the two persons serve.
    const states = pair.map((m) => analysis.actors.get(m.actor)?.country ?? null);
    if (states.some((c) => !c) || states[0] === states[1]) return null;
    return pair.map((m, n) => ({ ...m, actor: states[n]!, via: 'role' as const }));
  }
  return null;
}
