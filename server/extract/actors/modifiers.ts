// States named only as a place or a modifier are not acting states: "Paris-based" or "The
// Hague-based" names no actor, and a capital modifying a common noun ("the Paris climate pact",
// "the Doha talks") is kept as a modifier, like a demonym, not as the state acting. Likewise a
// body named before a post a state holds in it ("its U.N. mission", "China's UN envoy") is not
// that body: the possessor is the actor (the pronoun goes to the coreference stage), and a named
// state's mission there is a body of that state ("Chile's U.N. mission").
import type { Mention, Sentence, Token } from '../types.ts';
import { slugify } from '../names.ts';
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

/** Posts that are bodies of their own: a state's mission to an organization. */
const MISSIONS = new Set(['mission', 'delegation']);

/**
 * "its U.N. mission": a body's name between a possessive and a post is the post's, not the body;
 * the post's token, or -1.
 */
function postAtBody(ctx: ActorContext, s: Sentence, start: number, end: number): number {
  const t = s.tokens;
  const first = t.findIndex((x) => x.start >= start);
  const last = lastToken(t, end);
  if (first < 1 || last < 0) return -1;
  const before = t[first - 1]!;
  const after = t[last + 1];
  const post =
    POSSESSORS.has(before.text.toLowerCase()) &&
    !!after &&
    /^NNS?$/.test(after.xpos) &&
    POSTS.has(after.text.toLowerCase()) &&
    ctx.text.slice(end, after.start).trim() === '';
  return post ? last + 1 : -1;
}

/**
 * "Chile's U.N. mission": a state's mission (or delegation) at an organization is a body of that
 * state, "Permanent Mission of Chile to the United Nations", mentioned by the post word; the
 * organization's own mention stays as a modifier.
 */
function missionOf(ctx: ActorContext, s: Sentence, m: Mention, post: number): void {
  const t = s.tokens;
  const word = t[post]!;
  if (!MISSIONS.has(word.text.toLowerCase())) return;
  const first = t.findIndex((x) => x.start >= m.start);
  const pos = t[first - 1];
  if (pos?.xpos !== 'POS' || first < 2) return;
  const ownerEnd = t[first - 2]!.end;
  const owner = ctx.mentions.find((x) => x.sentence === m.sentence && x.end === ownerEnd);
  const state = owner ? ctx.actors.get(owner.actor) : undefined;
  const body = ctx.actors.get(m.actor);
  if (!state || state.kind !== 'state' || !body) return;
  const name =
    word.text.toLowerCase() === 'mission'
      ? `Permanent Mission of ${state.name} to the ${body.name}`
      : `${state.name} delegation to the ${body.name}`;
  const id = slugify(name);
  if (!ctx.actors.has(id)) {
    ctx.registerPatternOrg({ id, name, kind: 'organization', country: state.id });
    ctx.addKnown(id);
  }
  // The organization stays named (as a modifier); the post word is the mission's mention.
  m.attributive = true;
  ctx.mention(id, word.start, word.end, m.sentence, 'name');
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
    const post = kind === 'organization' ? postAtBody(ctx, s, m.start, m.end) : -1;
    if (post >= 0) {
      touched.add(m.actor);
      m.attributive = true;
      missionOf(ctx, s, m, post);
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
