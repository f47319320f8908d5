// Verb-predicate events: for each lexicon predicate, its subject and targets (active, passive,
// infinitive under a controlling verb), its mode, and the raw events between them.
import { ploverInfo, type EventMode, type PloverType } from '../model/index.ts';
import type { VerbEntry } from './lexicon.ts';
import { findAgent, findPrepTarget, findSubject } from './clause-arguments.ts';
import type { Predicate } from './event-match.ts';
import type { Act } from './event-mediators.ts';
import { FUTURE_AS_AGREE, isHostile, mentionOf, push, settleMode, type Ctx } from './event-raw.ts';
import { registerSpeech } from './event-speech.ts';
import { targetedType } from './event-targeted.ts';
import { asideParty, attrSubject, chooseTargets, controllerOf } from './event-targets.ts';
import { modeAt, requestPolarity } from './modes.ts';

const COMMIT_ADJ = new Set(['willing', 'ready', 'prepared', 'determined', 'eager', 'keen']);

/** Raw events of the sentence's verb predicates; returns each act's parties for mediators. */
export function predicateEvents(ctx: Ctx, preds: Predicate[]): Act[] {
  const { su, lex } = ctx;
  const { units } = su;
  const led = lex.cues.led;
  const subjectAt = new Map<number, number[]>();
  const acts: Act[] = [];
  let mainSubject: number[] = [];
  let mainAt = -1;

  const subjectFor = (at: number): { units: number[]; inherited: boolean } => {
    const r = findSubject(su, at, led);
    if (r.units.length > 0) return { units: r.units, inherited: false };
    if ((r.reason === 'coord' || r.reason === 'participle') && mainSubject.length > 0) {
      // "urged X to stop ... and pressuring Y": a verb coordinated inside an infinitive is not the
      // subject's own act.
      // A finite verb after "and" ("... and called on Y") is the main subject's again.
      const v = units[at]!;
      const finite = v.lower !== v.lemma && !v.lower.endsWith('ing');
      for (let j = mainAt + 1; j < at - 1 && !finite; j++) {
        if (units[j]!.lower !== 'to' || units[j + 1]?.pos !== 'VERB') continue;
        const c = controllerOf(units, j + 1, lex);
        const cu = units[c];
        if (cu && (j === mainAt + 1 || lex.control.get(cu.lemma) === 'request'))
          return { units: [], inherited: false };
      }
      return { units: mainSubject, inherited: true };
    }
    return { units: [], inherited: false };
  };

  for (const p of preds) {
    const tg = chooseTargets(su, lex, p);
    const entry = tg.entry;
    let targets = tg.targets;
    let mode = modeAt(units, p.at, p.end);
    let type = entry.type;
    if (entry.head === 'target') {
      const t = targetedType(su, p.at, p.end, lex);
      if (!t) continue;
      type = t;
    }
    let base = 0.93;
    let sources: number[] = [];
    let control: string | undefined;

    const ctrl = controllerOf(units, p.at, lex);
    if (ctrl >= 0) {
      const cu = units[ctrl]!;
      // "a resolution to impose sanctions": an intention named by a noun is not a stated act.
      // "travelled to Moscow to meet X" (a place the tagger left unresolved) is a purpose clause.
      const place = cu.pos === 'PROPN' && units[ctrl - 1]?.pos === 'ADP';
      if (
        (cu.pos === 'NOUN' || cu.pos === 'PROPN') &&
        !place &&
        !(units[ctrl - 1]?.mention && lex.control.has(cu.lemma))
      )
        continue;
      if (cu.lower === 'unlikely' || cu.lower === 'likely') mode = 'hypothetical';
      control = COMMIT_ADJ.has(cu.lower)
        ? 'commit'
        : (lex.control.get(cu.lemma) ?? lex.control.get(cu.lower));
      if (cu.pos === 'AUX' && cu.lemma === 'be') control = 'future';
      const cs = subjectAt.get(ctrl) ?? subjectFor(ctrl).units;
      sources = cs;
      base = 0.88;
      if (control === 'request') continue;
      if (control === 'future') mode = mode === 'negated' ? mode : 'future';
      else if (control === 'hypothetical' || cu.lower.endsWith('likely'))
        mode = mode ?? 'hypothetical';
      else if (control === 'negated') mode = 'negated';
      else if (control === 'decide') {
        // "resolved to impose sanctions": the decided act itself, unless the decision is hedged.
        const outer = modeAt(units, ctrl, ctrl + 1);
        mode = outer === 'negated' || outer === 'hypothetical' ? outer : null;
        // A decided meeting or aid is still a plan: PLOVER reads it as AGREE.
        if (FUTURE_AS_AGREE.has(type)) type = 'AGREE';
      } else if (control === 'reject' && type === 'ACCUSE') {
        // "refused to condemn Y": the withheld condemnation is a negated ACCUSE (guidelines 9).
        mode = 'negated';
      } else if (control === 'commit' || control === 'threat' || control === 'reject') {
        const outer = modeAt(units, ctrl, ctrl + 1);
        mode = outer === 'negated' || outer === 'hypothetical' ? outer : null;
        type =
          control === 'reject'
            ? 'REJECT'
            : control === 'threat' || isHostile(entry.type)
              ? 'THREATEN'
              : 'AGREE';
      }
    } else if (p.passive) {
      let patient = findSubject(su, p.at, led).units;
      // "a Greek tanker was seized by Y": the demonym inside the subject phrase is the patient.
      if (patient.length === 0) patient = attrSubject(units, p.at);
      const agent = findAgent(units, p.end, led);
      sources = agent;
      if (entry.target === 'prep') {
        const r = entry.prep.length ? findPrepTarget(units, p.end, entry.prep, led) : null;
        targets = r ? r.units : [];
      } else targets = patient.length > 0 ? patient : targets;
      base = 0.88;
      if (agent.length === 0) {
        // Agentless passive: only speech can give it a source ("action would be taken against X").
        pushOrphans(ctx, p, targets, { type, mode, symmetric: entry.symmetric, entry });
        continue;
      }
    } else {
      const s = subjectFor(p.at);
      sources = s.units;
      if (s.inherited) base = 0.86;
      if (sources.length === 0 && entry.speech) {
        // Inverted reporting clause: "..., said Zhang."
        const n = units[p.end];
        if (n?.mention) sources = [p.end];
      }
    }
    // "X, in a call with Y, expressed “the strongest protest”": the party of the aside.
    if (targets.length === 0 && sources.length === 1 && !p.passive && entry.target !== 'none') {
      const party = asideParty(su, sources[0]!, p.at);
      if (party >= 0 && !entry.speech) targets = [party];
    }
    if (sources.length > 0 && ctrl < 0) {
      subjectAt.set(p.at, sources);
      if (!p.passive) {
        mainSubject = sources;
        mainAt = p.at;
      }
    }

    if (entry.speech) {
      registerSpeech(ctx, p, entry, sources, targets, tg.after);
      if (entry.type === 'CONSULT') continue;
    }
    if (entry.reverse && targets.length > 0) [sources, targets] = [targets, sources];
    // "“We condemn this,” X said of Y": a verbal act aimed at no actor, for speech to aim.
    if (targets.length === 0 && ctrl < 0 && type !== 'CONSULT' && isVerbal(type))
      ctx.untargeted.push({ at: p.at, type, mode });
    if (sources.length === 0) {
      // "the sanctions targeted X, Y said": sanctions with no named doer, for speech to assign.
      if (type === 'SANCTION' && entry.head === 'target' && ctrl < 0)
        pushOrphans(ctx, p, targets, { type, mode, symmetric: entry.symmetric, entry });
      continue;
    }
    // "claims Britain invaded the islands": a hostile act without an actor target is still a
    // claim against its doer when a speaker reports it.
    if (targets.length === 0 && !p.passive && isHostile(type) && mode === null && ctrl < 0)
      for (const src of sources)
        ctx.claims.push({ doer: mentionOf(su, src), at: p.at, quoted: !!units[p.at]!.quoted });

    let settled = settleMode(type, mode);
    if (ctrl >= 0 && (control === 'commit' || control === 'threat' || control === 'reject'))
      settled = [type, mode];
    const polarity =
      settled[0] === 'REQUEST' ? requestPolarity(units, tg.after, lex.cues.stop) : undefined;

    if (entry.symmetric && settled[0] !== 'REQUEST') {
      // Reciprocal acts between exactly two parties; three or more are not expanded.
      if (targets.length === 0 && sources.length === 2) targets = [sources[1]!];
      else if (targets.length !== 1 || sources.length !== 1) continue;
      sources = [sources[0]!];
    }
    acts.push({ at: p.at, parties: [...sources, ...targets] });
    for (const s of sources)
      for (const t of targets) {
        if (s === t) continue;
        push(ctx, mentionOf(su, s), mentionOf(su, t), {
          type: settled[0],
          mode: settled[1],
          at: p.at,
          symmetric: entry.symmetric,
          base,
          spanFrom: p.at,
          spanTo: p.end,
          ...(polarity ? { polarity } : {}),
          ...(entry.ploverMode ? { ploverMode: entry.ploverMode } : {}),
        });
      }
  }
  return acts;
}

/** Events without a doer ("action would be taken against X"): only speech can give a source. */
function pushOrphans(
  ctx: Ctx,
  p: Predicate,
  targets: number[],
  init: { type: PloverType; mode: EventMode | null; symmetric: boolean; entry: VerbEntry },
): void {
  const { entry } = init;
  for (const t of targets) {
    push(ctx, null, mentionOf(ctx.su, t), {
      type: init.type,
      mode: init.mode,
      at: p.at,
      symmetric: init.symmetric,
      base: 0.75,
      spanFrom: p.at,
      spanTo: p.end,
      ...(entry.ploverMode ? { ploverMode: entry.ploverMode } : {}),
    });
  }
}

function isVerbal(type: PloverType): boolean {
  return ploverInfo(type).quad.startsWith('verbal');
}
