// A light clause analyser: a sentence as units (tokens, with each actor mention collapsed into one
// unit), clause boundaries, parentheticals, and subject / object / prepositional-target search.
import type { Mention, Sentence } from './types.ts';

export interface Unit {
  start: number;
  end: number;
  /** Lower-cased surface text ('' for mentions). */
  lower: string;
  lemma: string;
  /** UPOS tag, or 'MENTION'. */
  pos: string;
  mention: Mention | null;
  /** An attributive demonym on this token ("Russian" in "Russian diplomats"): a target only. */
  attr?: Mention;
  /** The word stood in scare quotes ("'invaded'"): the writer marks it as someone's claim. */
  quoted?: boolean;
  /** A possessive pronoun the actor stage resolved ("its" in "its shelling of"): an owner. */
  possessive?: boolean;
}

export interface SentenceUnits {
  sentence: Sentence;
  units: Unit[];
  /** For each unit, the index one past the parenthetical it opens (appositive, relative clause), else -1. */
  parenEnd: Int32Array;
  /** For each unit, the index of the parenthetical start it closes, else -1. */
  parenStart: Int32Array;
}

const QUOTES = new Set(['"', '“', '”', '«', '»', "''", '``', '‘', '’']);
const HARD = new Set([';', ':', '(', ')', '[', ']', '—', '–']);
const SUBORDINATORS = new Set([
  'if',
  'unless',
  'while',
  'whilst',
  'although',
  'though',
  'whereas',
  'because',
  'but',
  'whether',
  'when',
  'after',
  'before',
  'since',
  'until',
  'as',
  'where',
  'so',
]);
const RELATIVES = new Set(['who', 'which', 'whom', 'whose']);
export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const SKIP_IN_NP = new Set(['DET', 'ADJ', 'NUM']);
const SKIP_WORDS = new Set(['fellow', 'own', 'both', 'all', 'also', 'then']);
export const COORD = new Set(['and', ',', '&']);
const SPEECH_THAT = new Set(['that']);
/** How two parties talk ("by phone with"): the "with" after them is the verb's. */
const CHANNEL_NOUNS = new Set(['phone', 'telephone', 'video', 'videolink', 'teleconference']);
const CAPITAL_NOUNS = new Set(['capital', 'city', 'port']);

/** Collapses each mention into one unit; attributive demonyms stay ordinary tokens. */
export function buildUnits(sentence: Sentence, mentions: Mention[]): SentenceUnits {
  const units: Unit[] = [];
  const ms = mentions.filter((m) => !(m.via === 'demonym' && m.attributive));
  const attrs = mentions.filter((m) => m.via === 'demonym' && m.attributive);
  let mi = 0;
  let ai = 0;
  const tokens = sentence.tokens;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    while (mi < ms.length && ms[mi]!.end <= t.start) mi++;
    while (ai < attrs.length && attrs[ai]!.end <= t.start) ai++;
    const m = ms[mi];
    if (m && m.start < t.end && m.end > t.start) {
      const owner = m.via === 'pronoun' && POSSESSIVE_PRONOUNS.has(t.text.toLowerCase());
      units.push({
        start: m.start,
        end: m.end,
        lower: '',
        lemma: '',
        pos: 'MENTION',
        mention: m,
        ...(owner ? { possessive: true } : {}),
      });
      while (ti + 1 < tokens.length && tokens[ti + 1]!.start < m.end) ti++;
      mi++;
      continue;
    }
    units.push({
      start: t.start,
      end: t.end,
      lower: t.text.toLowerCase(),
      lemma: t.lemma,
      pos: t.pos,
      mention: null,
      ...(attrs[ai] && attrs[ai]!.start < t.end && attrs[ai]!.end > t.start
        ? { attr: attrs[ai]! }
        : {}),
    });
  }
  promoteOfficials(units);
  dropScareQuotes(units);
  markCountryAnaphors(units, sentence.index);
  const parenEnd = new Int32Array(units.length).fill(-1);
  const parenStart = new Int32Array(units.length).fill(-1);
  markParentheticals(units, parenEnd, parenStart);
  return { sentence, units, parenEnd, parenStart };
}

