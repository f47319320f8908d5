// The event lexicon (graph-data/ontology/verbs.json and patterns.json), validated and indexed by head
// lemma for O(1) lookup: verbs with their particles, object nouns and target slots, event nouns,
// control verbs, cue words, and the dependency patterns of multi-word and judgement predicates.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PloverType, dataPath, type PloverType as PloverTypeT } from '../../model/index.ts';
import { buildPatterns, type Pattern } from './patterns.ts';

const TargetSlot = z.enum(['object', 'prep', 'object|prep', 'none']);
export type TargetSlot = z.infer<typeof TargetSlot>;

const ControlKind = z.enum([
  'future',
  'hypothetical',
  'negated',
  'reject',
  'commit',
  'threat',
  'request',
  'decide',
]);
export type ControlKind = z.infer<typeof ControlKind>;

const VerbRow = z.object({
  lemma: z.string().min(1),
  type: PloverType,
  particle: z.string().optional(),
  object: z.array(z.string()).optional(),
  prep: z.array(z.string()).optional(),
  target: TargetSlot.optional(),
  symmetric: z.boolean().optional(),
  reverse: z.boolean().optional(),
  speech: z.enum(['say', 'tell']).optional(),
  ploverMode: z.string().optional(),
});

const NounRow = z.object({
  lemma: z.string().min(1),
  type: PloverType,
  prep: z.array(z.string()).default([]),
  /** Nouns one of which must follow ("withdrawal from the accord with Y"). */
  object: z.array(z.string()).optional(),
  symmetric: z.boolean().optional(),
  ploverMode: z.string().optional(),
});

const LexiconFile = z.object({
  verbs: z.array(VerbRow),
  nouns: z.array(NounRow),
  control: z.record(z.string(), ControlKind),
  cues: z.object({
    stop: z.array(z.string()),
    obligation: z.array(z.string()),
    accusation: z.array(z.string()),
    threat: z.array(z.string()),
    hedge: z.array(z.string()),
    led: z.array(z.string()),
    menace: z.array(z.string()).default([]),
    exposed: z.array(z.string()).default([]),
    envoys: z.array(z.string()).default([]),
    accusationNouns: z.array(z.string()).default([]),
    requestNouns: z.array(z.string()).default([]),
    relief: z.array(z.string()).default([]),
    held: z.array(z.string()).default([]),
    sanctionContext: z.array(z.string()).default([]),
    forceContext: z.array(z.string()).default([]),
    outcome: z.array(z.string()).default([]),
    settled: z.array(z.string()).default([]),
    settle: z.array(z.string()).default([]),
    gatherings: z.array(z.string()).default([]),
    halts: z.array(z.string()).default([]),
    concerns: z.array(z.string()).default([]),
  }),
});

/** One verb or phrase: head lemma, then the words that must follow it, then object and target. */
export interface VerbEntry {
  head: string;
  /** Words right after the head ("on" in "call on", "out of" in "pull out of"). */
  particle: string[];
  /** Nouns one of which must head the object ("impose sanctions"), or null for any object. */
  object: Set<string> | null;
  prep: string[];
  target: TargetSlot;
  type: PloverTypeT;
  symmetric: boolean;
  reverse: boolean;
  speech: 'say' | 'tell' | null;
  ploverMode?: string;
}

export interface NounEntry {
  /** The noun's words; the last one is the key. */
  words: string[];
  type: PloverTypeT;
  prep: string[];
  object: Set<string> | null;
  symmetric: boolean;
  ploverMode?: string;
}

export interface Lexicon {
  verbs: Map<string, VerbEntry[]>;
  nouns: Map<string, NounEntry[]>;
  control: Map<string, ControlKind>;
  /** Dependency patterns by head lemma ("express concern over X", "called X baseless"). */
  patterns: Map<string, Pattern[]>;
  cues: {
    stop: Set<string>;
    obligation: Set<string>;
    accusation: Set<string>;
    threat: Set<string>;
    hedge: Set<string>;
    led: Set<string>;
    /** Words that make reported content a threat ("retaliation", "revenge"). */
    menace: Set<string>;
    /** Nouns a threat can hit, so a demonym on them names the threatened state ("interests"). */
    exposed: Set<string>;
    /** Diplomats a state sends abroad, whose recall or expulsion sanctions the other state. */
    envoys: Set<string>;
    /** Nouns naming a charge ("accusations", "claims"): denying one answers its author's ACCUSE. */
    accusationNouns: Set<string>;
    /** Nouns naming a request ("call", "demand"), for "X's call for Y to ...". */
    requestNouns: Set<string>;
    /** Nouns of undoing ("lifting", "removal") in "seeking the lifting of Y's sanctions". */
    relief: Set<string>;
    /** What a state holds over others and can be asked to undo ("sanctions", "blockade"). */
    held: Set<string>;
    /** Words that make "targeted" a sanction ("the sanctions targeted X", "targeted with tariffs"). */
    sanctionContext: Set<string>;
    /** Words that make "targeted" an attack ("strikes targeted X", "targeted X's positions"). */
    forceContext: Set<string>;
    /** Verbs by which a meeting yields something ("talks produced a deal", "resulted in an accord"). */
    outcome: Set<string>;
    /** Nouns naming a settlement a meeting can yield ("deal", "accord", "truce"). */
    settled: Set<string>;
    /** Participles that make the parties of a settlement ("a deal reached between", "struck by"). */
    settle: Set<string>;
    /** Gatherings a speaker addresses ("told the assembly"): a venue, not a party to talks. */
    gatherings: Set<string>;
    /** Nouns that stop what they govern ("the pause in aid to Y", "a freeze on trade with Y"). */
    halts: Set<string>;
    /** Words of worry ("concerned about", "fears"): a charge they govern is their subject's. */
    concerns: Set<string>;
  };
}

