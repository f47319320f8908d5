// The actor stage: finds the states, organizations and persons an article refers to, their
// mentions (sorted, never overlapping) and the affiliations the text states.
import type { ActorAnalysis, MentionVia, Sentence } from './types.ts';
import { loadGazetteer, type Gazetteer, type PhraseEntry } from './gazetteer.ts';
import { ActorContext } from './actor-context.ts';
import { isPossessive, keysOf, wordsOf, type Word } from './actor-words.ts';
import {
  GOV_NOUNS,
  knownPersonAt,
  parseLowerMinistry,
  parseModifier,
  parseName,
  parseOrg,
  parseRole,
  spanText,
} from './actor-patterns.ts';
import {
  noteKnownRoles,
  pronounAt,
  resolveCounterpart,
  resolveDefiniteRole,
  resolveRoleRef,
  surnameAt,
  uniqueRecentPerson,
} from './coref.ts';
import { isAcronym } from './names.ts';

/** Prepositions after which a capital is a place, not the government ("while in Bangkok"). */
const CAPITAL_PLACE_PREPS = new Set([
  'in',
  'at',
  'to',
  'from',
  'near',
  'outside',
  'inside',
  'into',
  'via',
  'toward',
  'towards',
  'around',
  'across',
]);
/** Prepositions after which a country name is a place ("the summit in Indonesia"). */
const STATE_PLACE_PREPS = new Set([
  'in',
  'at',
  'near',
  'inside',
  'outside',
  'across',
  'throughout',
  'around',
  'within',
]);
/** Words next to an ambiguous name that show it is the state ("Jordan's king", "Georgia said"). */
const POLITICAL_WORDS = new Set([
  'government',
  'president',
  'minister',
  'ministry',
  'prime',
  'king',
  'foreign',
  'officials',
  'authorities',
  'forces',
  'troops',
  'army',
  'military',
  'border',
  'embassy',
  'ambassador',
  'sanctions',
  'leader',
  'parliament',
  'regime',
  'said',
  'says',
  'told',
  'urged',
  'accused',
  'condemned',
  'announced',
  'signed',
  'and',
  "'s",
  'talks',
  'relations',
  'capital',
  'state',
]);
/** Nouns after a state name that make it the doer of a nominal event ("US sanctions"). */
const EVENT_NOUNS = new Set([
  'sanction',
  'sanctions',
  'strike',
  'airstrike',
  'attack',
  'aid',
  'support',
  'invasion',
  'offensive',
  'delegation',
  'envoy',
  'embassy',
  'veto',
  'proposal',
  'plan',
  'demand',
  'threat',
  'warning',
  'pressure',
  'backing',
  'ban',
  'tariff',
  'say',
  'warn',
  'urge',
]);
const DEFINITE_ROLES = [
  'prime minister',
  'foreign minister',
  'defence minister',
  'defense minister',
  'president',
  'minister',
  'premier',
  'chancellor',
  'secretary-general',
  'secretary general',
  'ambassador',
  'envoy',
  'king',
  'leader',
];

function viaOf(e: PhraseEntry): MentionVia {
  if (e.via === 'capital') return 'metonym';
  return e.via;
}

/** Prefers states, then organizations, then persons among entries of one phrase. */
function pick(entries: PhraseEntry[]): PhraseEntry {
  const order = { state: 0, organization: 1, person: 2 } as const;
  return [...entries].sort((a, b) => order[a.kind] - order[b.kind])[0]!;
}

/** Longest role word of roles.json starting at `j`: its end index, or -1. */
function roleWordAt(words: Word[], j: number, gaz: Gazetteer): number {
  if (!words[j] || words[j]!.pos === 'PUNCT') return -1;
  for (let len = 3; len >= 1; len--) {
    if (j + len > words.length) continue;
    const key = words
      .slice(j, j + len)
      .map((w) => w.key)
      .join(' ');
    if (gaz.officesForRoleWord(key).length > 0) return j + len;
  }
  return -1;
}