/** Replaces units [from, to) (a resolved anaphor) and recomputes the parentheticals. */
export function spliceUnits(
  su: SentenceUnits,
  from: number,
  to: number,
  replacement: Unit[],
): SentenceUnits {
  const units = [...su.units.slice(0, from), ...replacement, ...su.units.slice(to)];
  const parenEnd = new Int32Array(units.length).fill(-1);
  const parenStart = new Int32Array(units.length).fill(-1);
  markParentheticals(units, parenEnd, parenStart);
  return { sentence: su.sentence, units, parenEnd, parenStart };
}

/** ", who ... ," and ", [noun phrase without a verb] ," right after a mention. */
function markParentheticals(units: Unit[], parenEnd: Int32Array, parenStart: Int32Array): void {
  for (let i = 1; i < units.length; i++) {
    if (units[i]!.lower !== ',' || !units[i - 1]!.mention) continue;
    let j = i + 1;
    const relative = j < units.length && RELATIVES.has(units[j]!.lower);
    let hasVerb = false;
    while (j < units.length && units[j]!.lower !== ',' && !isHardBoundary(units[j]!)) {
      if (units[j]!.pos === 'VERB' || units[j]!.pos === 'AUX') hasVerb = true;
      j++;
    }
    if (j >= units.length || units[j]!.lower !== ',' || j - i > 14) continue;
    if (relative || (!hasVerb && j > i + 1)) {
      // Only when a verb follows: "X, the foreign minister, said" but not a list "X, Y, Z and W".
      const next = units[j + 1];
      const listLike = units.slice(i + 1, j).every((u) => u.mention);
      if (!relative && (listLike || !next || next.mention)) continue;
      parenEnd[i] = j + 1;
      parenStart[j] = i;
    }
  }
}

export function isQuote(u: Unit): boolean {
  return QUOTES.has(u.lower);
}

export function isHardBoundary(u: Unit): boolean {
  return !u.mention && (HARD.has(u.lower) || QUOTES.has(u.lower));
}

export function isSubordinator(u: Unit): boolean {
  return !u.mention && SUBORDINATORS.has(u.lower);
}

export function isRelative(u: Unit): boolean {
  return !u.mention && RELATIVES.has(u.lower);
}

/** Mention followed by "-led", "-backed" ...: a description, not a participant. */
export function ledBy(units: Unit[], i: number, led: Set<string>): boolean {
  const a = units[i + 1];
  const b = units[i + 2];
  return !!a && !!b && (a.lower === '-' || a.lower === '‑') && led.has(b.lower);
}

/** Mention joined to another by a hyphen ("the Xi-Biden meeting"). */
export function hyphenPair(units: Unit[], i: number): boolean {
  const a = units[i + 1];
  const p = units[i - 1];
  return (
    (!!a && (a.lower === '-' || a.lower === '–') && !!units[i + 2]?.mention) ||
    (!!p && (p.lower === '-' || p.lower === '–') && !!units[i - 2]?.mention)
  );
}

/** An owner before a noun: "X's" (the mention at i) or a resolved possessive pronoun. */
export function isOwner(units: Unit[], i: number): boolean {
  const u = units[i];
  return !!u && (!!u.possessive || (!!u.mention && isPossessive(units, i)));
}

export function isPossessive(units: Unit[], i: number): boolean {
  const n = units[i + 1];
  return !!n && (n.lower === "'s" || n.lower === '’s' || n.lower === "'" || n.lower === '’');
}

/** Start of the noun phrase that ends at unit i: walks left over determiners and adjectives. */
export function npStart(units: Unit[], i: number): number {
  let j = i;
  while (j > 0) {
    const p = units[j - 1]!;
    if (p.mention) break;
    if (SKIP_IN_NP.has(p.pos) || POSSESSIVE_PRONOUNS.has(p.lower) || SKIP_WORDS.has(p.lower)) j--;
    // "a two-day visit": a hyphenated modifier of plain words.
    else if (units[j - 2]?.lower === '-' && j >= 3 && !units[j - 3]!.mention) j -= 3;
    else break;
  }
  return j;
}

