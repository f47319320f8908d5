// Place-versus-actor decisions for state names and capitals ("fires in Syria" is a place,
// "a message to Moscow" is the government), and when an ambiguous alias is the actor.
import type { PhraseEntry } from '../gazetteer.ts';
import type { ActorContext } from './context.ts';
import { isPossessive, keysOf, type Word } from './words.ts';
import type { Scan } from './scan.ts';
import type { Token } from '../types.ts';
import { caseOf, caseTokenOf } from '../case-words.ts';
import { headOf } from './tree.ts';

/** Prepositions by which a state by name locates what happens there. */
const LOCATING = new Set(['in', 'inside', 'across']);

/** Prepositions after which a capital is a place, not the government ("while in Bangkok"). */
const CAPITAL_PLACE_PREPS = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'into',
  'via',
  'toward',
  'towards',
  'around',
  'across',
]);

/**
 * Words before "to"/"from" that make a capital the destination or origin of a movement ("flew to
 * Moscow", "returned from Beijing"). Otherwise "to/from" + capital is the government ("a message to
 * Moscow", "the offer from Seoul"); a visit's destination is the host, which is the state too.
 */
const MOTION_WORDS = new Set([
  'fly',
  'flew',
  'flown',
  'flight',
  'flights',
  'travel',
  'travelled',
  'traveled',
  'return',
  'returned',
  'arrive',
  'arrived',
  'go',
  'went',
  'gone',
  'come',
  'came',
  'head',
  'headed',
  'move',
  'moved',
  'flee',
  'fled',
  'drive',
  'drove',
  'sail',
  'sailed',
  'evacuate',
  'evacuated',
  'relocate',
  'relocated',
  'deploy',
  'deployed',
  'redeployed',
  'road',
  'route',
  'way',
  'train',
  'highway',
  'railway',
  'miles',
  'kilometres',
  'kilometers',
  'km',
  'back',
  'away',
  'south',
  'north',
  'east',
  'west',
  'reporting',
  'arrival',
  'departure',
  'deported',
  'smuggled',
  'imported',
  'exported',
  'shipped',
  'shipments',
  'migrants',
  'refugees',
]);

/** Nouns of communication and pressure whose "to"/"from" names a government. */
const ADDRESSED = new Set([
  'message',
  'letter',
  'offer',
  'warning',
  'demand',
  'response',
  'reply',
  'call',
  'appeal',
  'pressure',
  'support',
  'aid',
  'threat',
  'request',
  'signal',
  'note',
  'proposal',
  'ultimatum',
  'invitation',
  'overture',
  'visit',
  'trip',
]);

/** Prepositions after which a country name is a place ("the summit in Indonesia"). */
const STATE_PLACE_PREPS = new Set([
  'in',
  'at',
  'near',
  'inside',
  'outside',
  'across',
  'throughout',
  'around',
  'within',
]);

/** Nouns of a political reaction: the state after "in" is the one reacting ("fears in Japan"). */
const REACTION_NOUNS = new Set([
  'alarm',
  'concern',
  'concerns',
  'fear',
  'fears',
  'anger',
  'outrage',
  'criticism',
  'opposition',
  'unease',
  'suspicion',
  'suspicions',
  'worries',
  'interest',
  'support',
]);

/** Words next to an ambiguous name that show it is the state ("Jordan's king", "Georgia said"). */
const POLITICAL_WORDS = new Set([
  'government',
  'president',
  'minister',
  'ministry',
  'prime',
  'king',
  'foreign',
  'officials',
  'authorities',
  'forces',
  'troops',
  'army',
  'military',
  'border',
  'embassy',
  'ambassador',
  'sanctions',
  'leader',
  'parliament',
  'regime',
  'said',
  'says',
  'told',
  'urged',
  'accused',
  'condemned',
  'announced',
  'signed',
  'and',
  "'s",
  'talks',
  'relations',
  'capital',
  'state',
]);

/** Words before "at" that make what follows a target, not a place ("lashed out at Sweden"). */
const AIMED_AT = new Set([
  'out',
  'aimed',
  'aim',
  'directed',
  'angry',
  'furious',
  'fired',
  'swipe',
  'jab',
  'dig',
  'pointed',
  'glared',
  'shot',
  'shots',
  'blow',
  'snapped',
]);

/** Verbs of striking back, whose "back at" names a target ("hit back at Uganda"). */
const RETORTS = new Set(['hit', 'strike', 'fire', 'shoot', 'lash', 'punch', 'swing']);

/** Verbs whose object is a place travelled to ("visited Beijing", "toured Kenya"). */
const VISIT_VERBS = new Set(['visit', 'tour']);

/** Relations by which a name continues the phrase before it ("in Bali, Indonesia", "Syria and Iraq"). */
const CONTINUING = new Set(['conj', 'appos', 'list', 'flat', 'nmod:unmarked']);

