// Pronoun resolution on the parse: each third-person pronoun takes the antecedent that agrees with
// it (person, or state and organization) and scores highest on salience (its mentions' syntactic
// roles, decaying with distance), with binding and subject parallelism from the tree.
import type { Sentence, Token } from '../types.ts';
import { pronounAt, type Agreement, type PronounInfo } from './pronouns.ts';

/** A span a pronoun may refer back to. */
export interface Candidate {
  /** The actor the span names, or null for a name that is not an actor (it still takes pronouns). */
  actor: string | null;
  /** `thing` and `group`: a common noun ("the report", "the parents") that can take "it" or "they". */
  kind: 'person' | 'organization' | 'state' | 'thing' | 'group';
  /** For a name that is not an actor: the key its repeats share (the folded name). */
  key?: string;
  /** A gender the text states for the person ("Mr.", "spokeswoman"), when it does. */
  gender?: 'm' | 'f';
  start: number;
  end: number;
  sentence: number;
}

/** A pronoun and the antecedent chosen for it. */
export interface PronounLink {
  start: number;
  end: number;
  sentence: number;
  antecedent: Candidate;
}

/** How many sentences back an antecedent is looked for. */
const WINDOW = 3;

const ROLE_WEIGHT: Record<string, number> = {
  nsubj: 100,
  'nsubj:pass': 90,
  obj: 70,
  iobj: 65,
  appos: 60,
  root: 60,
  'nmod:poss': 50,
  obl: 40,
  'obl:agent': 60,
  nmod: 35,
  conj: 60,
};

interface Placed {
  /** The named antecedent this entry stands for (for a resolved pronoun: the one it took). */
  c: Candidate;
  /** Where the entry lies: the candidate's span, or the resolved pronoun's. */
  start: number;
  end: number;
  /** Index of the candidate's head token in its sentence, or -1 when it lies on no token. */
  head: number;
  role: string;
  /** The clause head the candidate is an argument of. */
  governor: number;
  /** A coordination of candidates ("Chile and Peru"), a candidate for "they" only. */
  list?: true;
}

/** The token of a span whose head lies outside it. */
export function spanHead(tokens: Token[], start: number, end: number): number {
  // Tokens are in text order and never overlap, so the span's tokens are one run, found by
  // bisection: the first token starting at or after `start`, then on while they end by `end`.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let first = -1;
  for (let k = lo; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.end > end) break;
    if (first < 0) first = k;
    const h = t.head;
    if (h < 0 || tokens[h]!.start < start || tokens[h]!.end > end) return k;
  }
  return first;
}

/** Relations of a word inside a name or fixed phrase (flat, compound, fixed and their subtypes). */
function partOfName(deprel: string): boolean {
  return deprel.startsWith('flat') || deprel.startsWith('compound') || deprel.startsWith('fixed');
}

/** The deprel that says what a token does in its clause (a flat or compound part takes its head's). */
export function clauseRole(tokens: Token[], k: number): { role: string; governor: number } {
  let i = k;
  let steps = 0;
  while (i >= 0 && partOfName(tokens[i]!.deprel) && steps++ < 8) {
    i = tokens[i]!.head;
  }
  if (i < 0) return { role: 'other', governor: -1 };
  const t = tokens[i]!;
  const colon = t.deprel.indexOf(':');
  const base = t.deprel.startsWith('nsubj') || colon < 0 ? t.deprel : t.deprel.slice(0, colon);
  // A conjunct shares its first conjunct's role.
  if (base === 'conj' && t.head >= 0) return clauseRole(tokens, t.head);
  return { role: t.deprel in ROLE_WEIGHT ? t.deprel : base, governor: t.head };
}

function agrees(kind: Candidate['kind'], a: Agreement): boolean {
  if (a === 'person') return kind === 'person';
  if (a === 'body') return kind === 'organization' || kind === 'state' || kind === 'thing';
  // A state is "it"; "they" is a group, or a body seen as its members.
  return kind === 'organization' || kind === 'group';
}

/** The salience of a mention in a syntactic role (subject 100, object 70 ...). */
export function weight(role: string): number {
  return ROLE_WEIGHT[role] ?? 35;
}

/**
 * Chooses an antecedent for every third-person pronoun of the sentences among `candidates`
 * (spans sorted or not). A pronoun with no agreeing candidate in reach is left out.
 */
