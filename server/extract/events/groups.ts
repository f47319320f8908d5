// Groups of actors as doers and targets. A list named in the article ("Ecuador, Peru and Colombia",
// or a pair that met) is remembered for a few sentences; a definite plural description of its size
// and kind ("the three nations", "the trio", "both sides", "the other two countries") or a plural
// pronoun the coreference stage left open ("they", "them") later stands for it. A phrase that
// introduces a list after a dash, a colon or "including" ("its suppliers — Peru and Chile", "30
// states, including Oman") stands for that list; a list the parser split (a name with an
// apposition "Oman and Kuwait", or a stray first name) acts as a whole, and so does a name heading
// coordinated names where a rule reads one actor. Group mentions are placed in the tree like
// names and spelled out into their members before events are made.
import type { ActorAnalysis, Mention, Token } from '../types.ts';
import { caseOf } from '../case-words.ts';
import { pronounAt } from '../coreference/pronouns.ts';
import type { Raw } from './merge.ts';
import { actorsIn, child, children, conjuncts, type Tree } from './tree.ts';
import { CARDINALS } from '../number-words.ts';

type GroupKind = 'person' | 'state' | 'organization' | 'any';

/** Nouns that describe a group of actors, by the kind of actor they admit. */
const GROUP_NOUNS: Record<string, GroupKind> = {
  leader: 'person',
  president: 'person',
  minister: 'person',
  premier: 'person',
  envoy: 'person',
  diplomat: 'person',
  country: 'state',
  nation: 'state',
  state: 'state',
  government: 'state',
  neighbour: 'state',
  neighbor: 'state',
  junta: 'state',
  regime: 'state',
  capital: 'state',
  republic: 'state',
  monarchy: 'state',
  kingdom: 'state',
  economy: 'state',
  power: 'state',
  side: 'any',
  party: 'any',
  member: 'any',
  ally: 'any',
  partner: 'any',
  rival: 'any',
  signatory: 'any',
  bloc: 'organization',
  organization: 'organization',
  organisation: 'organization',
  agency: 'organization',
  body: 'organization',
  institution: 'organization',
};
/** Singular nouns that name a group of a fixed size ("the trio"). */
const SIZE_NOUNS: Record<string, number> = { pair: 2, duo: 2, trio: 3, troika: 3, quartet: 4 };
/** Number words of a group: "the three nations" (one is no group). */
const NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(CARDINALS).filter(([, n]) => n > 1),
);
/** Case words that open a list of examples inside a phrase ("30 countries, including Japan"). */
const EXAMPLE_CASES = new Set(['including', 'such as', 'notably', 'namely']);
/** Punctuation that opens a list apposed to a phrase ("its partners — X, Y and Z"). */
const OPENERS = new Set(['—', '–', '-', '--', ':']);
/** Determiners that make a description refer back ("the three", "these two", "both", "all four"). */
const DEFINITE = new Set(['the', 'these', 'those', 'both', 'all']);
/** How many sentences back a plural description looks for its list. */
const WINDOW = 4;

/** A list of actors named together, remembered for later descriptions and pronouns. */
interface Listed {
  members: Mention[];
  sentence: number;
  /** Offset where the list ends, so the most recent one comes first. */
  end: number;
  /** Whether the list was a subject: only another subject between then outranks it for "they". */
  subject: boolean;
  /** Whether its sentence named other lists, pairs or subjects too, so "they" could be either. */
  rivalled?: boolean;
}

/** What the article has said so far about groups, carried from sentence to sentence. */
export interface GroupMemory {
  lists: Listed[];
  /** The members each group mention stands for, by its mention. */
  members: Map<Mention, Mention[]>;
  /**
   * Offsets of the last plural noun naming no actor, and of the last such subject: a pronoun after
   * one may mean it rather than a list before it.
   */
  rival: { any: number; subject: number };
  /** Group mentions that are a name heading coordinated names ("Chile, Peru and Bolivia"). */
  coordinated: Set<Mention>;
}

