// The event stage: PLOVER stance events from clause structure, the verb lexicon and reported speech.
import { ploverInfo, type EventMode, type PloverType, type Polarity } from '../model/index.ts';
import { resolveDate } from './dates.ts';
import { lexicon, type Lexicon, type VerbEntry } from './lexicon.ts';
import {
  buildUnits,
  coordinatedRight,
  findAgent,
  findAttrTarget,
  findLedObject,
  findObject,
  findPrepTarget,
  findSubject,
  isHardBoundary,
  isQuote,
  POSSESSIVE_PRONOUNS,
  type SentenceUnits,
  type Unit,
} from './clauses.ts';
import { findPredicates, type Predicate } from './event-match.ts';
import { findNominals } from './event-nominal.ts';
import { answeredCharges, nominalRequests } from './event-request.ts';
import { modeAt, requestPolarity } from './modes.ts';
import { isNewsMedia } from './event-media.ts';
import { isReporter, reportingAt } from './event-reporter.ts';
import { menaceAt, threatenedParties } from './event-threat.ts';
import { pairOf, resolvePlural, type Pair } from './event-plural.ts';
import { knownActor } from './gazetteer.ts';
import type {
  ActorAnalysis,
  FoundAffiliation,
  FoundEvent,
  Mention,
  MentionVia,
  Sentence,
} from './types.ts';

/** An event before filtering: source may be missing (agentless passive) until speech assigns one. */
interface Raw {
  source: Mention | null;
  target: Mention;
  type: PloverType;
  polarity?: Polarity;
  ploverMode?: string;
  mode: EventMode | null;
  confidence: number;
  sentence: number;
  /** Unit index of the predicate, to place the event inside or outside a speech's content. */
  at: number;
  start: number;
  end: number;
  symmetric: boolean;
}

interface Speech {
  speaker: Mention;
  at: number;
  /** Content units [from, to). */
  from: number;
  to: number;
  /** The addressee of "told Y", "warned Y". */
  addressee: Mention[];
  entry: VerbEntry;
  afterAddressee: number;
  confidence: number;
}

const VIA_FACTOR: Record<MentionVia, number> = {
  name: 1,
  alias: 1,
  acronym: 1,
  metonym: 0.97,
  title: 1,
  demonym: 0.9,
  surname: 0.88,
  role: 0.86,
  counterpart: 0.86,
  pronoun: 0.66,
};
/** Types PLOVER reads as intentions when future-tense: planned meetings, promised help. */
const FUTURE_AS_AGREE = new Set<PloverType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
/** Types whose object may be a "-led"/"-drafted" proposal ("vetoed a US-led resolution"). */
const LED_TARGET_TYPES = new Set<PloverType>(['REJECT', 'SUPPORT', 'ACCUSE', 'AGREE']);
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
/** Participles naming a mediator after an agreement noun ("a truce brokered by X"). */
const MEDIATED = new Set(['brokered', 'mediated', 'facilitated']);
const COMMIT_ADJ = new Set(['willing', 'ready', 'prepared', 'determined', 'eager', 'keen']);

function isHostile(type: PloverType): boolean {
  return ploverInfo(type).polarity === 'hostile';
}

function mentionOf(su: SentenceUnits, i: number): Mention {
  const u = su.units[i]!;
  return (u.mention ?? u.attr)!;
}

interface Ctx {
  su: SentenceUnits;
  lex: Lexicon;
  analysis: ActorAnalysis;
  raws: Raw[];
  orphans: Raw[];
  speeches: Speech[];
  /** Hostile acts with a doer but no actor target, for speech to turn into accusations. */
  claims: { doer: Mention; at: number; quoted: boolean }[];
  hedged: boolean;
}