function isPlace(words: Word[], i: number, entry: PhraseEntry): boolean {
  let p = i - 1;
  if (words[p]?.key === 'the') p--;
  const prev = words[p];
  if (!prev) return false;
  if (isPossessive(words[i + entry.length])) return false;
  if (entry.via === 'capital' || entry.via === 'metonym') return CAPITAL_PLACE_PREPS.has(prev.key);
  if (entry.kind !== 'state' || entry.via === 'demonym') return false;
  if (STATE_PLACE_PREPS.has(prev.key)) return true;
  // "in Bali, Indonesia": a country after a place that follows a locative preposition.
  if (prev.key === ',' && p >= 2) {
    let q = p - 1;
    while (q > 0 && words[q]!.cap && p - q < 4) q--;
    return (
      q < p - 1 && (STATE_PLACE_PREPS.has(words[q]!.key) || CAPITAL_PLACE_PREPS.has(words[q]!.key))
    );
  }
  return false;
}

function ambiguousOk(
  words: Word[],
  i: number,
  end: number,
  entry: PhraseEntry,
  ctx: ActorContext,
  known: Set<string>,
): boolean {
  if (!words[i]!.cap) return false;
  if (known.has(entry.id)) return true;
  const country = ctx.gaz.byId(entry.id)?.country;
  if (entry.kind === 'organization' && country && known.has(country)) return true;
  if (i === 0) return false;
  const near = [words[i - 1], words[i - 2], words[end], words[end + 1]];
  return near.some((w) => w && POLITICAL_WORDS.has(w.key));
}

/** Unambiguous gazetteer actors anywhere in the article: they license ambiguous aliases. */
function unambiguousIds(all: Word[][], gaz: Gazetteer): Set<string> {
  const ids = new Set<string>();
  for (const words of all) {
    const { keys, surfs } = keysOf(words);
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.cap) continue;
      const m = gaz.matchAt(keys, surfs, i);
      if (!m) continue;
      for (const e of m.entries) if (!e.ambiguous && e.via !== 'demonym') ids.add(e.id);
      i = m.end - 1;
    }
  }
  return ids;
}

class SentenceScan {
  private readonly keys: string[];
  private readonly surfs: string[];
  /** A state whose possessive or demonym just preceded: "Pyongyang's Korean Central News Agency". */
  private qualifier: { id: string; at: number } | null = null;

  constructor(
    private readonly ctx: ActorContext,
    private readonly words: Word[],
    private readonly index: number,
    private readonly known: Set<string>,
  ) {
    ({ keys: this.keys, surfs: this.surfs } = keysOf(words));
  }

  private start(i: number): number {
    return this.words[i]!.start;
  }
  private end(i: number): number {
    return this.words[i - 1]!.end;
  }

  run(): void {
    const words = this.words;
    let i = 0;
    while (i < words.length) {
      const next = this.at(i);
      i = next > i ? next : i + 1;
    }
  }

  /** Recognises whatever starts at word `i`; returns the index after it (or `i` for nothing). */
  private at(i: number): number {
    const w = this.words[i]!;
    if (w.pos === 'PUNCT' && w.key !== '(') return i;
    return (
      this.appositive(i) ??
      this.titled(i) ??
      this.articleAcronym(i) ??
      this.gazetteerOrOrg(i) ??
      this.articleName(i) ??
      this.counterpart(i) ??
      this.definiteRole(i) ??
      this.surname(i) ??
      this.pronoun(i) ??
      this.governmentOf(i) ??
      i
    );
  }

