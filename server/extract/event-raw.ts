// The event stage's working state for one sentence: raw events (before merging), reported speech
// frames, and how a raw event is recorded with its span and confidence.
import { ploverInfo, type EventMode, type PloverType, type Polarity } from '../model/index.ts';
import type { Lexicon, VerbEntry } from './lexicon.ts';
import type { SentenceUnits } from './clause-unit.ts';
import { modeAt } from './modes.ts';
import type { ActorAnalysis, Mention, MentionVia } from './types.ts';

/** An event before filtering: source may be missing (agentless passive) until speech assigns one. */
export interface Raw {
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

export interface Speech {
  speaker: Mention;
  at: number;
  /** Content units [from, to). */
  from: number;
  to: number;
  /** The addressee of "told Y", "warned Y". */
  addressee: Mention[];
  /** What the speech is about: "said of Y's strike", "said about Y". */
  topic: Mention | null;
  entry: VerbEntry;
  afterAddressee: number;
  confidence: number;
}

export interface Ctx {
  su: SentenceUnits;
  lex: Lexicon;
  analysis: ActorAnalysis;
  raws: Raw[];
  orphans: Raw[];
  speeches: Speech[];
  /** Hostile acts with a doer but no actor target, for speech to turn into accusations. */
  claims: { doer: Mention; at: number; quoted: boolean }[];
  /** Verbal acts with neither doer nor actor target ("“We condemn this,” X said of Y"). */
  untargeted: { at: number; type: PloverType; mode: EventMode | null }[];
  hedged: boolean;
  /** States the sentence names as locations ("in Syria"): usable only as an attack's target. */
  places?: Mention[];
}

/** What a rule states about an event; `push` adds the parties, span and confidence. */
export type RawInit = Omit<
  Raw,
  'source' | 'target' | 'sentence' | 'start' | 'end' | 'confidence'
> & {
  base: number;
  spanFrom: number;
  spanTo: number;
};

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
export const FUTURE_AS_AGREE = new Set<PloverType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);

export function isHostile(type: PloverType): boolean {
  return ploverInfo(type).polarity === 'hostile';
}

export function mentionOf(su: SentenceUnits, i: number): Mention {
  const u = su.units[i]!;
  return (u.mention ?? u.attr)!;
}

/** Applies the future rule: planned cooperative acts are AGREE in the plain mode. */
export function settleMode(
  type: PloverType,
  mode: EventMode | null,
): [PloverType, EventMode | null] {
  if (mode === 'future' && FUTURE_AS_AGREE.has(type)) return ['AGREE', null];
  return [type, mode];
}

export function push(ctx: Ctx, source: Mention | null, target: Mention, init: RawInit): void {
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

/** A speaker's act on a target named inside what they said, spanning speaker, verb and target. */
export function speechRaw(
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
