// Predicates of the lexicon found on the tree, with their doers and targets read off its relations:
// nsubj, nsubj:pass with obl:agent, obj, iobj, obl with its case word, xcomp control, conj, acl and
// acl:relcl, and the possessives, demonyms and "with"/"against" phrases of event nouns.
import type { EventMode, PloverType, Polarity } from '../../model/index.ts';
import type { Mention } from '../types.ts';
import type { ControlKind, Lexicon, NounEntry, VerbEntry } from './lexicon.ts';
import { modeOf, requestPolarity } from './modes.ts';
import { kindIs, matchPattern, type KindOf } from './patterns.ts';
import { requestNouns } from './requests.ts';
import { settlements } from './settlements.ts';
import {
  backedClause,
  chargeAuthors,
  doneBy,
  endedParties,
  forOwner,
  ownerClause,
} from './nominals.ts';
import { caseOf } from '../case-words.ts';
import {
  actorIn,
  actorsIn,
  child,
  children,
  conjuncts,
  placeIn,
  under,
  type Tree,
} from './tree.ts';

/** One predicate with its arguments, before reported speech and merging. */
export interface Frame {
  /** Predicate token. */
  at: number;
  type: PloverType;
  polarity?: Polarity;
  ploverMode?: string;
  mode: EventMode | null;
  sources: Mention[];
  targets: Mention[];
  symmetric: boolean;
  /** True for a nominal event (weaker evidence than a verb). */
  nominal: boolean;
  /** A reporting verb: its content clause is reported speech. */
  speech: 'say' | 'tell' | null;
  /** The addressees of a "tell" verb ("told Y that"). */
  addressees: Mention[];
}

/** Verbs that give their subject to an event noun they take as object ("X held talks with Y"). */
const LIGHT = new Set([
  'hold',
  'have',
  'launch',
  'make',
  'issue',
  'send',
  'begin',
  'start',
  'conduct',
  'carry',
  'stage',
  'continue',
  'resume',
  'impose',
  'announce',
  'pay',
  'open',
  'deliver',
  'extend',
  'express',
  'voice',
  'offer',
  'lodge',
  'file',
  'give',
  'provide',
  'reach',
  'sign',
  'seal',
  'conclude',
  'host',
  'attend',
  'join',
  'order',
  'mount',
  'step',
  'intensify',
]);
/** Types PLOVER reads as intentions when planned: a planned meeting or promised help is AGREE. */
const FUTURE_AS_AGREE = new Set<PloverType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const HOSTILE = new Set<PloverType>([
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
]);

export function isHostile(type: PloverType): boolean {
  return HOSTILE.has(type);
}

/** Planned cooperative acts are AGREE in the plain mode. */
export function settleMode(
  type: PloverType,
  mode: EventMode | null,
): [PloverType, EventMode | null] {
  if (mode === 'future' && FUTURE_AS_AGREE.has(type)) return ['AGREE', null];
  return [type, mode];
}

function lower(tree: Tree, i: number): string {
  const t = tree.tokens[i];
  return t ? t.text.toLowerCase() : '';
}

/** The noun phrase words before a head that name it ("joint drills", "protest note"). */
function nameOf(tree: Tree, i: number): string[] {
  const t = tree.tokens[i]!;
  const names = [t.lemma, t.text.toLowerCase()];
  const mods = children(tree, i, 'compound', 'amod').filter((k) => k < i);
  if (mods.length > 0) {
    const last = mods[mods.length - 1]!;
    names.push(`${lower(tree, last)} ${t.text.toLowerCase()}`, `${lower(tree, last)} ${t.lemma}`);
  }
  return names;
}

/** Whether one of the names `nameOf` gives the noun at i is in the set (read without a list). */
function objectMatches(tree: Tree, i: number, set: Set<string>): boolean {
  const t = tree.tokens[i]!;
  if (set.has(t.lemma)) return true;
  const text = t.text.toLowerCase();
  if (set.has(text)) return true;
  let last = -1;
  for (const k of tree.kids[i]!) {
    const d = tree.tokens[k]!.deprel;
    if (k < i && (d === 'compound' || d === 'amod')) last = k;
  }
  if (last < 0) return false;
  const mod = lower(tree, last);
  return set.has(`${mod} ${text}`) || set.has(`${mod} ${t.lemma}`);
}

function isPassive(tree: Tree, i: number): boolean {
  const t = tree.tokens[i]!;
  return child(tree, i, 'nsubj:pass', 'aux:pass') >= 0 || (t.deprel === 'acl' && t.xpos === 'VBN');
}

/** Verbs that make a text its makers' act ("adopted a resolution condemning X"). */
const AUTHORING = new Set([
  'pass',
  'adopt',
  'approve',
  'issue',
  'publish',
  'release',
  'sign',
  'table',
  'draft',
  'circulate',
  'unveil',
  'introduce',
]);

/** Whether the noun at i is the object of a verb that authors it. */
function authoredBy(tree: Tree, i: number): boolean {
  const t = tree.tokens[i]!;
  return t.deprel === 'obj' && t.head >= 0 && AUTHORING.has(tree.tokens[t.head]!.lemma);
}

/** The "by" agents of a passive participle on the noun at i ("a statement issued by X"). */
function participleAgents(tree: Tree, i: number): Mention[] {
  for (const k of children(tree, i, 'acl')) {
    if (tree.tokens[k]!.xpos !== 'VBN') continue;
    const agent = children(tree, k, 'obl:agent', 'obl').find(
      (a) => caseOf(tree.tokens, a) === 'by',
    );
    if (agent !== undefined) return actorsIn(tree, agent);
  }
  return [];
}

/** Marks of a time clause ("after meeting Y", "while visiting Y"). */
const TIME_MARKS = new Set(['after', 'before', 'while', 'since', 'when', 'upon']);

/** Relative pronouns that stand for the noun a relative clause hangs on. */
const RELATIVE = new Set(['which', 'who', 'that', 'whom', 'whose']);

/**
 * The doers of the predicate at i: its subject, the agent of a passive, the subject a controlled or
 * coordinated verb shares with its head, the noun a relative clause hangs on.
 */