/** The most lists kept at once (a long run of coordinations stays linear). */
const MAX_LISTS = 16;

export function groupMemory(): GroupMemory {
  return {
    lists: [],
    members: new Map(),
    rival: { any: -1, subject: -1 },
    coordinated: new Set(),
  };
}

/**
 * Each mention with the group it stands for spelled out into its members (each actor once). With
 * `lists` false, a name heading coordinated names stays itself: a joint act's doers read off a
 * phrase ("the talks between X and Y ended") are not the list's own act.
 */
export function expandGroups(memory: GroupMemory, mentions: Mention[], lists = true): Mention[] {
  if (memory.members.size === 0) return mentions;
  let any = false;
  for (const m of mentions) if (grouped(memory, m, lists)) any = true;
  if (!any) return mentions;
  const out: Mention[] = [];
  for (const m of mentions)
    for (const x of grouped(memory, m, lists) ? memory.members.get(m)! : [m])
      if (!out.some((o) => o.actor === x.actor)) out.push(x);
  return out;
}

/** Whether a mention stands for a group to expand (a coordinated list's head only with `lists`). */
function grouped(memory: GroupMemory, m: Mention, lists: boolean): boolean {
  return memory.members.has(m) && (lists || !memory.coordinated.has(m));
}

/** The members of a list, restated at a group mention's own span. */
function restate(members: Mention[], at: Mention): Mention[] {
  return members.map((m) => ({
    ...m,
    start: at.start,
    end: at.end,
    sentence: at.sentence,
    via: at.via,
  }));
}

function lower(tree: Tree, i: number): string {
  return tree.tokens[i]?.text.toLowerCase() ?? '';
}

/** The size a number word among a phrase's modifiers states ("the three", "2"), or 0. */
function counted(words: string[]): number {
  for (const w of words) {
    if (Object.hasOwn(NUMBERS, w)) return NUMBERS[w]!;
    if (/^[2-9]$/.test(w)) return Number(w);
  }
  return 0;
}

/** Whether the token at i could head a plural description at all (the tests `described` makes). */
function mayDescribe(t: Token): boolean {
  return (
    (t.pos === 'NOUN' &&
      ((t.xpos === 'NN' && Object.hasOwn(SIZE_NOUNS, t.lemma)) ||
        (t.xpos === 'NNS' && Object.hasOwn(GROUP_NOUNS, t.lemma)))) ||
    t.pos === 'NUM' ||
    (t.text.length === 4 && t.text.toLowerCase() === 'both')
  );
}

/** The size and kind a plural description at i states ("the two sides", "all three", "the trio"). */
function described(
  tree: Tree,
  i: number,
): { size: number; kind: GroupKind; other: boolean } | null {
  const t = tree.tokens[i]!;
  if (tree.at[i]! >= 0 || !mayDescribe(t)) return null;
  const mods = children(tree, i, 'nummod', 'det', 'det:predet', 'amod', 'advmod');
  const words = mods.map((k) => lower(tree, k));
  const other = words.includes('other');
  // "two countries abstained" names new ones; "the two countries", "both sides" refer back.
  const definite = words.some((w) => DEFINITE.has(w));
  // "both sides of the border", "two members of the council": a part of something, not a list.
  const partOf = children(tree, i, 'nmod').some(
    (k) => caseOf(tree.tokens, k) === 'of' && actorsIn(tree, k).length === 0,
  );
  if (partOf) return null;
  if (t.pos === 'NOUN' && Object.hasOwn(SIZE_NOUNS, t.lemma) && t.xpos === 'NN' && definite)
    return { size: SIZE_NOUNS[t.lemma]!, kind: 'any', other };
  if (t.pos === 'NOUN' && t.xpos === 'NNS' && Object.hasOwn(GROUP_NOUNS, t.lemma) && definite) {
    const size = counted(words) || (words.includes('both') ? 2 : 0);
    return size > 0 ? { size, kind: GROUP_NOUNS[t.lemma]!, other } : null;
  }
  // "the three agreed", "all three signed", "both said": a number or "both" as the phrase's head.
  const w = t.text.toLowerCase();
  if (
    t.pos === 'NUM' &&
    Object.hasOwn(NUMBERS, w) &&
    (words.includes('the') || words.includes('all'))
  )
    return { size: NUMBERS[w]!, kind: 'any', other };
  if (w === 'both' && /^(?:nsubj|obj|iobj|obl|nmod)/.test(t.deprel))
    return { size: 2, kind: 'any', other: false };
  return null;
}

