// Attacks named by their attacker's demonym or possessive: "Israeli strikes in Syria", "Russian
// missile attacks on Ukrainian cities", "Putin's war in Ukraine" -> ASSAULT attacker -> attacked.
import { isHardBoundary, type Unit } from './clause-unit.ts';
import { mentionOf, push, settleMode, type Ctx } from './event-raw.ts';
import { modeAt } from './modes.ts';
import { knownActor } from './gazetteer.ts';
import type { Mention } from './types.ts';

const ATTACKS = new Set([
  'strike',
  'strikes',
  'airstrike',
  'airstrikes',
  'attack',
  'attacks',
  'war',
  'invasion',
  'offensive',
  'raid',
  'raids',
  'bombardment',
  'bombing',
  'bombings',
  'shelling',
  'incursion',
]);
/** The attacked party: "on/against Y" names it; "in Y" only locates the attack. */
const AIMED = new Set(['on', 'against']);
const LOCATED = new Set(['in', 'inside', 'across']);
/** Words that may sit between demonym and noun ("Russian missile attacks", "Israeli air strikes"). */
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN']);

function party(u: Unit | undefined): boolean {
  return !!u && (!!u.mention || !!u.attr);
}

/** The attacker unit left of the attack noun at `i`: a demonym or name, or an owner before "'s". */
function attackerOf(units: Unit[], i: number): number {
  let j = i - 1;
  for (let n = 0; n < 3 && units[j] && !party(units[j]) && MODIFIER.has(units[j]!.pos); n++) j--;
  const u = units[j];
  if (!u) return -1;
  // A demonym ("Israeli strikes") or a compound name ("US strikes").
  if ((u.attr && !u.mention) || (u.mention && !u.possessive)) return j;
  if ((u.lower === "'s" || u.lower === '’s') && units[j - 1]?.mention) return j - 1;
  return -1;
}

/** Nouns an armed force "carries out" or "conducts" ("raids", "operations"), beyond ATTACKS. */
const FORCE_ACTIONS = new Set([
  'operation',
  'operations',
  'assault',
  'assaults',
  'incursions',
  'bombardments',
  'offensives',
]);
const FORCE_VERBS = new Set(['carry', 'conduct', 'launch', 'mount', 'stage']);
const FORCES = /\b(forces|troops|army|military|soldiers)$/i;

/**
 * "Pakistani forces carried out raids", "Israeli troops have conducted operations": the subject
 * unit of a carry-out verb whose object is the noun at `i`, when it is a state's armed forces.
 */
function forcesBefore(ctx: Ctx, i: number): number {
  const { units, sentence } = ctx.su;
  let j = i - 1;
  for (let n = 0; n < 3 && units[j] && !party(units[j]) && MODIFIER.has(units[j]!.pos); n++) j--;
  if (units[j]?.pos === 'DET') j--;
  const out = units[j]?.lower === 'out';
  if (out) j--;
  const v = units[j];
  if (!v || v.pos !== 'VERB' || !FORCE_VERBS.has(v.lemma) || (v.lemma === 'carry') !== out) {
    return -1;
  }
  j--;
  for (let n = 0; n < 2 && units[j] && (units[j]!.pos === 'AUX' || units[j]!.pos === 'ADV'); n++) {
    j--;
  }
  const m = units[j]?.mention;
  if (!m || units[j]!.possessive) return -1;
  const surface = sentence.text.slice(m.start - sentence.start, m.end - sentence.start);
  return FORCES.test(surface) ? j : -1;
}

/** A state named as the place after the preposition at `p` ("in (the) (northern) Syria"). */
function placeAfter(ctx: Ctx, p: number): { mention: Mention; end: number } | null {
  const { units } = ctx.su;
  for (const m of ctx.places ?? []) {
    let k = p + 1;
    if (units[k]?.pos === 'DET') k++;
    if (units[k] && units[k]!.start < m.start && units[k]!.pos === 'ADJ') k++;
    if (units[k]?.start !== m.start) continue;
    let e = k;
    while (units[e] && units[e]!.end < m.end) e++;
    if (units[e]?.end === m.end) return { mention: m, end: e };
  }
  return null;
}