  /** "Wang Yi, China's foreign minister," / "Jane Doe, a spokeswoman for the ministry". */
  private appositive(i: number): number | null {
    const { words, ctx } = this;
    const nameEnd = parseName(words, i, ctx);
    if (nameEnd < 0 || words[nameEnd]?.key !== ',') return null;
    let j = nameEnd + 1;
    if (
      words[j]?.key === 'who' &&
      ['is', 'was', 'serves', 'served'].includes(words[j + 1]?.key ?? '')
    ) {
      j += 2;
      if (words[j]?.key === 'as') j++;
    }
    if (['the', 'a', 'an'].includes(words[j]?.key ?? '')) j++;
    const mod = parseModifier(words, j, ctx, this.keys, this.surfs);
    const roleFrom = mod ? mod.end : j;
    const role = parseRole(words, roleFrom, ctx, this.keys, this.surfs, (at) => {
      const k = words[at]?.key;
      return k === undefined || k === ',' || k === '.' || k === 'and' || k === ')' || k === ';';
    });
    if (!role) return null;
    let of = mod?.id ?? null;
    if (!of && role.complement && role.complement.prep !== 'to') of = role.complement.id;
    if (!of) {
      const last = words[role.roleEnd - 1]!;
      if (last.key === 'ministry' || last.key === 'government') of = this.recentOrgLike(last.key);
    }
    if (mod && role.complement) ctx.addKnown(role.complement.id);
    const name = spanText(ctx, words, i, nameEnd);
    const id = ctx.person(name, knownPersonAt(words, i, nameEnd, ctx));
    noteKnownRoles(ctx, id);
    const roleText = spanText(ctx, words, role.roleStart, role.roleEnd);
    if (of && ctx.addKnown(of)) {
      ctx.addAffiliation(id, of, roleText, this.start(i), this.end(role.roleEnd));
    } else ctx.addRoleOnly(id, roleText);
    ctx.mention(id, this.start(i), this.end(nameEnd), this.index, 'name');
    return nameEnd;
  }

  private recentOrgLike(head: string): string | null {
    const { ctx } = this;
    for (let k = ctx.mentions.length - 1; k >= 0; k--) {
      const a = ctx.actors.get(ctx.mentions[k]!.actor);
      if (a?.kind === 'organization' && a.name.toLowerCase().includes(head)) return a.id;
      if (head === 'government' && a?.kind === 'state' && !ctx.mentions[k]!.attributive)
        return a.id;
    }
    return null;
  }

  /** "[Chinese|Russia's|Hamas] [title words] Firstname Lastname", also with no qualifier. */
  private titled(i: number): number | null {
    const { words, ctx } = this;
    const mod = parseModifier(words, i, ctx, this.keys, this.surfs);
    const from = mod ? mod.end : i;
    if (!mod && words[i]!.key === 'the') return null;
    let nameEnd = -1;
    const role = parseRole(words, from, ctx, this.keys, this.surfs, (at) => {
      nameEnd = parseName(words, at, ctx, true);
      if (nameEnd < 0) return false;
      // A single word is a name only when it is a known person or surname.
      if (nameEnd - at === 1) {
        return (
          !!knownPersonAt(words, at, nameEnd, ctx) ||
          ctx.gaz.peopleWithSurname(words[at]!.text).length > 0
        );
      }
      return true;
    });
    if (!role || nameEnd < 0) return null;
    const nameStart = role.roleEnd;
    const name = spanText(ctx, words, nameStart, nameEnd);
    let knownId = knownPersonAt(words, nameStart, nameEnd, ctx);
    if (!knownId && nameEnd - nameStart === 1) {
      const sur = ctx.gaz.peopleWithSurname(words[nameStart]!.text);
      if (sur.length === 1) knownId = sur[0]!;
    }
    const id = ctx.person(name, knownId);
    noteKnownRoles(ctx, id);
    const roleText = spanText(ctx, words, role.roleStart, role.roleEnd);
    let of = mod?.id ?? null;
    if (!of && role.complement && role.complement.prep !== 'to') of = role.complement.id;
    if (role.complement) ctx.addKnown(role.complement.id);
    if (!of) of = this.officeOf(id, roleText);
    if (of && ctx.addKnown(of)) {
      ctx.addAffiliation(id, of, roleText, this.start(i), this.end(nameEnd));
    } else ctx.addRoleOnly(id, roleText);
    ctx.mention(id, this.start(i), this.end(nameEnd), this.index, 'title');
    return nameEnd;
  }