/** The members of a list that fit a description's kind, or null when they do not. */
function fitting(list: Mention[], kind: GroupKind, analysis: ActorAnalysis): Mention[] | null {
  if (kind === 'any') return list;
  const kinds = list.map((m) => analysis.actors.get(m.actor)?.kind);
  if (kinds.every((k) => k === kind)) return list;
  if (kind === 'state' && kinds.every((k) => k === 'person')) {
    // "Both countries" after two leaders: the states the leaders serve.
    const states = list.map((m) => analysis.actors.get(m.actor)?.country ?? null);
    if (states.some((c) => !c) || new Set(states).size !== states.length) return null;
    return list.map((m, n) => ({ ...m, actor: states[n]!, via: 'role' as const }));
  }
  return null;
}

/** Plural nouns in argument roles that name no actor: rivals of a list for a plural pronoun. */
function pluralRival(tree: Tree, k: number): boolean {
  const t = tree.tokens[k]!;
  return (t.xpos === 'NNS' || t.xpos === 'NNPS') && tree.at[k]! < 0 && ARGUMENTS.has(t.deprel);
}

/** Relations of a clause's core arguments. */
const ARGUMENTS = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj']);

/** The list an unresolved plural pronoun at i stands for: the last list, with no plural noun between. */
function pronounList(tree: Tree, i: number, memory: GroupMemory): Mention[] | null {
  const info = pronounAt(tree.tokens, i);
  if (!info || info.agreement !== 'plural' || info.reflexive) return null;
  const here = tree.sentence.index;
  const start = tree.tokens[i]!.start;
  // A plain pronoun looks to the sentence before; "their" may look back in its own sentence.
  const reach = memory.lists.filter(
    (l) => (here - l.sentence === 1 || (info.possessive && l.sentence === here)) && l.end <= start,
  );
  const last = reach.sort((a, b) => b.end - a.end)[0];
  if (!last || last.rivalled) return null;
  if ((last.subject ? memory.rival.subject : memory.rival.any) > last.end) return null;
  return last.members;
}

/** The list a description of `size` refers to: the most recent fitting one within the window. */
function describedList(
  memory: GroupMemory,
  here: number,
  start: number,
  d: { size: number; kind: GroupKind; other: boolean },
  analysis: ActorAnalysis,
): Mention[] | null {
  const reach = memory.lists
    .filter((l) => here - l.sentence <= WINDOW && l.end <= start)
    .sort((a, b) => b.end - a.end);
  for (const l of reach) {
    const n = l.members.length;
    // "the other three countries": the list of four without the one now acting.
    if (n !== d.size && !(d.other && n === d.size + 1)) continue;
    const fit = fitting(l.members, d.kind, analysis);
    if (fit) return fit;
  }
  return null;
}