/** A place as the parse gives it: its node, whether the text locates something there. */
export interface PlaceReading {
  node: number;
  /** "in Nairobi", "travelled to Moscow", "visited Beijing": a location or a trip's destination. */
  located: boolean;
}

/** True when node `k` is located by its case word ("in Bali"), not a reaction ("alarm in"). */
function locative(tokens: Token[], k: number): boolean {
  const prep = caseOf(tokens, k, { nearest: true });
  if (!STATE_PLACE_PREPS.has(prep) && !CAPITAL_PLACE_PREPS.has(prep)) return false;
  const gov = tokens[tokens[k]!.head];
  return !(prep === 'in' && gov && REACTION_NOUNS.has(gov.lemma));
}

function motion(t: Token | undefined): boolean {
  return !!t && (MOTION_WORDS.has(t.text.toLowerCase()) || MOTION_WORDS.has(t.lemma));
}

/**
 * Reads on the parse whether the state or capital over words `i`..`end` is a place: its case
 * word ("in", "at", "from"), the word governing it ("travelled to", "visited", "concern in") and the
 * phrase it continues ("in Bali, Indonesia"). `placeNodes` holds the nodes already read as places
 * in the sentence. Returns null when it names an actor.
 */
export function placeOnTree(
  scan: Scan,
  i: number,
  end: number,
  entry: PhraseEntry,
  placeNodes: Set<number>,
): PlaceReading | null {
  const { words, tokens } = scan;
  if (isPossessive(words[end])) return null;
  const k = headOf(tokens, words[i]!.tok, words[end - 1]!.tok);
  const node = tokens[k]!;
  const gov = tokens[node.head];
  const capital = entry.via === 'capital' || entry.via === 'metonym';
  if (!capital && (entry.kind !== 'state' || entry.via === 'demonym')) return null;
  // "fires in Syria and Iraq", "in Bali, Indonesia": a name continuing a place is a place too.
  if (CONTINUING.has(node.deprel) && gov) {
    // The phrase continued is a place of the sentence: one read so, or a located place name.
    const placeName = words.some((w) => w.tok === node.head && w.name?.label === 'place');
    if (placeNodes.has(node.head) || (placeName && locative(tokens, node.head))) {
      return { node: k, located: true };
    }
  }
  const prep = caseOf(tokens, k, { nearest: true });
  // "lashed out at Sweden": a target, not a place.
  const at = caseTokenOf(tokens, k);
  const before = tokens[at - 1];
  if (prep === 'at' && before && AIMED_AT.has(before.text.toLowerCase())) return null;
  // "hit back at Uganda", "fired back at critics": a retort's target.
  if (
    prep === 'at' &&
    before?.text.toLowerCase() === 'back' &&
    RETORTS.has(tokens[at - 2]?.lemma ?? '')
  )
    return null;
  if (node.deprel === 'obj' && gov && VISIT_VERBS.has(gov.lemma)) return { node: k, located: true };
  if (prep === 'to' || prep === 'from' || prep === 'into') {
    return motion(gov) ? { node: k, located: true } : null;
  }
  if (capital) return CAPITAL_PLACE_PREPS.has(prep) ? { node: k, located: prep === 'in' } : null;
  // "sparked alarm in the United States": the state reacts, it is not a location.
  if (prep === 'in' && gov && REACTION_NOUNS.has(gov.lemma)) return null;
  if (STATE_PLACE_PREPS.has(prep)) return { node: k, located: LOCATING.has(prep) };
  return null;
}

export function ambiguousOk(
  words: Word[],
  i: number,
  end: number,
  entry: PhraseEntry,
  ctx: ActorContext,
  known: Set<string>,
  counts: Map<string, number>,
): boolean {
  if (!words[i]!.cap) return false;
  if (known.has(entry.id)) return true;
  const country = ctx.gaz.byId(entry.id)?.country;
  // A national body's shared alias ("Communist Party") needs its state in the article.
  if (entry.kind === 'organization' && country) return (counts.get(country) ?? 0) > 0;
  if (entry.kind === 'state' && otherReading(words, i, end, ctx)) return false;
  if (entry.kind === 'state' && listedWithPlaces(words, i, end, ctx)) return false;
  if (clauseStart(words, i)) return subjectState(words, end, ctx);
  // "a message to Washington", "the offer from Washington": a government being addressed.
  const prep = words[i - 1]?.key;
  if ((prep === 'to' || prep === 'from') && ADDRESSED.has(words[i - 2]?.lemma ?? '')) return true;
  const near = [words[i - 1], words[i - 2], words[end], words[end + 1]];
  return near.some((w) => w && POLITICAL_WORDS.has(w.key));
}

/**
 * Marks after which a name opens a clause of its own ("KYIV - Georgia recalled"). Conjunctions
 * ("as Jordan scored") are left out: a person's name there is as likely as a state.
 */
