// Descriptions resolved on the parse: a definite noun phrase headed by a kind noun ("the minister",
// "the Brazilian leader", "the regional bloc", "the kingdom", "the Chilean side", "the group's
// spokesman") refers to the most salient earlier actor of that kind whose roles, category, name
// and state fit the phrase's modifiers; a role no known person holds speaks for its owner. A body
// noun after its owner ("the UN's refugee agency", "the country's intelligence service") names
// that owner's body (owned-bodies.ts).
import type { Gazetteer } from '../gazetteer.ts';
import type { Mention, MentionVia, ResolvedActor, Sentence, Token } from '../types.ts';
import { kindNouns, type KindNouns, type NounKind } from './kinds.ts';
import { ownedBody } from './owned-bodies.ts';
import { clauseRole, spanHead, weight } from './resolve.ts';

/** A role a person holds in the article (stated, or the gazetteer's on the date). */
export interface HeldRole {
  of: string | null;
  role: string;
  offices: string[];
}

export interface DescriptionInput {
  text: string;
  sentences: Sentence[];
  actors: Map<string, ResolvedActor>;
  /** The actor stage's mentions, sorted and never overlapping. */
  mentions: Mention[];
  rolesOf: (person: string) => HeldRole[];
  gaz: Gazetteer;
  /** The article's date, for the gazetteer's office holders. */
  published: string | null;
  /** Read only phrases whose possessor is a resolved pronoun ("its foreign minister"). */
  pronounPossessors?: boolean;
}

export interface DescribedMentions {
  /** Mentions of the descriptions resolved. */
  added: Mention[];
  /** Mentions a description took in ("Chilean" in "the Chilean side"). */
  replaced: Set<Mention>;
  /** Actors a description made acting that were only modifiers before ("the Chilean side"). */
  actors: ResolvedActor[];
}

/** An actor by id: the article's, or the gazetteer's for a state named only as a modifier. */
type ActorOf = (id: string) => ResolvedActor | undefined;

/** How many sentences back a description looks for its actor, by kind. */
const REACH: Record<NounKind, number> = { person: 6, organization: 4, state: 3, side: 0 };
/** Salience left per sentence back: role nouns keep a person in view longer than pronouns do. */
const DECAY = 0.6;
/** An actor named earlier in the description's own sentence is the likeliest one it means. */
const SAME_SENTENCE = 1.5;

/** Modifiers that say nothing about which role is meant ("the top diplomat"). */
const NEUTRAL = new Set(
  'top senior current sitting visiting veteran powerful influential new embattled same two three then-current'.split(
    ' ',
  ),
);
const DEFINITE = new Set(['the', 'this', 'that']);
const INDEFINITE = new Set(['a', 'an']);
/** Case words that make a state noun a place ("in the country", "across the kingdom"). */
const LOCATIVE = new Set('in into inside outside within across throughout around near'.split(' '));
/** Verbs of going and staying after which "to", "from" and "at" name a place too. */
const MOTION = new Set(
  'travel go come return fly move arrive flee deploy head stay live remain enter leave visit reach tour cross'.split(
    ' ',
  ),
);
const LEFT_PARTS = /^(?:det|amod|compound|nummod|nmod:poss|nmod:npmod|flat)$/;

interface Salient {
  actor: string;
  start: number;
  score: number;
}

/** What the description's own words say: its span, owner, modifiers and article. */
interface Phrase {
  head: number;
  kind: NounKind;
  noun: string;
  definite: boolean;
  /** First token of the phrase (its article or first modifier) and of the part after a possessor. */
  first: number;
  afterPossessor: number;
  /** Last token, counting an owner "of"/"for" phrase after the head. */
  last: number;
  possessor: Mention | null;
  /** Mentions on the modifiers before the head ("Chilean", "U.N."). */
  modifiers: Mention[];
  /** "a spokesman for the group": the mention in an "of"/"for" phrase after a role noun. */
  complement: Mention | null;
  /** Lower-case modifier words no mention covers ("foreign", "regional"). */
  words: string[];
  /** Whether those words are all plain nouns and adjectives (none ranked, none a number). */
  plainWords: boolean;
}

