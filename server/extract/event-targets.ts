// Where a verb predicate's arguments are: its target(s) by the entry's frame, the subject of a
// passive, and the verb that governs an infinitive ("plans to visit", "urged X to stop").
import type { PloverType } from '../model/index.ts';
import type { Lexicon, VerbEntry } from './lexicon.ts';
import { findLedObject, findObject, findPrepTarget } from './clause-arguments.ts';
import { findAttrTarget, skipModifiers } from './clause-phrases.ts';
import { POSSESSIVE_PRONOUNS, type SentenceUnits, type Unit } from './clause-unit.ts';
import type { Predicate } from './event-match.ts';

/** Types whose object may be a "-led"/"-drafted" proposal ("vetoed a US-led resolution"). */
const LED_TARGET_TYPES = new Set<PloverType>(['REJECT', 'SUPPORT', 'ACCUSE', 'AGREE']);

export interface Targeting {
  entry: VerbEntry;
  targets: number[];
  /** Unit index after the last target. */
  after: number;
}

function targetsFor(su: SentenceUnits, lex: Lexicon, p: Predicate, e: VerbEntry): number[] {
  const { units } = su;
  const led = lex.cues.led;
  let out: number[] = [];
  if (e.target === 'object' || e.target === 'object|prep') {
    out = findObject(units, p.end, led, LED_TARGET_TYPES.has(e.type));
    if (out.length === 0 && LED_TARGET_TYPES.has(e.type)) out = findLedObject(units, p.end, led);
    // "rejected calls from Poland", "welcomed a proposal by Egypt": the author of the object.
    if (out.length === 0 && LED_TARGET_TYPES.has(e.type) && units[p.end]?.pos !== 'ADP') {
      const r = findPrepTarget(units, p.end, ['from', 'by'], led, 7);
      if (r) out = r.units;
    }
  }
  // "warned that the US would pay a price": a threat against the subject of the content.
  if (out.length === 0 && e.type === 'THREATEN' && units[p.end]?.lower === 'that') {
    const t = findObject(units, p.end + 1, led, false);
    let cue = false;
    for (let j = p.end + 1; j < units.length && j - p.end < 14 && t.length > 0; j++) {
      const u = units[j]!;
      if (lex.cues.threat.has(u.lower) || lex.cues.threat.has(u.lemma)) cue = true;
    }
    if (cue) out = t;
  }
  // "demanded that the US match ...": the subject of the demanded act is the addressee.
  if (out.length === 0 && e.type === 'REQUEST' && units[p.end]?.lower === 'that') {
    out = findObject(units, p.end + 1, led, false);
    if (out.length === 0) out = attrAt(units, p.end + 1);
  }
  if (out.length === 0 && (e.target === 'prep' || e.target === 'object|prep') && e.prep.length) {
    const r = findPrepTarget(units, p.end, e.prep, led);
    if (r) out = r.units;
  }
  // "expelled four Russian diplomats": the state named by the object's demonym.
  if (out.length === 0 && (e.target === 'object' || e.target === 'object|prep') && !e.speech) {
    out = attrAt(units, p.end);
    // "blocked Philippine vessels": the demonym sits inside the object the entry consumed.
    if (out.length === 0 && e.object && !p.passive) out = attrAt(units, p.at + 1);
  }
  return out;
}

const SUBJECT_NP = new Set(['AUX', 'ADV', 'NOUN', 'ADJ', 'DET', 'PROPN', 'NUM', 'PART']);

/** The attributive demonym heading the subject noun phrase before a passive verb at `at`. */
export function attrSubject(units: Unit[], at: number): number[] {
  for (let j = at - 1; j >= 0 && at - j <= 7; j--) {
    const u = units[j]!;
    if (u.attr) return [j];
    if (u.mention || !SUBJECT_NP.has(u.pos)) return [];
  }
  return [];
}

function attrAt(units: Unit[], from: number): number[] {
  const a = findAttrTarget(units, from);
  return a >= 0 ? [a] : [];
}

export function chooseTargets(su: SentenceUnits, lex: Lexicon, p: Predicate): Targeting {
  for (const e of p.entries) {
    const t = targetsFor(su, lex, p, e);
    if (t.length > 0) return { entry: e, targets: t, after: t[t.length - 1]! + 1 };
  }
  // "alleged that X ...": without a target the verb reports speech, if it can.
  const entry = p.entries.find((e) => e.speech) ?? p.entries[0]!;
  return { entry, targets: [], after: p.end };
}

/** The verb governing an infinitive predicate ("plans to visit", "urged X to stop"). */
export function controllerOf(units: Unit[], at: number, lex: Lexicon): number {
  // "considering sending weapons", "avoided criticising": a gerund governed like an infinitive.
  const prev = units[at - 1];
  if (units[at]!.lower.endsWith('ing') && prev?.pos === 'VERB' && lex.control.has(prev.lemma))
    return lex.control.get(prev.lemma) === 'request' ? -1 : at - 1;
  if (units[at - 1]?.lower !== 'to') return -1;
  let j = at - 2;
  let sawObject = false;
  for (; j >= 0; j--) {
    const u = units[j]!;
    if (u.mention) sawObject = true;
    else if (u.lower === 'and' || u.lower === ',') continue;
    else if (!(
      sawObject &&
      (u.pos === 'DET' || u.pos === 'ADJ' || POSSESSIVE_PRONOUNS.has(u.lower))
    ))
      break;
  }
  while (j >= 0 && units[j]!.pos === 'ADV') j--;
  return j;
}

/** Meetings an aside can name the other party of ("in a call with Y", "during talks with Y"). */
const ASIDE_MEETINGS = new Set(['call', 'talks', 'meeting', 'conversation', 'phone', 'telephone']);

/**
 * The other party named in an aside between the subject at `subject` and the verb at `at`
 * ("X, in a call with Y, expressed ..."), or -1.
 */
export function asideParty(su: SentenceUnits, subject: number, at: number): number {
  const { units, parenEnd } = su;
  const close = parenEnd[subject + 1] ?? -1;
  if (close < 0 || close > at) return -1;
  let meeting = false;
  for (let j = subject + 2; j < close - 1; j++) {
    const u = units[j]!;
    if (ASIDE_MEETINGS.has(u.lower)) meeting = true;
    if (!meeting || u.lower !== 'with') continue;
    const k = skipModifiers(units, j + 1);
    return k < close && units[k]?.mention ? k : -1;
  }
  return -1;
}
