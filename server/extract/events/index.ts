// The event stage: PLOVER stance events read off each sentence's dependency tree. Lexicon predicates
// take their doers and targets from the tree; reported speech turns what a speaker says into the
// speaker's own acts (pledges, demands, charges); repeats merge and every event is dated.
import { ploverInfo } from '../../model/index.ts';
import type { ActorAnalysis, FoundEvent, Mention, MentionVia, Sentence } from '../types.ts';
import { framesOf, isHostile, type Frame } from './frames.ts';
import { lexicon, type Lexicon } from './lexicon.ts';
import { buildEvents, mergeRaws, type Raw } from './merge.ts';
import { requestPolarity } from './modes.ts';
import { threatenedOwners } from './threats.ts';
import { mutualWithdrawals } from './mutual.ts';
import { dropShadowedNominals } from './shadowed.ts';
import { meansTargets } from './means.ts';
import { placedCounterparts } from './counterparts.ts';
import { withControlledInfinitives } from './infinitives.ts';
import {
  expandGroups,
  findGroups,
  groupMemory,
  rememberLists,
  type GroupMemory,
} from './groups.ts';
import { isNewsMedia, isReporter } from './press.ts';
import { sameSide, speaksFor } from './sides.ts';
import {
  accordingTo,
  hasQuote,
  agentlessPassive,
  openQuotes,
  opensQuote,
  unmetWish,
  speechScopes,
  type Speech,
} from './speech.ts';
import { chargeWord, cleftCharges, unnamedBlame, worriedAbout } from './claims.ts';
import { caseOf } from '../case-words.ts';
import { actorIn, actorsIn, child, conjuncts, treeOf, under, type Tree } from './tree.ts';

export { lexicon, buildLexicon, type Lexicon } from './lexicon.ts';

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
/** Reporting verbs that present their content as the speaker's charge against its doer. */
const CLAIM_VERBS = new Set(['claim', 'allege', 'charge', 'contend', 'insist', 'assert', 'accuse']);
const OBLIGATION = new Set(['must', 'should', 'ought']);

interface SentenceCtx {
  /** Who has charged whom so far in the article: accused -> accusers, for denials. */
  accusers: Map<string, Set<string>>;
  tree: Tree;
  lex: Lexicon;
  analysis: ActorAnalysis;
  raws: Raw[];
  /** Whether the sentence hedges ("reportedly", "allegedly"): read when its first event is made. */
  hedged: boolean | null;
  /** The lists and group mentions met so far ("the three nations" and who they are). */
  groups: GroupMemory;
}

function push(
  ctx: SentenceCtx,
  at: number,
  source: Mention,
  target: Mention,
  init: Pick<Raw, 'type' | 'mode' | 'symmetric'> & Partial<Pick<Raw, 'polarity' | 'ploverMode'>>,
  base: number,
): void {
  // A group mention acts, or is acted on, as each of its members.
  const sources = expandGroups(ctx.groups, [source], !init.symmetric);
  const targets = expandGroups(ctx.groups, [target], !init.symmetric);
  if (sources[0] !== source || targets[0] !== target) {
    for (const s of sources) for (const t of targets) push(ctx, at, s, t, init, base);
    return;
  }
  if (!source.actor || !target.actor || source.actor === target.actor) return;
  const { tree } = ctx;
  // A government's or an official's protest is a complaint; PROTEST is collective action, and a
  // boycott by anyone (guideline 7).
  if (init.type === 'PROTEST' && init.ploverMode !== 'boycott') {
    const kind = ctx.analysis.actors.get(source.actor)?.kind;
    if (kind === 'state' || kind === 'person')
      init = { ...init, type: 'ACCUSE', ploverMode: 'disapprove' };
  }
  const t = tree.tokens[at]!;
  const start = Math.max(tree.sentence.start, Math.min(source.start, target.start, t.start));
  const end = Math.min(tree.sentence.end, Math.max(source.end, target.end, t.end));
  let confidence = base * Math.min(VIA_FACTOR[source.via], VIA_FACTOR[target.via]);
  ctx.hedged ??= tree.tokens.some((x) => ctx.lex.cues.hedge.has(x.text.toLowerCase()));
  if (ctx.hedged) confidence -= 0.1;
  // Filled in field order without spreading optional parts (the stage's most frequent object).
  const raw = { source, target, type: init.type } as Raw;
  if (init.polarity) raw.polarity = init.polarity;
  if (init.ploverMode) raw.ploverMode = init.ploverMode;
  raw.mode = init.mode;
  raw.confidence = Math.max(0.2, Math.min(0.97, confidence));
  raw.sentence = tree.sentence.index;
  raw.start = start;
  raw.end = end;
  raw.symmetric = init.symmetric;
  ctx.raws.push(raw);
}

