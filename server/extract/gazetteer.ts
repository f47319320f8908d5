// The gazetteer: states, organizations, people with dated roles and role words from graph-data,
// loaded once and indexed as a phrase trie for longest-match lookup over tokens.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GRAPH_DATA, type ActorKind, type DatedRole } from '../model/index.ts';
import { fold, isAcronym, normKey, phraseKeys } from './names.ts';

const strings = z.array(z.string()).default([]);

const StateEntry = z.object({
  id: z.string(),
  name: z.string(),
  iso3: z.string().optional(),
  aliases: strings,
  demonyms: strings,
  capitals: strings,
  metonyms: strings,
  ambiguous: strings,
});
const OrgEntry = z.object({
  id: z.string(),
  name: z.string(),
  aliases: strings,
  country: z.string().nullable().default(null),
  parent: z.string().nullable().default(null),
  category: z.string().default('igo'),
  ambiguous: strings,
});
const RoleEntry = z.object({
  title: z.string(),
  office: z.string().nullable().optional(),
  of: z.string().nullable().default(null),
  from: z.string().nullable().default(null),
  to: z.string().nullable().default(null),
});
const PersonEntry = z.object({
  id: z.string(),
  name: z.string(),
  aliases: strings,
  surname: z.string().nullable().optional(),
  country: z.string().nullable().default(null),
  roles: z.array(RoleEntry).default([]),
});
type StateEntry = z.infer<typeof StateEntry>;
type OrgEntry = z.infer<typeof OrgEntry>;
type PersonEntry = z.infer<typeof PersonEntry>;

/** How a gazetteer phrase names its actor. */
export type PhraseVia = 'name' | 'alias' | 'acronym' | 'capital' | 'metonym' | 'demonym';

export interface PhraseEntry {
  id: string;
  kind: ActorKind;
  via: PhraseVia;
  /** The phrase as written in the data, folded (diacritics off), case kept. */
  surface: string;
  /** Short names and acronyms must match their case ("US" is not "us"). */
  caseSensitive: boolean;
  /** Needs supporting context before it counts ("Jordan", "Georgia", "Washington"). */
  ambiguous: boolean;
  /** Number of word keys in the phrase. */
  length: number;
}

/** A gazetteer entry as other modules see it (the API uses it for actor roles). */
export interface KnownActor {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  aliases: string[];
  roles: DatedRole[];
  /** Organizations only. */
  category?: string;
  parent?: string | null;
  /** Persons only: the word used alone for the person in running text. */
  surname?: string | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: PhraseEntry[];
}

export interface PhraseMatch {
  /** Index one past the last key matched. */
  end: number;
  entries: PhraseEntry[];
}

/** Built-in title heads, used until graph-data/ontology/roles.json provides `titles`. */
const FALLBACK_TITLES = [
  'president',
  'vice president',
  'prime minister',
  'deputy prime minister',
  'premier',
  'chancellor',
  'minister',
  'foreign minister',
  'defence minister',
  'defense minister',
  'secretary',
  'secretary of state',
  'secretary-general',
  'secretary general',
  'ambassador',
  'envoy',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'general',
  'admiral',
  'commander',
  'chief',
  'chief of staff',
  'leader',
  'professor',
  'researcher',
  'director',
  'director-general',
  'chairman',
  'chairwoman',
  'chair',
  'senator',
  'lawmaker',
  'governor',
  'mayor',
  'king',
  'queen',
  'prince',
  'crown prince',
  'emir',
  'sheikh',
  'head',
  'official',
  'diplomat',
  'negotiator',
  'representative',
  'adviser',
  'advisor',
  'speaker',
  'deputy',
  'counsellor',
  'councillor',
  'commissioner',
  'coordinator',
];