export function doersOf(
  tree: Tree,
  i: number,
  control: Map<string, ControlKind>,
  depth = 0,
): Mention[] {
  if (depth > 4) return [];
  const t = tree.tokens[i]!;
  const passive = isPassive(tree, i);
  if (passive) {
    let agent = children(tree, i, 'obl:agent', 'obl').find((k) => caseOf(tree.tokens, k) === 'by');
    // "was designated a terrorist group by X", "was targeted with sanctions by X": the "by" phrase
    // may hang on the complement or the "with" phrase.
    if (agent === undefined)
      for (const o of children(tree, i, 'obj', 'xcomp', 'obl'))
        agent ??= children(tree, o, 'nmod').find((k) => caseOf(tree.tokens, k) === 'by');
    return agent === undefined ? [] : actorsIn(tree, agent);
  }
  const subj = child(tree, i, 'nsubj', 'nsubj:outer', 'csubj');
  if (subj >= 0) {
    if (RELATIVE.has(lower(tree, subj))) {
      if (t.deprel === 'acl:relcl') return actorsIn(tree, t.head);
      // "X, which invaded Y in 2022, denied …" parsed with the relative clause as the main one.
      const named = antecedent(tree, subj);
      if (named !== null) return actorsIn(tree, named);
    }
    const subjects = children(tree, i, 'nsubj');
    if (subjects.length < 2) {
      const own = actorsIn(tree, subj);
      // "a statement issued by X said", "a drone launched by X hit": the participle's agent.
      return own.length > 0 ? own : participleAgents(tree, subj);
    }
    // "Kenya, Uganda and Tanzania founded ...": a list the parser split into several subjects,
    // with a comma or "and" between each two.
    const listed = subjects.every((k, n) => {
      if (n === 0) return true;
      for (let j = subjects[n - 1]! + 1; j < k; j++)
        if ([',', 'and', 'or'].includes(lower(tree, j))) return true;
      return false;
    });
    if (!listed) {
      // "Turkish President X's chief, Y, tweeted": a stray subject; the one nearest the verb that
      // names an actor acts.
      const nearest = [...subjects].sort((a, b) => Math.abs(a - i) - Math.abs(b - i));
      for (const k of nearest) {
        const found = actorsIn(tree, k);
        if (found.length > 0) return found;
      }
      return [];
    }
    const out: Mention[] = [];
    for (const k of subjects)
      for (const m of actorsIn(tree, k)) if (!out.some((o) => o.actor === m.actor)) out.push(m);
    return out;
  }
  const h = t.head;
  if (h < 0) return [];
  if (t.deprel === 'conj') return doersOf(tree, h, control, depth + 1);
  if (t.deprel === 'xcomp') {
    const kind = control.get(tree.tokens[h]!.lemma);
    // "urged X to stop": X stops; "agreed to meet": the subject of "agreed" meets.
    if (kind === 'request') {
      const obj = child(tree, h, 'obj', 'iobj');
      return obj >= 0 ? actorsIn(tree, obj) : [];
    }
    // "X is expected to visit": the raised subject of a passive.
    const raised = child(tree, h, 'nsubj:pass');
    if (raised >= 0) return actorsIn(tree, raised);
    return doersOf(tree, h, control, depth + 1);
  }
  if (
    t.deprel === 'acl' &&
    lower(tree, child(tree, i, 'mark')) === 'to' &&
    control.has(tree.tokens[h]!.lemma)
  )
    return doersOf(tree, h, control, depth + 1);
  // "strengthen ties after meeting with Y", parsed as a clause on the noun: a time clause shares
  // the doer of the nearest clause above that has one.
  if (t.deprel === 'acl' && TIME_MARKS.has(lower(tree, child(tree, i, 'mark'))))
    for (let x = h, n = 0; x >= 0 && n < 6; x = tree.tokens[x]!.head, n++) {
      if (tree.tokens[x]!.pos !== 'VERB') continue;
      const up = doersOf(tree, x, control, depth + 1);
      if (up.length > 0) return up;
    }
  // "forces attacking X": the noun does the act; "a resolution to impose ..." states a content.
  if (t.deprel === 'acl' && t.xpos === 'VBG') {
    const own = actorsIn(tree, h);
    // "passed a resolution calling on X to": the text's authors act through it.
    const v = tree.tokens[h]!.head;
    if (own.length === 0 && v >= 0 && authoredBy(tree, h))
      return doersOf(tree, v, control, depth + 1);
    return own;
  }
  if (t.deprel === 'acl:relcl') return actorsIn(tree, h);
  if (t.deprel === 'advcl' && t.xpos === 'VBG') {
    // A gerund clause shares its doer with the clause above ("retaliated by imposing tariffs",
    // "while visiting Y"), except a reason given for an act on an object ("expelled X for spying").
    const obj = child(tree, h, 'obj');
    if (lower(tree, child(tree, i, 'mark')) === 'for' && obj >= 0) return actorsIn(tree, obj);
    return doersOf(tree, h, control, depth + 1);
  }
  if (t.deprel === 'advcl' && child(tree, i, 'mark') >= 0) {
    const mark = child(tree, i, 'mark');
    if (
      mark < 0 ||
      lower(tree, mark) === 'to' ||
      lower(tree, mark) === 'after' ||
      lower(tree, mark) === 'before'
    )
      return doersOf(tree, h, control, depth + 1);
  }
  return [];
}

/**
 * Whether an object is really an "according to" phrase ("meeting X, according to Kyodo News"):
 * the case word hangs on it or on a name word of it.
 */
function cited(tree: Tree, o: number): boolean {
  if (casedAccording(tree, o)) return true;
  for (const k of tree.kids[o]!) {
    const d = tree.tokens[k]!.deprel;
    if ((d === 'compound' || d === 'flat') && casedAccording(tree, k)) return true;
  }
  return false;
}

/** Whether "according" is a case word of node k. */
function casedAccording(tree: Tree, k: number): boolean {
  for (const c of tree.kids[k]!)
    if (tree.tokens[c]!.deprel === 'case' && lower(tree, c) === 'according') return true;
  return false;
}

/**
 * The name a relative pronoun subject or object stands for when the parser made its clause the
 * main one ("wars with X and Y, which he hit with tariffs", "X, which invaded Y, denied …"): the
 * name right before the comma; else null.
 */
function antecedent(tree: Tree, o: number): number | null {
  if (!['which', 'who', 'whom'].includes(lower(tree, o)) || lower(tree, o - 1) !== ',') return null;
  return o >= 2 && tree.at[o - 2]! >= 0 ? o - 2 : null;
}