function specificity(e: VerbEntry): number {
  return (e.object ? 4 : 0) + e.particle.length * 2 + (e.target === 'prep' ? 1 : 0);
}

/**
 * Builds the indexed lexicon from the raw JSON of verbs.json and, when given, patterns.json
 * (exported for tests with their own data).
 */
export function buildLexicon(raw: unknown, rawPatterns?: unknown): Lexicon {
  const file = LexiconFile.parse(raw);
  const verbs = new Map<string, VerbEntry[]>();
  for (const row of file.verbs) {
    const words = row.lemma.toLowerCase().split(/\s+/);
    const head = words[0]!;
    const particle = [...words.slice(1), ...(row.particle ? row.particle.split(/\s+/) : [])];
    const prep = row.prep ?? [];
    const target: TargetSlot =
      row.target ?? (prep.length === 0 ? 'object' : row.object ? 'prep' : 'object|prep');
    const entry: VerbEntry = {
      head,
      particle,
      object: row.object ? new Set(row.object.map((o) => o.toLowerCase())) : null,
      prep,
      target,
      type: row.type,
      symmetric: row.symmetric ?? false,
      reverse: row.reverse ?? false,
      speech: row.speech ?? null,
      ...(row.ploverMode ? { ploverMode: row.ploverMode } : {}),
    };
    const list = verbs.get(head) ?? [];
    list.push(entry);
    verbs.set(head, list);
  }
  // Most specific first, so "strike a deal with" wins over "strike"; stable for equal ranks.
  for (const list of verbs.values()) list.sort((a, b) => specificity(b) - specificity(a));

  const nouns = new Map<string, NounEntry[]>();
  for (const row of file.nouns) {
    const words = row.lemma.toLowerCase().split(/\s+/);
    const key = words[words.length - 1]!;
    const list = nouns.get(key) ?? [];
    list.push({
      words,
      type: row.type,
      prep: row.prep,
      object: row.object ? new Set(row.object.map((o) => o.toLowerCase())) : null,
      symmetric: row.symmetric ?? false,
      ...(row.ploverMode ? { ploverMode: row.ploverMode } : {}),
    });
    nouns.set(key, list);
  }
  // Longest phrase first, then entries that need an object before the plain ones.
  for (const list of nouns.values())
    list.sort((a, b) => b.words.length - a.words.length || +!!b.object - +!!a.object);

  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const cues: Lexicon['cues'] = {
    stop: set(file.cues.stop),
    obligation: set(file.cues.obligation),
    accusation: set(file.cues.accusation),
    threat: set(file.cues.threat),
    hedge: set(file.cues.hedge),
    led: set(file.cues.led),
    menace: set(file.cues.menace),
    exposed: set(file.cues.exposed),
    envoys: set(file.cues.envoys),
    accusationNouns: set(file.cues.accusationNouns),
    requestNouns: set(file.cues.requestNouns),
    relief: set(file.cues.relief),
    held: set(file.cues.held),
    sanctionContext: set(file.cues.sanctionContext),
    forceContext: set(file.cues.forceContext),
    outcome: set(file.cues.outcome),
    settled: set(file.cues.settled),
    settle: set(file.cues.settle),
    gatherings: set(file.cues.gatherings),
    halts: set(file.cues.halts),
    concerns: set(file.cues.concerns),
  };
  return {
    verbs,
    nouns,
    control: new Map(Object.entries(file.control)),
    patterns: rawPatterns === undefined ? new Map() : buildPatterns(rawPatterns, cues),
    cues,
  };
}

let cached: Lexicon | undefined;

/** The project lexicon, read and indexed once. */
export function lexicon(): Lexicon {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(dataPath('ontology', name), 'utf8')) as unknown;
  cached ??= buildLexicon(read('verbs.json'), read('patterns.json'));
  return cached;
}
