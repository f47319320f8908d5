// The name lexicon: every surface form the project's gazetteer knows (states with their aliases,
// demonyms, capitals and metonyms; organizations; people with their surnames and given names), keyed by its text
// with spacing normalised, so it can be matched against any tokenization of a sentence. The name
// finder uses matches as features, never as answers, so names the gazetteer lacks are still found.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** What a gazetteer form is: the kind is a feature value for the name finder. */
export type LexiconKind =
  'state' | 'capital' | 'metonym' | 'demonym' | 'organization' | 'person' | 'surname' | 'given';

/** Kinds of forms that name a state, a place or a body, never a person. */
export const NOT_PERSON_KINDS: ReadonlySet<LexiconKind> = new Set<LexiconKind>([
  'state',
  'capital',
  'metonym',
  'demonym',
  'organization',
]);

/** A kind plus whether the gazetteer marks the form ambiguous (a common word or shared form). */
export interface LexiconEntry {
  kind: LexiconKind;
  ambiguous: boolean;
}

/** The parts of the gazetteer files the lexicon reads; other fields are ignored. */
export interface GazetteerData {
  states?: readonly {
    name?: string;
    aliases?: readonly string[];
    demonyms?: readonly string[];
    capitals?: readonly string[];
    metonyms?: readonly string[];
    ambiguous?: readonly string[];
  }[];
  organizations?: readonly {
    name?: string;
    aliases?: readonly string[];
    ambiguous?: readonly string[];
  }[];
  people?: readonly { name?: string; aliases?: readonly string[]; surname?: string }[];
}

/** Normalised key of a surface form: typographic apostrophes folded, whitespace collapsed. */
export function lexiconKey(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** What the lexicon knows of a string: the forms it is, and whether it starts a longer key. */
interface LexiconNode {
  entries: LexiconEntry[] | undefined;
  prefix: boolean;
}

export class NameLexicon {
  /**
   * Every key and every proper prefix of a key: matching stops growing a candidate as soon as it
   * starts no key, so most tokens cost one lookup.
   */
  private readonly nodes = new Map<string, LexiconNode>();
  private forms = 0;
  /** Longest key, in UTF-16 code units, to bound matching. */
  maxLength = 0;

  /** Adds a form (and, when it starts with "the ", the form without it). */
  add(form: string, kind: LexiconKind, ambiguous = false): void {
    const key = lexiconKey(form);
    if (key === '') return;
    this.put(key, kind, ambiguous);
    if (/^the /i.test(key) && key.length > 4) this.put(key.slice(4), kind, ambiguous);
  }

  /** Entries for an exact (normalised) form, or undefined. */
  lookup(form: string): readonly LexiconEntry[] | undefined {
    return this.nodes.get(lexiconKey(form))?.entries;
  }

  /** Number of distinct forms. */
  get size(): number {
    return this.forms;
  }

  /**
   * A short digest of every form with its kinds (and ambiguity), independent of insertion order:
   * what the name finder can see of a gazetteer. Two gazetteers with the same digest give the name
   * finder the same features, whatever else in their files differs.
   */
  fingerprint(): string {
    const lines: string[] = [];
    for (const [key, node] of this.nodes) {
      if (!node.entries) continue;
      const kinds = node.entries.map((e) => `${e.kind}${e.ambiguous ? '?' : ''}`).sort();
      lines.push(`${key}\t${kinds.join(',')}`);
    }
    lines.sort();
    return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  }

  /** Whether some key is longer than this text and starts with it. */
  isPrefix(text: string): boolean {
    return this.nodes.get(text)?.prefix ?? false;
  }

  /** Internal lookup on an already normalised key. */
  getKey(key: string): readonly LexiconEntry[] | undefined {
    return this.nodes.get(key)?.entries;
  }

  /** Internal: the entries of a normalised key and whether it starts a longer one, or undefined. */
  node(key: string): Readonly<LexiconNode> | undefined {
    return this.nodes.get(key);
  }

  private nodeOf(key: string): LexiconNode {
    let node = this.nodes.get(key);
    if (!node) {
      node = { entries: undefined, prefix: false };
      this.nodes.set(key, node);
    }
    return node;
  }

  private put(key: string, kind: LexiconKind, ambiguous: boolean): void {
    const node = this.nodeOf(key);
    let list = node.entries;
    if (!list) {
      list = [];
      node.entries = list;
      this.forms++;
    }
    const same = list.find((e) => e.kind === kind);
    if (same) same.ambiguous ||= ambiguous;
    else list.push({ kind, ambiguous });
    if (key.length > this.maxLength) this.maxLength = key.length;
    for (let k = 1; k < key.length; k++) this.nodeOf(key.slice(0, k)).prefix = true;
  }
}

/** Builds a lexicon from gazetteer records already in memory. */
export function buildNameLexicon(data: GazetteerData): NameLexicon {
  const lex = new NameLexicon();
  for (const s of data.states ?? []) {
    const amb = new Set((s.ambiguous ?? []).map(lexiconKey));
    const add = (forms: readonly string[] | undefined, kind: LexiconKind): void => {
      for (const f of forms ?? []) lex.add(f, kind, amb.has(lexiconKey(f)));
    };
    add(s.name === undefined ? [] : [s.name], 'state');
    add(s.aliases, 'state');
    add(s.demonyms, 'demonym');
    add(s.capitals, 'capital');
    add(s.metonyms, 'metonym');
  }
  for (const o of data.organizations ?? []) {
    const amb = new Set((o.ambiguous ?? []).map(lexiconKey));
    for (const f of [...(o.name === undefined ? [] : [o.name]), ...(o.aliases ?? [])])
      lex.add(f, 'organization', amb.has(lexiconKey(f)));
  }
  for (const p of data.people ?? []) {
    for (const f of [...(p.name === undefined ? [] : [p.name]), ...(p.aliases ?? [])])
      lex.add(f, 'person');
    if (p.surname) lex.add(p.surname, 'surname', true);
    const given = givenName(p.name, p.surname);
    if (given) lex.add(given, 'given', true);
  }
  return lex;
}

/** The given name of "Joe Biden" (Joe) or "Xi Jinping" with surname Xi (Jinping); else undefined. */
function givenName(name: string | undefined, surname: string | undefined): string | undefined {
  const words = (name ?? '').split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return undefined;
  if (surname !== undefined && words[0] === surname) return words.slice(1).join(' ');
  return /^\p{Lu}\p{Ll}+$/u.test(words[0]) ? words[0] : undefined;
}

function readJsonArray(file: string): unknown[] {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(value)) throw new Error(`name lexicon: ${file} is not a JSON array`);
  return value;
}

