// The event stage: PLOVER stance events from clause structure, the verb lexicon and reported speech.
import { lexicon } from './lexicon.ts';
import { buildUnits } from './clauses.ts';
import { attributedAttacks } from './event-attributed.ts';
import { capitalTrips } from './event-trips.ts';
import { buildEvents } from './event-build.ts';
import { mergeRaws } from './event-dedupe.ts';
import { findPredicates } from './event-match.ts';
import { hostedTalks, mediators, meetingOutcomes, reachedAgreements } from './event-mediators.ts';
import { nounEvents } from './event-nouns.ts';
import { pairOf, resolvePlural, type Pair } from './event-plural.ts';
import { settleProtests } from './event-protest.ts';
import { predicateEvents } from './event-predicates.ts';
import type { Ctx, Raw } from './event-raw.ts';
import { sameSide } from './event-sides.ts';
import { applySpeech } from './event-speech.ts';
import { applyThreats } from './event-threat.ts';
import type { ActorAnalysis, FoundEvent, Mention, Sentence } from './types.ts';

function analyseSentence(ctx: Ctx): void {
  const { units } = ctx.su;
  const preds = findPredicates(units, ctx.lex);
  const consumed = new Uint8Array(units.length);
  for (const p of preds) for (let k = p.at; k < p.end; k++) consumed[k] = 1;
  mediators(ctx, predicateEvents(ctx, preds));
  nounEvents(ctx, consumed);
  attributedAttacks(ctx, consumed);
  meetingOutcomes(ctx);
  reachedAgreements(ctx);
  hostedTalks(ctx);
  capitalTrips(ctx);
}

/**
 * Finds the stance events of an article: for each sentence, predicates from the lexicon with their
 * subjects and targets, nominal events, and reported speech; then drops self-pairs, merges repeats
 * (same source, target and type; reciprocal acts in either direction) and dates each event.
 */
export function findEvents(
  text: string,
  sentences: Sentence[],
  analysis: ActorAnalysis,
  published: string | null,
): FoundEvent[] {
  const lex = lexicon();
  const bySentence = new Map<number, Mention[]>();
  for (const m of analysis.mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const all: Raw[] = [];
  let pair: Pair | null = null;
  for (const sentence of sentences) {
    const mentions = bySentence.get(sentence.index) ?? [];
    const recent = !!pair && sentence.index - pair.sentence <= 3;
    const places = (analysis.places ?? []).filter((m) => m.sentence === sentence.index);
    if (mentions.length + places.length < 2 && !recent) continue;
    let su = buildUnits(sentence, mentions);
    if (pair && recent) su = resolvePlural(su, pair, analysis);
    let named = 0;
    for (const u of su.units) if (u.mention || u.attr) named++;
    if (named + places.length < 2) continue;
    const hedged = su.units.some((u) => !u.mention && lex.cues.hedge.has(u.lower));
    const ctx: Ctx = {
      su,
      lex,
      analysis,
      raws: [],
      orphans: [],
      speeches: [],
      claims: [],
      untargeted: [],
      hedged,
      places,
    };
    analyseSentence(ctx);
    applySpeech(ctx, analysis);
    applyThreats(ctx);
    all.push(...ctx.raws);
    const found = pairOf(
      ctx.raws
        .filter(
          (r) => r.source && r.mode === null && !sameSide(analysis, r.source.actor, r.target.actor),
        )
        .map((r) => ({ source: r.source!.actor, target: r.target.actor, symmetric: r.symmetric })),
    );
    if (found) pair = { a: found[0], b: found[1], sentence: sentence.index };
    else if (found === null) pair = null;
  }

  settleProtests(all, analysis);
  return buildEvents(mergeRaws(all, analysis), text, sentences, published);
}