/** The first party after a preposition, past a determiner and up to two modifiers. */
function partyAfter(units: Unit[], p: number): number {
  let k = p + 1;
  if (units[k]?.pos === 'DET') k++;
  for (let n = 0; n < 3 && units[k]; n++, k++) {
    if (party(units[k])) return k;
    if (!MODIFIER.has(units[k]!.pos)) return -1;
  }
  return -1;
}

const CANCELLED = new Set(['call', 'cancel', 'abort', 'scrap', 'halt']);

/** "strikes on Y that X called off": a relative clause says the attack never happened. */
function calledOff(units: Unit[], from: number): boolean {
  for (let k = from; k < units.length && k < from + 8; k++) {
    const w = units[k]!;
    if (isHardBoundary(w)) return false;
    if (w.pos === 'VERB' && CANCELLED.has(w.lemma)) return true;
  }
  return false;
}

/** Words that can start another clause between a subject noun and its verb. */
const CLAUSE_OPENERS = new Set([',', 'and', 'or', 'but', 'that', 'to', ';', ':']);

/**
 * "US strikes in Somalia ... continued": a plural read as a verb is the subject noun when another
 * verb follows in its clause with nothing between that could open a new one.
 */
function subjectNoun(units: Unit[], i: number): boolean {
  const u = units[i]!;
  if (u.pos !== 'VERB' || !u.lower.endsWith('s') || !units[i - 1]?.mention) return false;
  for (let k = i + 1; k < units.length && k <= i + 12; k++) {
    const w = units[k]!;
    if (isHardBoundary(w) || CLAUSE_OPENERS.has(w.lower)) return false;
    if (w.pos === 'VERB' || w.pos === 'AUX') return !w.lower.endsWith('ing');
  }
  return false;
}

/** `consumed` marks units verb predicates took; nominal rules already cover "an attack by X on Y". */
export function attributedAttacks(ctx: Ctx, consumed: Uint8Array): void {
  const { units } = ctx.su;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if ((consumed[i] && u.pos !== 'NOUN' && !subjectNoun(units, i)) || u.mention) continue;
    const attack = ATTACKS.has(u.lower);
    if (!attack && !FORCE_ACTIONS.has(u.lower)) continue;
    const a =
      (attack ? attackerOf(units, i) : -1) >= 0 ? attackerOf(units, i) : forcesBefore(ctx, i);
    if (a < 0) continue;
    let aimed = -1;
    let located = -1;
    let place: { mention: Mention; end: number } | null = null;
    for (let k = i + 1; k < units.length && k < i + 10; k++) {
      const w = units[k]!;
      if (isHardBoundary(w) || w.pos === 'VERB' || w.pos === 'AUX') break;
      if (aimed < 0 && AIMED.has(w.lower)) aimed = partyAfter(units, k);
      else if (located < 0 && !place && LOCATED.has(w.lower)) {
        located = partyAfter(units, k);
        if (located < 0) place = placeAfter(ctx, k);
      }
    }
    const source = mentionOf(ctx.su, a);
    const doer = ctx.analysis.actors.get(source.actor) ?? knownActor(source.actor);
    // The place is the attacked state only when the attacker is someone else's.
    const foreign = (id: string): boolean => !!doer && (doer.country ?? doer.id) !== id;
    let t = aimed;
    let target: Mention | null = t >= 0 ? mentionOf(ctx.su, t) : null;
    if (t < 0 && located >= 0) {
      const where = ctx.analysis.actors.get(mentionOf(ctx.su, located).actor);
      if (where?.kind === 'state' && foreign(where.id)) {
        t = located;
        target = mentionOf(ctx.su, t);
      }
    }
    if (t < 0 && place && foreign(place.mention.actor)) {
      t = place.end;
      target = place.mention;
    }
    if (t < 0 || !target || calledOff(units, t + 1)) continue;
    const [type, mode] = settleMode('ASSAULT', modeAt(units, i, i + 1));
    push(ctx, source, target, {
      type,
      mode,
      at: i,
      symmetric: false,
      base: 0.74,
      spanFrom: Math.min(a, i),
      spanTo: t + 1,
    });
  }
}
