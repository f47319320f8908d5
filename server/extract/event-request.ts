// Requests and charges named by nouns: "X's call for Y to withdraw", "a demand by X that Y ...",
// "X is seeking the lifting of Y's sanctions", and "X denied accusations from Y" (Y accused X).
import type { Lexicon } from './lexicon.ts';
import { findSubject } from './clause-arguments.ts';
import { findAttrTarget, npStart, skipModifiers } from './clause-phrases.ts';
import { isPossessive, type SentenceUnits, type Unit } from './clause-unit.ts';

export interface NounAct {
  /** Unit indices (an attributive unit stands for its state). */
  source: number;
  target: number;
  /** Unit index of the noun or verb that states the act. */
  at: number;
  /** The unit after the target, where the requested act starts (for REQUEST polarity). */
  after: number;
}

/** Verbs that ask for an undoing ("seeking the lifting of Y's sanctions"). */
const ASKING = new Set([
  'seek',
  'demand',
  'call',
  'push',
  'press',
  'urge',
  'want',
  'ask',
  'request',
  'lobby',
  'insist',
  'campaign',
  'appeal',
]);
/** Verbs that answer a charge. */
const ANSWERING = new Set(['deny', 'reject', 'dismiss', 'refute', 'rebuff', 'deflect', 'brush']);

/** The mention owning the noun phrase that ends at unit i: "Y's demand", "a US demand". */
function ownerBefore(units: Unit[], i: number): number {
  const s = npStart(units, i);
  const b = units[s - 1];
  if (b && (b.lower === "'s" || b.lower === '’s') && units[s - 2]?.mention) return s - 2;
  if (b?.mention && !isPossessive(units, s - 1) && units[s - 2]?.lower !== '-') return s - 1;
  // "the Chinese accusations": an attributive demonym inside the phrase.
  for (let k = s; k < i; k++) if (units[k]!.attr) return k;
  return -1;
}

/** The party right after a link word at j ("for Y to", "that Y", "on Y to"), or -1. */
function addressed(units: Unit[], j: number): number {
  const link = units[j]?.lower;
  if (link !== 'for' && link !== 'that' && link !== 'on') return -1;
  const k = skipModifiers(units, j + 1);
  const m = units[k];
  if (!m?.mention || isPossessive(units, k)) return -1;
  const n = units[k + 1];
  // "a call for Y to leave" / "a demand that Y leave": the addressee must be the doer of an act.
  if (link === 'that')
    return n && (n.pos === 'VERB' || n.pos === 'AUX' || n.pos === 'NOUN') ? k : -1;
  return n?.lower === 'to' ? k : -1;
}

/** "X's call for Y to ...", "a demand by X that Y ...", "X's appeal on Y to ...". */
export function nominalRequests(su: SentenceUnits, lex: Lexicon, consumed: Uint8Array): NounAct[] {
  const { units } = su;
  const out: NounAct[] = [];
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    if (u.mention || consumed[i] || u.pos === 'VERB' || !lex.cues.requestNouns.has(u.lower))
      continue;
    let source = ownerBefore(units, i);
    let j = i + 1;
    if (source < 0 && units[j]?.lower === 'by' && units[j + 1]?.mention) {
      source = j + 1;
      j += 2;
    }
    if (source < 0 || units[source]!.attr) continue;
    const target = addressed(units, j);
    if (target >= 0) out.push({ source, target, at: i, after: target + 1 });
  }
  for (let i = 0; i + 3 < units.length; i++) {
    const u = units[i]!;
    if (u.mention || !ASKING.has(u.lemma) || (u.pos !== 'VERB' && u.pos !== 'NOUN')) continue;
    let j = i + 1;
    if (units[j]?.lower === 'for' || units[j]?.lower === 'on') j++;
    if (units[j]?.pos === 'DET') j++;
    if (!lex.cues.relief.has(units[j]?.lower ?? '') || units[j + 1]?.lower !== 'of') continue;
    const target = heldBy(units, j + 2, lex.cues.held);
    if (target < 0) continue;
    const subj = findSubject(su, i, lex.cues.led).units;
    for (const s of subj) out.push({ source: s, target, at: i, after: j });
  }
  return out;
}

/** The party holding what is to be undone: "Y's sanctions", "US sanctions", "sanctions on ..." no. */
function heldBy(units: Unit[], from: number, held: Set<string>): number {
  let owner = -1;
  for (let k = from; k < units.length && k - from < 6; k++) {
    const u = units[k]!;
    if (u.mention) {
      if (owner >= 0) return -1;
      owner = k;
      if (isPossessive(units, k)) k++;
      continue;
    }
    if (held.has(u.lower) || held.has(u.lemma)) {
      if (owner >= 0) return owner;
      const a = findAttrTarget(units, from);
      return a >= 0 && a < k ? a : -1;
    }
    if (!(u.pos === 'DET' || u.pos === 'ADJ' || u.pos === 'NOUN' || u.attr)) return -1;
  }
  return -1;
}

/**
 * "X denied accusations from Y", "X rejected Y's claims": the charge is Y's act against X. Returns
 * accuser (source) and the answering subject (target).
 */
export function answeredCharges(su: SentenceUnits, lex: Lexicon): NounAct[] {
  const { units } = su;
  const out: NounAct[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i]!;
    if (u.mention || !ANSWERING.has(u.lemma) || u.pos !== 'VERB') continue;
    let n = -1;
    for (let k = i + 1; k < units.length && k - i < 6; k++) {
      const w = units[k]!;
      if (lex.cues.accusationNouns.has(w.lower)) {
        n = k;
        break;
      }
      if (!(w.mention || w.attr || w.pos === 'DET' || w.pos === 'ADJ' || w.pos === 'PART')) break;
    }
    // "Britain's claim to the islands" is a title, not a charge.
    if (n < 0 || (units[n]!.lower.startsWith('claim') && units[n + 1]?.lower === 'to')) continue;
    let accuser = ownerBefore(units, n);
    if (accuser < 0) {
      const by = units[n + 1]?.lower;
      const k = skipModifiers(units, n + 2);
      if ((by === 'from' || by === 'by') && units[k]?.mention) accuser = k;
    }
    if (accuser < 0) continue;
    const subj = findSubject(su, i, lex.cues.led).units;
    for (const s of subj) out.push({ source: accuser, target: s, at: i, after: n + 1 });
  }
  return out;
}