/** The quote state after reading text[from, to) from state `open` (a paragraph closes quotes). */
function readQuotes(text: string, from: number, to: number, open: boolean): boolean {
  // By character code: no one-character string per position.
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x201c) open = c === 0x201c;
    else if (c === 0x201d) open = false;
    else if (c === 0x22) open = !open;
  }
  return open;
}

/** Token range [lo, hi] of the subtree of token `d`. */
function subtree(tokens: Token[], d: number): [number, number] {
  let lo = d;
  let hi = d;
  for (let k = 0; k < tokens.length; k++) {
    let a = k;
    let steps = 0;
    while (a >= 0 && a !== d && steps++ < 40) a = tokens[a]!.head;
    if (a === d) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
  }
  return [lo, hi];
}

function kindOf(nouns: KindNouns, noun: string): NounKind | null {
  return nouns.kindOf.get(noun) ?? null;
}

const HEADS = new WeakMap<Sentence, number[]>();

/** The tokens of a sentence whose lemma is a kind noun (kept for the second pass). */
function kindHeads(s: Sentence, nouns: KindNouns): number[] {
  let heads = HEADS.get(s);
  if (!heads) {
    heads = [];
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k]!;
      // A word whose lemma is not its own form is read as written too ("PM", lemma "p.m.").
      const kind =
        kindOf(nouns, t.lemma) || (t.text !== t.lemma && kindOf(nouns, t.text.toLowerCase()));
      if (kind) heads.push(k);
    }
    HEADS.set(s, heads);
  }
  return heads;
}

/** The mention over token `k`, if any. */
type MentionAt = (k: number) => Mention | null;