/** The side a mention stands for in a meeting: an official's state, else the actor itself. */
function sideOf(analysis: ActorAnalysis, m: Mention): string {
  return analysis.actors.get(m.actor)?.country ?? m.actor;
}

/** A frame stated in the article's own voice: each doer on each target, or two doers meeting. */
function emit(ctx: SentenceCtx, f: Frame, sources: Mention[], base: number): void {
  // `push` reads the optional parts only when set.
  const init = {
    type: f.type,
    mode: f.mode,
    symmetric: f.symmetric,
    polarity: f.polarity,
    ploverMode: f.ploverMode,
  };
  // A meeting of three or more parties is not expanded into pairwise meetings (guideline 5); an
  // official and the state they serve ("Y's minister and other Y officials") are one party.
  // One doer meeting several parties in turn is one act per target (guideline 3).
  if (f.symmetric) {
    const doers = new Set(sources.map((m) => sideOf(ctx.analysis, m)));
    const sides = new Set([...sources, ...f.targets].map((m) => sideOf(ctx.analysis, m)));
    if (sides.size >= 3 && doers.size >= 2) return;
  }
  if (f.targets.length === 0 && f.symmetric && sources.length >= 2) {
    // "Kenya and Tanzania held talks": the first doer with each other one.
    for (const s of sources.slice(1)) push(ctx, f.at, sources[0]!, s, init, base);
    return;
  }
  // "Y's minister and other Y officials": the most specific doer of one side acts (guideline 2).
  const doers = sources.filter(
    (s) =>
      !sources.some(
        (o) =>
          o.actor !== s.actor &&
          ctx.analysis.actors.get(o.actor)?.kind === 'person' &&
          speaksFor(ctx.analysis, o.actor, s.actor),
      ),
  );
  for (const s of doers) for (const t of f.targets) push(ctx, f.at, s, t, init, base);
}

/**
 * The actors an "if"/"unless" clause on the predicate at i (or on the verbs that govern it) is
 * about: its subject, or the "by" agent of a passive ("if the tariffs are not dropped by Y").
 */
function conditionActors(tree: Tree, i: number): Mention[] {
  const out: Mention[] = [];
  for (let x = i, n = 0; x >= 0 && n < 4; n++) {
    for (const c of tree.kids[x]!) {
      if (tree.tokens[c]!.deprel !== 'advcl') continue;
      const mark = child(tree, c, 'mark');
      if (mark < 0 || !['if', 'unless'].includes(tree.tokens[mark]!.text.toLowerCase())) continue;
      const agent = tree.kids[c]!.find(
        (k) => tree.tokens[k]!.deprel.startsWith('obl') && caseOf(tree.tokens, k) === 'by',
      );
      const subj = child(tree, c, 'nsubj');
      const who = agent ?? (subj >= 0 ? subj : -1);
      if (who >= 0) out.push(...actorsIn(tree, who));
    }
    const d = tree.tokens[x]!.deprel;
    if (d !== 'xcomp' && d !== 'conj') break;
    x = tree.tokens[x]!.head;
  }
  return out;
}