export function resolvePronouns(sentences: Sentence[], candidates: Candidate[]): PronounLink[] {
  const sentenceAt = new Map(sentences.map((s) => [s.index, s]));
  const waiting = new Map<number, Candidate[]>();
  for (const c of candidates) {
    if (!sentenceAt.has(c.sentence)) continue;
    const list = waiting.get(c.sentence);
    if (list) list.push(c);
    else waiting.set(c.sentence, [c]);
  }
  // A sentence's candidates are placed in its tree only when a pronoun first looks at it.
  const bySentence = new Map<number, Placed[]>();
  const placedIn = (index: number): Placed[] | undefined => {
    let list = bySentence.get(index);
    if (list) return list;
    const cs = waiting.get(index);
    if (!cs) return undefined;
    const s = sentenceAt.get(index)!;
    list = [];
    for (const c of cs) {
      const head = spanHead(s.tokens, c.start, c.end);
      const { role, governor } =
        head >= 0 ? clauseRole(s.tokens, head) : { role: 'other', governor: -1 };
      list.push({ c, start: c.start, end: c.end, head, role, governor });
    }
    list.push(...coordinations(s.tokens, list));
    bySentence.set(index, list);
    return list;
  };
  const links: PronounLink[] = [];
  const memory: Memory = { gender: new Map(), bound: [] };
  for (const c of candidates) if (c.gender) memory.gender.set(entityKey(c), c.gender);
  for (const s of sentences) {
    memory.bound = [];
    for (let i = 0; i < s.tokens.length; i++) {
      const info = pronounAt(s.tokens, i);
      if (!info) continue;
      const chosen = choose(s, i, info, placedIn, memory);
      if (!chosen) continue;
      const t = s.tokens[i]!;
      links.push({ start: t.start, end: t.end, sentence: s.index, antecedent: chosen });
      const key = entityKey(chosen);
      if (info.gender && !memory.gender.has(key)) memory.gender.set(key, info.gender);
      const pr = clauseRole(s.tokens, i);
      memory.bound.push({ key, governor: pr.governor });
      // The pronoun now mentions its entity: "He ... He ... he" keeps the chain in reach.
      const list = placedIn(s.index) ?? [];
      list.push({
        c: chosen,
        start: t.start,
        end: t.end,
        head: i,
        role: pr.role,
        governor: pr.governor,
      });
      bySentence.set(s.index, list);
    }
  }
  return links;
}

/** How much a coordination outranks the names in it as the antecedent of "they". */
const LIST_BONUS = 10;

/**
 * "Chile and Peru", "Hamas, Fatah and Islamic Jihad": a coordination of candidates is itself a
 * candidate for "they", with the role of its first conjunct. It names no one actor, so a pronoun
 * that takes it is left to the event stage, which reads groups.
 */
function coordinations(tokens: Token[], placed: Placed[]): Placed[] {
  const byHead = new Map<number, Placed>();
  for (const p of placed) if (p.head >= 0 && p.c.actor !== null) byHead.set(p.head, p);
  const out: Placed[] = [];
  for (const p of byHead.values()) {
    if (tokens[p.head]!.deprel === 'conj') continue;
    let end = p.end;
    let parts = 1;
    for (let k = p.head + 1; k < tokens.length && parts < 12; k++) {
      if (tokens[k]!.deprel !== 'conj' || tokens[k]!.head !== p.head) continue;
      const q = byHead.get(k);
      if (!q) break;
      end = Math.max(end, q.end);
      parts++;
    }
    if (parts < 2) continue;
    const c: Candidate = {
      actor: null,
      kind: 'group',
      key: `list:${p.c.sentence}:${p.start}`,
      start: p.start,
      end,
      sentence: p.c.sentence,
    };
    out.push({ ...p, c, end, list: true });
  }
  return out;
}

/** What earlier links in the article settled: each entity's gender, this sentence's bound pronouns. */
interface Memory {
  gender: Map<string, 'm' | 'f'>;
  bound: { key: string; governor: number }[];
}

function entityKey(c: Candidate): string {
  return c.actor ?? `name:${c.key ?? `${c.kind}:${c.start}`}`;
}

function choose(
  s: Sentence,
  i: number,
  info: PronounInfo,
  placedIn: (sentence: number) => Placed[] | undefined,
  memory: Memory,
): Candidate | null {
  const p = s.tokens[i]!;
  const pRole = clauseRole(s.tokens, i);
  const scores = new Map<string, { score: number; last: Placed }>();
  // "Northwind welcomed it", "Ruto praised him": a plain pronoun is never its own clause's
  // subject or object, so the entities named as its coarguments are out.
  const coarguments = new Set<string>();
  if (!info.reflexive && !info.possessive) {
    for (const placed of placedIn(s.index) ?? []) {
      if (placed.governor >= 0 && placed.governor === pRole.governor) {
        coarguments.add(entityKey(placed.c));
      }
    }
    for (const b of memory.bound) if (b.governor === pRole.governor) coarguments.add(b.key);
  }
  for (let back = WINDOW; back >= 0; back--) {
    for (const placed of placedIn(s.index - back) ?? []) {
      const { c } = placed;
      if (!agrees(c.kind, info.agreement)) continue;
      if (back === 0) {
        if (placed.end > p.start) continue;
        const coargument = placed.governor >= 0 && placed.governor === pRole.governor;
        // "Ruto praised him": a plain object pronoun is never its own clause's subject;
        // "Ruto praised himself": a reflexive is.
        if (info.reflexive !== coargument && !info.possessive) continue;
      } else if (info.reflexive) continue;
      const key = entityKey(c);
      const gender = memory.gender.get(key);
      if (info.gender && gender && gender !== info.gender) continue;
      if (coarguments.has(key)) continue;
      let w = (weight(placed.role) + (placed.list ? LIST_BONUS : 0)) * 0.5 ** back;
      if (back <= 1 && pRole.role.startsWith('nsubj') && placed.role.startsWith('nsubj')) w += 35;
      const had = scores.get(key);
      if (had) {
        had.score += w;
        had.last = placed;
      } else scores.set(key, { score: w, last: placed });
    }
  }
  let best: { score: number; last: Placed } | null = null;
  for (const v of scores.values()) {
    if (
      !best ||
      v.score > best.score ||
      (v.score === best.score && v.last.start > best.last.start)
    ) {
      best = v;
    }
  }
  return best ? best.last.c : null;
}