/** The patients of the predicate at i: its object, or the subject of a passive. */
function patientsOf(tree: Tree, i: number): number[] {
  const t = tree.tokens[i]!;
  if (isPassive(tree, i)) {
    const s = child(tree, i, 'nsubj:pass');
    if (s >= 0) return [s];
    if (t.deprel === 'acl' && t.head >= 0) return [t.head];
    if (t.deprel === 'conj' && t.head >= 0) {
      const hs = child(tree, t.head, 'nsubj:pass');
      if (hs >= 0) return [hs];
    }
    return [];
  }
  let objs = children(tree, i, 'obj');
  if (objs.length === 0) objs = children(tree, i, 'iobj');
  // "meeting X, according to Y", with the source parsed as an object: no patient.
  objs = objs.filter((o) => !cited(tree, o));
  // "the country which he hit with tariffs": a relative pronoun object stands for the noun.
  if (t.deprel === 'acl:relcl' && t.head >= 0)
    objs = objs.map((o) => (RELATIVE.has(lower(tree, o)) ? t.head : o));
  else objs = objs.map((o) => antecedent(tree, o) ?? o);
  if (objs.length === 0 && t.deprel === 'acl:relcl') {
    // "the sanctions that the EU imposed": the relative pronoun is the object.
    const subj = child(tree, i, 'nsubj');
    if (subj >= 0 && !RELATIVE.has(lower(tree, subj))) return [t.head];
  }
  return objs;
}

function particleOk(tree: Tree, i: number, particle: string[]): number | null {
  if (particle.length === 0) return -1;
  // The words right after the verb ("pull out of", "call on").
  let j = i + 1;
  // Adverbs in between are skipped, unless the particle is itself tagged an adverb ("pushed back").
  while (
    j < tree.tokens.length &&
    tree.tokens[j]!.pos === 'ADV' &&
    tree.tokens[j]!.deprel === 'advmod' &&
    lower(tree, j) !== particle[0]
  )
    j++;
  let ok = true;
  for (let w = 0; w < particle.length; w++)
    if (lower(tree, j + w) !== particle[w]) {
      ok = false;
      break;
    }
  const last = particle[particle.length - 1]!;
  // The particle as the case word of an oblique: "called on Turkey" -> obl(call, Turkey), case on;
  // the phrase must follow the verb ("called Y on Monday to" has no particle).
  for (const k of children(tree, i, 'obl', 'obl:agent', 'obj', 'nmod'))
    if (
      (caseOf(tree.tokens, k) === last || caseOf(tree.tokens, k).endsWith(` ${last}`)) &&
      tree.lo[k] === j
    )
      return k;
  if (ok) return -1;
  for (const k of children(tree, i, 'compound:prt')) if (lower(tree, k) === last) return -1;
  return null;
}

/** The author a charge noun's participle names: "the allegations made by X". */
function chargeMakers(tree: Tree, charge: number): Mention[] {
  const agents = children(tree, charge, 'acl').flatMap((a) =>
    children(tree, a, 'obl:agent', 'obl').filter((k) => caseOf(tree.tokens, k) === 'by'),
  );
  return mentionsOf(tree, agents, true);
}

/** Obliques of i (and of its object) whose case word is one of `preps`. */
function obliques(tree: Tree, i: number, objs: number[], preps: string[]): number[] {
  const out: number[] = [];
  if (preps.length === 0) return out;
  // An object with a case word ("apologised to Y" parsed as obj) is an oblique in all but name.
  for (const k of children(tree, i, 'obl', 'obl:agent', 'nmod', 'obj'))
    if (fits(tree, k, preps)) out.push(k);
  for (const o of objs)
    for (const k of children(tree, o, 'nmod')) if (fits(tree, k, preps)) out.push(k);
  // "spoke by phone with Y", "met in Nairobi on Monday with Y": the parser may hang the party's
  // phrase on a means, place or time phrase of the verb ("agreed in the talks with Y"). A bare
  // plural noun is none of these ("spoke of hope in ties with Y"): its "with" phrase is its own.
  for (const o of children(tree, i, 'obl')) {
    if (!SETTING_CASES.has(caseOf(tree.tokens, o)) || barePlural(tree, o)) continue;
    // One step further through a day or place apposed to it ("by phone Sunday with Y").
    const settings = [o, ...children(tree, o, 'appos')];
    for (const x of settings)
      for (const k of children(tree, x, 'nmod'))
        if (fits(tree, k, preps) && !out.includes(k)) out.push(k);
  }
  return out;
}

/** Whether node k is a plural common noun with no determiner or possessor ("ties", "contacts"). */
function barePlural(tree: Tree, k: number): boolean {
  return tree.tokens[k]!.xpos === 'NNS' && child(tree, k, 'det', 'nmod:poss') < 0;
}

/** Whether node k's case word is one of `preps` ("out of": its last word, "of"). */
function fits(tree: Tree, k: number, preps: string[]): boolean {
  const c = caseOf(tree.tokens, k);
  // "out of": the last word is the preposition ("pulled out of Georgia").
  return preps.includes(c) || preps.includes(c.slice(c.lastIndexOf(' ') + 1));
}

/** Case words that make an event noun a means rather than an act ("through dialogue"). */
const MEANS_CASES = new Set(['via', 'through', 'by means of', 'by way of']);

/** Case words of a means, place or time phrase ("by phone", "in Nairobi", "on Monday"). */
const SETTING_CASES = new Set(['by', 'via', 'over', 'in', 'on', 'at', 'during']);

function mentionsOf(tree: Tree, nodes: number[], agentFirst: boolean): Mention[] {
  const out: Mention[] = [];
  for (const n of nodes)
    for (const m of actorsIn(tree, n, agentFirst))
      if (!out.some((o) => o.actor === m.actor)) out.push(m);
  return out;
}

interface VerbHit {
  entry: VerbEntry;
  targets: Mention[];
  /** The object that matched the entry's object list, or the particle's object. */
  object: number;
}