/** What a frame inside speech means: the speaker's own act, a charge against its doer, or a report. */
function derive(ctx: SentenceCtx, f: Frame, sp: Speech, worried: Mention[]): void {
  const { analysis } = ctx;
  const speaker = sp.speaker;
  const base = f.nominal ? 0.7 : 0.9;
  const own =
    f.sources.length === 0 || f.sources.every((s) => speaksFor(analysis, speaker.actor, s.actor));
  // "“The rebel commander was killed,” X said": a done act with no doer named is not the speaker's
  // ("measures would be taken against Y" still announces one); "we had hoped to settle with Y" is
  // a wish that was not met.
  if (f.mode === null && f.sources.length === 0 && agentlessPassive(ctx.tree, f.at)) return;
  if (own && unmetWish(ctx.tree, f.at)) return;
  if (own) {
    let type = f.type;
    let mode = f.mode;
    if (mode === 'future' || mode === 'hypothetical') {
      // "said he would urge Y to ...": an announced request is still the request.
      if (type !== 'REQUEST') type = isHostile(type) ? 'THREATEN' : 'AGREE';
      mode = null;
    }
    const material = ploverInfo(type).quad.startsWith('material');
    const sources = f.sources.length > 0 && material ? f.sources : [speaker];
    // "If Y escalates, we will cut the power": a hostile act made conditional on Y threatens Y.
    if (isHostile(f.type))
      for (const y of conditionActors(ctx.tree, f.at))
        if (!sameSide(analysis, speaker.actor, y.actor))
          push(
            ctx,
            f.at,
            speaker,
            y,
            { type: 'THREATEN', mode: null, symmetric: false },
            base * 0.85,
          );
    emit(
      ctx,
      {
        ...f,
        type,
        mode,
        ...(type !== f.type ? { polarity: undefined, ploverMode: undefined } : {}),
      },
      sources,
      base,
    );
    return;
  }
  if (isHostile(f.type) && f.mode === null && ploverInfo(f.type).quad.startsWith('material')) {
    // A claim inside speech charges its doer even when what was hit is no actor (guideline 4),
    // but "X fired rockets into the sea, Y said" only attributes a report.
    if (f.targets.length === 0 && sp.attributed && !sp.quoted && !CLAIM_VERBS.has(sp.lemma)) return;
    // "Y is concerned about Z's aggression": the charge is Y's worry, not the speaker's.
    if (worried.some((h) => !speaksFor(analysis, speaker.actor, h.actor))) return;
    for (const doer of f.sources) {
      if (speaksFor(analysis, speaker.actor, doer.actor)) continue;
      push(
        ctx,
        sp.at >= 0 ? sp.at : f.at,
        speaker,
        doer,
        { type: 'ACCUSE', mode: null, symmetric: false, ploverMode: 'allege' },
        base * 0.85,
      );
    }
    return;
  }
  if (f.mode === null) emit(ctx, f, f.sources, base * 0.85);
}

/** Acts whose "for" clause states a charge: "accused Y of", "expelled Y for spying". */
const CHARGING = new Set(['ACCUSE', 'SANCTION', 'COERCE']);

/**
 * The clauses that state what an accuser charges ("accused Y of attacking Z's ships", "blamed Y
 * for shelling"): the charge is the accuser's, not an act the article asserts.
 */
function chargeClauses(tree: Tree, frames: Frame[]): number[] {
  const out: number[] = [];
  for (const g of frames) {
    if (!CHARGING.has(g.type) || g.nominal) continue;
    const heads = [g.at, ...tree.kids[g.at]!.filter((k) => tree.tokens[k]!.deprel === 'obj')];
    for (const h of heads)
      for (const k of tree.kids[h]!) {
        const d = tree.tokens[k]!.deprel;
        if (d !== 'acl' && d !== 'advcl') continue;
        const mark = child(tree, k, 'mark', 'case');
        if (mark >= 0 && ['of', 'for'].includes(tree.tokens[mark]!.text.toLowerCase())) out.push(k);
      }
  }
  return out;
}

/** Relations that make a mention the doer of the clause or noun it hangs on. */
const AGENT_RELS = new Set(['nsubj', 'nsubj:outer', 'nmod:poss', 'amod', 'compound']);

/**
 * The doers a charge word points at: the possessor or demonym of a charge noun ("Y's aggression"),
 * else the subjects and "by"/"from" phrases in the clause around it ("escalated because of actions
 * by Y and Z"), within the same speech.
 */
