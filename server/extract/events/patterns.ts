// Multi-word and judgement predicates as small dependency patterns (graph-data/ontology/patterns.json):
// a head lemma and the dependents it must have, by relation, with their words, case words and slot
// roles (target; source when the head's own subject is the one acted on; companion, a party acting beside
// the head's doers) and actor kinds on the slots and on the head's doers ("express concern over X",
// "call X baseless", "count on X to", "sever ties with X", "attacked" by a person in words).
import { z } from 'zod';
import { PloverType, type PloverType as PloverTypeT } from '../../model/index.ts';
import type { Mention } from '../types.ts';
import { caseOf } from '../case-words.ts';
import { actorsIn, child, type Tree } from './tree.ts';

/** Actor kinds a slot can ask for; "press" is a news outlet, an organization of its own sort. */
const Kind = z.enum(['state', 'person', 'organization', 'press']);
type KindName = z.infer<typeof Kind>;
const Kinds = z.union([Kind, z.array(Kind).min(1)]);

interface DepRow {
  rel: string[];
  lemma?: string[] | undefined;
  case?: string[] | undefined;
  notCase?: string[] | undefined;
  within?: string[] | undefined;
  after?: boolean | undefined;
  role?: 'target' | 'source' | 'companion' | undefined;
  kind?: KindName | KindName[] | undefined;
  notLemma?: string[] | undefined;
  deps?: DepRow[] | undefined;
}

const DepSchema: z.ZodType<DepRow> = z.lazy(() =>
  z.object({
    rel: z.array(z.string()).min(1),
    lemma: z.array(z.string()).optional(),
    case: z.array(z.string()).optional(),
    notCase: z.array(z.string()).optional(),
    within: z.array(z.string()).optional(),
    after: z.boolean().optional(),
    role: z.enum(['target', 'source', 'companion']).optional(),
    kind: Kinds.optional(),
    /** Words the dependent must not be ("launched an offensive" founds no organization). */
    notLemma: z.array(z.string()).optional(),
    deps: z.array(DepSchema).optional(),
  }),
);

const PatternRow = z.object({
  id: z.string().min(1),
  head: z.array(z.string()).min(1),
  /** "none" reads the words as no event and stops the plain verb senses ("called X one of ..."). */
  type: z.union([PloverType, z.literal('none')]),
  ploverMode: z.string().optional(),
  /** The kinds the head's own doers must have ("attacked" by a person is a verbal attack). */
  source: z.object({ kind: Kinds }).optional(),
  deps: z.array(DepSchema).min(1),
});

export const PatternFile = z.object({
  /** Named word lists the patterns' `lemma` and `within` fields refer to as "@name". */
  sets: z.record(z.string(), z.array(z.string())).default({}),
  patterns: z.array(PatternRow),
});

/** One dependent a pattern requires, with word lists resolved to sets. */
export interface PatternDep {
  rel: string[];
  lemma: Set<string> | null;
  case: string[] | null;
  notCase: string[];
  within: Set<string> | null;
  after: boolean;
  role: 'target' | 'source' | 'companion' | null;
  kind: KindName[] | null;
  notLemma: Set<string> | null;
  deps: PatternDep[];
}

export interface Pattern {
  id: string;
  type: PloverTypeT | 'none';
  ploverMode?: string;
  /** Kinds every doer of the head must have; null for any. */
  sourceKind: KindName[] | null;
  deps: PatternDep[];
}

function kindList(k: KindName | KindName[] | undefined): KindName[] | null {
  if (k === undefined) return null;
  return Array.isArray(k) ? k : [k];
}

/** Resolves "@name" entries to the named lists (the file's own sets, then the lexicon's cues). */
function words(list: string[], sets: Record<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const w of list) {
    if (w.startsWith('@')) {
      const named = sets[w.slice(1)];
      if (!named) throw new Error(`patterns: unknown word set ${w}`);
      for (const x of named) out.add(x);
    } else out.add(w.toLowerCase());
  }
  return out;
}

function buildDep(row: DepRow, sets: Record<string, Set<string>>): PatternDep {
  return {
    rel: row.rel,
    lemma: row.lemma ? words(row.lemma, sets) : null,
    case: row.case ?? null,
    notCase: row.notCase ?? [],
    within: row.within ? words(row.within, sets) : null,
    after: row.after ?? false,
    role: row.role ?? null,
    kind: kindList(row.kind),
    notLemma: row.notLemma ? words(row.notLemma, sets) : null,
    deps: (row.deps ?? []).map((d) => buildDep(d, sets)),
  };
}

/** Indexes the patterns by head lemma, in file order (the first that matches wins). */
export function buildPatterns(
  raw: unknown,
  cues: Record<string, Set<string>>,
): Map<string, Pattern[]> {
  const file = PatternFile.parse(raw);
  const sets: Record<string, Set<string>> = { ...cues };
  for (const [name, list] of Object.entries(file.sets))
    sets[name] = new Set(list.map((w) => w.toLowerCase()));
  const out = new Map<string, Pattern[]>();
  for (const row of file.patterns) {
    const p: Pattern = {
      id: row.id,
      type: row.type,
      ...(row.ploverMode ? { ploverMode: row.ploverMode } : {}),
      sourceKind: kindList(row.source?.kind),
      deps: row.deps.map((d) => buildDep(d, sets)),
    };
    for (const h of words(row.head, sets)) {
      const list = out.get(h) ?? [];
      list.push(p);
      out.set(h, list);
    }
  }
  return out;
}

/** The kind of an actor id when the caller knows it: state, person, organization, or press. */
export type KindOf = (actor: string) => string | undefined;