function push(
  ctx: Ctx,
  source: Mention | null,
  target: Mention,
  init: Omit<Raw, 'source' | 'target' | 'sentence' | 'start' | 'end' | 'confidence'> & {
    base: number;
    spanFrom: number;
    spanTo: number;
  },
): void {
  const { su } = ctx;
  if (source?.actor === '') return;
  if (target.actor === '') {
    const actor = resolveCountry(ctx, target, source);
    if (!actor) return;
    target = { ...target, actor };
  }
  const via = Math.min(source ? VIA_FACTOR[source.via] : 1, VIA_FACTOR[target.via]);
  const points = [init.spanFrom, init.spanTo - 1];
  let start = su.units[Math.min(...points)]!.start;
  let end = su.units[Math.max(...points)]!.end;
  for (const m of source ? [source, target] : [target]) {
    start = Math.min(start, m.start);
    end = Math.max(end, m.end);
  }
  start = Math.max(start, su.sentence.start);
  end = Math.min(end, su.sentence.end);
  const tokensApart = Math.abs(init.at - unitIndexOf(su, target.start));
  let confidence = init.base * via - Math.max(0, tokensApart - 8) * 0.015;
  if (ctx.hedged) confidence -= 0.1;
  confidence = Math.max(0.2, Math.min(0.97, confidence));
  const raw: Raw = {
    source,
    target,
    type: init.type,
    ...(init.polarity ? { polarity: init.polarity } : {}),
    ...(init.ploverMode ? { ploverMode: init.ploverMode } : {}),
    mode: init.mode,
    confidence,
    sentence: su.sentence.index,
    at: init.at,
    start,
    end,
    symmetric: init.symmetric,
  };
  (source ? ctx.raws : ctx.orphans).push(raw);
}

/**
 * "the country" as a target: the one state named earlier in the sentence other than the doer and
 * the doer's own state ("Russia's invasion of the country" after "a visit to Ukraine").
 */
function resolveCountry(ctx: Ctx, anaphor: Mention, source: Mention | null): string | null {
  const own = source ? ctx.analysis.actors.get(source.actor)?.country : null;
  const found = new Set<string>();
  for (const u of ctx.su.units) {
    if (u.start >= anaphor.start) break;
    const m = u.mention ?? u.attr;
    if (!m || m.actor === '' || m.actor === source?.actor || m.actor === own) continue;
    if (ctx.analysis.actors.get(m.actor)?.kind === 'state') found.add(m.actor);
  }
  return found.size === 1 ? [...found][0]! : null;
}