function agentsNear(tree: Tree, cue: number, k: number, scope: readonly number[]): Mention[] {
  const own = actorIn(tree, cue, true);
  if (own) {
    // "actions by Y and Z": every coordinated doer.
    const out = [own];
    tree.tokens.forEach((_, j) => {
      if (tree.at[j]! < 0 || tree.mentions[tree.at[j]!] !== own) return;
      for (const c of conjuncts(tree, j).slice(1)) {
        const m = actorIn(tree, c);
        if (m && !out.some((o) => o.actor === m.actor)) out.push(m);
      }
    });
    return out;
  }
  let clause = cue;
  for (let n = 0; n < 3; n++) {
    const t = tree.tokens[clause]!;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.deprel === 'root' || t.head < 0) break;
    if (scope[t.head] !== k) break;
    clause = t.head;
  }
  const out: Mention[] = [];
  const last = Math.min(tree.hi[clause]!, tree.lo[clause]! + 40);
  for (let j = tree.lo[clause]!; j <= last; j++) {
    const at = tree.at[j]!;
    if (at < 0 || scope[j] !== k) continue;
    const m = tree.mentions[at]!;
    // The mention's own head word: the first of its tokens whose head lies outside it.
    const h = tree.tokens[j]!.head;
    if (h >= 0 && tree.at[h] === at) continue;
    // A conjunct of a "by"/"from" phrase shares its case ("actions by Y and Z").
    let x = j;
    while (
      tree.tokens[x]!.deprel === 'conj' &&
      tree.tokens[x]!.head >= 0 &&
      (tree.at[tree.tokens[x]!.head]! < 0 ||
        ['by', 'from'].includes(caseOf(tree.tokens, tree.tokens[x]!.head)))
    )
      x = tree.tokens[x]!.head;
    const d = tree.tokens[x]!.deprel;
    const c = caseOf(tree.tokens, x);
    if ((AGENT_RELS.has(d) || c === 'by' || c === 'from') && !out.some((o) => o.actor === m.actor))
      out.push(m);
  }
  return out;
}

/** "Y needs to act", "Y has to leave": a verb of necessity with its own subject and an infinitive. */
function needsTo(tree: Tree, i: number): boolean {
  const t = tree.tokens[i]!;
  if (t.pos !== 'VERB' || (t.lemma !== 'need' && t.lemma !== 'have')) return false;
  const x = child(tree, i, 'xcomp');
  return x >= 0 && tree.tokens[child(tree, x, 'mark')]?.text.toLowerCase() === 'to';
}

/** Whether a speech may charge or ask `m`: an actor not yet charged by the speaker, of another side, not the press. */
function chargeable(
  analysis: ActorAnalysis,
  speaker: Mention,
  done: Set<string>,
  m: Mention | null,
): m is Mention {
  return (
    !!m &&
    !done.has(m.actor) &&
    !sameSide(analysis, speaker.actor, m.actor) &&
    !isReporter(analysis, m.actor) &&
    !isNewsMedia(analysis.actors.get(m.actor))
  );
}

