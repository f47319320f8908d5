// Reported speech: registers who speaks and which units are the content, then turns the content's
// events into the speaker's acts (own pledges, accusations, demands, addressees consulted).
import { ploverInfo } from '../model/index.ts';
import type { VerbEntry } from './lexicon.ts';
import { skipModifiers } from './clause-phrases.ts';
import { isQuote } from './clause-unit.ts';
import type { Predicate } from './event-match.ts';
import { isNewsMedia } from './event-media.ts';
import { isReporter, reportingAt } from './event-reporter.ts';
import { isHostile, mentionOf, speechRaw, type Ctx, type Raw, type Speech } from './event-raw.ts';
import { sameSide, speaksFor } from './event-sides.ts';
import { requestPolarity } from './modes.ts';
import type { ActorAnalysis, Mention } from './types.ts';

/** Reporting verbs that present their content as the speaker's charge against its doer. */
const CLAIM_VERBS = new Set([
  'claim',
  'allege',
  'charge',
  'contend',
  'insist',
  'maintain',
  'assert',
]);
/** Tags that open a content clause right after a reporting verb. */
const CLAUSE_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN']);

export function registerSpeech(
  ctx: Ctx,
  p: Predicate,
  entry: VerbEntry,
  sources: number[],
  targets: number[],
  after: number,
): void {
  const { su } = ctx;
  const { units } = su;
  if (sources.length !== 1) return;
  const s0 = sources[0]!;
  // A news outlet's report (or its reporter's) is the article's own voice.
  const speakerId = mentionOf(su, s0).actor;
  if (isNewsMedia(ctx.analysis.actors.get(speakerId))) return;
  if (isReporter(ctx.analysis, speakerId) || reportingAt(units, s0)) return;
  let from = after;
  let to = units.length;
  const beforeSubject = units[s0 - 1];
  const subjectFirst = s0 < p.at;
  // "“...,” Shi said." / "Beijing is willing ..., China's president told Kim": content comes first.
  // "On Monday, X said Y ...": a clause right after the verb is the content, not what precedes.
  const next = units[after];
  const verbAfter =
    !!next && (!!next.mention || next.lower === 'that' || CLAUSE_START.has(next.pos));
  if (
    (subjectFirst &&
      beforeSubject &&
      (isQuote(beforeSubject) || (beforeSubject.lower === ',' && !verbAfter))) ||
    (!subjectFirst && s0 === p.end)
  ) {
    if (units[after]?.lower !== 'that' && s0 > 2) {
      from = 0;
      to = subjectFirst ? s0 : p.at;
    }
  }
  if (units[from]?.lower === 'that') from++;
  ctx.speeches.push({
    speaker: mentionOf(su, s0),
    at: p.at,
    from,
    to,
    addressee: targets.map((t) => mentionOf(su, t)),
    topic: targets.length === 0 ? topicAt(ctx, after) : null,
    entry,
    afterAddressee: after,
    confidence: 0.9,
  });
}