/** Whether the noun phrase holding unit i is the object of a preposition. */
export function inPrepPhrase(units: Unit[], i: number): string | null {
  const s = npStart(units, i);
  const p = units[s - 1];
  if (p && !p.mention && (p.pos === 'ADP' || p.lower === 'to') && p.lower !== 'that')
    return p.lower;
  return null;
}

/**
 * Skips determiners, adjectives, possessive pronouns and "fellow" from unit i onward and returns
 * the first unit index that is not such a modifier.
 */
export function skipModifiers(units: Unit[], i: number, limit = 5): number {
  let j = i;
  while (j < units.length && j - i < limit) {
    const u = units[j]!;
    if (u.mention) return j;
    if (SKIP_IN_NP.has(u.pos) || POSSESSIVE_PRONOUNS.has(u.lower) || SKIP_WORDS.has(u.lower)) j++;
    else if (u.pos === 'ADV' && j === i) j++;
    else return j;
  }
  return j;
}

/** Link words between two coordinated mentions, or null when they are not coordinated. */
function linkBetween(units: Unit[], from: number, to: number): 'and' | 'comma' | null {
  let kind: 'and' | 'comma' | null = null;
  for (let k = from; k < to; k++) {
    const u = units[k]!;
    const l = u.lower;
    if (l === 'and' || l === '&' || l === 'well' || l === 'together' || l === 'along') kind = 'and';
    else if (l === ',') kind = kind ?? 'comma';
    else if (l === 'as' || l === 'with') {
      if (l === 'with' && !(units[k - 1]?.lower === 'along' || units[k - 1]?.lower === 'together'))
        return null;
    } else if (!(SKIP_IN_NP.has(u.pos) || POSSESSIVE_PRONOUNS.has(l))) return null;
  }
  return kind;
}

/** Keeps a chain "X, Y and Z" whole; a chain of bare commas is not a coordination. */
function closeChain(out: number[], links: ('and' | 'comma')[]): number[] {
  const lastAnd = links.lastIndexOf('and');
  return out.slice(0, lastAnd + 2);
}

/** The mention at i and those coordinated after it ("X, Y and Z", "X as well as Y"). */
export function coordinatedRight(units: Unit[], i: number): number[] {
  const out = [i];
  const links: ('and' | 'comma')[] = [];
  let j = i;
  while (j < units.length && !isPossessive(units, j)) {
    let k = j + 1;
    while (k < units.length && !units[k]!.mention && k - j <= 4) k++;
    if (k >= units.length || !units[k]!.mention || k === j + 1) break;
    const link = linkBetween(units, j + 1, k);
    if (!link) break;
    out.push(k);
    links.push(link);
    j = k;
  }
  return closeChain(out, links);
}

/** The mention at i and those coordinated before it ("X and Y met", "X, Y and Z met"). */
export function coordinatedLeft(units: Unit[], i: number): number[] {
  const out = [i];
  const links: ('and' | 'comma')[] = [];
  let j = i;
  while (j > 0) {
    let k = j - 1;
    while (k >= 0 && !units[k]!.mention && j - k <= 4) k--;
    if (k < 0 || !units[k]!.mention || k === j - 1 || isPossessive(units, k)) break;
    const link = linkBetween(units, k + 1, j);
    if (!link || (links.length === 0 && link !== 'and')) break;
    out.unshift(k);
    links.push(link);
    j = k;
  }
  return out;
}

export interface SubjectResult {
  /** Unit indices of the subject mentions (coordinated), empty when none was found. */
  units: number[];
  /** 'coord': no subject before a coordinating "and" (share the previous predicate's subject). */
  reason: 'found' | 'relative' | 'coord' | 'participle' | 'none';
  possessive: boolean;
}