/** Charges and demands a speech states without a lexicon verb: "Y's aggression", "Y must withdraw". */
function speechCues(ctx: SentenceCtx, sp: Speech, k: number, scope: readonly number[]): void {
  const { tree, lex, analysis } = ctx;
  const speaker = sp.speaker;
  const done = new Set(ctx.raws.filter((r) => r.source === speaker).map((r) => r.target.actor));
  // "told Y that it had a duty to ...": a demand on the addressee.
  if (sp.addressees.length > 0) {
    let obliged = -1;
    for (let i = 0; i < tree.tokens.length && obliged < 0; i++) {
      const t = tree.tokens[i]!;
      if (
        scope[i] === k &&
        (lex.cues.obligation.has(t.text.toLowerCase()) || lex.cues.obligation.has(t.lemma))
      )
        obliged = i;
    }
    if (obliged >= 0)
      for (const a of sp.addressees)
        if (chargeable(analysis, speaker, done, a)) {
          done.add(a.actor);
          const asked = tree.tokens.findIndex(
            (t, j) => j > obliged && scope[j] === k && t.pos === 'VERB',
          );
          const polarity = requestPolarity(tree, asked, lex.cues.stop);
          push(
            ctx,
            sp.at,
            speaker,
            a,
            { type: 'REQUEST', mode: null, symmetric: false, polarity },
            0.75,
          );
        }
  }
  for (let i = 0; i < tree.tokens.length; i++) {
    if (scope[i] !== k || tree.at[i]! >= 0) continue;
    const t = tree.tokens[i]!;
    const w = t.text.toLowerCase();
    if (chargeWord(tree, i, lex.cues.accusation)) {
      // "Y's aggression", "aggression by Y", "Y is violating", "Y has been ripping off Z".
      // "Z is concerned about Y's aggression": the worry, and the charge, are Z's.
      const holders = worriedAbout(tree, i, k, scope, lex.cues.concerns);
      if (holders.some((h) => !speaksFor(analysis, speaker.actor, h.actor))) continue;
      for (const m of agentsNear(tree, i, k, scope))
        if (chargeable(analysis, speaker, done, m)) {
          done.add(m.actor);
          const at = sp.at >= 0 ? sp.at : i;
          push(ctx, at, speaker, m, { type: 'ACCUSE', mode: null, symmetric: false }, 0.6);
        }
    } else if (
      lex.cues.menace.has(w) ||
      lex.cues.menace.has(t.lemma) ||
      (w === 'price' && t.deprel === 'obj')
    ) {
      // "Y would pay a heavy price", "Y would face retaliation": a threat to Y.
      let clause = i;
      for (
        let n = 0;
        n < 3 && tree.tokens[clause]!.pos !== 'VERB' && tree.tokens[clause]!.head >= 0;
        n++
      )
        clause = tree.tokens[clause]!.head;
      const subj = child(tree, clause, 'nsubj', 'nsubj:pass');
      const m = subj >= 0 ? actorIn(tree, subj, true) : null;
      if (chargeable(analysis, speaker, done, m) && !speaksFor(analysis, speaker.actor, m.actor)) {
        done.add(m.actor);
        const at = sp.at >= 0 ? sp.at : i;
        push(ctx, at, speaker, m, { type: 'THREATEN', mode: null, symmetric: false }, 0.7);
      }
    } else if (
      (t.deprel === 'aux' && OBLIGATION.has(w)) ||
      (w === 'has' && tree.tokens[i + 1]?.text === 'to') ||
      needsTo(tree, i)
    ) {
      // "Y must halt enrichment", "Y needs to act": a demand on Y.
      const own = needsTo(tree, i);
      const verb = own ? child(tree, i, 'xcomp') : t.head;
      if (verb < 0) continue;
      const subj = child(tree, own ? i : verb, 'nsubj');
      // "both Y and Z need to ...": each coordinated subject is asked.
      for (const m of subj >= 0 ? actorsIn(tree, subj) : []) {
        if (!chargeable(analysis, speaker, done, m) || speaksFor(analysis, speaker.actor, m.actor))
          continue;
        done.add(m.actor);
        const polarity = requestPolarity(tree, verb, lex.cues.stop);
        push(
          ctx,
          sp.at >= 0 ? sp.at : i,
          speaker,
          m,
          { type: 'REQUEST', mode: null, symmetric: false, polarity },
          0.72,
        );
        for (const a of sp.addressees) done.add(a.actor);
      }
    }
  }
}

/**
 * "Beijing denies the allegations": a denial with no named author answers everyone who has charged
 * the denier so far in the article (guideline 11).
 */
function denial(ctx: SentenceCtx, f: Frame): void {
  const { tree, lex, analysis } = ctx;
  if (f.type !== 'REJECT' || f.targets.length > 0 || f.mode !== null) return;
  const obj = child(tree, f.at, 'obj');
  if (obj < 0 || !lex.cues.accusationNouns.has(tree.tokens[obj]!.lemma)) return;
  for (const doer of f.sources) {
    const accusers = new Set<string>();
    for (const [accused, by] of ctx.accusers)
      if (
        accused === doer.actor ||
        speaksFor(analysis, doer.actor, accused) ||
        speaksFor(analysis, accused, doer.actor)
      )
        for (const a of by) accusers.add(a);
    for (const a of accusers) {
      const target: Mention = { ...doer, actor: a, via: 'name' };
      push(ctx, f.at, doer, target, { type: 'REJECT', mode: null, symmetric: false }, 0.6);
      ctx.raws[ctx.raws.length - 1]!.start = Math.min(doer.start, tree.tokens[f.at]!.start);
      ctx.raws[ctx.raws.length - 1]!.end = Math.max(doer.end, tree.tokens[obj]!.end);
    }
  }
}