/** A phrase right before a list of examples or an apposed list, when it names no actor itself. */
function introduced(tree: Tree, i: number): Mention[] | null {
  const t = tree.tokens[i]!;
  if (tree.at[i]! >= 0 || t.pos !== 'NOUN' || t.xpos !== 'NNS') return null;
  // "30 countries, including Japan and Oman": the examples hang on the phrase.
  for (const k of children(tree, i, 'nmod', 'acl', 'appos')) {
    if (!EXAMPLE_CASES.has(caseOf(tree.tokens, k))) continue;
    const listed = actorsIn(tree, k);
    if (listed.length > 0) return listed;
  }
  // The examples or the apposed list hung elsewhere, right after the phrase.
  let j = tree.hi[i]! + 1;
  if (lower(tree, j) === ',') j++;
  const opener = lower(tree, j);
  const example = EXAMPLE_CASES.has(opener) || OPENERS.has(opener);
  if (!example || (lower(tree, j - 1) !== ',' && !OPENERS.has(opener))) return null;
  j++;
  if (lower(tree, j) === 'the') j++;
  if (j >= tree.tokens.length || tree.at[j]! < 0) return null;
  // The list's own head: the first token of the mention whose head lies outside it.
  let head = j;
  while (tree.tokens[head]!.head >= 0 && tree.at[tree.tokens[head]!.head] === tree.at[j])
    head = tree.tokens[head]!.head;
  if (tree.lo[head]! < j - 1 && tree.hi[head]! >= i) return null;
  const listed = actorsIn(tree, head);
  // An apposed list after a dash names at least two; one example is enough after "including".
  return listed.length >= (OPENERS.has(opener) ? 2 : 1) ? listed : null;
}

/** Relations a parser gives the first name of a list it failed to see ("Norway, Finland and ..."). */
const STRAY = new Set(['discourse', 'dep', 'vocative']);

/** Words that carry a list on past an apposed name. */
const LIST_COORDINATOR = /^(?:and|or)$/;

/**
 * A list the parser split: "Qatar, Oman and Kuwait" as Qatar with an apposition "Oman and Kuwait"
 * or with "Oman" apposed and "and Kuwait" hung elsewhere (distinct names of one kind cannot be one
 * actor's apposition), or as a stray first name before
 * the coordinated rest ("Norway" hung as discourse, "Finland and Iceland" as the subject). Each
 * listed name acts, or is acted on, with the first.
 */
function splitList(tree: Tree, i: number, analysis: ActorAnalysis): Mention[] | null {
  const at = tree.at[i]!;
  if (at < 0) return null;
  const h = tree.tokens[i]!.head;
  if (h >= 0 && tree.at[h] === at) return null;
  const first = tree.mentions[at]!;
  const kind = analysis.actors.get(first.actor)?.kind;
  if (!kind || first.via === 'pronoun' || first.via === 'role') return null;
  for (const k of children(tree, i, 'appos')) {
    const m = tree.at[k]! >= 0 ? tree.mentions[tree.at[k]!]! : null;
    if (!m || m.actor === first.actor || analysis.actors.get(m.actor)?.kind !== kind) continue;
    // The list goes on in the tree ("Oman and Kuwait" conjoined) or right after the apposition
    // ("Norway, Finland and the Netherlands" with "and the Netherlands" hung apart).
    const after = tree.hi[k]! + 1;
    const goesOn = after < tree.tokens.length && LIST_COORDINATOR.test(lower(tree, after));
    if (conjuncts(tree, k).length < 2 && conjuncts(tree, i).length < 2 && !goesOn) continue;
    // Copies, so the list's first name is not itself read as the list again.
    const out = [...actorsIn(tree, i), ...actorsIn(tree, k)].map((x) => ({ ...x }));
    return out.filter((x, n) => out.findIndex((o) => o.actor === x.actor) === n);
  }
  if (h < 0 || conjuncts(tree, i).length < 2 || !/^(?:nsubj|obj)/.test(tree.tokens[i]!.deprel))
    return null;
  // Only a comma between the stray name and the rest of the list.
  let j = i - 1;
  let comma = false;
  for (; j >= 0; j--) {
    const w = lower(tree, j);
    if (w === ',') comma = true;
    else if (tree.tokens[j]!.head !== i) break;
  }
  if (!comma || j < 0) return null;
  let k = j;
  for (let n = 0; n < 4 && k >= 0 && tree.tokens[k]!.head !== h; n++) k = tree.tokens[k]!.head;
  if (k < 0 || tree.tokens[k]!.head !== h) return null;
  if (!STRAY.has(tree.tokens[k]!.deprel) || tree.at[k]! < 0) return null;
  const m = tree.mentions[tree.at[k]!]!;
  if (m.actor === first.actor || analysis.actors.get(m.actor)?.kind !== kind) return null;
  const out = [m, ...actorsIn(tree, i)].map((x) => ({ ...x }));
  return out.filter((x, n) => out.findIndex((o) => o.actor === x.actor) === n);
}

