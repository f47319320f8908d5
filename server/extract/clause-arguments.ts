// A predicate's arguments within its clause: subject, direct object, "-led" object, target after a
// preposition, and the agent of a passive.
import {
  hyphenPair,
  isHardBoundary,
  isPossessive,
  isRelative,
  isSubordinator,
  ledBy,
  SUBORDINATORS,
  type SentenceUnits,
  type Unit,
} from './clause-unit.ts';
import {
  coordinatedLeft,
  coordinatedRight,
  findAttrTarget,
  inPrepPhrase,
  npStart,
  skipModifiers,
} from './clause-phrases.ts';

const SPEECH_THAT = new Set(['that']);

/** How two parties talk ("by phone with"): the "with" after them is the verb's. */
const CHANNEL_NOUNS = new Set(['phone', 'telephone', 'video', 'videolink', 'teleconference']);

const CAPITAL_NOUNS = new Set(['capital', 'city', 'port']);

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
