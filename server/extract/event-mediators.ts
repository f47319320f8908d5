// Mediated, hosted and concluded talks: a mediator consults each party ("a truce brokered by X"),
// visitors consult their host, talks that produce a deal add AGREE, and "an accord reached between
// X and Y" is AGREE.
import { findPrepTarget, findSubject } from './clause-arguments.ts';
import { coordinatedRight } from './clause-phrases.ts';
import { isHardBoundary } from './clause-unit.ts';
import { mentionOf, push, settleMode, type Ctx } from './event-raw.ts';
import { modeAt } from './modes.ts';

/** A predicate's act and the unit indices of its parties, for a mediator to attach to. */
export interface Act {
  at: number;
  parties: number[];
}

/** Participles naming a mediator after an agreement noun ("a truce brokered by X"). */
const MEDIATED = new Set(['brokered', 'mediated', 'facilitated']);
/** Verbs by which talks bring about their result ("talks produced a deal", "led to an accord"). */
const OUTCOME_VERBS = new Set([
  'produce',
  'yield',
  'result',
  'lead',
  'deliver',
  'culminate',
  'end',
]);
const OUTCOME_PARTICLES = new Set(['in', 'to', 'with']);
const AGREEMENT_NOUNS = new Set([
  'deal',
  'deals',
  'agreement',
  'agreements',
  'accord',
  'accords',
  'pact',
  'pacts',
  'consensus',
  'understanding',
  'memorandum',
  'memoranda',
  'breakthrough',
  'truce',
  'ceasefire',
  'settlement',
]);

const NO_RESULT = new Set(['without', 'no', 'not', 'never', "n't"]);
/** Participles by which an agreement noun was reached ("a deal struck between X and Y"). */
const REACHED = new Set(['reached', 'struck', 'concluded', 'agreed', 'brokered']);

/** "an accord reached between X and Y", "the deal struck by X and Y": AGREE between the two. */
export function reachedAgreements(ctx: Ctx): void {
  const { units } = ctx.su;
  for (let k = 0; k + 3 < units.length; k++) {
    if (!AGREEMENT_NOUNS.has(units[k]!.lower) || !REACHED.has(units[k + 1]!.lower)) continue;
    const prep = units[k + 2]!.lower;
    if (prep !== 'between' && prep !== 'by') continue;
    const r = findPrepTarget(units, k + 2, [prep], ctx.lex.cues.led, 1);
    if (!r || r.units.length !== 2) continue;
    // "brokered by X" names a mediator, not the parties.
    if (units[k + 1]!.lower === 'brokered' && prep === 'by') continue;
    const [a, b] = r.units as [number, number];
    push(ctx, mentionOf(ctx.su, a), mentionOf(ctx.su, b), {
      type: 'AGREE',
      mode: modeAt(units, k, k + 2),
      at: k + 1,
      symmetric: true,
      base: 0.8,
      spanFrom: k,
      spanTo: b + 1,
    });
  }
}

/**
 * "X's talks with Y produced a deal": the meeting's parties also agreed (AGREE besides CONSULT).
 * Each CONSULT found before the outcome verb in the clause gets its AGREE twin.
 */
export function meetingOutcomes(ctx: Ctx): void {
  const { units } = ctx.su;
  for (let k = 1; k < units.length; k++) {
    const v = units[k]!;
    if (v.mention || !OUTCOME_VERBS.has(v.lemma) || v.pos === 'NOUN' || v.pos === 'ADJ') continue;
    let j = k + 1;
    if (OUTCOME_PARTICLES.has(units[j]?.lower ?? '')) j++;
    else if (v.lemma === 'result' || v.lemma === 'lead' || v.lemma === 'culminate') continue;
    let hit = -1;
    for (; j < units.length && j - k < 7; j++) {
      const u = units[j]!;
      if (u.mention || isHardBoundary(u) || u.lower === ',' || NO_RESULT.has(u.lower)) break;
      if (AGREEMENT_NOUNS.has(u.lower)) {
        hit = j;
        break;
      }
    }
    if (hit < 0) continue;
    for (const r of [...ctx.raws]) {
      if (r.type !== 'CONSULT' || !r.source || r.at >= k || r.mode !== null) continue;
      let blocked = false;
      for (let b = r.at; b < k; b++) if (isHardBoundary(units[b]!)) blocked = true;
      if (blocked) continue;
      push(ctx, r.source, r.target, {
        type: 'AGREE',
        mode: modeAt(units, k, k + 1),
        at: k,
        symmetric: true,
        base: 0.8,
        spanFrom: Math.min(r.at, k),
        spanTo: hit + 1,
      });
    }
  }
}