function matchVerb(
  tree: Tree,
  i: number,
  entries: VerbEntry[],
  charges: Set<string>,
): VerbHit | null {
  const patients = patientsOf(tree, i);
  // "alleged that ...": with a content clause the reporting sense comes first.
  const ordered =
    child(tree, i, 'ccomp') >= 0
      ? [...entries.filter((e) => e.speech), ...entries.filter((e) => !e.speech)]
      : entries;
  let fallback: VerbHit | null = null;
  for (const entry of ordered) {
    const particleObj = particleOk(tree, i, entry.particle);
    if (particleObj === null) continue;
    let objs = patients;
    if (particleObj >= 0) objs = [particleObj, ...patients];
    let matched = -1;
    if (entry.object) {
      const set = entry.object;
      // "pledged $3 billion in aid": the object noun may hang on a measure.
      const pool = [...objs, ...children(tree, i, 'xcomp', 'obl')];
      for (const o of objs) pool.push(...children(tree, o, 'nmod'));
      for (const o of pool)
        for (const c of conjuncts(tree, o))
          if (matched < 0 && objectMatches(tree, c, set)) matched = o;
      if (matched < 0) continue;
    }
    let targets: Mention[] = [];
    const slot = entry.target;
    if (slot === 'object') targets = objectTargets(tree, i, entry, objs, matched, charges);
    else if (slot === 'prep') targets = prepTargets(tree, i, entry, objs, matched);
    else if (slot === 'object|prep') {
      targets = objectTargets(tree, i, entry, objs, matched, charges);
      if (targets.length === 0) targets = prepTargets(tree, i, entry, objs, matched);
    }
    if (particleObj >= 0 && targets.length === 0 && slot !== 'none')
      targets = mentionsOf(tree, [particleObj], true);
    // An entry that finds no target yields to a later one that does ("held drills near X").
    const hit = { entry, targets, object: matched };
    if (targets.length > 0 || slot === 'none') return hit;
    fallback ??= hit;
  }
  return fallback;
}

/** A verb entry's targets in its objects (`matched` is the object that matched the entry's list). */
function objectTargets(
  tree: Tree,
  i: number,
  entry: VerbEntry,
  objs: number[],
  matched: number,
  charges: Set<string>,
): Mention[] {
  const nodes = objs.filter((o) => o !== matched);
  const found = mentionsOf(tree, nodes, true);
  // "named the group a terrorist organisation": the object is the target, its complement the kind.
  const charge = matched >= 0 && charges.has(tree.tokens[matched]!.lemma);
  if (found.length === 0 && matched >= 0 && entry.object && (entry.target === 'object' || charge)) {
    const author = mentionsOf(tree, [matched], true);
    if (author.length > 0 || !charge) return author;
    const makers = chargeMakers(tree, matched);
    if (makers.length > 0) return makers;
    // "denied accusations from X": the author as an oblique of the verb.
    const from = children(tree, i, 'obl').filter((k) =>
      ['from', 'by'].includes(caseOf(tree.tokens, k)),
    );
    return mentionsOf(tree, from, true);
  }
  // "rejected the accusations levelled by X": a charge object names its author.
  if (found.length === 0 && matched < 0)
    for (const o of nodes) if (charges.has(tree.tokens[o]!.lemma)) return chargeMakers(tree, o);
  // "rejected a ruling by X" with the "by" phrase hung on the verb right after the object: an
  // active verb takes no agent, so the phrase names the object's author.
  if (found.length === 0 && !isPassive(tree, i)) {
    const authors = children(tree, i, 'obl').filter(
      (k) => caseOf(tree.tokens, k) === 'by' && nodes.some((o) => tree.lo[k] === tree.hi[o]! + 1),
    );
    return mentionsOf(tree, authors, true);
  }
  return found;
}

/** A verb entry's targets in the obliques with one of its case words. */
function prepTargets(
  tree: Tree,
  i: number,
  entry: VerbEntry,
  objs: number[],
  matched: number,
): Mention[] {
  return mentionsOf(tree, obliques(tree, i, matched >= 0 ? [matched] : objs, entry.prep), true);
}

/** Source of an event noun: its possessor, demonym, "by"/"from" phrase, or a light verb's subject. */
function nounSources(tree: Tree, i: number, lex: Lexicon): Mention[] {
  const own = ownSources(tree, i);
  if (own.length > 0) return own;
  // "X's imposition of sanctions": the noun naming the doing has the doer (its own, not one of a
  // clause that may only ask for it: "called for the resumption of talks").
  const doing = doneBy(tree, i);
  if (doing >= 0) return ownSources(tree, doing);
  const t = tree.tokens[i]!;
  // "In a phone call with X, Y discussed ...": the clause's doer holds the call.
  if (t.deprel === 'obl' && t.head >= 0 && tree.tokens[t.head]!.pos === 'VERB')
    return doersOf(tree, t.head, lex.control);
  if ((t.deprel === 'obj' || t.deprel === 'nsubj:pass') && t.head >= 0) {
    const v = tree.tokens[t.head]!;
    if (LIGHT.has(v.lemma) && !lex.verbs.has(v.lemma)) return doersOf(tree, t.head, lex.control);
    if (LIGHT.has(v.lemma)) return doersOf(tree, t.head, lex.control);
  }
  return [];
}

/** The doers an event noun names itself: its possessor, demonym, or "by"/"from" phrase. */
function ownSources(tree: Tree, i: number): Mention[] {
  for (const k of tree.kids[i]!) {
    const d = tree.tokens[k]!.deprel;
    const c = d === 'nmod' ? caseOf(tree.tokens, k) : '';
    // "support from X, Y and Z": every coordinated doer of a "by"/"from" phrase.
    if (c === 'by' || c === 'from') {
      const all = actorsIn(tree, k);
      if (all.length > 0) return all;
    }
    if (d === 'nmod:poss' || d === 'amod' || d === 'compound' || c === 'by' || c === 'from') {
      const m = actorIn(tree, k);
      if (m) return [m];
    }
  }
  return [];
}

function matchNoun(tree: Tree, i: number, entries: NounEntry[]): NounEntry | null {
  for (const e of entries) {
    if (e.words.length > 1) {
      const mods = nameOf(tree, i);
      if (!mods.includes(e.words.join(' '))) continue;
    }
    if (e.object) {
      const objs = children(tree, i, 'nmod');
      if (!objs.some((o) => objectMatches(tree, o, e.object!))) continue;
    }
    return e;
  }
  return null;
}

/** The parties of a meeting noun at i named by its "between" phrase ("talks between X and Y"). */
function betweenParties(tree: Tree, i: number, lex: Lexicon): Mention[] {
  if (i < 0) return [];
  const t = tree.tokens[i]!;
  const entries = lex.nouns.get(t.lemma) ?? lex.nouns.get(t.text.toLowerCase());
  if (!entries?.some((e) => e.symmetric)) return [];
  const between = children(tree, i, 'nmod').filter((k) => caseOf(tree.tokens, k) === 'between');
  return mentionsOf(tree, between, false);
}

/**
 * A settlement or meeting a third party brokered, told by a participle on its noun: "a truce
 * brokered by Egypt", "an Egypt-brokered truce between Spain and Peru". The mediator CONSULTs each
 * party: those of the noun's "between" phrase, else the doers of the verb that takes it as object or oblique
 * ("Spain and Peru signed a truce brokered by Egypt").
 */
