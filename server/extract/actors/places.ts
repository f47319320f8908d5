// Place-versus-actor decisions for state names and capitals ("fires in Syria" is a place,
// "a message to Moscow" is the government), and when an ambiguous alias is the actor.
import type { PhraseEntry } from '../gazetteer.ts';
import type { ActorContext } from './context.ts';
import { isPossessive, keysOf, type Word } from './words.ts';

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

export function isPlace(words: Word[], i: number, entry: PhraseEntry, placeEnd = -1): boolean {
  let p = i - 1;
  if (words[p]?.key === 'the') p--;
  const prev = words[p];
  if (!prev) return false;
  if (prev.key === 'at' && AIMED_AT.has(words[p - 1]?.key ?? '')) return false;
  const after = words[i + entry.length];
  if (isPossessive(after)) return false;
  // "fires in Syria and Iraq": a conjunct of a place is a place too.
  if ((prev.key === 'and' || prev.key === 'or' || prev.key === ',') && placeEnd === p - 1)
    return true;
  if (entry.via === 'capital' || entry.via === 'metonym') {
    if (CAPITAL_PLACE_PREPS.has(prev.key)) return true;
    if (prev.key !== 'to' && prev.key !== 'from') return false;
    const before = words[p - 1];
    return !!before && (MOTION_WORDS.has(before.key) || MOTION_WORDS.has(before.lemma));
  }
  if (entry.kind !== 'state' || entry.via === 'demonym') return false;
  // "sparked alarm in the United States": the state reacts, it is not a location.
  if (prev.key === 'in' && REACTION_NOUNS.has(words[p - 1]?.key ?? '')) return false;
  if (STATE_PLACE_PREPS.has(prev.key)) return true;
  // "arrived from Thailand", "flights to Yemen": the origin or destination of a movement.
  if (prev.key === 'from' || prev.key === 'to' || prev.key === 'into') {
    const before = words[p - 1];
    if (before && (MOTION_WORDS.has(before.key) || MOTION_WORDS.has(before.lemma))) return true;
  }
  // "from Thailand, where he attended a summit": the text says it is a place.
  const w2 = after?.key === ',' ? words[i + entry.length + 1] : after;
  if (w2?.key === 'where' && (prev.key === 'from' || prev.key === 'to' || prev.key === 'visited'))
    return true;
  // "in Bali, Indonesia": a country after a place that follows a locative preposition.
  if (prev.key === ',' && p >= 2) {
    let q = p - 1;
    while (q > 0 && words[q]!.cap && p - q < 4) q--;
    return (
      q < p - 1 && (STATE_PLACE_PREPS.has(words[q]!.key) || CAPITAL_PLACE_PREPS.has(words[q]!.key))
    );
  }
  return false;
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
  return OTHER_READINGS[key]?.test(ctx.text) ?? false;
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
  const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of ctx.text.matchAll(new RegExp(`\\b([A-Z][a-z]+) ${escaped}\\b`, 'g'))) {
    if (!NOT_FIRST_NAMES.has(m[1]!.toLowerCase())) return true;
  }
  return false;
}