function unitIndexOf(su: SentenceUnits, offset: number): number {
  const { units } = su;
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Applies the future rule: planned cooperative acts are AGREE in the plain mode. */
function settleMode(type: PloverType, mode: EventMode | null): [PloverType, EventMode | null] {
  if (mode === 'future' && FUTURE_AS_AGREE.has(type)) return ['AGREE', null];
  return [type, mode];
}

interface Targeting {
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
function attrSubject(units: Unit[], at: number): number[] {
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

function chooseTargets(su: SentenceUnits, lex: Lexicon, p: Predicate): Targeting {
  for (const e of p.entries) {
    const t = targetsFor(su, lex, p, e);
    if (t.length > 0) return { entry: e, targets: t, after: t[t.length - 1]! + 1 };
  }
  // "alleged that X ...": without a target the verb reports speech, if it can.
  const entry = p.entries.find((e) => e.speech) ?? p.entries[0]!;
  return { entry, targets: [], after: p.end };
}

/** The verb governing an infinitive predicate ("plans to visit", "urged X to stop"). */
function controllerOf(units: Unit[], at: number, lex: Lexicon): number {
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

function analyseSentence(ctx: Ctx): void {
  const { su, lex } = ctx;
  const { units } = su;
  const led = lex.cues.led;
  const preds = findPredicates(units, lex);
  const consumed = new Uint8Array(units.length);
  for (const p of preds) for (let k = p.at; k < p.end; k++) consumed[k] = 1;
  const subjectAt = new Map<number, number[]>();
  const acts: { at: number; parties: number[] }[] = [];
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
        for (const t of targets) {
          push(ctx, null, mentionOf(su, t), {
            type,
            mode,
            at: p.at,
            symmetric: entry.symmetric,
            base: 0.75,
            spanFrom: p.at,
            spanTo: p.end,
            ...(entry.ploverMode ? { ploverMode: entry.ploverMode } : {}),
          });
        }
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
    if (sources.length === 0) continue;
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

  mediators(ctx, acts);

  for (const r of nominalRequests(su, lex, consumed)) {
    push(ctx, mentionOf(su, r.source), mentionOf(su, r.target), {
      type: 'REQUEST',
      mode: modeAt(units, r.at, r.at + 1),
      at: r.at,
      symmetric: false,
      base: 0.8,
      spanFrom: Math.min(r.at, r.source, r.target),
      spanTo: Math.max(r.after, r.source + 1),
      polarity: requestPolarity(units, r.after, lex.cues.stop),
    });
  }
  for (const r of answeredCharges(su, lex)) {
    push(ctx, mentionOf(su, r.source), mentionOf(su, r.target), {
      type: 'ACCUSE',
      mode: null,
      at: r.at,
      symmetric: false,
      base: 0.76,
      spanFrom: Math.min(r.at, r.source, r.target),
      spanTo: Math.max(r.after, r.source + 1),
      ploverMode: 'allege',
    });
  }

  for (const n of findNominals(su, lex, consumed)) {
    const mode = modeAt(units, n.at, n.end);
    const [type, m] = settleMode(n.entry.type, mode);
    for (const s of n.sources)
      for (const t of n.targets) {
        if (s === t) continue;
        push(ctx, mentionOf(su, s), mentionOf(su, t), {
          type,
          mode: m,
          at: n.at,
          symmetric: n.entry.symmetric,
          base: n.direct ? 0.78 : 0.68,
          spanFrom: Math.min(n.at, s, t),
          spanTo: Math.max(n.end, s + 1, t + 1),
          ...(n.entry.ploverMode ? { ploverMode: n.entry.ploverMode } : {}),
        });
      }
  }
  meetingOutcomes(ctx);
  reachedAgreements(ctx);
}

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
function reachedAgreements(ctx: Ctx): void {
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
function meetingOutcomes(ctx: Ctx): void {
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
function mediators(ctx: Ctx, acts: { at: number; parties: number[] }[]): void {
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

function registerSpeech(
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
    entry,
    afterAddressee: after,
    confidence: 0.9,
  });
}

/**
 * A state named only by an adjective ("released two French citizens") is acted upon, so it is an
 * actor after all: the actor stage left it out, the event stage adds it from the gazetteer.
 */
function addAttributiveState(analysis: ActorAnalysis, id: string): void {
  const known = knownActor(id);
  if (known?.kind !== 'state') return;
  analysis.actors.set(id, { id, name: known.name, kind: 'state', country: id });
}

/** Whether actor b is a's own side: the same actor, a's state or organization, or the reverse. */
function sameSide(analysis: ActorAnalysis, a: string, b: string): boolean {
  if (a === b) return true;
  const x = analysis.actors.get(a);
  const y = analysis.actors.get(b);
  if (x?.country && x.country === b) return true;
  if (y?.country && y.country === a) return true;
  const links = affiliationLinks(analysis);
  return links.has(`${a}|${b}`) || links.has(`${b}|${a}`);
}

const linkCache = new WeakMap<FoundAffiliation[], Set<string>>();

/** "person|of" for each affiliation, built once per article so pair checks stay O(1). */
function affiliationLinks(analysis: ActorAnalysis): Set<string> {
  let links = linkCache.get(analysis.affiliations);
  if (!links || links.size !== analysis.affiliations.length) {
    links = new Set(analysis.affiliations.map((f) => `${f.person}|${f.of}`));
    linkCache.set(analysis.affiliations, links);
  }
  return links;
}

/** Whether a speaker speaks for an actor: itself, or the state/organization it holds a role in. */
function speaksFor(analysis: ActorAnalysis, speaker: string, actor: string): boolean {
  if (speaker === actor) return true;
  // A ministry or spokesman's office speaks for its state.
  const own = analysis.actors.get(speaker);
  if (own && own.kind === 'organization' && own.country === actor) return true;
  return affiliationLinks(analysis).has(`${speaker}|${actor}`);
}

/** Reported speech: the speech act is the event; claims about others become ACCUSE. */
function applySpeech(ctx: Ctx, analysis: ActorAnalysis): void {
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

/** Verbs whose infinitive content can carry a threat ("vowed to retaliate against Y"). */
const VOW_VERBS = new Set(['vow', 'threaten', 'pledge', 'promise', 'swear', 'warn']);

/**
 * Threats inside reported content or a vow: THREATEN from the speaker to each party the content
 * aims the threat at ("said Y would pay a heavy price", "vowed to respond to any attack by Y").
 */
function applyThreats(ctx: Ctx): void {
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

function speechRaw(
  ctx: Ctx,
  sp: Pick<Speech, 'speaker' | 'at'>,
  target: Mention,
  type: PloverType,
  at: number,
  base: number,
): Raw {
  const { su } = ctx;
  const start = Math.max(
    su.sentence.start,
    Math.min(sp.speaker.start, target.start, su.units[sp.at]!.start),
  );
  const end = Math.min(su.sentence.end, Math.max(sp.speaker.end, target.end, su.units[sp.at]!.end));
  const via = Math.min(VIA_FACTOR[sp.speaker.via], VIA_FACTOR[target.via]);
  return {
    source: sp.speaker,
    target,
    type,
    mode: modeAt(su.units, sp.at, sp.at + 1) === 'negated' ? 'negated' : null,
    confidence: Math.max(0.2, base * via - (ctx.hedged ? 0.1 : 0)),
    sentence: su.sentence.index,
    at,
    start,
    end,
    symmetric: false,
  };
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
    if (mentions.length < 2 && !recent) continue;
    let su = buildUnits(sentence, mentions);
    if (pair && recent) su = resolvePlural(su, pair, analysis);
    let named = 0;
    for (const u of su.units) if (u.mention || u.attr) named++;
    if (named < 2) continue;
    const hedged = su.units.some((u) => !u.mention && lex.cues.hedge.has(u.lower));
    const ctx: Ctx = { su, lex, analysis, raws: [], orphans: [], speeches: [], claims: [], hedged };
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

  // A reciprocal act takes the direction of a directed event between the same two actors.
  const directed = new Set(
    all.filter((r) => r.source && !r.symmetric).map((r) => `${r.source!.actor}|${r.target.actor}`),
  );
  for (const r of all) {
    if (!r.symmetric || !r.source) continue;
    const fwd = `${r.source.actor}|${r.target.actor}`;
    const back = `${r.target.actor}|${r.source.actor}`;
    if (!directed.has(fwd) && directed.has(back)) [r.source, r.target] = [r.target, r.source];
  }
  const best = new Map<string, Raw>();
  const order: string[] = [];
  for (const r of all) {
    if (!r.source) continue;
    const s = r.source.actor;
    const t = r.target.actor;
    if (sameSide(analysis, s, t)) continue;
    // A reporter relays others' words; their own verbal stance is never the article's content.
    if (ploverInfo(r.type).quad.startsWith('verbal') && isReporter(analysis, s)) continue;
    if (!analysis.actors.has(t) && r.target.attributive) addAttributiveState(analysis, t);
    if (!analysis.actors.has(s) && r.source.attributive) addAttributiveState(analysis, s);
    if (!analysis.actors.has(s) || !analysis.actors.has(t)) continue;
    // "told Reuters", "in an interview with CNN": talking to the press is not a stance.
    if (r.type === 'CONSULT' && isNewsMedia(analysis.actors.get(t))) continue;
    const key = r.symmetric ? `${[s, t].sort().join('|')}|${r.type}` : `${s}|${t}|${r.type}`;
    const prev = best.get(key);
    if (!prev) order.push(key);
    if (!prev || r.confidence > prev.confidence) best.set(key, r);
  }
  const sentenceByIndex = new Map(sentences.map((x) => [x.index, x]));
  const events: FoundEvent[] = [];
  for (const key of order) {
    const r = best.get(key)!;
    const sentence = sentenceByIndex.get(r.sentence)!;
    const d = resolveDate(
      text,
      published,
      { start: r.start, end: r.end },
      { start: sentence.start, end: sentence.end },
    );
    events.push({
      source: r.source!.actor,
      target: r.target.actor,
      type: r.type,
      ...(r.polarity ? { polarity: r.polarity } : {}),
      ...(r.ploverMode ? { ploverMode: r.ploverMode } : {}),
      mode: r.mode,
      confidence: r.confidence,
      sentence: r.sentence,
      start: r.start,
      end: r.end,
      date: d.date,
      datePrecision: d.precision,
    });
  }
  events.sort((a, b) => a.start - b.start || a.end - b.end);
  return events;
}