/**
 * "support from Chile, Peru and Bolivia": a name heading coordinated names stands for all of them
 * wherever a rule reads only a phrase's first actor.
 */
function coordinated(tree: Tree, i: number): Mention[] | null {
  const at = tree.at[i]!;
  if (at < 0 || child(tree, i, 'conj') < 0) return null;
  const h = tree.tokens[i]!.head;
  if (h >= 0 && tree.at[h] === at) return null;
  const parts = conjuncts(tree, i);
  if (parts.some((c) => tree.at[c]! < 0)) return null;
  const out = actorsIn(tree, i).map((x) => ({ ...x }));
  return out.length >= 2 ? out : null;
}

/** A group mention on the token at i of the tree, standing for `members`. */
function groupMention(tree: Tree, i: number, via: Mention['via']): Mention {
  const t = tree.tokens[i]!;
  return {
    actor: `group:${tree.sentence.index}:${i}`,
    start: t.start,
    end: t.end,
    sentence: tree.sentence.index,
    via,
  };
}

/**
 * The group mentions of a sentence: plural descriptions and pronouns resolved against the lists
 * remembered so far, and phrases that introduce a list. Returns the new mentions (to be placed in
 * the tree); split and coordinated lists are recorded on their first name's own mention.
 */
export function findGroups(tree: Tree, memory: GroupMemory, analysis: ActorAnalysis): Mention[] {
  const here = tree.sentence.index;
  memory.lists = memory.lists.filter((l) => here - l.sentence <= WINDOW);
  const added: Mention[] = [];
  for (let i = 0; i < tree.tokens.length; i++) {
    if (pluralRival(tree, i)) {
      memory.rival.any = tree.tokens[i]!.start;
      if (tree.tokens[i]!.deprel.startsWith('nsubj')) memory.rival.subject = memory.rival.any;
    }
    const apposed = splitList(tree, i, analysis);
    const listed = apposed ? null : coordinated(tree, i);
    if (apposed || listed) {
      const head = tree.mentions[tree.at[i]!]!;
      memory.members.set(head, (apposed ?? listed)!);
      if (listed) memory.coordinated.add(head);
      continue;
    }
    if (tree.at[i]! >= 0) continue;
    let members: Mention[] | null = null;
    let via: Mention['via'] = 'role';
    const d = described(tree, i);
    if (d) members = describedList(memory, here, tree.tokens[i]!.start, d, analysis);
    else if (memory.lists.length > 0 && tree.tokens[i]!.pos === 'PRON') {
      members = pronounList(tree, i, memory);
      via = 'pronoun';
    }
    members ??= introduced(tree, i);
    if (!members || members.length < 1) continue;
    const g = groupMention(tree, i, via);
    memory.members.set(g, restate(members, g));
    added.push(g);
  }
  return added;
}

/** Remembers a list of two or more members, once per set of actors in a sentence (`seen`). */
function keepList(memory: GroupMemory, seen: Set<string>, list: Listed): void {
  if (list.members.length < 2) return;
  const key = list.members
    .map((m) => m.actor)
    .sort()
    .join('|');
  if (seen.has(key)) return;
  seen.add(key);
  memory.lists.push(list);
  if (memory.lists.length > MAX_LISTS) memory.lists.shift();
}