function eligibleSubject(units: Unit[], i: number, led: Set<string>): boolean {
  if (ledBy(units, i, led) || hyphenPair(units, i)) return false;
  const prep = inPrepPhrase(units, i);
  if (prep === null) return true;
  // "after X told Y": a conjunction tagged as a preposition, followed by the mention's verb.
  const n = units[i + 1];
  return SUBORDINATORS.has(prep) && !!n && (n.pos === 'VERB' || n.pos === 'AUX' || n.pos === 'ADV');
}

/** "X (ACR)": for the ")" at j, the index of its "(" when a mention stands right before it. */
function acronymParen(units: Unit[], j: number): number {
  for (let k = j - 1; k > 0 && j - k <= 4; k--) {
    if (units[k]!.lower === '(') return units[k - 1]!.mention ? k : -1;
    if (isHardBoundary(units[k]!)) return -1;
  }
  return -1;
}

/** The subject of the predicate at unit p: the nearest eligible mention before it in its clause. */
export function findSubject(su: SentenceUnits, p: number, led: Set<string>): SubjectResult {
  const { units, parenStart } = su;
  let possessiveFallback = -1;
  const prev = units[p - 1];
  // "..., saying/adding" participle clauses share the main clause's subject.
  if (prev && prev.lower === ',' && units[p]!.lower.endsWith('ing'))
    return { units: [], reason: 'participle', possessive: false };
  // "a letter from Kim congratulating Xi": a participle right after a mention is its act.
  if (
    prev?.mention &&
    !prev.possessive &&
    units[p]!.lower.endsWith('ing') &&
    !isPossessive(units, p - 1)
  )
    return { units: [p - 1], reason: 'found', possessive: false };
  for (let j = p - 1; j >= 0; j--) {
    const u = units[j]!;
    if (parenStart[j]! >= 0) {
      j = parenStart[j]!;
      continue;
    }
    const open = u.lower === ')' ? acronymParen(units, j) : -1;
    if (open >= 0) {
      j = open;
      continue;
    }
    if (isHardBoundary(u)) break;
    if (isRelative(u) || (u.lower === 'that' && (u.pos === 'PRON' || u.pos === 'DET'))) {
      // A relative pronoun: the antecedent right before it is the subject ("X, who met Y").
      let a = j - 1;
      if (units[a]?.lower === ',') a--;
      if (u.lower === 'that' && !units[a]?.mention) break;
      if (a >= 0 && units[a]!.mention) return { units: [a], reason: 'relative', possessive: false };
      break;
    }
    if (u.mention) {
      if (isPossessive(units, j)) {
        if (possessiveFallback < 0) possessiveFallback = j;
        continue;
      }
      if (!eligibleSubject(units, j, led)) continue;
      return { units: coordinatedLeft(units, j), reason: 'found', possessive: false };
    }
    if (u.pos === 'CCONJ' && u.lower !== 'or') {
      // "X met Y and urged Z": a coordinated verb phrase shares the first subject.
      if (possessiveFallback < 0) return { units: [], reason: 'coord', possessive: false };
      break;
    }
    if (isSubordinator(u) || SPEECH_THAT.has(u.lower)) break;
  }
  if (possessiveFallback >= 0)
    return { units: [possessiveFallback], reason: 'found', possessive: true };
  return { units: [], reason: 'none', possessive: false };
}

/** Direct-object mentions right after unit index `from` ("urged the US", "told his counterpart"). */
export function findObject(
  units: Unit[],
  from: number,
  led: Set<string>,
  allowLed: boolean,
): number[] {
  const j = skipModifiers(units, from);
  const u = units[j];
  if (!u || !u.mention) return [];
  if (hyphenPair(units, j)) return [];
  if (ledBy(units, j, led) && !allowLed) return [];
  // "condemned Russia's invasion": the possessor is the target; do not coordinate past the noun.
  // "Jordan's visiting King Abdullah": the possessed noun phrase is itself an actor.
  if (isPossessive(units, j)) {
    for (let k = j + 2; k < units.length && k - j < 5; k++) {
      const w = units[k]!;
      if (w.mention) return isPossessive(units, k) ? [j] : [k];
      if (!(w.pos === 'ADJ' || w.pos === 'VERB' || w.pos === 'DET')) break;
    }
    return [j];
  }
  return coordinatedRight(units, j);
}