function brokered(tree: Tree, i: number, entries: VerbEntry[], lex: Lexicon): Frame | null {
  const t = tree.tokens[i]!;
  if ((t.deprel !== 'acl' && t.deprel !== 'amod') || t.head < 0) return null;
  const third = entries.find((e) => e.ploverMode === 'third-party');
  if (!third) return null;
  const noun = tree.tokens[t.head]!;
  if (!lex.cues.settled.has(noun.lemma) && betweenParties(tree, t.head, lex).length === 0)
    return null;
  const by =
    t.deprel === 'acl'
      ? mentionsOf(tree, children(tree, i, 'obl:agent'), false)
      : mentionsOf(
          tree,
          tree.kids[i]!.filter((k) => !['case', 'punct'].includes(tree.tokens[k]!.deprel)),
          false,
        );
  if (by.length === 0) return null;
  let parties = betweenParties(tree, t.head, lex);
  if (parties.length === 0 && (noun.deprel === 'obj' || noun.deprel === 'obl') && noun.head >= 0)
    parties = doersOf(tree, noun.head, lex.control);
  if (parties.length === 0) return null;
  return {
    at: i,
    type: third.type,
    ploverMode: third.ploverMode,
    mode: modeOf(tree, t.head),
    sources: by,
    targets: parties,
    symmetric: false,
    nominal: false,
    speech: null,
    addressees: [],
  };
}

/** The control verb governing an infinitive at i ("agreed to meet"), and how it governs it. */
export function controlOf(
  tree: Tree,
  i: number,
  lex: Lexicon,
): { at: number; kind: ControlKind } | null {
  let at = i;
  // "urged X to stop the drills and pressuring Y": a coordinated infinitive shares the control.
  for (let n = 0; tree.tokens[at]!.deprel === 'conj' && tree.tokens[at]!.head >= 0 && n < 4; n++)
    at = tree.tokens[at]!.head;
  const t = tree.tokens[at]!;
  if (t.head < 0) return null;
  // "agreed to meet" (xcomp), "plans to meet" (an infinitive on a noun).

  if (
    t.deprel !== 'xcomp' &&
    !(t.deprel === 'acl' && lower(tree, child(tree, at, 'mark')) === 'to')
  )
    return null;
  const kind = lex.control.get(tree.tokens[t.head]!.lemma);
  return kind ? { at: t.head, kind } : null;
}

/** What a governing verb makes of an infinitive's act: "vowed to", "refused to", "plans to". */
function governed(frame: Frame, kind: ControlKind): Frame | null {
  switch (kind) {
    case 'request':
      // The request is the event ("urged X to meet Y"), not the act asked for.
      return null;
    case 'commit': {
      const type = isHostile(frame.type) ? 'THREATEN' : 'AGREE';
      return { ...frame, type, mode: null, symmetric: false };
    }
    case 'threat':
      return { ...frame, type: 'THREATEN', mode: null, symmetric: false };
    case 'reject':
      // "refused to meet Y" rejects Y; "refused to condemn Y" is a condemnation not made.
      if (isHostile(frame.type)) return { ...frame, mode: 'negated' };
      return { ...frame, type: 'REJECT', mode: null, symmetric: false };
    case 'negated':
      return { ...frame, mode: 'negated' };
    case 'future': {
      const [type, mode] = settleMode(frame.type, 'future');
      return { ...frame, type, mode };
    }
    case 'hypothetical':
      return { ...frame, mode: frame.mode ?? 'hypothetical' };
    case 'decide': {
      // A decided meeting or aid is a commitment, as a planned one is.
      const [type] = settleMode(frame.type, 'future');
      return { ...frame, type, mode: null };
    }
  }
}

/**
 * Applies the governing verb of an infinitive ("agreed to meet", "urged X to stop"), and that
 * verb's own mode ("may decide to expel" is hypothetical, "did not agree to meet" negated).
 */
function controlled(frame: Frame, tree: Tree, lex: Lexicon): Frame | null {
  const c = controlOf(tree, frame.at, lex);
  if (!c) return frame;
  const inner = governed(frame, c.kind);
  if (!inner) return null;
  const outer = modeOf(tree, c.at);
  return outer !== null ? { ...inner, mode: outer } : inner;
}

/**
 * The frames of a sentence: every lexicon predicate with the doers and targets the tree gives it;
 * `kindOf` tells patterns that need one actor kind ("withdrew from" an organization) the kinds.
 */