const FALLBACK_ROLE_WORDS: Record<string, string[]> = {
  president: ['head-of-state', 'president'],
  'prime minister': ['head-of-government'],
  premier: ['head-of-government'],
  chancellor: ['head-of-government'],
  leader: ['supreme-leader', 'head-of-state', 'head-of-government'],
  king: ['head-of-state'],
  'foreign minister': ['foreign-minister'],
  'foreign secretary': ['foreign-minister'],
  'secretary of state': ['foreign-minister'],
  'top diplomat': ['foreign-minister'],
  'defence minister': ['defence-minister'],
  'defense minister': ['defence-minister'],
  'defence secretary': ['defence-minister'],
  'defense secretary': ['defence-minister'],
  'secretary-general': ['secretary-general'],
  'secretary general': ['secretary-general'],
  chief: ['secretary-general'],
};

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function readArray<T>(file: string, schema: z.ZodType<T>): T[] {
  if (!existsSync(file)) return [];
  const data = readJson(file);
  const list = Array.isArray(data) ? data : [];
  const out: T[] = [];
  for (const item of list) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

const OfficeList = z.array(z.string());

/** generic-bodies.json: lower-case phrases that name the article's state or one of its bodies. */
const GenericBodies = z.object({
  state: z.array(z.string()).default([]),
  bodies: z.record(z.string(), z.array(z.string())).default({}),
});

function readGenericBodies(file: string): Map<string, 'state' | string[]> {
  const out = new Map<string, 'state' | string[]>();
  if (!existsSync(file)) return out;
  const parsed = GenericBodies.safeParse(readJson(file));
  if (!parsed.success) return out;
  for (const w of parsed.data.state) out.set(phraseKeys(w).join(' '), 'state');
  for (const [w, ids] of Object.entries(parsed.data.bodies)) out.set(phraseKeys(w).join(' '), ids);
  return out;
}

/** roles.json is structured by its author; read any word -> offices map and a `titles` list. */
/** When a modified title was held: "former" (past), "acting" (current), "incoming" (future). */
export type RoleTense = 'past' | 'current' | 'future';
const Tense = z.enum(['past', 'current', 'future']);

function readRoles(file: string): {
  words: Map<string, string[]>;
  titles: string[] | null;
  modifiers: Map<string, RoleTense>;
} {
  const words = new Map<string, string[]>();
  const modifiers = new Map<string, RoleTense>();
  let titles: string[] | null = null;
  if (!existsSync(file)) return { words, titles, modifiers };
  const data = readJson(file);
  const visit = (obj: unknown, depth: number): void => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj) || depth > 3) return;
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('$')) continue;
      if (key === 'titles' && Array.isArray(value)) {
        titles = value.filter((v): v is string => typeof v === 'string');
        continue;
      }
      if (key === 'modifiers' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [m, t] of Object.entries(value)) {
          const tense = Tense.safeParse(t);
          if (tense.success) modifiers.set(m.toLowerCase(), tense.data);
        }
        continue;
      }
      const offices = OfficeList.safeParse(value);
      if (offices.success) {
        words.set(normKey(key), offices.data);
      } else if (typeof value === 'string' && /^[a-z]+(-[a-z]+)+$/.test(value)) {
        words.set(normKey(key), [value]);
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        const inner = value as Record<string, unknown>;
        const list = OfficeList.safeParse(inner.offices ?? inner.office);
        if (list.success) words.set(normKey(key), list.data);
        else if (typeof inner.office === 'string') words.set(normKey(key), [inner.office]);
        else visit(value, depth + 1);
      }
    }
  };
  visit(data, 0);
  return { words, titles, modifiers };
}

const MINISTRY_OF = /^ministry (?:of |for )?(.+?)(?: affairs)?$/;
const SPELLING: [RegExp, string][] = [
  [/\bdefense\b/, 'defence'],
  [/\bexternal\b/, 'foreign'],
];