/** A "-led"/"-drafted" mention inside the object phrase ("vetoed a US-led resolution"). */
export function findLedObject(units: Unit[], from: number, led: Set<string>): number[] {
  for (let j = from; j < units.length && j - from < 5; j++) {
    const u = units[j]!;
    if (u.mention) return ledBy(units, j, led) ? [j] : [];
    if (isHardBoundary(u) || u.pos === 'VERB' || u.pos === 'ADP' || u.lower === ',') return [];
  }
  return [];
}

/** Target after one of `preps` within the clause ("met with X", "imposed sanctions on X"). */
export function findPrepTarget(
  units: Unit[],
  from: number,
  preps: string[],
  led: Set<string>,
  window = 10,
  attrOk = true,
): { units: number[]; prepAt: number } | null {
  for (let j = from; j < units.length && j - from < window; j++) {
    const u = units[j]!;
    if (isHardBoundary(u) || (u.lower === ',' && units[j + 1]?.pos === 'CCONJ')) return null;
    // A verb ends the search; a participle inside a noun phrase ("the stolen statues") does not.
    const p = units[j - 1];
    if (u.pos === 'VERB' && j > from && p?.lower !== '-' && p?.pos !== 'DET' && p?.pos !== 'ADJ')
      return null;
    if (isSubordinator(u) || u.lower === 'that') return null;
    if (u.mention || !preps.includes(u.lower)) continue;
    // "spoke about the desire for normalcy in ties with India": the "with" belongs to a noun that
    // itself sits in a prepositional phrase, not to the verb.
    if (u.lower === 'with' && j > from + 1 && units[j - 1]!.pos === 'NOUN') {
      const head = npStart(units, j - 1);
      let adps = 0;
      for (let a = from; a < j; a++) if (units[a]!.pos === 'ADP') adps++;
      const channel = CHANNEL_NOUNS.has(units[j - 1]!.lower);
      if (!channel && adps >= 2 && head > from && units[head - 1]?.pos === 'ADP') continue;
    }
    let k = skipModifiers(units, j + 1);
    // "a visit to the capital Honiara": the noun names what the mention is.
    if (CAPITAL_NOUNS.has(units[k]?.lower ?? '') && units[k + 1]?.mention) k++;
    const m = units[k];
    if (m && !m.mention && attrOk && u.lower !== 'between') {
      const a = findAttrTarget(units, j + 1);
      if (a >= 0) return { units: [a], prepAt: j };
    }
    if (!m || !m.mention || hyphenPair(units, k) || ledBy(units, k, led)) continue;
    // "the release of its nationals from Y": the owner pronoun is not the preposition's object.
    if (m.possessive) continue;
    if (u.lower === 'between') {
      const group = coordinatedRight(units, k);
      return { units: group, prepAt: j };
    }
    return { units: isPossessive(units, k) ? [k] : coordinatedRight(units, k), prepAt: j };
  }
  return null;
}

/** Agent of a passive ("... by X"), searched after the predicate inside the clause. */
export function findAgent(units: Unit[], from: number, led: Set<string>): number[] {
  const r = findPrepTarget(units, from, ['by'], led, 12, false);
  return r ? r.units : [];
}

/**
 * An attributive demonym inside the noun phrase starting at `from` ("expelled four Russian
 * diplomats"): the unit index of the demonym, or -1 when the phrase's head comes first.
 */
export function findAttrTarget(units: Unit[], from: number): number {
  for (let j = from; j < units.length && j - from < 6; j++) {
    const u = units[j]!;
    if (u.attr) return j;
    // A demonym promoted with its noun ("Russian envoys") still names the state.
    if (u.mention) return u.mention.via === 'demonym' && u.mention.attributive ? j : -1;
    if (SKIP_IN_NP.has(u.pos) || POSSESSIVE_PRONOUNS.has(u.lower) || SKIP_WORDS.has(u.lower))
      continue;
    if (u.pos === 'ADV' && j === from) continue;
    // "the same number of Russian diplomats", "the head of the Polish mission".
    if (u.pos === 'NOUN' && units[j + 1]?.lower === 'of') {
      j++;
      continue;
    }
    return -1;
  }
  return -1;
}