function readPhrase(
  tokens: Token[],
  h: number,
  nouns: KindNouns,
  at: MentionAt,
  actorOf: ActorOf,
): Phrase | null {
  const t = tokens[h]!;
  const noun = t.text.toLowerCase();
  const kind = kindOf(nouns, noun);
  if (!kind) return null;
  // "the Union", "the Group": a capitalised body or state noun is a name, not a description.
  if (t.text !== noun && kind !== 'person') return null;
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return null;
  if (/S$/.test(t.xpos)) return null;
  // "President Ruto", "the bloc leaders": a word modifying another noun is no description.
  if (/^(?:compound|flat|amod|fixed)/.test(t.deprel)) return null;
  // "Ecowas, the regional bloc, ...": an apposition describes the noun it is apposed to.
  if (t.deprel === 'appos' && t.head >= 0 && /^(?:NOUN|PROPN)$/.test(tokens[t.head]!.pos)) {
    return null;
  }
  if (kind === 'state' && placeNoun(tokens, h)) return null;
  let definite = false;
  let indefinite = false;
  let first = h;
  let afterPossessor = h;
  let possessor: Mention | null = null;
  let possessorSeen = false;
  const modifiers: Mention[] = [];
  const words: string[] = [];
  let plainWords = true;
  for (let d = 0; d < h; d++) {
    const dep = tokens[d]!;
    if (dep.head !== h || !LEFT_PARTS.test(dep.deprel)) continue;
    const [lo, hi] = subtree(tokens, d);
    if (lo < first) first = lo;
    if (dep.deprel === 'det') {
      const w = dep.text.toLowerCase();
      if (DEFINITE.has(w)) definite = true;
      else if (INDEFINITE.has(w)) indefinite = true;
      else return null;
      continue;
    }
    if (dep.deprel === 'nmod:poss') {
      possessorSeen = true;
      possessor = at(d);
      afterPossessor = hi + 1;
      continue;
    }
    for (let k = lo; k <= hi; k++) {
      const m = at(k);
      if (m) {
        if (!modifiers.includes(m)) modifiers.push(m);
        continue;
      }
      const w = tokens[k]!;
      if (w.pos === 'PUNCT' || w.pos === 'DET') continue;
      if (nouns.past.has(w.text.toLowerCase())) return null;
      if (!/^(?:NNS?|JJ|VBN)$/.test(w.xpos)) plainWords = false;
      words.push(w.text.toLowerCase());
    }
  }
  // "his deputy", "their leader": a possessor that is no mention (pronouns are resolved after
  // descriptions) leaves the phrase open.
  if (possessorSeen && !possessor) return null;
  if (!possessorSeen) {
    const apostrophe = plainPossessive(tokens, first, h, at);
    if (apostrophe) {
      possessor = apostrophe.mention;
      afterPossessor = apostrophe.after;
      first = Math.min(first, apostrophe.first);
      const own = modifiers.indexOf(possessor);
      if (own >= 0) modifiers.splice(own, 1);
    }
  }
  if (possessor) definite = true;
  else afterPossessor = first;
  let last = h;
  let complement: Mention | null = null;
  for (let d = h + 1; d < tokens.length; d++) {
    const dep = tokens[d]!;
    if (dep.head !== h) continue;
    // "the minister, Ana Ruiz", "the president Ruto": a name after the role is read as a title.
    if (/^(?:appos|flat|compound)/.test(dep.deprel) && dep.pos === 'PROPN') return null;
    if (kind === 'state' || kind === 'side' || dep.deprel !== 'nmod' || complement) continue;
    const kase = tokens.find((x) => x.head === d && x.deprel === 'case');
    if (!kase || !/^(?:of|for)$/i.test(kase.text)) continue;
    const m = at(d);
    const a = m ? actorOf(m.actor) : undefined;
    // "the refugee agency of the United Nations": a body's owner; any other "of" is no owner.
    if (
      kind === 'organization' &&
      (!a || a.kind === 'person' || kase.text.toLowerCase() !== 'of')
    ) {
      continue;
    }
    // "the emir of the group's affiliate", "chief of staff": a role of something no actor names.
    if (!m || !a || a.kind === 'person') return null;
    complement = m;
    last = subtree(tokens, d)[1];
  }
  if (!definite && !(indefinite && complement && kind === 'person')) return null;
  return {
    head: h,
    kind,
    noun,
    definite,
    first,
    afterPossessor,
    last,
    possessor,
    modifiers,
    complement,
    words,
    plainWords,
  };
}

/**
 * "the United Nations' highest court" with a plain apostrophe the tagger took for a closing quote:
 * the mention of a name ending in "s" written right before it (just before the phrase or inside
 * it, where the parse made the name a modifier) is the phrase's possessor.
 */
function plainPossessive(
  tokens: Token[],
  first: number,
  h: number,
  at: MentionAt,
): { mention: Mention; first: number; after: number } | null {
  for (let k = Math.max(1, first - 1); k < h; k++) {
    const mark = tokens[k]!;
    const name = tokens[k - 1]!;
    if ((mark.text !== "'" && mark.text !== '\u2019') || mark.xpos === 'POS') continue;
    if (mark.start !== name.end || tokens[k + 1]!.start === mark.end || !/s$/i.test(name.text)) {
      continue;
    }
    const mention = at(k - 1);
    if (!mention) continue;
    let lo = k - 1;
    while (lo > 0 && tokens[lo - 1]!.start >= mention.start) lo--;
    // "the United Nations'": the article before the name opens the phrase.
    if (lo > 0 && tokens[lo - 1]!.lemma === 'the') lo--;
    return { mention, first: lo, after: k + 1 };
  }
  return null;
}

/** "inside the country", "fled the country", "returned to the country": a place, not an actor. */
function placeNoun(tokens: Token[], h: number): boolean {
  const t = tokens[h]!;
  const governor = t.head >= 0 ? tokens[t.head]! : null;
  const moving = !!governor && MOTION.has(governor.lemma);
  for (const x of tokens) {
    if (x.head !== h || x.deprel !== 'case') continue;
    if (LOCATIVE.has(x.lemma)) return true;
    if (moving && /^(?:to|from|at)$/.test(x.lemma)) return true;
  }
  return t.deprel === 'obj' && moving;
}