/** A national body's name without its state: "Ministry of Foreign Affairs" -> "foreign ministry". */
export function bodyKey(name: string): string {
  let k = normKey(name)
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = MINISTRY_OF.exec(k);
  if (m) k = `${m[1]} ministry`;
  k = k.replace(/ affairs ministry$/, ' ministry').replace(/^ministry of /, '');
  for (const [from, to] of SPELLING) k = k.replace(from, to);
  return k.replace(/\bof national /, 'of ').replace(/^national (defence ministry)$/, '$1');
}

function compareDate(date: string, bound: string): number {
  const d = date.slice(0, bound.length);
  return d < bound ? -1 : d > bound ? 1 : 0;
}

/** How many role-word answers the gazetteer keeps before starting afresh. */
const MAX_KEPT_ANSWERS = 50_000;

/** The loaded gazetteer and its indexes. */
export class Gazetteer {
  readonly states: StateEntry[];
  readonly organizations: OrgEntry[];
  readonly people: PersonEntry[];
  /** Lower-case title heads ("foreign minister", "professor"). */
  readonly titles: Set<string>;
  /** Longest title in words, for bounded scans. */
  readonly maxTitleWords: number;
  /** Last words of titles: a title can only end on one of these. */
  readonly titleLastWords: Set<string>;
  /** Word-key prefixes of titles, so titles with "of" ("secretary of state") can be read on. */
  readonly titlePrefixes: Set<string>;
  /** Title modifiers ("former", "acting", "-elect") and when the title was held. */
  readonly modifiers: Map<string, RoleTense>;
  /** "russia|foreign ministry" -> the gazetteer id of that state's body. */
  private readonly nationalBodies = new Map<string, string>();
  private readonly roleWords: Map<string, string[]>;
  /** "government" -> the state itself; "parliament" -> the bodies that are a state's parliament. */
  private readonly genericBodies: Map<string, 'state' | string[]>;
  /** Longest generic-body phrase in words. */
  readonly maxGenericWords: number;
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  private readonly actors = new Map<string, KnownActor>();
  private readonly bySurname = new Map<string, string[]>();
  private readonly rolesByOffice = new Map<string, { person: string; role: DatedRole }[]>();

  constructor(dataDir: string = GRAPH_DATA) {
    const gaz = path.join(dataDir, 'gazetteer');
    this.states = readArray(path.join(gaz, 'states.json'), StateEntry);
    this.organizations = readArray(path.join(gaz, 'organizations.json'), OrgEntry);
    const people: PersonEntry[] = readArray(path.join(gaz, 'people.json'), PersonEntry);
    const peopleDir = path.join(gaz, 'people');
    if (existsSync(peopleDir)) {
      for (const f of readdirSync(peopleDir).sort()) {
        if (f.endsWith('.json')) people.push(...readArray(path.join(peopleDir, f), PersonEntry));
      }
    }
    this.people = people;
    const roles = readRoles(path.join(dataDir, 'ontology', 'roles.json'));
    this.roleWords =
      roles.words.size > 0 ? roles.words : new Map(Object.entries(FALLBACK_ROLE_WORDS));
    const titleList = roles.titles ?? FALLBACK_TITLES;
    this.titles = new Set(titleList.map((t) => phraseKeys(t).join(' ')));
    for (const w of this.roleWords.keys()) this.titles.add(phraseKeys(w).join(' '));
    this.maxTitleWords = Math.max(1, ...[...this.titles].map((t) => t.split(' ').length));
    this.titleLastWords = new Set([...this.titles].map((t) => t.split(' ').pop()!));
    this.titlePrefixes = new Set();
    for (const t of this.titles) {
      const parts = t.split(' ');
      for (let n = 1; n < parts.length; n++) this.titlePrefixes.add(parts.slice(0, n).join(' '));
    }
    this.modifiers = roles.modifiers;
    this.genericBodies = readGenericBodies(path.join(gaz, 'generic-bodies.json'));
    this.maxGenericWords = Math.max(
      0,
      ...[...this.genericBodies.keys()].map((k) => k.split(' ').length),
    );
    for (const [k, v] of [...this.roleWords]) this.roleWords.set(phraseKeys(k).join(' '), v);
    this.build();
  }