const CLAUSE_OPENERS = new Set([';', ':', '-', '\u2013', '\u2014', '"', '\u201c']);

function clauseStart(words: Word[], i: number): boolean {
  return i === 0 || CLAUSE_OPENERS.has(words[i - 1]!.key);
}

/** Words between a subject and its verb that do not break the clause ("Chad on Monday said"). */
const DAY_WORDS = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:today|yesterday)$/;

/** Index of the finite verb the words from `k` lead to, past adverbs and "on Monday"; or -1. */
function verbAt(words: Word[], k: number): number {
  while (words[k]?.pos === 'ADV') k++;
  if (words[k]?.key === 'on' && DAY_WORDS.test(words[k + 1]?.key ?? '')) k += 2;
  else if (DAY_WORDS.test(words[k]?.key ?? '')) k++;
  if (words[k]?.key === ',' && k > 0) k++;
  while (words[k]?.pos === 'ADV') k++;
  const w = words[k];
  return w && (w.pos === 'VERB' || w.pos === 'AUX') ? k : -1;
}

/** Acts only a state owns, so "Washington's tariffs" opening a sentence is the government. */
const STATE_ACTS = new Set([
  'tariffs',
  'tariff',
  'embargo',
  'ban',
  'war',
  'offensive',
  'invasion',
  'blockade',
  'annexation',
]);

/**
 * An ambiguous state name opening a clause is the state when it is the subject of a verb ("Chad
 * expelled", "Jordan and Britain have agreed") or holds a political office ("Jordan's king");
 * unless a person of that surname is in the article.
 */
function subjectState(words: Word[], end: number, ctx: ActorContext): boolean {
  if (ctx.surnames.has(words[end - 1]!.key) || namedPerson(words[end - 1]!.text, ctx)) {
    return false;
  }
  const next = words[end];
  if (!next) return false;
  if (isPossessive(next)) {
    const k = words[end + 1]?.key ?? '';
    const head = words[end + 1]?.pos === 'ADJ' ? (words[end + 2]?.key ?? '') : k;
    return POLITICAL_WORDS.has(k) || STATE_ACTS.has(head);
  }
  if (verbAt(words, end) > 0) return true;
  if (next.key !== 'and' || !words[end + 1]?.cap) return false;
  const { keys, surfs } = keysOf(words);
  const m = ctx.gaz.matchAt(keys, surfs, end + 1);
  const state = m?.entries.some((e) => e.kind === 'state' && !e.ambiguous && e.via !== 'demonym');
  return !!m && !!state && verbAt(words, m.end) > 0;
}

/**
 * Names a country shares with a place of another reading, and words in the article that give
 * that reading ("Georgia" with Atlanta or a governor is the US state).
 */
const OTHER_READINGS: Record<string, RegExp> = {
  georgia: /\b(?:Atlanta|Savannah|Augusta|Macon|Fulton County|Peach State|[Gg]overnor)\b/,
};

function otherReading(words: Word[], i: number, end: number, ctx: ActorContext): boolean {
  const key = words
    .slice(i, end)
    .map((w) => w.key)
    .join(' ');
  const reading = OTHER_READINGS[key];
  if (!reading) return false;
  return ctx.textAnswer(`reading\n${key}`, () => reading.test(ctx.text));
}

/**
 * "from Alabama and Georgia", "Georgia, Ohio and Texas": an ambiguous name listed beside places
 * the name finder found and the gazetteer does not know as states is one of those places.
 */
function listedWithPlaces(words: Word[], i: number, end: number, ctx: ActorContext): boolean {
  const LIST = new Set(['and', 'or', ',']);
  const neighbours: (Word | undefined)[] = [];
  if (LIST.has(words[i - 1]?.key ?? '')) neighbours.push(words[i - 2]);
  if (LIST.has(words[end]?.key ?? '')) neighbours.push(words[end + 1]);
  return neighbours.some(
    (w) =>
      !!w && w.name?.label === 'place' && !ctx.gaz.lookup(w.text).some((e) => e.kind === 'state'),
  );
}

/** Capitalised words before a name that do not make it a person's surname ("In Jordan"). */
const NOT_FIRST_NAMES = new Set(
  (
    'the in on at from and but with for to by of when while as after north south east west ' +
    'central new upper lower equatorial papua great greater republic kingdom state'
  ).split(' '),
);

/** True when the article writes the name after a first name somewhere ("Michael Jordan"). */
function namedPerson(surface: string, ctx: ActorContext): boolean {
  return ctx.textAnswer(`person\n${surface}`, () => scanForPerson(surface, ctx));
}

function scanForPerson(surface: string, ctx: ActorContext): boolean {
  const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of ctx.text.matchAll(new RegExp(`\\b([A-Z][a-z]+) ${escaped}\\b`, 'g'))) {
    if (!NOT_FIRST_NAMES.has(m[1]!.toLowerCase())) return true;
  }
  return false;
}