/** Offset where the phrase of token i ends. */
function endOf(tree: Tree, i: number): number {
  return tree.tokens[tree.hi[i]!]!.end;
}

function isSubject(tree: Tree, i: number): boolean {
  return tree.tokens[i]!.deprel.startsWith('nsubj');
}

/**
 * After a sentence: the lists it named (coordinated actors, lists split by an apposition, groups
 * it resolved) and the one set of parties that met in it, for descriptions further on.
 */
export function rememberLists(memory: GroupMemory, tree: Tree, raws: Raw[]): void {
  const here = tree.sentence.index;
  const seen = new Set<string>();
  for (let i = 0; i < tree.tokens.length; i++) {
    const t = tree.tokens[i]!;
    if (t.deprel === 'conj' || t.deprel === 'appos') continue;
    const own = tree.at[i]! >= 0 ? tree.mentions[tree.at[i]!]! : null;
    if (own && t.head >= 0 && tree.at[t.head] === tree.at[i]) continue;
    if (own && memory.members.has(own)) {
      keepList(memory, seen, {
        members: expandGroups(memory, [own]),
        sentence: here,
        end: endOf(tree, i),
        subject: isSubject(tree, i),
      });
      continue;
    }
    let nsubj = 0;
    let conj = false;
    for (const k of tree.kids[i]!) {
      const d = tree.tokens[k]!.deprel;
      if (d === 'nsubj') nsubj++;
      else if (d === 'conj') conj = true;
    }
    if (nsubj >= 2) {
      const subjects = children(tree, i, 'nsubj');
      // "Ecuador, Peru and Colombia signed": a list the parser split into several subjects.
      const listed = expandGroups(
        memory,
        subjects.flatMap((k) => actorsIn(tree, k)),
      );
      if (subjects.every((k) => actorsIn(tree, k).length > 0))
        keepList(memory, seen, {
          members: listed.filter((x, n) => listed.findIndex((o) => o.actor === x.actor) === n),
          sentence: here,
          end: endOf(tree, subjects.at(-1)!),
          subject: true,
        });
    }
    if (!conj) continue;
    const listed = expandGroups(memory, actorsIn(tree, i));
    if (listed.length >= 2 && conjuncts(tree, i).every((c) => actorsIn(tree, c).length > 0))
      keepList(memory, seen, {
        members: listed,
        sentence: here,
        end: endOf(tree, i),
        subject: isSubject(tree, i),
      });
  }
  // The one pair that met or acted jointly ("Chile and Peru held talks" or "Chile met Peru").
  const pairs = new Map<string, Mention[]>();
  for (const r of raws)
    if (r.symmetric && r.mode === null)
      pairs.set([r.source.actor, r.target.actor].sort().join('|'), [r.source, r.target]);
  if (pairs.size === 1) {
    const [pair] = [...pairs.values()];
    keepList(memory, seen, {
      members: pair!,
      sentence: here,
      end: Math.max(pair![0]!.end, pair![1]!.end),
      subject: true,
    });
  }
  // Two pairs met, two lists were named, or another actor is a subject too: a pronoun cannot
  // tell which group it means (only lists of this sentence are asked).
  if (!memory.lists.some((l) => l.sentence === here)) return;
  const sets = new Set([...seen, ...pairs.keys()]);
  const subjects = new Set<string>();
  tree.tokens.forEach((t, k) => {
    if (tree.at[k]! >= 0 && t.deprel.startsWith('nsubj'))
      for (const m of expandGroups(memory, [tree.mentions[tree.at[k]!]!])) subjects.add(m.actor);
  });
  for (const l of memory.lists)
    if (
      l.sentence === here &&
      (sets.size > 1 || [...subjects].some((a) => !l.members.some((m) => m.actor === a)))
    )
      l.rivalled = true;
}