export function framesOf(tree: Tree, lex: Lexicon, kindOf?: KindOf): Frame[] {
  const frames: Frame[] = [];
  const { tokens } = tree;
  const consumed = new Set<number>();
  // Verbs are read first (pass 0), so the event nouns they take are consumed before pass 1.
  const verbs = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma !== 'be') || t.xpos.startsWith('VB'))
      verbs[i] = 1;
  }
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let frame: Frame | null = null;
      const verbal = verbs[i] === 1;
      if (pass === 0 && !verbal) continue;
      if (pass === 1 && (verbal || consumed.has(i))) continue;
      if (verbal) {
        // "test-fired": the tokenizer splits the hyphen; the lexicon has the whole verb.
        const joined =
          i >= 2 && tokens[i - 1]!.text === '-'
            ? `${tokens[i - 2]!.text.toLowerCase()}-${t.lemma}`
            : '';
        const entries = (joined ? lex.verbs.get(joined) : undefined) ?? lex.verbs.get(t.lemma);
        const pattern = matchPattern(tree, i, lex.patterns, kindOf, () =>
          doersOf(tree, i, lex.control),
        );
        // "called X one of the largest ...": a naming, no event in any sense of the verb.
        if (pattern?.pattern.type === 'none') continue;
        const mediation = entries ? brokered(tree, i, entries, lex) : null;
        if (mediation) {
          frame = mediation;
          consumed.add(t.head);
        } else if (pattern) {
          // Its words are read, unless it found no target and an event noun among them may still.
          if (pattern.targets.length > 0) for (const u of pattern.used) consumed.add(u);
          frame = base(tree, i, pattern.pattern.type, pattern.targets, lex, false);
          frame.ploverMode = pattern.pattern.ploverMode;
          if (frame.targets.length === 0) {
            const o = child(tree, i, 'obj');
            const a = o >= 0 && tree.tokens[i]!.deprel !== 'acl:relcl' ? antecedent(tree, o) : null;
            if (a !== null) frame.targets = actorsIn(tree, a);
          }
          // "retaliated with its own tariffs on Y": the possessor of the pattern's act noun.
          if (frame.sources.length === 0)
            for (const u of pattern.used)
              if (frame.sources.length === 0 && tokens[u]!.pos === 'NOUN')
                frame.sources = ownSources(tree, u);
          // "X's plan met with opposition from Y": Y acts on the head's subject.
          if (pattern.sources.length > 0) {
            frame.targets = frame.sources;
            frame.sources = pattern.sources;
          }
          // "X will join Y for talks with Z": Y is X's fellow party to the talks, not X's partner.
          for (const m of pattern.companions)
            if (!frame.sources.some((x) => x.actor === m.actor)) frame.sources.push(m);
          if (frame.type === 'REQUEST')
            frame.polarity = requestPolarity(tree, askedAct(tree, i), lex.cues.stop);
        } else if (entries) {
          const hit = matchVerb(tree, i, entries, lex.cues.accusationNouns);
          if (hit) {
            // "an accord reached between X and Y": the settlement noun keeps its own frame.
            if (hit.object >= 0 && !(t.deprel === 'acl' && hit.object === t.head))
              consumed.add(hit.object);
            const e = hit.entry;
            frame = base(tree, i, e.type, hit.targets, lex, e.symmetric);
            frame.speech = e.speech;
            if (e.ploverMode) frame.ploverMode = e.ploverMode;
            if (e.reverse) {
              // "Egypt hosted Sudan's leader": the visitor is the source.
              const [s, tg] = [frame.sources, frame.targets];
              frame.sources = tg;
              frame.targets = s;
              // "Oman hosted talks between Iran and the US": each party visits the host.
              const parties = betweenParties(tree, child(tree, i, 'obj'), lex);
              if (parties.length >= 2) frame.sources = parties;
            }
            // "visited Ethiopia", "flew to Beijing for talks": the state visited hosts the visitor.
            if (e.ploverMode === 'visit' && frame.targets.length === 0)
              frame.targets = visitedPlaces(tree, i, lex);
            if (e.speech === 'tell') {
              // "told a UN assembly": addressing a gathering is no talk with the body holding it.
              const obj = child(tree, i, 'obj', 'iobj');
              if (obj >= 0 && lex.cues.gatherings.has(tokens[obj]!.lemma)) frame.targets = [];
              // "told the U.N. General Assembly": a body named as a gathering is one too.
              frame.targets = frame.targets.filter((m) => !namesGathering(tree, m, lex));
              frame.addressees = frame.targets;
            }
            // "told X to", "warned X to", "asked X to": a request to X.
            const x = child(tree, i, 'xcomp', 'ccomp');
            if (
              lex.control.get(t.lemma) === 'request' &&
              x >= 0 &&
              child(tree, x, 'mark') >= 0 &&
              lower(tree, child(tree, x, 'mark')) === 'to' &&
              hit.targets.length > 0
            ) {
              frame.type = 'REQUEST';
              frame.symmetric = false;
              frame.speech = null;
              frame.ploverMode = undefined;
            }
            if (frame.type === 'REQUEST') {
              const asked = child(tree, i, 'xcomp');
              frame.polarity = requestPolarity(
                tree,
                asked >= 0 ? asked : hit.object,
                lex.cues.stop,
              );
              if (asked < 0 && hit.object >= 0 && lex.cues.relief.has(tokens[hit.object]!.lemma))
                frame.polarity = 'hostile';
              // "requested consultations with Y": asking for talks asks the other party to them.
              const forTalks = children(tree, i, 'obl').find(
                (k) => caseOf(tree.tokens, k) === 'for',
              );
              const talks =
                hit.object >= 0
                  ? hit.object
                  : child(tree, i, 'obj') >= 0
                    ? child(tree, i, 'obj')
                    : (forTalks ?? -1);
              const nounsOf = (k: number) =>
                lex.nouns.get(tokens[k]!.lemma) ?? lex.nouns.get(tokens[k]!.text.toLowerCase());
              const meeting = talks >= 0 && nounsOf(talks)?.some((n) => n.symmetric);
              const withY = meeting
                ? mentionsOf(
                    tree,
                    [...children(tree, talks, 'nmod'), ...children(tree, i, 'obl')].filter(
                      (k) => caseOf(tree.tokens, k) === 'with',
                    ),
                    false,
                  )
                : [];
              if (withY.length > 0) {
                frame.targets = withY;
                // The talks asked for are not talks held.
                consumed.add(talks);
              }
              // "demanded that Y withdraw": the subject of the asked clause is asked.
              const clause = child(tree, i, 'ccomp');
              const subj = clause >= 0 ? child(tree, clause, 'nsubj', 'nsubj:pass') : -1;
              if (frame.targets.length === 0 && subj >= 0) {
                frame.targets = actorsIn(tree, subj);
                frame.polarity = requestPolarity(tree, clause, lex.cues.stop);
              }
              // "demanded the release of its nationals from Y": asking for one's own is asking
              // the one who holds them.
              const own = (m: Mention) => frame!.sources.some((x) => x.actor === m.actor);
              if (frame.targets.length > 0 && frame.targets.every(own)) {
                const obj = child(tree, i, 'obj');
                const from = mentionsOf(
                  tree,
                  obliques(tree, i, obj >= 0 ? [obj] : [], ['from']),
                  true,
                ).filter((m) => !own(m));
                if (from.length > 0) frame.targets = from;
              }
              // "urged an end to the dispute between Y and Z": each party is asked to stop.
              if (frame.targets.length === 0 && talks >= 0) {
                frame.targets = endedParties(tree, i, talks, lex.cues.halts);
                if (frame.targets.length > 0) frame.polarity = 'hostile';
              }
            }
          }
        }
      } else if (t.pos === 'NOUN' || t.pos === 'PROPN') {
        const entries = lex.nouns.get(t.lemma) ?? lex.nouns.get(t.text.toLowerCase());
        // "a settlement via dialogue", "resolve it through talks": a means named, no act done.
        const e =
          entries && !MEANS_CASES.has(caseOf(tree.tokens, i)) ? matchNoun(tree, i, entries) : null;
        if (e) {
          const nodes: number[] = [];
          for (const k of children(tree, i, 'nmod', 'acl')) {
            if (e.prep.includes(caseOf(tree.tokens, k))) nodes.push(k);
            if (e.object)
              for (const n of children(tree, k, 'nmod'))
                if (e.prep.includes(caseOf(tree.tokens, n))) nodes.push(n);
          }
          // "an accord reached between X and Y", "a truce struck by X and Y": the participle that
          // makes the settlement carries its parties.
          const makers: number[] = [];
          if (e.type === 'AGREE')
            for (const k of children(tree, i, 'acl'))
              if (lex.cues.settle.has(tokens[k]!.lemma) && child(tree, k, 'nsubj') < 0) {
                // Only both sides named settle who agreed: "a deal reached with X" leaves one open.
                for (const n of children(tree, k, 'obl'))
                  if (caseOf(tree.tokens, n) === 'between') nodes.push(n);
                makers.push(...children(tree, k, 'obl:agent'));
              }
          // "talks between X and Y": both sides.
          const between = nodes.filter((k) => caseOf(tree.tokens, k) === 'between');
          let sources = nounSources(tree, i, lex);
          if (sources.length === 0 && makers.length > 0) sources = mentionsOf(tree, makers, false);
          // "the Hale-Li summit": two named sides before a symmetric noun.
          const sides = children(tree, i, 'compound', 'amod')
            .map((k) => actorIn(tree, k))
            .filter((m): m is Mention => m !== null);
          if (e.symmetric && sides.length >= 2) sources = sides;
          let targets = mentionsOf(tree, nodes, false);
          // The parties named by "between" meet each other; a host or light verb's subject is not one.
          const parties = e.symmetric ? mentionsOf(tree, between, false) : [];
          if (parties.length >= 2) {
            sources = [parties[0]!];
            targets = parties.slice(1);
          } else if (between.length > 0 && sources.length === 0 && targets.length >= 2) {
            sources = [targets[0]!];
            targets = targets.slice(1);
          }
          if (targets.length === 0) {
            // "the imposition of sanctions on Y", with "on Y" hung on the doing noun.
            const doing = doneBy(tree, i);
            if (doing >= 0)
              targets = mentionsOf(
                tree,
                children(tree, doing, 'nmod').filter((k) =>
                  e.prep.includes(caseOf(tree.tokens, k)),
                ),
                false,
              );
            // "launched the mission with support from X": X backs the clause's doer.
            const backed = forOwner(e.type) ? backedClause(tree, i) : -1;
            if (backed >= 0 && sources.length > 0) targets = doersOf(tree, backed, lex.control);
          }
          if (e.type === 'ASSAULT' && targets.length === 0) targets = attackPlaces(tree, i);
          // "its withdrawal from the OAS": leaving an organization is a sanction on it (guideline 11).
          const leaves =
            e.ploverMode === 'withdraw' &&
            targets.length > 0 &&
            targets.every((m) => kindIs(kindOf?.(m.actor), ['organization']));
          frame = {
            at: i,
            type: leaves ? 'SANCTION' : e.type,
            ...(e.ploverMode ? { ploverMode: e.ploverMode } : {}),
            mode: modeOf(tree, i),
            sources,
            targets,
            symmetric: e.symmetric,
            nominal: true,
            speech: null,
            addressees: [],
          };
          // The light verb's own mode and control apply ("will hold talks", "agreed to hold talks").
          if (t.deprel === 'obl' && t.head >= 0 && tokens[t.head]!.pos === 'VERB')
            frame.mode ??= modeOf(tree, t.head);
          // "talks with Y must continue", "talks will resume": the clause the noun is subject of.
          if (t.deprel === 'nsubj' && t.head >= 0 && tokens[t.head]!.pos === 'VERB')
            frame.mode ??= modeOf(tree, t.head);
          if (
            (t.deprel === 'obj' || t.deprel === 'nsubj:pass') &&
            t.head >= 0 &&
            LIGHT.has(tokens[t.head]!.lemma)
          ) {
            frame.mode = modeOf(tree, t.head) ?? frame.mode;
            const ctrl = controlled({ ...frame, at: t.head }, tree, lex);
            frame = ctrl ? { ...ctrl, at: i } : null;
          }
          if (frame) {
            const [type, mode] = settleMode(frame.type, frame.mode);
            frame.type = type;
            frame.mode = mode;
            // "the pause in aid to Y": aid, cooperation or talks stopped are withheld from Y.
            if (WITHHELD.has(e.type) && halted(tree, i, lex)) {
              frame.type = 'SANCTION';
              frame.ploverMode = 'discontinue';
              frame.symmetric = false;
              // "announced a suspension of aid to Y": the halting noun's own doer.
              if (frame.sources.length === 0 && t.deprel === 'nmod')
                frame.sources = nounSources(tree, t.head, lex);
            }
          }
        }
      }
      if (!frame) continue;
      if (!frame.nominal) ownerAndCharge(tree, frame, frames, lex);
      if (!frame.nominal) {
        const c = controlled(frame, tree, lex);
        if (!c) continue;
        frame = c;
        // "the trip will include meeting X": a gerund complement shares its verb's future.
        if (frame.mode === null && gerundOf(tree, frame.at, lex) >= 0)
          frame.mode = modeOf(tree, gerundOf(tree, frame.at, lex)) === 'future' ? 'future' : null;
        const [type, mode] = settleMode(frame.type, frame.mode);
        frame.type = type;
        frame.mode = mode;
      }
      frames.push(frame);
    }
  frames.push(
    ...settlements(tree, frames, lex),
    ...requestNouns(tree, lex, (v) => doersOf(tree, v, lex.control)),
    ...reasons(tree, frames),
  );
  // What a request asks for in a clause ("demanded that Y withdraw from Z") is not a stated act.
  const asked = frames
    .filter((f) => f.type === 'REQUEST' && !f.nominal && f.targets.length > 0)
    .map((f) => child(tree, f.at, 'ccomp'))
    .filter((c) => c >= 0);
  const kept =
    asked.length === 0 ? frames : frames.filter((f) => !asked.some((c) => under(tree, f.at, c)));
  return kept.sort((a, b) => a.at - b.at);
}