/** The owner a phrase names: its possessor, a state or body among its modifiers, or its complement. */
function ownerOf(p: Phrase, actorOf: ActorOf): Mention | null {
  for (const m of [p.possessor, ...p.modifiers, p.complement]) {
    const kind = m ? actorOf(m.actor)?.kind : undefined;
    if (m && (kind === 'state' || kind === 'organization')) return m;
  }
  return null;
}

/** True when a role title fits the role noun and the phrase's other words ("the foreign minister"). */
function titleFits(title: string, p: Phrase, endings: string[]): boolean {
  const t = title.toLowerCase();
  if (!endings.some((e) => t === e || t.endsWith(` ${e}`) || t.endsWith(`-${e}`))) return false;
  return p.words.every((w) => NEUTRAL.has(w) || t.split(/[\s-]+/).includes(w));
}

/** Whether an actor fits the description (kind, roles, category or name, and owner). */
function fits(
  input: DescriptionInput,
  nouns: KindNouns,
  p: Phrase,
  owner: Mention | null,
  id: string,
): boolean {
  const actor = input.actors.get(id);
  if (!actor) return false;
  const ownerId = owner?.actor ?? null;
  if (p.kind === 'person') {
    if (actor.kind !== 'person') return false;
    const endings = nouns.person.get(p.noun)!;
    return input.rolesOf(id).some((r) => {
      if (!titleFits(r.role, p, endings)) return false;
      if (!ownerId) return true;
      // "the Brazilian leader" is a person serving Brazil, never one of another country.
      return r.of === ownerId || (r.of === null && actor.country === ownerId);
    });
  }
  if (p.kind === 'organization') {
    if (actor.kind !== 'organization') return false;
    if (ownerId && actor.country !== ownerId) return false;
    const name = actor.name.toLowerCase();
    if (name.split(/[\s-]+/).includes(p.noun)) return true;
    // An organization the gazetteer lacks has no category: any body noun but a name-only one
    // ("the commission") may describe it.
    const categories = nouns.organization.get(p.noun)!;
    const category = input.gaz.byId(id)?.category;
    return category ? categories.includes(category) : categories.length > 0;
  }
  if (p.kind === 'state') return actor.kind === 'state' && id !== ownerId;
  return false;
}

/** Salience of the fitting actors mentioned before the phrase, within its reach; best first. */
function rank(
  input: DescriptionInput,
  nouns: KindNouns,
  salient: (sentence: number) => Salient[],
  s: Sentence,
  p: Phrase,
  owner: Mention | null,
): { actor: string; score: number }[] {
  const start = s.tokens[p.first]!.start;
  const scores = new Map<string, { actor: string; score: number; last: number }>();
  for (let back = REACH[p.kind]; back >= 0; back--) {
    for (const e of salient(s.index - back)) {
      if (back === 0 && e.start >= start) continue;
      if (!fits(input, nouns, p, owner, e.actor)) continue;
      const w = e.score * (back === 0 ? SAME_SENTENCE : DECAY ** back);
      const had = scores.get(e.actor);
      if (had) {
        had.score += w;
        had.last = Math.max(had.last, e.start);
      } else scores.set(e.actor, { actor: e.actor, score: w, last: e.start });
    }
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || b.last - a.last);
}

/** Sorted, non-overlapping mentions of one sentence, as a lookup by token. */
function mentionLookup(tokens: Token[], mentions: Mention[]): MentionAt {
  return (k) => {
    const t = tokens[k]!;
    for (const m of mentions) if (m.start < t.end && t.start < m.end) return m;
    return null;
  };
}

/**
 * What a mention adds to salience: its actor by its syntactic role, and a person's state at half
 * that ("Premier Ana Ruiz is reviewing the country's claims" keeps her state in view).
 */