/** Whether node k is a "to"/"over"/"on" phrase: what a claim is to or over. */
function claimsOver(tree: Tree, k: number): boolean {
  return ['to', 'over', 'on'].includes(caseOf(tree.tokens, k));
}

/**
 * Whether a claim noun claims something ("claims to the reefs", "claim over the islands"): its own
 * "to"/"over" phrase, or one the parser hung on the verb right after it.
 */
function territorial(tree: Tree, i: number, verb: number): boolean {
  return (
    tree.kids[i]!.some((k) => tree.tokens[k]!.deprel === 'nmod' && claimsOver(tree, k)) ||
    tree.kids[verb]!.some(
      (k) =>
        tree.tokens[k]!.deprel === 'obl' && tree.lo[k] === tree.hi[i]! + 1 && claimsOver(tree, k),
    )
  );
}

/** "Egypt rejected Spain's allegations": the rejected charge is itself Spain's ACCUSE of Egypt. */
function answered(ctx: SentenceCtx, f: Frame): void {
  const { tree, lex } = ctx;
  if (f.type !== 'REJECT' || f.mode !== null) return;
  const obj = child(tree, f.at, 'obj');
  if (obj < 0 || !lex.cues.accusationNouns.has(tree.tokens[obj]!.lemma)) return;
  // "contested Y's claims to the reefs": a claim to something is a territorial claim, no charge.
  if (tree.tokens[obj]!.lemma === 'claim' && territorial(tree, obj, f.at)) return;
  for (const accuser of f.targets)
    for (const doer of f.sources)
      push(ctx, f.at, accuser, doer, { type: 'ACCUSE', mode: null, symmetric: false }, 0.6);
}

/** A speech with no reporting verb of its own. */
const SAID: Omit<Speech, 'speaker' | 'quoted' | 'attributed'> = {
  at: -1,
  lemma: 'say',
  addressees: [],
  frame: null,
};

/** The actor a sentence is about: the subject of its root ("The minister was blunt."). */
function leadOf(tree: Tree, analysis: ActorAnalysis): Mention | null {
  const root = tree.tokens.findIndex((t) => t.deprel === 'root');
  const subj = root >= 0 ? child(tree, root, 'nsubj', 'nsubj:pass') : -1;
  const m = subj >= 0 ? actorIn(tree, subj) : null;
  if (!m || isNewsMedia(analysis.actors.get(m.actor)) || isReporter(analysis, m.actor)) return null;
  return m;
}

/** "It is Y that is violating the accord", "… who is responsible? It's Y.": a charge on Y. */
function clefts(
  ctx: SentenceCtx,
  sp: Speech,
  k: number,
  scope: readonly number[],
  answers: boolean,
): void {
  const { tree, lex, analysis } = ctx;
  for (const c of cleftCharges(tree, k, scope, lex.cues.accusation, answers)) {
    const m = tree.mentions[c.actor]!;
    if (
      ctx.raws.some((r) => r.source === sp.speaker && r.target.actor === m.actor) ||
      sameSide(analysis, sp.speaker.actor, m.actor) ||
      isNewsMedia(analysis.actors.get(m.actor))
    )
      continue;
    const at = sp.at >= 0 ? sp.at : c.at;
    push(ctx, at, sp.speaker, m, { type: 'ACCUSE', mode: null, symmetric: false }, 0.6);
  }
}