/** Nouns for a state's unnamed officials or bodies: "a French minister", "Iranian authorities". */
const OFFICIAL_HEADS = new Set([
  'official',
  'officials',
  'minister',
  'ministers',
  'diplomat',
  'diplomats',
  'authorities',
  'government',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'envoys',
  'negotiators',
  'negotiator',
  'military',
  'army',
  'navy',
  'troops',
  'forces',
  'leaders',
  'leadership',
]);
/** Words that may stand between the demonym and that noun ("senior Iranian defence official"). */
const OFFICIAL_MODIFIERS = new Set([
  'foreign',
  'defence',
  'defense',
  'government',
  'military',
  'security',
  'senior',
  'top',
  'state',
  'interior',
  'trade',
  'finance',
  'economy',
  'health',
  'ministry',
  'army',
  'navy',
  'naval',
  'air',
  'armed',
  'high-ranking',
  'presidential',
  'embassy',
  'intelligence',
  'border',
  'police',
  'coast',
  'guard',
]);

/**
 * An attributive demonym on an unnamed official or body ("a senior Iranian official warned") is
 * the state itself (guidelines, Actors 4): the phrase becomes one mention of the state. A name
 * after the noun ("French Minister Jean Dupont") keeps the person as the actor instead.
 */
function promoteOfficials(units: Unit[]): void {
  for (let i = 0; i < units.length; i++) {
    const d = units[i]!;
    if (!d.attr || d.mention) continue;
    let j = i + 1;
    while (j < units.length && j - i <= 3 && OFFICIAL_MODIFIERS.has(units[j]!.lower)) {
      if (OFFICIAL_HEADS.has(units[j]!.lower) && !OFFICIAL_MODIFIERS.has(units[j + 1]?.lower ?? ''))
        break;
      j++;
    }
    const head = units[j];
    if (!head || head.mention || !OFFICIAL_HEADS.has(head.lower)) continue;
    const after = units[j + 1];
    if (after && (after.mention || after.pos === 'PROPN')) continue;
    // "Russian forces' positions" and "the Chinese government's plan" still own their noun.
    const mention: Mention = { ...d.attr, end: head.end };
    units.splice(i, j - i + 1, {
      start: d.start,
      end: head.end,
      lower: '',
      lemma: '',
      pos: 'MENTION',
      mention,
    });
  }
}

/** "Britain 'invaded' the islands": quotes around one word do not end the clause. */
function dropScareQuotes(units: Unit[]): void {
  for (let i = 0; i + 2 < units.length; i++) {
    const w = units[i + 1]!;
    const q = (u: Unit) => isQuote(u) || u.lower === "'";
    if (q(units[i]!) && q(units[i + 2]!) && !w.mention && !q(w) && w.pos !== 'PUNCT')
      units.splice(i, 3, { ...w, quoted: true });
  }
}

const PLACE_PREPS = new Set(['in', 'across', 'throughout', 'around', 'inside', 'within', 'to']);

/**
 * Turns "the country" into an unresolved mention (actor '') that the event stage may resolve to
 * the one state the sentence names before it; as a place ("in the country") it stays words.
 */
function markCountryAnaphors(units: Unit[], sentence: number): void {
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    if (u.mention || u.lower !== 'country' || units[i - 1]!.lower !== 'the') continue;
    if (PLACE_PREPS.has(units[i - 2]?.lower ?? '') || units[i + 1]?.pos === 'NOUN') continue;
    const d = units[i - 1]!;
    const mention: Mention = { actor: '', start: d.start, end: u.end, sentence, via: 'pronoun' };
    units.splice(i - 1, 2, {
      start: d.start,
      end: u.end,
      lower: '',
      lemma: '',
      pos: 'MENTION',
      mention,
    });
    i--;
  }
}