  /** For "President Joe Biden" with no state named: the state of the matching gazetteer role. */
  private officeOf(person: string, roleText: string): string | null {
    const offices = this.ctx.gaz.officesForRoleWord(roleText.toLowerCase());
    for (const r of this.ctx.roles.get(person) ?? []) {
      if (r.of && r.offices.some((o) => offices.includes(o))) return r.of;
    }
    return null;
  }

  private articleAcronym(i: number): number | null {
    const id = this.ctx.acronyms.get(this.words[i]!.surf);
    if (!id) return null;
    this.ctx.mention(id, this.start(i), this.end(i + 1), this.index, 'acronym');
    return i + 1;
  }

  /** After an organization: "(SDF)" ties the acronym to it for the rest of the article. */
  private acronymDefinition(at: number, id: string): number {
    const { words } = this;
    const w = words[at + 1];
    if (words[at]?.key === '(' && w && isAcronym(w.text) && words[at + 2]?.key === ')') {
      this.ctx.acronyms.set(w.surf, id);
      this.ctx.mention(id, w.start, w.end, this.index, 'acronym');
      return at + 3;
    }
    return at;
  }

  private gazetteerOrOrg(i: number): number | null {
    const { words, ctx } = this;
    const w = words[i]!;
    if (!w.cap && !/^\d/.test(w.text)) return null;
    const m = ctx.gaz.matchAt(this.keys, this.surfs, i);
    const qualifier = this.qualifier && this.qualifier.at === i ? this.qualifier.id : null;
    const org = parseOrg(words, i, ctx, qualifier);
    if (org && (!m || org.end > m.end)) {
      const id = org.actor.id;
      if (!ctx.gaz.byId(id)) ctx.registerPatternOrg(org.actor);
      ctx.addKnown(id);
      ctx.mention(id, this.start(i), this.end(org.end), this.index, 'name');
      return this.acronymDefinition(org.end, id);
    }
    if (!m) return null;
    const usable = m.entries.filter(
      (e) => !e.ambiguous || ambiguousOk(words, i, m.end, e, ctx, this.known),
    );
    if (usable.length === 0) return null;
    const entry = pick(usable);
    if (entry.kind === 'person') {
      ctx.addKnown(entry.id);
      noteKnownRoles(ctx, entry.id);
      ctx.mention(entry.id, this.start(i), this.end(m.end), this.index, viaOf(entry));
      return m.end;
    }
    if (entry.kind === 'organization') {
      ctx.addKnown(entry.id);
      ctx.mention(entry.id, this.start(i), this.end(m.end), this.index, viaOf(entry));
      return this.acronymDefinition(m.end, entry.id);
    }
    return this.stateAt(i, m.end, entry);
  }