/** The verb a gerund complement at i completes ("will include meeting X"), unless a control verb. */
function gerundOf(tree: Tree, i: number, lex: Lexicon): number {
  const t = tree.tokens[i]!;
  if (t.deprel !== 'xcomp' || t.xpos !== 'VBG' || t.head < 0) return -1;
  return lex.control.has(tree.tokens[t.head]!.lemma) ? -1 : t.head;
}

/**
 * Acts inside a noun phrase whose party the phrase does not name: "Peru built a dam funded by
 * Egypt" (Egypt aids the dam's owner, the doer of the clause that takes it, unless that clause acts
 * on the dam as a foe would), "charges which X dismissed as baseless" (X rejects the charges'
 * author).
 */
function ownerAndCharge(tree: Tree, frame: Frame, frames: Frame[], lex: Lexicon): void {
  const i = frame.at;
  const t = tree.tokens[i]!;
  const authors = chargeAuthors(tree, i, lex.cues.accusationNouns);
  if (authors && (frame.type === 'ACCUSE' || frame.type === 'REJECT')) {
    frame.type = 'REJECT';
    frame.ploverMode = undefined;
    frame.polarity = undefined;
    frame.targets = authors;
    return;
  }
  if (frame.targets.length > 0 || t.deprel !== 'acl' || !isPassive(tree, i)) return;
  if (!forOwner(frame.type) || frame.sources.length === 0) return;
  const v = ownerClause(tree, i);
  if (v < 0 || frames.some((f) => f.at === v && isHostile(f.type))) return;
  frame.targets = doersOf(tree, v, lex.control);
}