/** Reported speech: the speech act is the event; claims about others become ACCUSE. */
export function applySpeech(ctx: Ctx, analysis: ActorAnalysis): void {
  const { su, lex } = ctx;
  const { units } = su;
  if (ctx.speeches.length === 0) {
    ctx.orphans.length = 0;
    return;
  }
  const inside = (at: number, sp: Speech) => at >= sp.from && at < sp.to && at !== sp.at;
  const nested = (sp: Speech) => ctx.speeches.some((o) => o !== sp && inside(sp.at, o));
  const kept: Raw[] = [];
  const derived: Raw[] = [];
  for (const r of [...ctx.raws, ...ctx.orphans]) {
    const sp = ctx.speeches.find((s) => inside(r.at, s) && s.speaker !== r.source);
    if (!sp) {
      if (r.source) kept.push(r);
      continue;
    }
    const speaker = sp.speaker;
    const own = !r.source || speaksFor(analysis, speaker.actor, r.source.actor);
    if (own) {
      let type = r.type;
      let mode = r.mode;
      if (mode === 'future' || mode === 'hypothetical') {
        type = isHostile(type) ? 'THREATEN' : 'AGREE';
        mode = null;
      }
      // The speaker's verbal act (promise, threat, demand) is theirs; a material act the speaker
      // reports of their own side keeps its doer.
      if (r.source && ploverInfo(type).quad.startsWith('material'))
        derived.push({ ...r, type, mode });
      else
        derived.push({
          ...r,
          source: speaker,
          type,
          mode,
          polarity: undefined,
          ploverMode: undefined,
        });
    } else if (!isHostile(r.type) && r.source && r.mode === null) {
      // A cooperative act of others the speaker reports ("said X had written to Y") is stated.
      derived.push({ ...r, confidence: r.confidence * 0.85 });
    } else if (isHostile(r.type) && r.source && r.mode === null) {
      derived.push({
        ...r,
        source: speaker,
        target: r.source,
        type: 'ACCUSE',
        mode: null,
        polarity: undefined,
        ploverMode: 'allege',
        confidence: r.confidence * 0.85,
      });
    }
  }
  for (const c of ctx.claims) {
    const sp = ctx.speeches.find((x) => inside(c.at, x) && x.speaker !== c.doer);
    // Only a claim proper ("claims X invaded"); "X fired missiles, Y's military said" is a report.
    if (!sp || !(c.quoted || CLAIM_VERBS.has(sp.entry.head))) continue;
    if (speaksFor(analysis, sp.speaker.actor, c.doer.actor)) continue;
    if (derived.some((d) => d.source === sp.speaker && d.target.actor === c.doer.actor)) continue;
    derived.push({ ...speechRaw(ctx, sp, c.doer, 'ACCUSE', c.at, 0.7), ploverMode: 'allege' });
  }
  for (const sp of ctx.speeches) {
    const addressed = new Set(
      derived.filter((d) => d.source === sp.speaker).map((d) => d.target.actor),
    );
    // Accusations stated as judgements inside the speech: "tensions rose due to actions from X".
    let cue = -1;
    for (let j = sp.from; j < sp.to; j++) {
      const u = units[j]!;
      if (!u.mention && (lex.cues.accusation.has(u.lower) || lex.cues.accusation.has(u.lemma))) {
        cue = j;
        break;
      }
    }
    if (cue >= 0) {
      for (let j = sp.from; j < sp.to; j++) {
        const m = units[j]!.mention;
        if (!m || Math.abs(j - cue) > 20 || addressed.has(m.actor)) continue;
        if (isReporter(analysis, m.actor) || isNewsMedia(analysis.actors.get(m.actor))) continue;
        if (sameSide(analysis, sp.speaker.actor, m.actor)) continue;
        if (sp.addressee.some((a) => a.actor === m.actor)) continue;
        addressed.add(m.actor);
        derived.push(speechRaw(ctx, sp, m, 'ACCUSE', j, 0.6));
      }
    }
    // "... said that Iran must halt enrichment": a demand on the actor the content obliges.
    for (let j = sp.from; j < sp.to - 1; j++) {
      const m = units[j]!.mention;
      if (!m || addressed.has(m.actor) || units[j - 1]?.pos === 'ADP') continue;
      const next = units[j + 1]!;
      if (!(next.lower === 'must' || next.lower === 'should' || next.lower === 'ought')) continue;
      if (speaksFor(analysis, sp.speaker.actor, m.actor) || isReporter(analysis, m.actor)) continue;
      addressed.add(m.actor);
      const polarity = requestPolarity(units, j + 2, lex.cues.stop);
      derived.push({ ...speechRaw(ctx, sp, m, 'REQUEST', j, 0.72), polarity });
    }
    // "“We condemn this,” X said of Y's strike": the quoted stance is aimed at the speech's topic.
    const topic = sp.topic;
    if (
      topic &&
      !addressed.has(topic.actor) &&
      !speaksFor(analysis, sp.speaker.actor, topic.actor)
    ) {
      const act = ctx.untargeted.find((u) => inside(u.at, sp));
      if (act) {
        addressed.add(topic.actor);
        const raw = speechRaw(ctx, sp, topic, act.type, act.at, 0.8);
        derived.push(act.mode === 'negated' ? { ...raw, mode: 'negated' } : raw);
      }
    }
    if (sp.entry.speech !== 'tell' || sp.entry.type !== 'CONSULT' || nested(sp)) continue;
    for (const a of sp.addressee) {
      if (isNewsMedia(ctx.analysis.actors.get(a.actor))) continue;
      if (
        units[sp.afterAddressee]?.lower === 'to' &&
        units[sp.afterAddressee + 1]?.pos === 'VERB'
      ) {
        const polarity = requestPolarity(units, sp.afterAddressee, lex.cues.stop);
        derived.push({ ...speechRaw(ctx, sp, a, 'REQUEST', sp.at, 0.85), polarity });
        continue;
      }
      let obliged = false;
      for (let j = sp.from; j < Math.min(sp.to, sp.from + 6); j++) {
        const u = units[j]!;
        if (lex.cues.obligation.has(u.lower) || lex.cues.obligation.has(u.lemma)) obliged = true;
      }
      if (obliged) {
        const polarity = requestPolarity(units, sp.from, lex.cues.stop);
        derived.push({
          ...speechRaw(ctx, sp, a, 'REQUEST', sp.at, 0.75),
          polarity,
        });
      } else derived.push({ ...speechRaw(ctx, sp, a, 'CONSULT', sp.at, 0.62), symmetric: true });
    }
  }
  ctx.raws = [...kept, ...derived];
  ctx.orphans = [];
}

/** The actor a speech is about: "said of Y's strike", "spoke about Y". */
function topicAt(ctx: Ctx, after: number): Mention | null {
  const { units } = ctx.su;
  const w = units[after]?.lower;
  if (w !== 'of' && w !== 'about') return null;
  const j = skipModifiers(units, after + 1);
  return units[j]?.mention ? mentionOf(ctx.su, j) : null;
}
