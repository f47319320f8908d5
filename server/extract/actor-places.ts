// Place-versus-actor decisions for state names and capitals ("fires in Syria" is a place,
// "a message to Moscow" is the government), and when an ambiguous alias is the actor.
import type { PhraseEntry } from './gazetteer.ts';
import type { ActorContext } from './actor-context.ts';
import { isPossessive, type Word } from './actor-words.ts';

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

export function isPlace(words: Word[], i: number, entry: PhraseEntry, placeEnd = -1): boolean {
  let p = i - 1;
  if (words[p]?.key === 'the') p--;
  const prev = words[p];
  if (!prev) return false;
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
  if (i === 0) return false;
  // "a message to Washington", "the offer from Washington": a government being addressed.
  const prep = words[i - 1]?.key;
  if ((prep === 'to' || prep === 'from') && ADDRESSED.has(words[i - 2]?.lemma ?? '')) return true;
  const near = [words[i - 1], words[i - 2], words[end], words[end + 1]];
  return near.some((w) => w && POLITICAL_WORDS.has(w.key));
}