  private build(): void {
    for (const s of this.states) {
      const amb = new Set(s.ambiguous.map(normKey));
      this.actors.set(s.id, {
        id: s.id,
        name: s.name,
        kind: 'state',
        country: s.id,
        aliases: s.aliases,
        roles: [],
      });
      this.addPhrase(s.name, s.id, 'state', 'name', amb);
      for (const a of s.aliases)
        this.addPhrase(a, s.id, 'state', isAcronym(a) ? 'acronym' : 'alias', amb);
      for (const a of s.capitals) this.addPhrase(a, s.id, 'state', 'capital', amb);
      for (const a of s.metonyms) this.addPhrase(a, s.id, 'state', 'metonym', amb);
      for (const a of s.demonyms) this.addPhrase(a, s.id, 'state', 'demonym', amb);
    }
    for (const o of this.organizations) {
      const amb = new Set(o.ambiguous.map(normKey));
      this.actors.set(o.id, {
        id: o.id,
        name: o.name,
        kind: 'organization',
        country: o.country,
        aliases: o.aliases,
        roles: [],
        category: o.category,
        parent: o.parent,
      });
      this.addPhrase(o.name, o.id, 'organization', isAcronym(o.name) ? 'acronym' : 'name', amb);
      for (const a of o.aliases) {
        this.addPhrase(a, o.id, 'organization', isAcronym(a) ? 'acronym' : 'alias', amb);
      }
    }
    this.indexNationalBodies();
    for (const p of this.people) {
      const roles: DatedRole[] = p.roles.map((r) => ({
        title: r.title,
        office: r.office ?? null,
        of: r.of,
        from: r.from,
        to: r.to,
      }));
      this.actors.set(p.id, {
        id: p.id,
        name: p.name,
        kind: 'person',
        country: p.country,
        aliases: p.aliases,
        roles,
        surname: p.surname ?? null,
      });
      const none = new Set<string>();
      this.addPhrase(p.name, p.id, 'person', 'name', none);
      for (const a of p.aliases) this.addPhrase(a, p.id, 'person', 'alias', none);
      if (p.surname) {
        const k = normKey(p.surname);
        this.bySurname.set(k, [...(this.bySurname.get(k) ?? []), p.id]);
      }
      for (const r of roles) {
        if (!r.office || !r.of) continue;
        const key = `${r.of}|${r.office}`;
        const list = this.rolesByOffice.get(key) ?? [];
        list.push({ person: p.id, role: r });
        this.rolesByOffice.set(key, list);
      }
    }
  }

  /** Indexes national bodies by state and name without the state ("Russian Foreign Ministry"). */
  private indexNationalBodies(): void {
    const prefixes = new Map<string, string[]>();
    for (const st of this.states) {
      const words = [st.name, ...st.aliases, ...st.demonyms].map((w) => normKey(w));
      prefixes.set(
        st.id,
        words.sort((a, b) => b.length - a.length),
      );
    }
    for (const o of this.organizations) {
      if (!o.country) continue;
      for (const name of [o.name, ...o.aliases]) {
        let k = normKey(name).replace(/^the /, '');
        for (const p of prefixes.get(o.country) ?? []) {
          if (k.startsWith(`${p} `)) {
            k = k.slice(p.length + 1);
            break;
          }
          if (k.endsWith(` of ${p}`)) {
            k = k.slice(0, -(p.length + 4));
            break;
          }
        }
        const key = `${o.country}|${bodyKey(k)}`;
        if (!this.nationalBodies.has(key)) this.nationalBodies.set(key, o.id);
      }
    }
  }

