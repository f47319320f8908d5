// What a state mention is in context: the state acting, its role holder ("China's president"),
// its embassy, army, ministry or generic forces, or only a qualifier ("Ukraine tensions").
import type { Gazetteer, PhraseEntry } from '../gazetteer.ts';
import type { Token } from '../types.ts';
import { isPossessive, type Word } from './words.ts';
import { GOV_NOUNS, parseLowerMinistry, parseOrg } from './orgs.ts';
import { spanText } from './person-names.ts';
import { temporalAt } from './roles.ts';
import { resolveRoleRef } from './role-references.ts';
import { slugify } from '../names.ts';
import { roleHolder, type Scan, viaOf } from './scan.ts';
import { placeOnTree } from './places.ts';

/** Nouns after a state name that make it the doer of a nominal event ("US sanctions"). */
const EVENT_NOUNS = new Set([
  'sanction',
  'sanctions',
  'strike',
  'airstrike',
  'attack',
  'aid',
  'support',
  'invasion',
  'offensive',
  'delegation',
  'envoy',
  'embassy',
  'veto',
  'proposal',
  'plan',
  'demand',
  'threat',
  'warning',
  'pressure',
  'backing',
  'ban',
  'tariff',
  'say',
  'warn',
  'urge',
]);

/** Nouns after "US-China" whose parties are the states themselves ("US-China talks"). */
const PARTY_NOUNS = new Set([
  'talk',
  'talks',
  'summit',
  'meeting',
  'deal',
  'agreement',
  'accord',
  'pact',
  'dialogue',
  'negotiation',
  'negotiations',
  'relation',
  'relations',
  'tie',
  'ties',
  'partnership',
  'cooperation',
  'alliance',
  'treaty',
  'call',
]);
/** Generic words for a state's army, and names that make an organization that army. */
const ARMY_WORDS = new Set(['army', 'military', 'forces']);