/** The speeches of a sentence: reporting verbs with one speaker who is not the press. */
function speechesOf(ctx: Pick<SentenceCtx, 'tree' | 'analysis'>, frames: Frame[]): Speech[] {
  const { tree, analysis } = ctx;
  const out: Speech[] = [];
  const quoted = hasQuote(tree);
  for (const f of frames) {
    if (!f.speech || f.sources.length !== 1) continue;
    const speaker = f.sources[0]!;
    if (isNewsMedia(analysis.actors.get(speaker.actor)) || isReporter(analysis, speaker.actor))
      continue;
    const last = tree.tokens.findIndex((t) => t.start >= speaker.end);
    const after = tree.tokens[last + 1]?.text.toLowerCase();
    if (
      last > 0 &&
      tree.tokens[last]!.text === ',' &&
      (after === 'reporting' || after === 'writing')
    )
      continue;
    out.push({
      speaker,
      at: f.at,
      lemma: tree.tokens[f.at]!.lemma,
      addressees: f.addressees,
      frame: f,
      quoted,
      attributed:
        tree.tokens[f.at]!.deprel === 'parataxis' ||
        tree.kids[f.at]!.some((c) => c < f.at && tree.tokens[c]!.deprel === 'ccomp'),
    });
  }
  for (const a of accordingTo(tree)) {
    const m = actorIn(tree, a.obl);
    if (!m || isNewsMedia(analysis.actors.get(m.actor)) || isReporter(analysis, m.actor)) continue;
    out.push({
      speaker: m,
      at: -1,
      lemma: 'say',
      addressees: [],
      frame: null,
      quoted,
      attributed: true,
      root: a.clause,
    });
  }
  return out;
}