/** The project's gazetteer folder (graph-data/gazetteer), whose names are features. */
export const DEFAULT_GAZETTEER = path.join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'graph-data',
  'gazetteer',
);

/**
 * Loads the lexicon from a gazetteer folder: `states.json`, `organizations.json` and every
 * `people/*.json` (each file optional).
 */
export function loadNameLexicon(gazetteerDir: string): NameLexicon {
  const data: GazetteerData = {};
  const states = path.join(gazetteerDir, 'states.json');
  const orgs = path.join(gazetteerDir, 'organizations.json');
  const peopleDir = path.join(gazetteerDir, 'people');
  if (existsSync(states)) data.states = readJsonArray(states) as GazetteerData['states'];
  if (existsSync(orgs)) data.organizations = readJsonArray(orgs) as GazetteerData['organizations'];
  if (existsSync(peopleDir)) {
    const people: unknown[] = [];
    for (const f of readdirSync(peopleDir)
      .filter((n) => n.endsWith('.json'))
      .sort())
      people.push(...readJsonArray(path.join(peopleDir, f)));
    data.people = people as GazetteerData['people'];
  }
  return buildNameLexicon(data);
}

/** A lexicon match over tokens [first, last]. */
export interface LexiconMatch {
  first: number;
  last: number;
  entries: readonly LexiconEntry[];
}

const QUOTES = /[’‘]/;
const QUOTES_ALL = /[’‘]/g;

/** Longest number of tokens a match may cover. */
const MAX_TOKENS = 10;

/**
 * Every lexicon form found in a tokenized sentence. Tokens are joined with a space where their
 * offsets leave a gap and without one where they touch, so "U.S." matches whether the tokenizer
 * kept it whole or not.
 */
export function matchLexicon(
  tokens: readonly { text: string; start: number; end: number }[],
  lexicon: NameLexicon,
): LexiconMatch[] {
  const matches: LexiconMatch[] = [];
  if (lexicon.size === 0) return matches;
  const texts = tokens.map((t) => (QUOTES.test(t.text) ? t.text.replace(QUOTES_ALL, "'") : t.text));
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < tokens.length && j < i + MAX_TOKENS; j++) {
      if (j > i && tokens[j].start > tokens[j - 1].end) key += ' ';
      key += texts[j];
      if (key.length > lexicon.maxLength) break;
      const node = lexicon.node(key);
      if (!node) break;
      if (node.entries) matches.push({ first: i, last: j, entries: node.entries });
      if (!node.prefix) break;
    }
  }
  return matches;
}