/**
 * "signed a truce brokered by Egypt": the mediator consults each party of the act the brokered
 * noun belongs to (PLOVER CONSULT, third-party mode).
 */
export function mediators(ctx: Ctx, acts: Act[]): void {
  const { units } = ctx.su;
  for (let k = 1; k + 2 < units.length; k++) {
    if (!MEDIATED.has(units[k]!.lower)) continue;
    // "a US-brokered truce between X and Y".
    if (units[k - 1]!.lower === '-' && units[k - 2]?.mention && units[k + 2]?.lower === 'between') {
      const r = findPrepTarget(units, k + 2, ['between'], ctx.lex.cues.led, 1);
      if (r && r.units.length === 2)
        for (const party of r.units)
          push(ctx, mentionOf(ctx.su, k - 2), mentionOf(ctx.su, party), {
            type: 'CONSULT',
            mode: null,
            at: k,
            symmetric: false,
            base: 0.78,
            spanFrom: k - 2,
            spanTo: party + 1,
            ploverMode: 'third-party',
          });
      continue;
    }
    if (units[k + 1]!.lower !== 'by') continue;
    if (units[k - 1]!.pos !== 'NOUN' || !units[k + 2]!.mention) continue;
    const act = acts.filter((a) => a.at < k).pop();
    if (!act || act.parties.length !== 2) continue;
    let blocked = false;
    for (let j = act.at; j < k; j++) if (isHardBoundary(units[j]!)) blocked = true;
    if (blocked) continue;
    for (const m of coordinatedRight(units, k + 2))
      for (const party of act.parties)
        push(ctx, mentionOf(ctx.su, m), mentionOf(ctx.su, party), {
          type: 'CONSULT',
          mode: null,
          at: k,
          symmetric: false,
          base: 0.8,
          spanFrom: act.at,
          spanTo: k + 3,
          ploverMode: 'third-party',
        });
  }
}

/** Meetings a host can hold for others ("hosted talks between X and Y"). */
const HOSTED_MEETINGS = new Set([
  'talks',
  'meeting',
  'meetings',
  'negotiations',
  'summit',
  'consultations',
  'dialogue',
  'discussions',
]);

/**
 * "X hosted talks between Y and Z": each visitor consults the host (PLOVER CONSULT, visit) and the
 * two parties meet each other.
 */
export function hostedTalks(ctx: Ctx): void {
  const { su, lex } = ctx;
  const { units } = su;
  for (let k = 1; k + 3 < units.length; k++) {
    const v = units[k]!;
    if (v.mention || v.lemma !== 'host' || v.pos !== 'VERB') continue;
    let j = k + 1;
    while (j < units.length && j - k < 5 && !HOSTED_MEETINGS.has(units[j]!.lower)) {
      if (units[j]!.mention || isHardBoundary(units[j]!)) break;
      j++;
    }
    if (!HOSTED_MEETINGS.has(units[j]?.lower ?? '') || units[j + 1]?.lower !== 'between') continue;
    const host = findSubject(su, k, lex.cues.led).units;
    const r = findPrepTarget(units, j + 1, ['between'], lex.cues.led, 1);
    if (host.length !== 1 || !r || r.units.length !== 2) continue;
    const [type, mode] = settleMode('CONSULT', modeAt(units, k, k + 1));
    const hostMention = mentionOf(su, host[0]!);
    for (const party of r.units)
      push(ctx, mentionOf(su, party), hostMention, {
        type,
        mode,
        at: k,
        symmetric: false,
        base: 0.8,
        spanFrom: Math.min(k, host[0]!),
        spanTo: party + 1,
        ploverMode: 'visit',
      });
    const [a, b] = r.units as [number, number];
    push(ctx, mentionOf(su, a), mentionOf(su, b), {
      type,
      mode,
      at: k,
      symmetric: true,
      base: 0.8,
      spanFrom: j,
      spanTo: b + 1,
    });
  }
}