/**
 * Finds the stance events of an article: for each sentence, the lexicon's predicates with their
 * arguments from the tree and reported speech; then drops self-pairs, merges repeats and dates each
 * event.
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
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const placesBy = new Map<number, Mention[]>();
  for (const m of analysis.places ?? []) {
    const list = placesBy.get(m.sentence);
    if (list) list.push(m);
    else placesBy.set(m.sentence, [m]);
  }
  // News outlets are their own kind to patterns ("the president attacked the newspaper").
  const kindOf = (a: string): string | undefined => {
    const actor = analysis.actors.get(a);
    return isNewsMedia(actor) ? 'press' : actor?.kind;
  };
  const all: Raw[] = [];
  const accusers = new Map<string, Set<string>>();
  // The speaker of a quote that runs on into the next sentence.
  let carry: Speech | null = null;
  // Which sentences start inside a quotation opened before them.
  const inside = openQuotes(text, sentences);
  // The doer of a sentence with no quote and no speech ("The minister was blunt."), who speaks
  // the quotation that follows when no one else is named.
  let lead: Mention | null = null;
  // The speaker whose quote has just blamed someone unnamed ("It's one person who is responsible").
  let blame: string | null = null;
  /**
   * The speaker a later sentence of the same quotation names ("“A. B,” X said"): the quotation's
   * closing sentence is read ahead once, however many of its sentences ask.
   */
  const closingSpeaker = new Map<number, Speech | null>();
  const attributedLater = (n: number): Speech | null => {
    let j = n + 1;
    while (j < sentences.length && inside[j] && inside[j + 1]) j++;
    if (j >= sentences.length || !inside[j]) return null;
    const known = closingSpeaker.get(j);
    if (known !== undefined) return known;
    const s = sentences[j]!;
    let later = treeOf(s, bySentence.get(s.index) ?? [], placesBy.get(s.index) ?? [], lex.cues.led);
    later = withControlledInfinitives(later, lex);
    const speeches = speechesOf({ tree: later, analysis }, framesOf(later, lex, kindOf));
    const speaker = speeches.find((sp) => sp.at >= 0 && sp.attributed) ?? null;
    closingSpeaker.set(j, speaker);
    return speaker;
  };
  // The lists named so far, for plural descriptions and pronouns ("the two sides", "the trio").
  const groups = groupMemory();
  for (const [n, sentence] of sentences.entries()) {
    const mentions = bySentence.get(sentence.index) ?? [];
    const places = placesBy.get(sentence.index) ?? [];
    let tree = treeOf(sentence, mentions, places, lex.cues.led);
    const grouped = findGroups(tree, groups, analysis);
    if (grouped.length > 0) {
      const all = [...mentions, ...grouped].sort((a, b) => a.start - b.start);
      tree = treeOf(sentence, all, places, lex.cues.led);
    }
    // "threatened on Monday to impose": a control verb's infinitive is its complement.
    tree = withControlledInfinitives(tree, lex);
    const continues = carry !== null && (opensQuote(tree) || inside[n]!);
    // One mention can still speak (a quote that runs on) or deny an earlier charge; a sentence
    // without any can still speak of a group named before ("The two sides agreed ...").
    if (mentions.length + places.length + grouped.length < 1) {
      // The whole sentence is the content of the one speech it continues.
      blame =
        continues && unnamedBlame(tree, 0, new Array<number>(tree.tokens.length).fill(0))
          ? carry!.speaker.actor
          : null;
      lead = null;
      if (!continues) carry = null;
      continue;
    }
    const ctx: SentenceCtx = { accusers, tree, lex, analysis, raws: [], hedged: null, groups };
    const frames = framesOf(tree, lex, kindOf);
    for (const f of frames) {
      f.sources = expandGroups(groups, f.sources, !f.symmetric);
      f.targets = expandGroups(groups, f.targets);
      f.addressees = expandGroups(groups, f.addressees);
    }
    // Targets the tree gives only around a frame: endangered forces, mutual recalls, means clauses;
    // then an event word inside a verb's own argument yields to the verb's type.
    threatenedOwners(tree, frames, lex, analysis);
    mutualWithdrawals(tree, frames, lex);
    meansTargets(tree, frames);
    placedCounterparts(tree, frames);
    dropShadowedNominals(tree, frames);
    const speeches = speechesOf(ctx, frames);
    let carried = -1;
    if (!speeches.some((s) => s.at >= 0)) {
      // A quotation whose speaker is named before it, after it, or in the sentence just before.
      // Another reporting verb in the sentence, even of someone who is no actor, ends the quote.
      const reported = frames.some((f) => f.speech);
      let from: Speech | null = continues && (opensQuote(tree) || !reported) ? carry : null;
      if (!from && !reported && (opensQuote(tree) || inside[n]))
        from = inside[n + 1] ? attributedLater(n) : null;
      if (!from && !reported && opensQuote(tree) && lead)
        from = { ...SAID, speaker: lead, quoted: true, attributed: false };
      if (from) {
        speeches.push({ ...from, at: -1, frame: null, addressees: [] });
        carried = speeches.length - 1;
      }
    }
    const scope = speechScopes(tree, speeches, carried);
    const charged = chargeClauses(tree, frames);
    for (const f of frames) {
      if (charged.some((c) => under(tree, f.at, c))) continue;
      const k = scope[f.at]!;
      const sp = k >= 0 ? speeches[k]! : null;
      if (f.speech === 'say') continue;
      if (sp && sp.speaker !== f.sources[0])
        derive(ctx, f, sp, worriedAbout(tree, f.at, k, scope, lex.cues.concerns));
      else emit(ctx, f, f.sources, f.nominal ? 0.7 : 0.9);
    }
    speeches.forEach((sp, k) => speechCues(ctx, sp, k, scope));
    speeches.forEach((sp, k) => clefts(ctx, sp, k, scope, blame === sp.speaker.actor));
    const blamer = speeches.find((_, k) => unnamedBlame(tree, k, scope));
    blame = blamer ? blamer.speaker.actor : null;
    lead = speeches.length === 0 && !hasQuote(tree) ? leadOf(tree, analysis) : null;
    for (const f of frames) {
      denial(ctx, f);
      answered(ctx, f);
    }
    for (const r of ctx.raws)
      if (r.type === 'ACCUSE' && r.mode === null) {
        const set = accusers.get(r.target.actor) ?? new Set<string>();
        set.add(r.source.actor);
        accusers.set(r.target.actor, set);
      }
    all.push(...ctx.raws);
    rememberLists(groups, tree, ctx.raws);
    const quoted = speeches.find((s) => s.quoted);
    if (quoted) carry = quoted;
    else if (!continues || frames.some((f) => f.speech)) carry = null;
  }
  return buildEvents(mergeRaws(all, analysis), text, sentences, published);
}