/**
 * A sanction or coercion done for a stated wrong ("cut ties with Y for meddling", "expelled Y's
 * envoy for spying") also charges the target with it: an ACCUSE beside the act.
 */
function reasons(tree: Tree, frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  for (const f of frames) {
    if ((f.type !== 'SANCTION' && f.type !== 'COERCE') || f.nominal || f.mode !== null) continue;
    if (f.targets.length === 0) continue;
    const why = children(tree, f.at, 'advcl').some(
      (k) => tree.tokens[k]!.xpos === 'VBG' && lower(tree, child(tree, k, 'mark')) === 'for',
    );
    if (why) out.push({ ...f, type: 'ACCUSE', ploverMode: 'allege', symmetric: false });
  }
  return out;
}

/** The infinitive a request asks for: on the verb ("count on X to stop") or on its target noun. */
function askedAct(tree: Tree, i: number): number {
  for (const k of children(tree, i, 'xcomp', 'advcl', 'obl', 'obj', 'iobj')) {
    const d = tree.tokens[k]!.deprel;
    if (d === 'xcomp' || d === 'advcl') return k;
    const acl = child(tree, k, 'acl');
    if (acl >= 0) return acl;
  }
  return -1;
}

/** Whether a mention's own words name a gathering ("the General Assembly", "the summit"). */
function namesGathering(tree: Tree, m: Mention, lex: Lexicon): boolean {
  return tree.tokens.some(
    (t) =>
      t.start >= m.start &&
      t.end <= m.end &&
      (lex.cues.gatherings.has(t.lemma) || lex.cues.gatherings.has(t.text.toLowerCase())),
  );
}

/** Acts a halting noun turns into their withholding. */
const WITHHELD = new Set<PloverType>(['AID', 'COOPERATE', 'CONSULT']);

/**
 * Whether the event noun at i is what a halting noun stops: its "in"/"of"/"on"/"to" phrase ("the
 * pause in aid", "a suspension of talks"), also when the parser hangs the phrase on the verb
 * right after the halting noun ("resolve the pause | in aid").
 */
function halted(tree: Tree, i: number, lex: Lexicon): boolean {
  const t = tree.tokens[i]!;
  if (!['in', 'of', 'on', 'to'].includes(caseOf(tree.tokens, i)) || t.head < 0) return false;
  const up = tree.tokens[t.head]!;
  if (t.deprel === 'nmod' && lex.cues.halts.has(up.lemma)) return true;
  return (
    t.deprel === 'obl' &&
    children(tree, t.head, 'obj').some(
      (o) => tree.hi[o]! + 1 === tree.lo[i] && lex.cues.halts.has(tree.tokens[o]!.lemma),
    )
  );
}

/** Cases of the destination of a trip ("travelled to Moscow", "arrived in Kampala"). */
const TRIP_CASES = new Set(['to', 'in', 'into']);

/**
 * The states a visit verb at i goes to, named as places: the object of "visit", or the destination
 * of a trip made for a meeting or visit ("flew to Beijing for talks"; not "to watch a match").
 */
function visitedPlaces(tree: Tree, i: number, lex: Lexicon): Mention[] {
  const direct = tree.tokens[i]!.lemma === 'visit';
  const nodes = direct
    ? children(tree, i, 'obj')
    : children(tree, i, 'obl').filter((k) => TRIP_CASES.has(caseOf(tree.tokens, k)));
  if (nodes.length === 0) return [];
  if (!direct) {
    // The purpose may hang on the verb or, as parsers often attach it, on the destination; the
    // meeting noun may also be a noun modifying the phrase's head ("for summit talks", and "for a
    // summit next week" parsed as "a summit week").
    const consults = (k: number): boolean =>
      !!lex.nouns.get(tree.tokens[k]!.lemma)?.some((e) => e.type === 'CONSULT');
    const meets = (k: number): boolean =>
      caseOf(tree.tokens, k) === 'for' &&
      (consults(k) ||
        children(tree, k, 'compound', 'amod').some(
          (c) => tree.tokens[c]!.pos === 'NOUN' && consults(c),
        ));
    const purposes = [...children(tree, i, 'obl')];
    for (const n of nodes) purposes.push(...children(tree, n, 'nmod'));
    if (!purposes.some(meets)) return [];
  }
  const out: Mention[] = [];
  for (const n of nodes)
    for (const c of conjuncts(tree, n)) {
      const m = placeIn(tree, c);
      if (m && !out.some((o) => o.actor === m.actor)) out.push(m);
    }
  return out;
}

/** Cases that place an attack in a state ("raids inside Afghanistan", "operations in Lebanon"). */
const IN_STATE = new Set(['in', 'inside', 'across', 'into', 'within', 'throughout']);

/**
 * The state an attack is carried out in, when no target is named: a place (or a state named as
 * one) in an "in"/"inside"/"across" phrase of the verb or of its attack noun.
 */
export function attackPlaces(tree: Tree, i: number): Mention[] {
  const out: Mention[] = [];
  const heads = [i, ...children(tree, i, 'obj', 'nsubj:pass')];
  for (const h of heads)
    for (const k of children(tree, h, 'obl', 'nmod')) {
      if (!IN_STATE.has(caseOf(tree.tokens, k))) continue;
      const m = placeIn(tree, k) ?? actorIn(tree, k);
      if (m && !out.some((o) => o.actor === m.actor)) out.push(m);
    }
  return out;
}

function base(
  tree: Tree,
  i: number,
  type: PloverType,
  targets: Mention[],
  lex: Lexicon,
  symmetric: boolean,
): Frame {
  let tg = targets;
  if (type === 'ASSAULT' && tg.length === 0) tg = attackPlaces(tree, i);
  return {
    at: i,
    type,
    mode: modeOf(tree, i),
    sources: doersOf(tree, i, lex.control),
    targets: tg,
    symmetric,
    nominal: false,
    speech: null,
    addressees: [],
  };
}