  /** A state by name, capital, seat of government or demonym, and what follows it. */
  private stateAt(i: number, end: number, entry: PhraseEntry): number {
    const { words, ctx } = this;
    if (isPlace(words, i, entry)) return end;
    const possessive = isPossessive(words[end]);
    const after = possessive ? end + 1 : end;
    const via = viaOf(entry);
    const next = words[after];

    // "China's president", "the Chinese president" (no name follows: that was a title phrase).
    const roleEnd = next ? roleWordAt(words, after, ctx.gaz) : -1;
    if (
      roleEnd > 0 &&
      (entry.via === 'demonym' ||
        possessive ||
        entry.via === 'name' ||
        entry.via === 'acronym' ||
        entry.via === 'alias')
    ) {
      const roleWord = spanText(ctx, words, after, roleEnd);
      const person = resolveRoleRef(ctx, entry.id, roleWord.toLowerCase());
      if (person && !words[roleEnd]?.cap) {
        ctx.addKnown(person);
        noteKnownRoles(ctx, person);
        ctx.addKnown(entry.id);
        ctx.addAffiliation(person, entry.id, roleWord, this.start(i), this.end(roleEnd));
        ctx.mention(person, this.start(i), this.end(roleEnd), this.index, 'role');
        return roleEnd;
      }
    }
    // "the Syrian government", "Turkish troops", "Russia's military" are the state.
    if (next && GOV_NOUNS.has(next.key) && (entry.via === 'demonym' || possessive || !next.cap)) {
      ctx.addKnown(entry.id);
      ctx.mention(entry.id, this.start(i), this.end(after + 1), this.index, via, false);
      return after + 1;
    }
    // "Chinese foreign ministry", "China's defence ministry".
    const minEnd = parseLowerMinistry(words, after);
    if (minEnd > 0 && (entry.via === 'demonym' || possessive)) {
      const org = parseOrg(
        words.map((x, k) => (k >= after && k < minEnd ? { ...x, cap: true } : x)),
        after,
        ctx,
        entry.id,
      );
      if (org && org.end === minEnd) {
        if (!ctx.gaz.byId(org.actor.id)) ctx.registerPatternOrg(org.actor);
        ctx.addKnown(org.actor.id);
        ctx.mention(org.actor.id, this.start(i), this.end(minEnd), this.index, 'name');
        return minEnd;
      }
    }
    if (entry.via === 'demonym') {
      // "Chinese ambassador": sets a country, is not the state acting.
      ctx.mention(entry.id, this.start(i), this.end(end), this.index, 'demonym', true);
      this.qualifier = { id: entry.id, at: end };
      return end;
    }
    // "Ukraine tensions", "North Korea issues": the name only qualifies a noun.
    if (
      !possessive &&
      next &&
      next.pos === 'NOUN' &&
      !next.cap &&
      !next.joined &&
      !EVENT_NOUNS.has(next.lemma) &&
      entry.via !== 'capital' &&
      entry.via !== 'metonym'
    ) {
      ctx.mention(entry.id, this.start(i), this.end(end), this.index, via, true);
      return end;
    }
    ctx.addKnown(entry.id);
    ctx.mention(entry.id, this.start(i), this.end(end), this.index, via);
    if (possessive) this.qualifier = { id: entry.id, at: after };
    return end;
  }

  private articleName(i: number): number | null {
    const { words, ctx } = this;
    if (!words[i]!.cap) return null;
    for (let len = Math.min(6, words.length - i); len >= 2; len--) {
      const key = this.keys.slice(i, i + len).join(' ');
      const id = ctx.names.get(key);
      if (
        id &&
        !(words[i + len]?.joined && words[i + len]!.start === words[i + len - 1]!.end + 1)
      ) {
        ctx.mention(id, this.start(i), this.end(i + len), this.index, 'name');
        return i + len;
      }
    }
    return null;
  }

  /** "his Chinese counterpart" (optionally followed by the counterpart's name). */
  private counterpart(i: number): number | null {
    const { words, ctx } = this;
    const w = words[i]!;
    if (w.key !== 'his' && w.key !== 'her') return null;
    const m = ctx.gaz.matchAt(this.keys, this.surfs, i + 1);
    const state = m?.entries.find((e) => e.kind === 'state');
    if (!m || !state) return null;
    let k = m.end;
    if (isPossessive(words[k])) k++;
    if (words[k]?.key !== 'counterpart') return null;
    // The possessor is the person just named in this sentence ("Biden told his ... counterpart").
    const last = ctx.mentions.at(-1);
    const possessor =
      last && last.sentence === this.index && ctx.actors.get(last.actor)?.kind === 'person'
        ? last.actor
        : uniqueRecentPerson(ctx, this.index);
    const nameEnd = parseName(words, k + 1, ctx);
    let person: string | null = null;
    let role = 'counterpart';
    let end = k + 1;
    if (nameEnd > 0) {
      person = ctx.person(
        spanText(ctx, words, k + 1, nameEnd),
        knownPersonAt(words, k + 1, nameEnd, ctx),
      );
      end = nameEnd;
      const r = possessor ? ctx.roles.get(possessor)?.[0] : undefined;
      if (r) role = r.role;
    } else {
      const found = resolveCounterpart(ctx, possessor, state.id);
      if (found) {
        person = found.person;
        role = found.role;
      }
    }
    if (!person) return null;
    ctx.addKnown(person);
    noteKnownRoles(ctx, person);
    ctx.addKnown(state.id);
    ctx.addAffiliation(person, state.id, role, this.start(i), this.end(end));
    ctx.mention(person, this.start(i), this.end(end), this.index, 'counterpart');
    return end;
  }

