// States named only as a place or a modifier are not acting states: "Paris-based" or "The
// Hague-based" names no actor, and a capital modifying a common noun ("the Paris climate pact",
// "the Doha talks") is kept as a modifier, like a demonym, not as the state acting. Likewise a
// body named before a post a state holds in it ("its U.N. mission", "China's UN envoy") is not
// that body: the possessor is the actor (the pronoun goes to the coreference stage).
import type { Sentence, Token } from '../types.ts';
import type { ActorContext } from './context.ts';
import { GOV_NOUNS } from './orgs.ts';

function lastToken(tokens: Token[], end: number): number {
  for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k]!.end <= end) return k;
  return -1;
}

/** Posts a state holds at a body: "its U.N. mission", "Kenya's AU envoy". */
const POSTS = new Set([
  'mission',
  'missions',
  'envoy',
  'envoys',
  'ambassador',
  'delegation',
  'delegate',
  'representative',
  'seat',
]);

const POSSESSORS = new Set(['its', 'their', 'his', 'her', "'s", "'", '\u2019s', '\u2019']);

/** "its U.N. mission": a body's name between a possessive and a post is the post's, not the body. */
function postAtBody(ctx: ActorContext, s: Sentence, start: number, end: number): boolean {
  const t = s.tokens;
  const first = t.findIndex((x) => x.start >= start);
  const last = lastToken(t, end);
  if (first < 1 || last < 0) return false;
  const before = t[first - 1]!;
  const after = t[last + 1];
  return (
    POSSESSORS.has(before.text.toLowerCase()) &&
    !!after &&
    /^NNS?$/.test(after.xpos) &&
    POSTS.has(after.text.toLowerCase()) &&
    ctx.text.slice(end, after.start).trim() === ''
  );
}

/** Withdraws or demotes the state mentions of the article that only modify or locate. */
export function demoteStateModifiers(ctx: ActorContext, sentences: Sentence[]): void {
  const byIndex = new Map(sentences.map((s) => [s.index, s]));
  const touched = new Set<string>();
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.attributive || !['name', 'metonym', 'alias', 'acronym'].includes(m.via)) continue;
    const kind = ctx.actors.get(m.actor)?.kind;
    const s = byIndex.get(m.sentence);
    if (!s) continue;
    if (kind === 'organization' && postAtBody(ctx, s, m.start, m.end)) {
      m.attributive = true;
      touched.add(m.actor);
      continue;
    }
    if (kind !== 'state') continue;
    const after = ctx.text.slice(m.end, m.end + 8);
    if (/^[-\u2010\u2011]based\b/i.test(after)) {
      ctx.mentions.splice(k, 1);
      touched.add(m.actor);
      continue;
    }
    const i = lastToken(s.tokens, m.end);
    const t = s.tokens[i];
    // A state's own name before a noun ("U.S. tariffs") still names the state acting; a capital
    // before a noun names the place ("the Paris climate pact").
    if (m.via !== 'metonym' || !t || t.deprel !== 'compound') continue;
    const head = s.tokens[t.head];
    if (!head || head.head === i || !/^NNS?$/.test(head.xpos)) continue;
    if (GOV_NOUNS.has(head.lemma) || GOV_NOUNS.has(head.text.toLowerCase())) continue;
    // The noun is the body ("Kenya Airways" is read elsewhere); a lower-case head is a thing.
    if (head.start < m.end) continue;
    m.attributive = true;
    touched.add(m.actor);
  }
  for (const id of touched) ctx.forgetIfUnused(id);
}