const ARMY_NAME = /^(?:[\w'-]+ )?(?:Armed Forces|Army|Defen[cs]e Forces|Military)$/;

/** Longest role word of roles.json starting at `j`: its end index, or -1. */
function roleWordAt(words: Word[], j: number, gaz: Gazetteer): number {
  if (!words[j] || words[j]!.pos === 'PUNCT') return -1;
  // The phrases of one to three words from j, tried longest first.
  const phrases = [words[j]!.key];
  for (let len = 2; len <= 3 && j + len <= words.length; len++)
    phrases.push(`${phrases[len - 2]!} ${words[j + len - 1]!.key}`);
  for (let len = phrases.length; len >= 1; len--)
    if (gaz.officesForRoleWord(phrases[len - 1]!).length > 0) return j + len;
  return -1;
}

/**
 * Plural nouns of several states: "American" before them names the Americas, not the United
 * States ("a collection of American nations", "South and Central American countries").
 */
const MANY_STATES = new Set([
  'nations',
  'countries',
  'states',
  'governments',
  'republics',
  'peoples',
]);

/** A state by name, capital, seat of government or demonym, and what follows it. */
export function stateAt(scan: Scan, i: number, end: number, entry: PhraseEntry): number {
  const { words, ctx } = scan;
  if (
    entry.via === 'demonym' &&
    words[end - 1]?.key === 'american' &&
    MANY_STATES.has(words[end]?.key ?? '')
  )
    return end;
  const place = placeOnTree(scan, i, end, entry, scan.placeNodes);
  if (place) {
    scan.placeNodes.add(place.node);
    // A located place stays for the event stage: "talks in Doha", "travelled to Moscow" (the host).
    if (place.located) {
      const m = { actor: entry.id, start: scan.start(i), end: scan.end(end), sentence: scan.index };
      ctx.places.push({ ...m, via: viaOf(entry), place: true });
    }
    return end;
  }
  const possessive = isPossessive(words[end]);
  const after = possessive ? end + 1 : end;
  const via = viaOf(entry);
  const next = words[after];

  // "China's former president", "a Chinese president": no one in particular holds it now.
  const temporal = next ? temporalAt(words, after, ctx) : null;
  const indefinite = ['a', 'an', 'another', 'any', 'every', 'no'].includes(words[i - 1]?.key ?? '');
  if (
    (indefinite || (temporal && temporal.tense !== 'current')) &&
    roleWordAt(words, temporal ? temporal.end : after, ctx.gaz) > 0 &&
    (entry.via === 'demonym' || possessive || indefinite)
  ) {
    ctx.mention(entry.id, scan.start(i), scan.end(end), scan.index, via, true);
    return roleWordAt(words, temporal ? temporal.end : after, ctx.gaz);
  }
  // "China's president", "the Chinese president" (no name follows: that was a title phrase).
  const roleEnd = next ? roleWordAt(words, after, ctx.gaz) : -1;
  if (
    roleEnd > 0 &&
    (entry.via === 'demonym' ||
      possessive ||
      entry.via === 'name' ||
      entry.via === 'acronym' ||
      entry.via === 'alias')
  ) {
    const roleWord = spanText(ctx, words, after, roleEnd);
    const person =
      predicatedPerson(scan, i) ?? resolveRoleRef(ctx, entry.id, roleWord.toLowerCase());
    if (!person) ctx.openOffice(entry.id, roleWord);
    if (
      person &&
      !words[roleEnd]?.cap &&
      (ctx.actors.has(person) || definiteHead(scan, i, roleEnd, possessive))
    ) {
      return roleHolder(scan, person, entry.id, roleWord, { i, end: roleEnd, via: 'role' });
    }
  }
  // "the Chinese Embassy in Manila", "Russia's embassy": a body of the state, named so.
  if (
    next?.key === 'embassy' &&
    next.cap &&
    (entry.via === 'demonym' || possessive || entry.via === 'name')
  ) {
    return embassy(scan, i, after, entry.id);
  }
  // "the Sudanese army" after "the Sudanese Armed Forces (SAF)": the body the article named.
  if (next && ARMY_WORDS.has(next.key) && !next.cap) {
    const army = namedArmyOf(scan, entry.id);
    if (army) {
      ctx.mention(army, scan.start(i), scan.end(after + 1), scan.index, 'name');
      return after + 1;
    }
  }
  // "the Syrian government", "Turkish troops", "Russia's military" are the state.
  const govEnd = !next
    ? -1
    : GOV_NOUNS.has(next.key)
      ? after + 1
      : next.key === 'coast' && words[after + 1]?.key === 'guard' && !words[after + 1]!.cap
        ? after + 2
        : -1;
  if (govEnd > 0 && (entry.via === 'demonym' || possessive || !next!.cap)) {
    ctx.addKnown(entry.id);
    ctx.mention(entry.id, scan.start(i), scan.end(govEnd), scan.index, via, false);
    return govEnd;
  }
  // "Chinese foreign ministry", "China's defence ministry".
  const minEnd = parseLowerMinistry(words, after);
  if (minEnd > 0 && (entry.via === 'demonym' || possessive)) {
    const org = parseOrg(
      words.map((x, k) => (k >= after && k < minEnd ? { ...x, cap: true } : x)),
      after,
      ctx,
      entry.id,
    );
    if (org && org.end === minEnd) {
      if (!ctx.gaz.byId(org.actor.id)) ctx.registerPatternOrg(org.actor);
      ctx.addKnown(org.actor.id);
      ctx.mention(org.actor.id, scan.start(i), scan.end(minEnd), scan.index, 'name');
      return minEnd;
    }
  }
  if (entry.via === 'demonym') {
    // "Chinese ambassador": sets a country, is not the state acting.
    ctx.mention(entry.id, scan.start(i), scan.end(end), scan.index, 'demonym', true);
    scan.qualifier = { id: entry.id, at: end };
    return end;
  }
  // "Ukraine tensions", "North Korea nuclear issues": the parse makes the name a modifier of a
  // common noun after it, which it only qualifies (a conjunct of such a name is not one).
  const modified = compoundHead(scan, end - 1);
  if (
    !possessive &&
    next &&
    modified &&
    !next.joined &&
    !EVENT_NOUNS.has(modified.lemma) &&
    !verbCompound(words, after) &&
    !headlineVerb(words, after) &&
    entry.via !== 'capital' &&
    entry.via !== 'metonym'
  ) {
    ctx.mention(entry.id, scan.start(i), scan.end(end), scan.index, via, true);
    return end;
  }
  // "the Israel-Hamas conflict", "Russia-Ukraine war": a hyphen compound qualifying a noun.
  // Only names join it: "US-led war" keeps the US as the one leading.
  if (!possessive && next?.joined && next.cap) {
    let c = end;
    while (words[c]?.joined && words[c]!.cap) c++;
    const head = words[c];
    if (
      head &&
      head.pos === 'NOUN' &&
      !head.cap &&
      !EVENT_NOUNS.has(head.lemma) &&
      !PARTY_NOUNS.has(head.lemma)
    ) {
      ctx.mention(entry.id, scan.start(i), scan.end(end), scan.index, via, true);
      return end;
    }
  }
  ctx.addKnown(entry.id);
  ctx.mention(entry.id, scan.start(i), scan.end(end), scan.index, via);
  if (possessive) scan.qualifier = { id: entry.id, at: after };
  return end;
}

/** The common noun after word `k` that the parse makes it a modifier (compound, amod) of. */
function compoundHead(scan: Scan, k: number): Token | null {
  const t = scan.token(k);
  if (!t || (t.deprel !== 'compound' && t.deprel !== 'amod')) return null;
  const head = scan.tokens[t.head];
  if (!head || head.start < t.end || !/^NNS?$/.test(head.xpos) || /^[A-Z]/.test(head.text)) {
    return null;
  }
  return head;
}

/** A verb the tagger took for a plural noun, before its object ("North Korea fires two missiles"). */
function headlineVerb(words: Word[], at: number): boolean {
  const obj = words[at + 1];
  return /[^s]s$/.test(words[at]!.key) && !!obj && ['DET', 'NUM', 'PRON'].includes(obj.pos);
}

/** First parts of hyphenated verbs ("test-fired", "fast-tracks"): the name before is the doer. */
const VERB_COMPOUND_HEADS = new Set(['test', 'fast']);

function verbCompound(words: Word[], at: number): boolean {
  const second = words[at + 1];
  return (
    VERB_COMPOUND_HEADS.has(words[at]!.key) &&
    !!second?.joined &&
    /(?:ed|es|s)$/.test(second.key) &&
    words[at + 2]?.pos !== 'VERB'
  );
}

/**
 * True when a role phrase from `i` to `roleEnd` is a definite singular noun phrase of its own
 * ("the Saudi king said", "Egypt's president"), not a modifier ("the king's visit", "the US
 * president election"): only then may it bring in a gazetteer holder the article never names.
 */
function definiteHead(scan: Scan, i: number, roleEnd: number, possessive: boolean): boolean {
  const { words } = scan;
  const after = words[roleEnd];
  if (after && (isPossessive(after) || after.joined || (after.pos === 'NOUN' && !after.cap))) {
    return false;
  }
  return possessive || words[i - 1]?.key === 'the';
}

/** "recognises Bazoum as Niger's head of state": the role is said of the person just named. */
function predicatedPerson(scan: Scan, i: number): string | null {
  const { words, ctx } = scan;
  let p = i - 1;
  if (words[p]?.key === 'the') p--;
  if (words[p]?.key !== 'as') return null;
  const last = ctx.mentions.at(-1);
  if (!last || last.sentence !== scan.index || words[p - 1]?.end !== last.end) return null;
  return ctx.actors.get(last.actor)?.kind === 'person' ? last.actor : null;
}

/** The state's armed forces as the article named them ("Sudanese Armed Forces"), if it did. */
function namedArmyOf(scan: Scan, state: string): string | null {
  for (const a of scan.ctx.actors.values()) {
    if (a.kind === 'organization' && a.country === state && ARMY_NAME.test(a.name)) return a.id;
  }
  return null;
}

/** "<Chinese> Embassy [in Manila]" from the state's words at `i` and "embassy" at `at`. */
function embassy(scan: Scan, i: number, at: number, state: string): number {
  const { words, ctx } = scan;
  // As written ("Chinese", "U.S."), or the demonym for "China's embassy".
  const demonym = isPossessive(words[at - 1])
    ? ctx.gaz.states.find((s) => s.id === state)?.demonyms[0]
    : spanText(ctx, words, i, at);
  let end = at + 1;
  let place = '';
  if (words[end]?.key === 'in' && words[end + 1]?.cap) {
    let k = end + 1;
    while (k < words.length && k - end <= 3 && words[k]!.cap && words[k]!.pos !== 'PUNCT') k++;
    place = ` in ${spanText(ctx, words, end + 1, k)}`;
    end = k;
  }
  const name = `${demonym ?? ctx.gaz.byId(state)?.name ?? state} Embassy${place}`;
  const id = slugify(name);
  ctx.registerPatternOrg({ id, name, kind: 'organization', country: state });
  ctx.addKnown(id);
  ctx.mention(id, scan.start(i), scan.end(end), scan.index, 'name');
  return end;
}

/** "the government of Syria" is the state. */
export function governmentOf(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  if (words[i]!.key !== 'government' || words[i + 1]?.key !== 'of') return null;
  const m = ctx.gaz.matchAt(scan.keys, scan.surfs, i + 2);
  const st = m?.entries.find((e) => e.kind === 'state' && e.via !== 'demonym' && !e.ambiguous);
  if (!m || !st) return null;
  ctx.addKnown(st.id);
  ctx.mention(st.id, scan.start(i), scan.end(m.end), scan.index, viaOf(st));
  return m.end;
}