function salienceOf(s: Sentence, m: Mention, actorOf: ActorOf): Salient[] {
  const head = spanHead(s.tokens, m.start, m.end);
  const role = head >= 0 ? clauseRole(s.tokens, head).role : 'other';
  const out = [{ actor: m.actor, start: m.start, score: weight(role) }];
  const a = actorOf(m.actor);
  if (a?.kind === 'person' && a.country) {
    out.push({ actor: a.country, start: m.start, score: weight(role) / 2 });
  }
  return out;
}

/**
 * Resolves the descriptions of the sentences against the actor stage's mentions. A description
 * takes no span another mention holds, apart from the possessor and modifiers it is built on.
 */
export function describedMentions(input: DescriptionInput): DescribedMentions {
  const nouns = kindNouns();
  const bySentence = new Map<number, Mention[]>();
  for (const m of input.mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  // Salience is worked out only for sentences a description looks back over.
  const salience = new Map<number, Salient[]>();
  const sentenceAt = new Map(input.sentences.map((x) => [x.index, x]));
  const salient = (index: number): Salient[] => {
    let list = salience.get(index);
    const s = sentenceAt.get(index);
    if (list || !s) return list ?? [];
    list = (bySentence.get(index) ?? [])
      .filter((m) => !m.place && m.via !== 'pronoun')
      .flatMap((m) => salienceOf(s, m, actorOf));
    salience.set(index, list);
    return list;
  };
  // Whether each sentence starts inside a direct quote. A quote is the speaker's wording: its
  // "the country" or "the court" is read from where the speaker stands, not from the narrative.
  let read = 0;
  let openAtStart = false;
  const made = new Map<string, ResolvedActor>();
  const actorOf: ActorOf = (id) => {
    const own = input.actors.get(id) ?? made.get(id);
    if (own) return own;
    const known = input.gaz.byId(id);
    return known && { id, name: known.name, kind: known.kind, country: known.country };
  };
  const added: Mention[] = [];
  const replaced = new Set<Mention>();
  for (const s of input.sentences) {
    const heads = kindHeads(s, nouns);
    if (heads.length === 0) continue;
    // A possessor is a mention of the phrase's own sentence: no pronoun there, none to read.
    if (input.pronounPossessors && !bySentence.get(s.index)?.some((m) => m.via === 'pronoun'))
      continue;
    if (s.start >= read) {
      openAtStart = readQuotes(input.text, read, s.start, openAtStart);
      read = s.start;
    }
    const own = bySentence.get(s.index) ?? [];
    bySentence.set(s.index, own);
    // The sentence's mentions not given way, read anew only after a description is found.
    let live = own.filter((m) => !replaced.has(m));
    let at = mentionLookup(s.tokens, live);
    // Bodies and states first, so "the group's spokesman" finds its group already read.
    for (const pass of [false, true]) {
      for (const h of heads) {
        if (at(h)) continue;
        const p = readPhrase(s.tokens, h, nouns, at, actorOf);
        if (!p || (p.kind === 'person') !== pass) continue;
        if (!!input.pronounPossessors !== (p.possessor?.via === 'pronoun')) continue;
        if (readQuotes(input.text, s.start, s.tokens[p.first]!.start, openAtStart)) continue;
        const found = resolvePhrase(input, nouns, salient, s, p, live, actorOf);
        if (!found) continue;
        const actor = found.mention.actor;
        if (!input.actors.has(actor) && !made.has(actor)) {
          made.set(actor, found.actor ?? actorOf(actor)!);
        }
        for (const m of found.replaces) replaced.add(m);
        own.push(found.mention);
        added.push(found.mention);
        salience.get(s.index)?.push(...salienceOf(s, found.mention, actorOf));
        live = own.filter((m) => !replaced.has(m));
        at = mentionLookup(s.tokens, live);
      }
    }
  }
  return { added: added.filter((m) => !replaced.has(m)), replaced, actors: [...made.values()] };
}

/**
 * "Japan said its foreign minister would go": with no fitting person in the article, whoever held
 * the office the role words name for the possessor on the article's date, by the gazetteer.
 */
function holderOf(input: DescriptionInput, p: Phrase, owner: Mention | null): string | null {
  if (!owner || owner !== p.possessor) return null;
  const phrase = [...p.words.filter((w) => !NEUTRAL.has(w)), p.noun].join(' ');
  for (const office of input.gaz.officesForRoleWord(phrase)) {
    const holder = input.gaz.holderOf(owner.actor, office, input.published);
    if (holder) return holder;
  }
  return null;
}

/** The text span of tokens from..to. */
function spanOf(tokens: Token[], from: number, to: number): { start: number; end: number } {
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}

/**
 * The mention a description makes over `span`, with the live mentions it takes in; null when it
 * would take in more than the phrase's own possessor, modifiers and complement.
 */
function madeMention(
  s: Sentence,
  p: Phrase,
  live: Mention[],
  actor: string,
  span: { start: number; end: number },
  via: MentionVia,
): { mention: Mention; replaces: Mention[] } | null {
  const replaces = live.filter((m) => m.start < span.end && span.start < m.end);
  // Only the phrase's own possessor, modifiers and complement give way to it.
  const parts = new Set([p.possessor, p.complement, ...p.modifiers]);
  if (replaces.some((m) => !parts.has(m))) return null;
  if (replaces.some((m) => m.start < span.start || m.end > span.end)) return null;
  return { mention: { actor, ...span, sentence: s.index, via }, replaces };
}

function resolvePhrase(
  input: DescriptionInput,
  nouns: KindNouns,
  salient: (sentence: number) => Salient[],
  s: Sentence,
  p: Phrase,
  live: Mention[],
  actorOf: ActorOf,
): { mention: Mention; replaces: Mention[]; actor?: ResolvedActor } | null {
  const owner = ownerOf(p, actorOf);
  const tokens = s.tokens;
  if (p.kind === 'side') {
    // "the Chilean side" acts; "its side of the case" is an argument, not a party.
    if (!owner || owner === p.possessor) return null;
    const via = owner.via === 'demonym' ? 'demonym' : 'role';
    return madeMention(s, p, live, owner.actor, spanOf(tokens, p.first, p.head), via);
  }
  if (p.kind === 'organization') {
    // "Ruto's commission" is no body of a state or organization.
    if (p.possessor && actorOf(p.possessor.actor)?.kind === 'person') return null;
    if (owner && (owner === p.possessor || owner === p.complement)) {
      const body = ownedBody(
        input.gaz,
        nouns,
        {
          owner: actorOf(owner.actor)!,
          noun: p.noun,
          words: p.words,
          plainWords: p.plainWords && p.modifiers.length === 0,
          neutral: (w) => NEUTRAL.has(w),
        },
        [...input.actors.values()],
      );
      // The whole phrase names the body; its owner is a word of that name here.
      const found =
        body && madeMention(s, p, live, body.id, spanOf(tokens, p.first, p.last), 'role');
      return found && { ...found, actor: body };
    }
    // "the service", "the watchdog": nouns that describe a body only after its owner.
    if (!nouns.organization.has(p.noun)) return null;
  }
  const ranked = rank(input, nouns, salient, s, p, owner);
  const best = ranked[0]?.actor ?? (p.kind === 'person' ? holderOf(input, p, owner) : null);
  if (best && p.definite) {
    return madeMention(s, p, live, best, spanOf(tokens, p.afterPossessor, p.head), 'role');
  }
  // "the group's spokesman", "a spokesman for the militia": a role no known person holds speaks
  // for the body or state that owns it, when that owner is itself a description (a named owner,
  // "Thailand's king", stays its own mention for the event stage to reach).
  if (
    p.kind === 'person' &&
    owner &&
    (owner === p.possessor || owner === p.complement) &&
    owner.via === 'role'
  ) {
    return madeMention(s, p, live, owner.actor, spanOf(tokens, p.first, p.last), 'role');
  }
  return null;
}