  /** "the minister", "the president": the most recent person holding that role. */
  private definiteRole(i: number): number | null {
    const { words, ctx } = this;
    if (words[i]!.key !== 'the') return null;
    for (const role of DEFINITE_ROLES) {
      const parts = role.split(' ');
      if (parts.every((p, k) => this.keys[i + 1 + k] === p)) {
        const end = i + 1 + parts.length;
        const nxt = words[end];
        if (nxt && (nxt.key === 'of' || nxt.cap)) return null;
        const person = resolveDefiniteRole(ctx, role);
        if (!person) return null;
        ctx.mention(person, this.start(i), this.end(end), this.index, 'role');
        return end;
      }
    }
    return null;
  }

  private surname(i: number): number | null {
    const id = surnameAt(this.ctx, this.words, i);
    if (!id) return null;
    this.ctx.mention(id, this.start(i), this.end(i + 1), this.index, 'surname');
    return i + 1;
  }

  private pronoun(i: number): number | null {
    const id = pronounAt(this.ctx, this.words, i, this.index);
    if (!id) return null;
    this.ctx.mention(id, this.start(i), this.end(i + 1), this.index, 'pronoun');
    return i + 1;
  }

  /** "the government of Syria" is the state. */
  private governmentOf(i: number): number | null {
    const { words, ctx } = this;
    if (words[i]!.key !== 'government' || words[i + 1]?.key !== 'of') return null;
    const m = ctx.gaz.matchAt(this.keys, this.surfs, i + 2);
    const st = m?.entries.find((e) => e.kind === 'state' && e.via !== 'demonym' && !e.ambiguous);
    if (!m || !st) return null;
    ctx.addKnown(st.id);
    ctx.mention(st.id, this.start(i), this.end(m.end), this.index, viaOf(st));
    return m.end;
  }
}

/** Sets each person's country from what the article states, else from the gazetteer. */
function assignCountries(ctx: ActorContext): void {
  for (const actor of ctx.actors.values()) {
    if (actor.kind !== 'person') continue;
    let country: string | null = null;
    for (const a of ctx.affiliations) {
      if (a.person !== actor.id) continue;
      const of = ctx.actors.get(a.of);
      if (of?.kind === 'state') {
        country = of.id;
        break;
      }
      country ??= of?.country ?? null;
    }
    actor.country = country ?? ctx.gaz.byId(actor.id)?.country ?? actor.country;
  }
}

/**
 * Finds the actors of an article: every mention (sorted, non-overlapping, inside its sentence),
 * the actors they refer to, and the affiliations stated. `dataDir` points at another graph-data
 * folder (tests use a small fixture gazetteer).
 */
export function findActors(
  text: string,
  sentences: Sentence[],
  published: string | null,
  dataDir?: string,
): ActorAnalysis {
  const gaz = loadGazetteer(dataDir);
  const ctx = new ActorContext(text, gaz, published);
  const allWords = sentences.map(wordsOf);
  const known = unambiguousIds(allWords, gaz);
  sentences.forEach((s, k) => new SentenceScan(ctx, allWords[k]!, s.index, known).run());
  assignCountries(ctx);
  const mentions = [...ctx.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  return { actors: ctx.actors, mentions, affiliations: ctx.affiliations };
}