  /**
   * What a lower-case generic phrase ("the army", "parliament") names for `state`: the state itself,
   * that state's listed body, or null (not generic, or the gazetteer has no such body of the state).
   */
  genericBody(phraseKey: string, state: string): string | null {
    const g = this.genericBodies.get(phraseKey);
    if (g === undefined) return null;
    if (g === 'state') return state;
    return g.find((id) => this.actors.get(id)?.country === state) ?? null;
  }

  /** True when the word keys name a generic body phrase at all. */
  isGenericPhrase(phraseKey: string): boolean {
    return this.genericBodies.has(phraseKey);
  }

  /** The gazetteer id of a state's body named without the state ("Foreign Ministry" of russia). */
  nationalBody(country: string, name: string): string | null {
    return this.nationalBodies.get(`${country}|${bodyKey(name)}`) ?? null;
  }

  private addPhrase(
    phrase: string,
    id: string,
    kind: ActorKind,
    via: PhraseVia,
    ambiguous: Set<string>,
  ): void {
    // "the White House" is matched from "White House"; the article is not part of the name.
    const bare = phrase.replace(/^the\s+/i, '').trim();
    const keys = phraseKeys(bare);
    if (keys.length === 0) return;
    const surface = fold(bare);
    const letters = surface.replace(/[\s.\-']/g, '');
    const entry: PhraseEntry = {
      id,
      kind,
      via,
      surface,
      caseSensitive: letters.length <= 4 || isAcronym(surface),
      ambiguous: ambiguous.has(normKey(phrase)) || ambiguous.has(normKey(bare)),
      length: keys.length,
    };
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    if (!node.entries.some((e) => e.id === id && e.via === via && e.surface === surface)) {
      node.entries.push(entry);
    }
  }

  /**
   * Longest phrase starting at `from` in a sequence of word keys (lower-case, folded). `surfaces`
   * holds the same words folded with case kept, to check case-sensitive entries.
   */
  matchAt(keys: readonly string[], surfaces: readonly string[], from: number): PhraseMatch | null {
    // The stages ask again and again at the same words: answers are kept per key list (one per
    // sentence, always passed with its own surfaces; callers read a match, never edit it).
    // The last key list asked is kept aside: a recogniser asks of one sentence many times in a row.
    let known = keys === this.lastKeys ? this.lastKnown : this.matched.get(keys);
    if (!known) {
      known = [];
      this.matched.set(keys, known);
    }
    this.lastKeys = keys;
    this.lastKnown = known;
    const hit = known[from];
    if (hit !== undefined) return hit;
    return (known[from] = this.longestAt(keys, surfaces, from));
  }

  /** Answers of `matchAt` by key list and start. */
  private readonly matched = new WeakMap<readonly string[], (PhraseMatch | null)[]>();
  private lastKeys: readonly string[] | null = null;
  private lastKnown: (PhraseMatch | null)[] | undefined = undefined;

  private longestAt(
    keys: readonly string[],
    surfaces: readonly string[],
    from: number,
  ): PhraseMatch | null {
    let node: TrieNode | undefined = this.root;
    let best: PhraseMatch | null = null;
    for (let i = from; i < keys.length; i++) {
      node = node.next.get(keys[i]!);
      if (!node) break;
      if (node.entries.length > 0) {
        let text: string[] | null = null;
        const ok = node.entries.filter(
          (e) => !e.caseSensitive || caseMatches(e.surface, (text ??= surfaces.slice(from, i + 1))),
        );
        if (ok.length > 0) best = { end: i + 1, entries: ok };
      }
    }
    return best;
  }

  /** Entries for one surface phrase ("Beijing", "U.S.", "Kim Jong Un"). */
  lookup(phrase: string): PhraseEntry[] {
    const keys = phraseKeys(phrase.replace(/^the\s+/i, ''));
    const m = this.matchAt(keys, fold(phrase.replace(/^the\s+/i, '')).split(/[\s-]+/), 0);
    return m && m.end === keys.length ? m.entries : [];
  }

  byId(id: string): KnownActor | undefined {
    return this.actors.get(id);
  }

  /** Gazetteer people whose running-text surname is this word. */
  peopleWithSurname(word: string): string[] {
    return this.bySurname.get(normKey(word)) ?? [];
  }

  /** Who held `office` of a state or organization on `date` (ISO; null means the current holder). */
  holderOf(of: string, office: string, date: string | null): string | null {
    const list = this.rolesByOffice.get(`${of}|${office}`);
    if (!list) return null;
    let best: { person: string; from: string } | null = null;
    for (const { person, role } of list) {
      if (date === null) {
        if (role.to !== null) continue;
      } else {
        if (role.from && compareDate(date, role.from) < 0) continue;
        if (role.to && compareDate(date, role.to) > 0) continue;
      }
      const from = role.from ?? '';
      if (!best || from > best.from) best = { person, from };
    }
    return best?.person ?? null;
  }

  /** Offices a role word may denote, most likely first ("leader" -> supreme-leader, head-of-state...). */
  officesForRoleWord(word: string): string[] {
    // The stages ask about the same words again and again; answers are kept, a bounded number.
    let offices = this.officeAnswers.get(word);
    if (offices === undefined) {
      offices =
        this.roleWords.get(word) ??
        this.roleWords.get(phraseKeys(word).join(' ')) ??
        this.roleWords.get(normKey(word)) ??
        null;
      if (this.officeAnswers.size >= MAX_KEPT_ANSWERS) this.officeAnswers.clear();
      this.officeAnswers.set(word, offices);
    }
    return offices ?? [];
  }

  /** Answers of `officesForRoleWord` by word (null for none). */
  private readonly officeAnswers = new Map<string, string[] | null>();

  /** The state a demonym denotes ("Chinese" -> china). */
  stateForDemonym(word: string): string | null {
    return this.lookup(word).find((e) => e.via === 'demonym')?.id ?? null;
  }

  /** The state a capital or seat of government stands for ("Pyongyang", "the Kremlin"). */
  stateForCapital(word: string): string | null {
    return this.lookup(word).find((e) => e.via === 'capital' || e.via === 'metonym')?.id ?? null;
  }
}

/** A case-sensitive entry matches its own case, all capitals ("APEC" for "Apec"), or a title-cased
 * long acronym ("Nato" for "NATO", as the BBC writes it). */
function caseMatches(surface: string, words: string[]): boolean {
  const text = words.join(' ');
  const a = surface.replace(/[\s-]+/g, ' ');
  if (text === a) return true;
  if (text === a.toUpperCase() && !isAcronym(a)) return true;
  const letters = a.replace(/[.\s]/g, '');
  if (isAcronym(a) && letters.length >= 4) {
    return text === a[0] + a.slice(1).toLowerCase();
  }
  return false;
}

const cache = new Map<string, Gazetteer>();

/** The gazetteer of a graph-data folder (default: the project's), loaded once per folder. */
export function loadGazetteer(dataDir: string = GRAPH_DATA): Gazetteer {
  let g = cache.get(dataDir);
  if (!g) {
    g = new Gazetteer(dataDir);
    cache.set(dataDir, g);
  }
  return g;
}

/** Forgets loaded gazetteers, so edited data files are read again. */
export function resetGazetteerCache(): void {
  cache.clear();
}

/** The gazetteer entry of an actor id (name, kind, country, dated roles), if known. */
export function knownActor(id: string): KnownActor | undefined {
  return loadGazetteer().byId(id);
}

/** Who held `office` of `of` on `date`: holderOf('china', 'head-of-state', '2022-11-26'). */
export function holderOf(of: string, office: string, date: string | null): string | null {
  return loadGazetteer().holderOf(of, office, date);
}

/** Offices a role word in text may denote, from graph-data/ontology/roles.json. */
export function officesForRoleWord(word: string): string[] {
  return loadGazetteer().officesForRoleWord(word);
}
