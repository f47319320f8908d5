// Threats stated inside reported content: "X warned that American interests were now legitimate
// targets", "X said Y would pay a heavy price", "X vowed to respond to any attack by Y".
import { findSubject } from './clause-arguments.ts';
import { isHardBoundary, isPossessive, type Unit } from './clause-unit.ts';
import { isNewsMedia } from './event-media.ts';
import { mentionOf, speechRaw, type Ctx } from './event-raw.ts';
import { sameSide } from './event-sides.ts';
import type { Mention } from './types.ts';

/** Prepositions that name the party a threat is aimed at ("any attack by Y", "action against Y"). */
const AIMED = new Set(['by', 'against', 'on', 'at', 'from']);
/** Words that make a response a retaliation ("respond to any attack"). */
const PROVOCATION = new Set([
  'attack',
  'attacks',
  'aggression',
  'provocation',
  'provocations',
  'strike',
  'strikes',
  'incursion',
  'violation',
  'escalation',
]);
const RESPONSE = new Set(['respond', 'response', 'retaliate', 'answer', 'counter']);

/**
 * The unit index of a threat cue inside [from, to), or -1: a menace word, "pay a (heavy) price",
 * "legitimate targets", "hit/strike back", or a response to an attack.
 */
export function menaceAt(units: Unit[], from: number, to: number, menace: Set<string>): number {
  // A threat is stated close to its speech verb; the cap keeps long run-on sentences linear.
  const end = Math.min(to, from + 40);
  for (let j = from; j < end; j++) {
    const u = units[j]!;
    if (u.mention) continue;
    if (menace.has(u.lower) || menace.has(u.lemma)) return j;
    const next = units[j + 1];
    if (u.lemma === 'pay') {
      for (let k = j + 1; k < to && k - j < 5; k++) if (units[k]!.lower === 'price') return j;
      if (next?.lower === 'dearly') return j;
    }
    if (u.lower === 'legitimate' && next && /^targets?$/.test(next.lower)) return j;
    if ((u.lemma === 'hit' || u.lemma === 'strike') && next?.lower === 'back') return j;
    if (RESPONSE.has(u.lemma) || RESPONSE.has(u.lower)) {
      for (let k = j + 1; k < to && k - j < 8; k++) if (PROVOCATION.has(units[k]!.lower)) return j;
    }
  }
  return -1;
}

/**
 * The parties a threat inside [from, to) is aimed at: the content's subject ("Y would pay"), a
 * party after "by/against/on" ("any attack by Y"), and demonyms qualifying what would be hit
 * ("American and British interests"). Unit indices; attributive units stand for their state.
 */
export function threatenedParties(
  units: Unit[],
  from: number,
  to: number,
  exposed: Set<string>,
): number[] {
  const out: number[] = [];
  const end = Math.min(to, from + 30);
  for (let j = from; j < end; j++) {
    const u = units[j]!;
    if (isHardBoundary(u)) break;
    if (u.mention) {
      if (u.mention.actor === '') continue;
      const prev = units[j - 1];
      const first = !out.length && j === from;
      const aimed = !!prev && AIMED.has(prev.lower);
      // "Y would pay", "Y's forces would be targeted": the content opens with the party.
      const next = isPossessive(units, j) ? units[j + 3] : units[j + 1];
      const subject = first && !!next && (next.pos === 'AUX' || next.pos === 'VERB');
      if (aimed || subject || exposedAfter(units, j, exposed)) out.push(j);
      continue;
    }
    if (u.attr && exposedAfter(units, j, exposed)) out.push(j);
  }
  return out;
}

/** Whether the noun a modifier at i qualifies is one a threat can hit ("interests", "bases"). */
function exposedAfter(units: Unit[], i: number, exposed: Set<string>): boolean {
  for (let k = i + 1; k < units.length && k - i < 6; k++) {
    const u = units[k]!;
    if (exposed.has(u.lower) || exposed.has(u.lemma)) return true;
    if (u.attr || u.lower === 'and' || u.lower === ',' || u.pos === 'ADJ') continue;
    if (u.lower === "'s" || u.lower === '’s') continue;
    if (u.mention || !(u.pos === 'NOUN' || u.pos === 'PROPN')) return false;
  }
  return false;
}

/** Verbs whose infinitive content can carry a threat ("vowed to retaliate against Y"). */
const VOW_VERBS = new Set(['vow', 'threaten', 'pledge', 'promise', 'swear', 'warn']);

/**
 * Threats inside reported content or a vow: THREATEN from the speaker to each party the content
 * aims the threat at ("said Y would pay a heavy price", "vowed to respond to any attack by Y").
 */
export function applyThreats(ctx: Ctx): void {
  const { su, lex, analysis } = ctx;
  const { units } = su;
  const frames: { speaker: Mention; at: number; from: number; to: number }[] = ctx.speeches.map(
    (sp) => ({ speaker: sp.speaker, at: sp.at, from: sp.from, to: sp.to }),
  );
  for (let k = 1; k + 1 < units.length; k++) {
    const u = units[k]!;
    if (u.mention || !VOW_VERBS.has(u.lemma) || units[k + 1]!.lower !== 'to') continue;
    const subj = findSubject(su, k, lex.cues.led).units;
    if (subj.length !== 1) continue;
    frames.push({ speaker: mentionOf(su, subj[0]!), at: k, from: k + 2, to: units.length });
  }
  for (const f of frames) {
    if (menaceAt(units, f.from, f.to, lex.cues.menace) < 0) continue;
    for (const p of threatenedParties(units, f.from, f.to, lex.cues.exposed)) {
      const m = units[p]!.mention ?? units[p]!.attr!;
      if (sameSide(analysis, f.speaker.actor, m.actor)) continue;
      if (isNewsMedia(analysis.actors.get(m.actor))) continue;
      ctx.raws.push(speechRaw(ctx, f, m, 'THREATEN', p, 0.72));
    }
  }
}