/** Whether an actor's kind is one of `wanted`; a news outlet is also an organization. */
export function kindIs(kind: string | undefined, wanted: readonly string[]): boolean {
  if (kind === undefined) return false;
  return wanted.includes(kind) || (kind === 'press' && wanted.includes('organization'));
}

export interface PatternHit {
  pattern: Pattern;
  targets: Mention[];
  /** Doers named by a source slot ("met with opposition from Y"); the head's own doers are then
   * the targets. */
  sources: Mention[];
  /** Parties acting beside the head's doers ("X will join Y for talks with Z": Y). */
  companions: Mention[];
  /** Tokens the pattern used as its words (not its slots): event nouns it has read. */
  used: number[];
}

const RELATIVE = new Set(['which', 'who', 'whom', 'that']);

function relOk(deprel: string, rels: string[]): boolean {
  if (rels.includes(deprel)) return true;
  const colon = deprel.indexOf(':');
  return colon >= 0 && rels.includes(deprel.slice(0, colon));
}

/** The case word or subordinating mark of a dependent ("on", "as", "to"). */
function caseOrMark(tree: Tree, k: number): string {
  const c = caseOf(tree.tokens, k);
  if (c) return c;
  const m = child(tree, k, 'mark');
  return m >= 0 ? tree.tokens[m]!.text.toLowerCase() : '';
}

/** Whether one of the first ten words of the subtree at k is in the set. */
function hasWithin(tree: Tree, k: number, set: Set<string>): boolean {
  const to = Math.min(tree.hi[k]!, tree.lo[k]! + 10);
  for (let j = tree.lo[k]!; j <= to; j++) {
    const w = tree.tokens[j]!;
    if (set.has(w.lemma) || set.has(w.text.toLowerCase())) return true;
  }
  return false;
}

interface Binding {
  targets: Mention[];
  sources: Mention[];
  companions: Mention[];
  used: number[];
}

function matchDep(
  tree: Tree,
  node: number,
  dep: PatternDep,
  kindOf: KindOf | undefined,
): Binding | null {
  for (const k of tree.kids[node]!) {
    const t = tree.tokens[k]!;
    if (!relOk(t.deprel, dep.rel)) continue;
    if (dep.after && k < node) continue;
    if (dep.lemma && !dep.lemma.has(t.lemma) && !dep.lemma.has(t.text.toLowerCase())) continue;
    if (dep.notLemma && (dep.notLemma.has(t.lemma) || dep.notLemma.has(t.text.toLowerCase())))
      continue;
    const cm = caseOrMark(tree, k);
    if (dep.case && !dep.case.includes(cm)) continue;
    if (dep.notCase.includes(cm)) continue;
    if (dep.within && !hasWithin(tree, k, dep.within)) continue;
    // The dependent's own dependents first: most candidates fail there, before any slot is read.
    const inner = matchAll(tree, k, dep.deps, kindOf);
    if (!inner) continue;
    const b: Binding = { targets: [], sources: [], companions: [], used: dep.lemma ? [k] : [] };
    if (dep.role === 'source') b.sources.push(...actorsIn(tree, k));
    if (dep.role === 'companion') b.companions.push(...actorsIn(tree, k));
    if (dep.role === 'target') {
      // "the country which he hit with tariffs": a relative pronoun stands for the noun.
      const up = tree.tokens[node]!;
      const slot =
        RELATIVE.has(t.text.toLowerCase()) && up.deprel === 'acl:relcl' && up.head >= 0
          ? up.head
          : k;
      let found = actorsIn(tree, slot, true);
      const wanted = dep.kind;
      if (wanted && kindOf) found = found.filter((m) => kindIs(kindOf(m.actor), wanted));
      if (dep.kind && found.length === 0) continue;
      b.targets.push(...found);
    }
    return merge(b, inner);
  }
  return null;
}

/** Adds `more`'s slots to `into` (each actor once) and its words; returns `into`. */
function merge(into: Binding, more: Binding): Binding {
  for (const m of more.targets)
    if (!into.targets.some((x) => x.actor === m.actor)) into.targets.push(m);
  for (const m of more.sources)
    if (!into.sources.some((x) => x.actor === m.actor)) into.sources.push(m);
  for (const m of more.companions)
    if (!into.companions.some((x) => x.actor === m.actor)) into.companions.push(m);
  into.used.push(...more.used);
  return into;
}

/** Every dependent of `deps` found under `node`, their slots together; null when one is missing. */
function matchAll(
  tree: Tree,
  node: number,
  deps: PatternDep[],
  kindOf: KindOf | undefined,
): Binding | null {
  // Nothing is gathered until the first dependent is found: most heads miss it.
  let all: Binding | null = null;
  for (const d of deps) {
    const b = matchDep(tree, node, d, kindOf);
    if (!b) return null;
    all ??= { targets: [], sources: [], companions: [], used: [] };
    merge(all, b);
  }
  return all ?? { targets: [], sources: [], companions: [], used: [] };
}

/**
 * The first pattern of the head lemma at i whose dependents are all found and whose doer kinds hold
 * (`doers` gives the head's doers, asked only by a pattern that constrains them), with its slots.
 */
export function matchPattern(
  tree: Tree,
  i: number,
  patterns: Map<string, Pattern[]>,
  kindOf?: KindOf,
  doers?: () => Mention[],
): PatternHit | null {
  const list = patterns.get(tree.tokens[i]!.lemma);
  if (!list) return null;
  let who: Mention[] | null = null;
  for (const pattern of list) {
    const wanted = pattern.sourceKind;
    if (wanted) {
      if (!kindOf || !doers) continue;
      who ??= doers();
      if (who.length === 0 || !who.every((m) => kindIs(kindOf(m.actor), wanted))) continue;
    }
    const b = matchAll(tree, i, pattern.deps, kindOf);
    if (b) return { pattern, ...b };
  }
  return null;
}
