// The actor stage: finds the states, organizations and persons an article refers to, their
// mentions (sorted, never overlapping) and the affiliations the text states.
import type { ActorAnalysis, MentionVia, Sentence } from './types.ts';
import { loadGazetteer, type Gazetteer, type PhraseEntry, type RoleTense } from './gazetteer.ts';
import { ActorContext } from './actor-context.ts';
import { readAcronym } from './actor-acronym.ts';
import { isPossessive, keysOf, wordsOf, type Word } from './actor-words.ts';
import {
  GOV_NOUNS,
  knownPersonAt,
  nationalBodyName,
  parseLowerMinistry,
  parseModifier,
  parseName,
  parseOrg,
  parseRole,
  roleWords,
  skipHonorifics,
  spanText,
  temporalAt,
  type RolePhrase,
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
import { MONTHS, WEEKDAYS, fold, isAcronym, isCommonSurname, normKey, slugify } from './names.ts';

/** A role stated in the text, with the body it is held for and when. */
interface StatedRole {
  role: RolePhrase;
  of: string | null;
  text: string;
  tense: RoleTense | null;
}

/** Prepositions after which a capital is a place, not the government ("while in Bangkok"). */
const CAPITAL_PLACE_PREPS = new Set([
  'in',
  'at',
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
/**
 * Words before "to"/"from" that make a capital the destination or origin of a movement ("flew to
 * Moscow", "returned from Beijing"). Otherwise "to/from" + capital is the government ("a message to
 * Moscow", "the offer from Seoul"); a visit's destination is the host, which is the state too.
 */
const MOTION_WORDS = new Set([
  'fly',
  'flew',
  'flown',
  'flight',
  'flights',
  'travel',
  'travelled',
  'traveled',
  'return',
  'returned',
  'arrive',
  'arrived',
  'go',
  'went',
  'gone',
  'come',
  'came',
  'head',
  'headed',
  'move',
  'moved',
  'flee',
  'fled',
  'drive',
  'drove',
  'sail',
  'sailed',
  'evacuate',
  'evacuated',
  'relocate',
  'relocated',
  'road',
  'route',
  'way',
  'train',
  'highway',
  'railway',
  'miles',
  'kilometres',
  'kilometers',
  'km',
  'back',
  'away',
  'south',
  'north',
  'east',
  'west',
  'reporting',
  'arrival',
  'departure',
  'deported',
  'smuggled',
  'imported',
  'exported',
  'shipped',
  'shipments',
  'migrants',
  'refugees',
]);
/** Nouns of communication and pressure whose "to"/"from" names a government. */
const ADDRESSED = new Set([
  'message',
  'letter',
  'offer',
  'warning',
  'demand',
  'response',
  'reply',
  'call',
  'appeal',
  'pressure',
  'support',
  'aid',
  'threat',
  'request',
  'signal',
  'note',
  'proposal',
  'ultimatum',
  'invitation',
  'overture',
  'visit',
  'trip',
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
/** Nouns of a political reaction: the state after "in" is the one reacting ("fears in Japan"). */
const REACTION_NOUNS = new Set([
  'alarm',
  'concern',
  'concerns',
  'fear',
  'fears',
  'anger',
  'outrage',
  'criticism',
  'opposition',
  'unease',
  'suspicion',
  'suspicions',
  'worries',
  'interest',
  'support',
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
/** Generic words for a state's army, and names that make an organization that army. */
const ARMY_WORDS = new Set(['army', 'military', 'forces']);
const ARMY_NAME = /^(?:[\w'-]+ )?(?:Armed Forces|Army|Defen[cs]e Forces|Military)$/;
/** Lower-case nouns that say a capitalised name right after them is a company or other body. */
const ORG_DESCRIPTORS = new Set([
  'company',
  'firm',
  'giant',
  'conglomerate',
  'carrier',
  'airline',
  'producer',
  'manufacturer',
  'maker',
  'chipmaker',
  'carmaker',
  'automaker',
  'shipbuilder',
  'contractor',
  'lender',
  'broadcaster',
  'newspaper',
  'daily',
  'tabloid',
  'outlet',
  'insurer',
  'operator',
  'utility',
  'miner',
  'refiner',
  'retailer',
  'startup',
  'exchange',
]);
/** Collective nouns that, placed in a capital, are that state ("officials in Beijing"). */
const CAPITAL_BODIES = new Set([
  'officials',
  'authorities',
  'government',
  'leadership',
  'regime',
  'administration',
  'leaders',
]);
/** Rank words that may stand before a title's qualifier ("senior Hamas leader"). */
const RANK_WORDS = new Set(['senior', 'top', 'veteran', 'deputy']);
const DEFINITE_ROLES = [
  'prime minister',
  'pm',
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

/**
 * Prefers states, then organizations, then persons among entries of one phrase; among national
 * bodies sharing a phrase ("Communist Party"), the one of the state the article names most.
 */
function pick(entries: PhraseEntry[], gaz: Gazetteer, counts: Map<string, number>): PhraseEntry {
  const order = { state: 0, organization: 1, person: 2 } as const;
  const weight = (e: PhraseEntry): number => counts.get(gaz.byId(e.id)?.country ?? '') ?? 0;
  return [...entries].sort((a, b) => order[a.kind] - order[b.kind] || weight(b) - weight(a))[0]!;
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

function isPlace(words: Word[], i: number, entry: PhraseEntry, placeEnd = -1): boolean {
  let p = i - 1;
  if (words[p]?.key === 'the') p--;
  const prev = words[p];
  if (!prev) return false;
  const after = words[i + entry.length];
  if (isPossessive(after)) return false;
  // "fires in Syria and Iraq": a conjunct of a place is a place too.
  if ((prev.key === 'and' || prev.key === 'or' || prev.key === ',') && placeEnd === p - 1)
    return true;
  if (entry.via === 'capital' || entry.via === 'metonym') {
    if (CAPITAL_PLACE_PREPS.has(prev.key)) return true;
    if (prev.key !== 'to' && prev.key !== 'from') return false;
    const before = words[p - 1];
    return !!before && (MOTION_WORDS.has(before.key) || MOTION_WORDS.has(before.lemma));
  }
  if (entry.kind !== 'state' || entry.via === 'demonym') return false;
  // "sparked alarm in the United States": the state reacts, it is not a location.
  if (prev.key === 'in' && REACTION_NOUNS.has(words[p - 1]?.key ?? '')) return false;
  if (STATE_PLACE_PREPS.has(prev.key)) return true;
  // "arrived from Thailand", "flights to Yemen": the origin or destination of a movement.
  if (prev.key === 'from' || prev.key === 'to' || prev.key === 'into') {
    const before = words[p - 1];
    if (before && (MOTION_WORDS.has(before.key) || MOTION_WORDS.has(before.lemma))) return true;
  }
  // "from Thailand, where he attended a summit": the text says it is a place.
  const w2 = after?.key === ',' ? words[i + entry.length + 1] : after;
  if (w2?.key === 'where' && (prev.key === 'from' || prev.key === 'to' || prev.key === 'visited'))
    return true;
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
  counts: Map<string, number>,
): boolean {
  if (!words[i]!.cap) return false;
  if (known.has(entry.id)) return true;
  const country = ctx.gaz.byId(entry.id)?.country;
  // A national body's shared alias ("Communist Party") needs its state in the article.
  if (entry.kind === 'organization' && country) return (counts.get(country) ?? 0) > 0;
  if (i === 0) return false;
  // "a message to Washington", "the offer from Washington": a government being addressed.
  const prep = words[i - 1]?.key;
  if ((prep === 'to' || prep === 'from') && ADDRESSED.has(words[i - 2]?.lemma ?? '')) return true;
  const near = [words[i - 1], words[i - 2], words[end], words[end + 1]];
  return near.some((w) => w && POLITICAL_WORDS.has(w.key));
}

/**
 * Unambiguous gazetteer actors anywhere in the article (they license ambiguous aliases), and how
 * often each state is named, demonyms included (it picks among national bodies' shared aliases).
 */
function unambiguousIds(
  all: Word[][],
  gaz: Gazetteer,
): { ids: Set<string>; counts: Map<string, number> } {
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  for (const words of all) {
    const { keys, surfs } = keysOf(words);
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.cap) continue;
      const m = gaz.matchAt(keys, surfs, i);
      if (!m) continue;
      for (const e of m.entries) {
        if (e.ambiguous) continue;
        if (e.via !== 'demonym') ids.add(e.id);
        if (e.kind === 'state') counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
      }
      i = m.end - 1;
    }
  }
  return { ids, counts };
}

class SentenceScan {
  private readonly keys: string[];
  private readonly surfs: string[];
  /** A state whose possessive or demonym just preceded: "Pyongyang's Korean Central News Agency". */
  private qualifier: { id: string; at: number } | null = null;
  /** Index of the last word of the latest state read as a place, for its conjuncts. */
  private placeEnd = -1;

  constructor(
    private readonly ctx: ActorContext,
    private readonly words: Word[],
    private readonly index: number,
    private readonly known: Set<string>,
    private readonly counts: Map<string, number>,
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
      this.describedOrg(i) ??
      this.bodyInCapital(i) ??
      this.possessedPerson(i) ??
      this.gazetteerOrOrg(i) ??
      this.unknownAcronym(i) ??
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
    const parsed = this.appositionRole(nameEnd + 1);
    if (!parsed) return null;
    const name = spanText(ctx, words, i, nameEnd);
    const id = ctx.person(name, knownPersonAt(words, i, nameEnd, ctx));
    noteKnownRoles(ctx, id);
    this.affiliate(id, parsed, this.start(i), this.end(parsed.role.roleEnd));
    ctx.mention(id, this.start(i), this.end(nameEnd), this.index, 'name');
    return nameEnd;
  }

  /** The role of an apposition starting at `j`: "[who is] [the|a] [former] [China's] role [of X]". */
  private appositionRole(j0: number): StatedRole | null {
    const { words, ctx } = this;
    let j = j0;
    if (
      words[j]?.key === 'who' &&
      ['is', 'was', 'serves', 'served'].includes(words[j + 1]?.key ?? '')
    ) {
      j += 2;
      if (words[j]?.key === 'as') j++;
    }
    if (['the', 'a', 'an'].includes(words[j]?.key ?? '')) j++;
    const t1 = temporalAt(words, j, ctx);
    if (t1) j = t1.end;
    const mod = parseModifier(words, j, ctx, this.keys, this.surfs);
    let roleFrom = mod ? mod.end : j;
    const t2 = temporalAt(words, roleFrom, ctx);
    if (t2) roleFrom = t2.end;
    let role = parseRole(words, roleFrom, ctx, this.keys, this.surfs, (at) => {
      const k = words[at]?.key;
      return (
        k === undefined ||
        k === ',' ||
        k === '.' ||
        k === 'and' ||
        k === ')' ||
        k === ';' ||
        k === 'of'
      );
    });
    if (!role) return null;
    // "a senior member and spokesperson for the ONLF": coordinated roles share the complement.
    let second: RolePhrase | null = null;
    if (!role.complement && words[role.roleEnd]?.key === 'and') {
      second = parseRole(words, role.roleEnd + 1, ctx, this.keys, this.surfs, (at) => {
        const k = words[at]?.key;
        return k === undefined || k === ',' || k === '.' || k === ')' || k === ';';
      });
      if (second?.complement) role = { ...second, roleStart: role.roleStart };
    }
    let of = mod?.id ?? null;
    if (!of && role.complement && role.complement.prep !== 'to') of = role.complement.id;
    if (!of) {
      const last = words[role.roleEnd - 1]!;
      if (last.key === 'ministry' || last.key === 'government') of = this.recentOrgLike(last.key);
    }
    if (mod && role.complement) ctx.addKnown(role.complement.id);
    const worded = roleWords(ctx, words, role.roleStart, role.roleEnd);
    return { role, of, text: worded.text, tense: t1?.tense ?? t2?.tense ?? worded.tense };
  }

  /** Records a stated role: an affiliation when its state or organization is known. */
  private affiliate(id: string, stated: StatedRole, start: number, end: number): void {
    const { ctx } = this;
    let of = stated.of;
    if (stated.role.complement) ctx.addKnown(stated.role.complement.id);
    if (!of) {
      of =
        stated.tense === 'past'
          ? this.pastOfficeOf(id, stated.text)
          : (this.officeOf(id, stated.text) ?? ctx.stateOfOpenOffice(stated.text));
    }
    if (of && ctx.addKnown(of)) ctx.addAffiliation(id, of, stated.text, start, end, stated.tense);
    else if (stated.tense !== 'past') ctx.addRoleOnly(id, stated.text);
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

  /** A single word after a title is a name when it is someone of this article or a known holder. */
  private singleName(at: number, roleStart: number, roleEnd: number): string | null | undefined {
    const { words, ctx } = this;
    const w = words[at]!;
    const known = knownPersonAt(words, at, at + 1, ctx);
    if (known) return known;
    const local = ctx.surnames.get(w.key) ?? ctx.leadingNames.get(w.key);
    if (local) return local.size === 1 ? [...local][0]! : undefined;
    if (isCommonSurname(w.key)) return undefined;
    const keys = this.keys.slice(Math.max(roleStart, roleEnd - 2), roleEnd);
    const head = keys[keys.length - 1] ?? '';
    const offices = [
      ...ctx.gaz.officesForRoleWord(keys.join(' ')),
      ...ctx.gaz.officesForRoleWord(head),
    ];
    const fits = ctx.gaz
      .peopleWithSurname(w.text)
      .filter((p) =>
        (ctx.gaz.byId(p)?.roles ?? []).some(
          (r) => (!!r.office && offices.includes(r.office)) || normKey(r.title).endsWith(head),
        ),
      );
    return fits.length === 1 ? fits[0]! : undefined;
  }

  /**
   * "[the] [former] [Chinese|Russia's|Hamas] [title words][,] Firstname Lastname", also with no
   * qualifier; the comma form ("Hungary's prime minister, Viktor Orban,") needs a qualifier.
   */
  private titled(i: number): number | null {
    const { words, ctx } = this;
    let s = i;
    if (words[s]!.key === 'the') s++;
    const t1 = temporalAt(words, s, ctx);
    if (t1) s = t1.end;
    // "Senior Hamas leader X": a rank word before the qualifier belongs to the role.
    let rank = '';
    if (RANK_WORDS.has(words[s]?.key ?? '') && !words[s + 1]?.joined) {
      if (parseModifier(words, s + 1, ctx, this.keys, this.surfs)) {
        rank = `${words[s]!.key} `;
        s++;
      }
    }
    const mod = parseModifier(words, s, ctx, this.keys, this.surfs);
    let from = mod ? mod.end : s;
    const t2 = temporalAt(words, from, ctx);
    if (t2) from = t2.end;
    let nameStart = -1;
    let nameEnd = -1;
    let single: string | null = null;
    let suffix: RoleTense | null = null;
    const role = parseRole(words, from, ctx, this.keys, this.surfs, (at0) => {
      let at = at0;
      suffix = null;
      const sx = words[at];
      if (sx && (sx.key === 'designate' || (sx.key === 'elect' && sx.joined))) {
        suffix = 'future';
        at++;
      }
      const comma = words[at]?.key === ',';
      if (comma) {
        if (!mod && words[at0 - 1]?.key !== ')' && at0 - from < 2) return false;
        at++;
      }
      at = skipHonorifics(words, at);
      nameStart = at;
      nameEnd = parseName(words, at, ctx, true);
      if (nameEnd < 0) return false;
      single = null;
      if (nameEnd - at === 1) {
        const id = this.singleName(at, from, at0);
        if (!id) return false;
        single = id;
      }
      if (comma) {
        const after = words[nameEnd];
        return (
          !after ||
          [',', '.', ')', ';', 'said', 'says'].includes(after.key) ||
          after.pos === 'VERB' ||
          after.pos === 'AUX'
        );
      }
      return true;
    });
    if (!role || nameEnd < 0) return null;
    const hasQualifier = !!mod || !!role.complement;
    // "the Minister for Foreign Affairs and Trade Penny Wong": a long capitalised title stands alone.
    const longTitle = words[role.roleStart]!.cap && role.roleEnd - role.roleStart >= 3;
    if (s > i && !hasQualifier && !t1 && !longTitle) return null;
    const name = spanText(ctx, words, nameStart, nameEnd);
    const knownId = single ?? knownPersonAt(words, nameStart, nameEnd, ctx);
    const id = ctx.person(name, knownId);
    noteKnownRoles(ctx, id);
    const worded = roleWords(ctx, words, role.roleStart, role.roleEnd);
    let of = mod?.id ?? null;
    if (!of && role.complement && role.complement.prep !== 'to') of = role.complement.id;
    const tense = t1?.tense ?? t2?.tense ?? worded.tense ?? suffix;
    const from0 = words[i]!.key === 'the' ? i + 1 : i;
    this.affiliate(
      id,
      { role, of, text: rank + worded.text, tense },
      this.start(from0),
      this.end(nameEnd),
    );
    ctx.mention(id, this.start(from0), this.end(nameEnd), this.index, 'title');
    // "Nigeria's President, Bola Tinubu, the chairman of the bloc,": a second stated role.
    if (words[nameEnd]?.key === ',') {
      const more = this.appositionRole(nameEnd + 1);
      if (more) this.affiliate(id, more, this.start(from0), this.end(more.role.roleEnd));
    }
    return nameEnd;
  }

  /** For "former President Donald Trump": the state of a matching gazetteer role at any date. */
  private pastOfficeOf(person: string, roleText: string): string | null {
    const offices = this.ctx.gaz.officesForRoleWord(roleText.toLowerCase());
    for (const r of this.ctx.gaz.byId(person)?.roles ?? []) {
      if (r.of && r.office && offices.includes(r.office)) return r.of;
    }
    return null;
  }

  /** For "President Joe Biden" with no state named: the state of the matching gazetteer role. */
  private officeOf(person: string, roleText: string): string | null {
    const offices = this.ctx.gaz.officesForRoleWord(roleText.toLowerCase());
    for (const r of this.ctx.roles.get(person) ?? []) {
      if (r.of && r.offices.some((o) => offices.includes(o))) return r.of;
    }
    return null;
  }

  /** "the ELN said", "BIMSTEC (Bay of Bengal Initiative ...)": a body the gazetteer lacks. */
  private unknownAcronym(i: number): number | null {
    const { words, ctx } = this;
    const read = readAcronym(words, i);
    if (!read) return null;
    const w = words[i]!;
    const id = slugify(w.text);
    if (ctx.gaz.byId(id)) return null;
    const exp = read.expansion;
    const name = exp ? spanText(ctx, words, exp.from, exp.to) : w.text;
    ctx.registerPatternOrg({ id, name, kind: 'organization', country: null });
    ctx.addKnown(id);
    ctx.acronyms.set(w.surf, id);
    if (exp) ctx.names.set(this.keys.slice(exp.from, exp.to).join(' '), id);
    const expStart = exp ? this.start(exp.from) : 0;
    let free = true;
    for (let k = ctx.mentions.length - 1; exp && k >= 0; k--) {
      const m = ctx.mentions[k]!;
      if (m.sentence !== this.index) break;
      if (m.end > expStart && m.start < w.end) free = false;
    }
    if (exp && exp.from < i && free) {
      ctx.mention(id, expStart, this.end(exp.to), this.index, 'name');
    }
    ctx.mention(id, w.start, w.end, this.index, 'acronym');
    if (exp && exp.from > i)
      ctx.mention(id, this.start(exp.from), this.end(exp.to), this.index, 'name');
    return read.end;
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

  /**
   * "Estonia's Kaja Kallas said", "Al Jazeera's Andrew Thomas, reporting from Seoul": a name
   * after a state's or organization's possessive, when it acts or is a holder the gazetteer knows.
   */
  private possessedPerson(i: number): number | null {
    const { words, ctx } = this;
    if (!isPossessive(words[i - 1])) return null;
    const owner = ctx.mentions.at(-1);
    if (!owner || owner.sentence !== this.index || owner.end !== words[i - 1]!.start) return null;
    const ownerActor = ctx.actors.get(owner.actor) ?? ctx.gaz.byId(owner.actor);
    if (!ownerActor || ownerActor.kind === 'person') return null;
    const nameEnd = parseName(words, i, ctx);
    if (nameEnd < 0 || parseOrg(words, i, ctx, null)) return null;
    const known = knownPersonAt(words, i, nameEnd, ctx);
    const after = words[nameEnd];
    const reporting = after?.key === ',' && words[nameEnd + 1]?.key === 'reporting';
    const acts =
      !after ||
      after.key === ',' ||
      after.pos === 'VERB' ||
      after.pos === 'AUX' ||
      ['said', 'says', 'told'].includes(after.key);
    if (!known && !acts) return null;
    const id = ctx.person(spanText(ctx, words, i, nameEnd), known);
    noteKnownRoles(ctx, id);
    ctx.addKnown(ownerActor.id);
    const role = reporting
      ? 'reporter'
      : ctx.roles.get(id)?.find((r) => r.of === ownerActor.id)?.role;
    if (role) ctx.addAffiliation(id, ownerActor.id, role, owner.start, this.end(nameEnd));
    ctx.mention(id, this.start(i), this.end(nameEnd), this.index, 'name');
    return nameEnd;
  }

  /**
   * "the foreign ministry in Kabul" is that state's ministry; "officials in Beijing", "the
   * government in Kabul" are the state: a body placed by its capital.
   */
  private bodyInCapital(i: number): number | null {
    const { words, ctx } = this;
    let s = i;
    if (words[s]!.key === 'the') s++;
    const w = words[s];
    if (!w) return null;
    const lm = parseLowerMinistry(words, s);
    const headEnd = lm > 0 ? lm : CAPITAL_BODIES.has(w.key) && (!w.cap || s === 0) ? s + 1 : -1;
    if (headEnd < 0 || words[headEnd]?.key !== 'in') return null;
    const m = ctx.gaz.matchAt(this.keys, this.surfs, headEnd + 1);
    const st = m?.entries.find(
      (e) => e.kind === 'state' && (e.via === 'capital' || e.via === 'metonym'),
    );
    if (!m || !st) return null;
    if (lm < 0) {
      ctx.addKnown(st.id);
      ctx.mention(st.id, this.start(i), this.end(m.end), this.index, 'metonym', false);
      return m.end;
    }
    const capped = words.map((x, k) => (k >= s && k < lm ? { ...x, cap: true } : x));
    const org = parseOrg(capped, s, ctx, st.id);
    if (!org || org.end !== lm) return null;
    if (!ctx.gaz.byId(org.actor.id)) ctx.registerPatternOrg(org.actor);
    ctx.addKnown(org.actor.id);
    ctx.mention(org.actor.id, this.start(i), this.end(m.end), this.index, 'name');
    return m.end;
  }

  /** "Chevron Corp" is later just "Chevron": the short name refers to it for the rest of the article. */
  private rememberShortName(short: string, id: string): void {
    const parts = short.split(/\s+/);
    if (parts.length === 1) this.ctx.acronyms.set(fold(short), id);
    else this.ctx.names.set(parts.map((p) => normKey(p)).join(' '), id);
  }

  /**
   * "state oil company PDVSA", "defence firm Rafael": a capitalised name after a lower-case noun
   * that says what kind of body it is.
   */
  private describedOrg(i: number): number | null {
    const { words, ctx } = this;
    const prev = words[i - 1];
    const w = words[i]!;
    if (!prev || prev.cap || !ORG_DESCRIPTORS.has(prev.key) || !w.cap || w.pos === 'PUNCT') {
      return null;
    }
    const m = ctx.gaz.matchAt(this.keys, this.surfs, i);
    if (m) return null;
    let end = i;
    while (end < words.length && end - i < 4 && words[end]!.cap && words[end]!.pos !== 'PUNCT') {
      if (WEEKDAYS.has(words[end]!.key) || MONTHS.has(words[end]!.key)) break;
      end++;
    }
    if (end === i || ctx.names.has(this.keys.slice(i, end).join(' '))) return null;
    // "the company Chevron Corp": the pattern reading names it better.
    if (parseOrg(words, i, ctx, null)) return null;
    const name = spanText(ctx, words, i, end);
    const id = slugify(name);
    const country = this.qualifierBefore(i);
    ctx.registerPatternOrg({ id, name, kind: 'organization', country });
    ctx.addKnown(id);
    if (end - i === 1) ctx.acronyms.set(w.surf, id);
    else ctx.names.set(this.keys.slice(i, end).join(' '), id);
    ctx.mention(id, this.start(i), this.end(end), this.index, 'name');
    return end;
  }

  /** The state of a demonym or name a few words before `i` ("U.S. oil company", "Venezuelan state firm"). */
  private qualifierBefore(i: number): string | null {
    for (let k = this.ctx.mentions.length - 1; k >= 0; k--) {
      const m = this.ctx.mentions[k]!;
      if (m.sentence !== this.index) break;
      if (m.end > this.words[i]!.start) continue;
      const between = this.words.filter((w) => w.start >= m.end && w.end <= this.words[i]!.start);
      if (between.length > 3 || between.some((w) => w.cap || w.pos === 'PUNCT')) break;
      const a = this.ctx.actors.get(m.actor) ?? this.ctx.gaz.byId(m.actor);
      return a?.kind === 'state' ? a.id : null;
    }
    return null;
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
      if (org.short) this.rememberShortName(org.short, id);
      ctx.addKnown(id);
      ctx.mention(id, this.start(i), this.end(org.end), this.index, 'name');
      return this.acronymDefinition(org.end, id);
    }
    if (!m) return null;
    const usable = m.entries.filter(
      (e) => !e.ambiguous || ambiguousOk(words, i, m.end, e, ctx, this.known, this.counts),
    );
    if (usable.length === 0) return null;
    const entry = pick(usable, ctx.gaz, this.counts);
    if (entry.kind === 'person') {
      ctx.addKnown(entry.id);
      noteKnownRoles(ctx, entry.id);
      ctx.mention(entry.id, this.start(i), this.end(m.end), this.index, viaOf(entry));
      return m.end;
    }
    if (entry.kind === 'organization') {
      // "the Chinese coast guard" in lower case is the state's generic force, so the state.
      const known = ctx.gaz.byId(entry.id);
      if (known?.category === 'military' && known.country && !words[m.end - 1]!.cap) {
        ctx.addKnown(known.country);
        ctx.mention(known.country, this.start(i), this.end(m.end), this.index, 'demonym', false);
        return m.end;
      }
      ctx.addKnown(entry.id);
      ctx.mention(entry.id, this.start(i), this.end(m.end), this.index, viaOf(entry));
      return this.acronymDefinition(m.end, entry.id);
    }
    return this.stateAt(i, m.end, entry);
  }

  /** A state by name, capital, seat of government or demonym, and what follows it. */
  private stateAt(i: number, end: number, entry: PhraseEntry): number {
    const { words, ctx } = this;
    if (isPlace(words, i, entry, this.placeEnd)) {
      this.placeEnd = end - 1;
      return end;
    }
    const possessive = isPossessive(words[end]);
    const after = possessive ? end + 1 : end;
    const via = viaOf(entry);
    const next = words[after];

    // "China's former president", "a Chinese president": no one in particular holds it now.
    const temporal = next ? temporalAt(words, after, ctx) : null;
    const indefinite = ['a', 'an', 'another', 'any', 'every', 'no'].includes(
      words[i - 1]?.key ?? '',
    );
    if (
      (indefinite || (temporal && temporal.tense !== 'current')) &&
      roleWordAt(words, temporal ? temporal.end : after, ctx.gaz) > 0 &&
      (entry.via === 'demonym' || possessive || indefinite)
    ) {
      ctx.mention(entry.id, this.start(i), this.end(end), this.index, via, true);
      return roleWordAt(words, temporal ? temporal.end : after, ctx.gaz);
    }
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
      const person =
        this.predicatedPerson(i) ?? resolveRoleRef(ctx, entry.id, roleWord.toLowerCase());
      if (!person) ctx.openOffice(entry.id, roleWord);
      if (person && !words[roleEnd]?.cap) {
        ctx.addKnown(person);
        noteKnownRoles(ctx, person);
        ctx.addKnown(entry.id);
        ctx.addAffiliation(person, entry.id, roleWord, this.start(i), this.end(roleEnd));
        ctx.mention(person, this.start(i), this.end(roleEnd), this.index, 'role');
        return roleEnd;
      }
    }
    // "the Chinese Embassy in Manila", "Russia's embassy": a body of the state, named so.
    if (
      next?.key === 'embassy' &&
      next.cap &&
      (entry.via === 'demonym' || possessive || entry.via === 'name')
    ) {
      return this.embassy(i, after, entry.id);
    }
    // "the Sudanese army" after "the Sudanese Armed Forces (SAF)": the body the article named.
    if (next && ARMY_WORDS.has(next.key) && !next.cap) {
      const army = this.namedArmyOf(entry.id);
      if (army) {
        ctx.mention(army, this.start(i), this.end(after + 1), this.index, 'name');
        return after + 1;
      }
    }
    // "the Syrian government", "Turkish troops", "Russia's military" are the state.
    const govEnd = !next
      ? -1
      : GOV_NOUNS.has(next.key)
        ? after + 1
        : next.key === 'coast' && words[after + 1]?.key === 'guard' && !words[after + 1]!.cap
          ? after + 2
          : -1;
    if (govEnd > 0 && (entry.via === 'demonym' || possessive || !next!.cap)) {
      ctx.addKnown(entry.id);
      ctx.mention(entry.id, this.start(i), this.end(govEnd), this.index, via, false);
      return govEnd;
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

  /** "recognises Bazoum as Niger's head of state": the role is said of the person just named. */
  private predicatedPerson(i: number): string | null {
    const { words, ctx } = this;
    let p = i - 1;
    if (words[p]?.key === 'the') p--;
    if (words[p]?.key !== 'as') return null;
    const last = ctx.mentions.at(-1);
    if (!last || last.sentence !== this.index || words[p - 1]?.end !== last.end) return null;
    return ctx.actors.get(last.actor)?.kind === 'person' ? last.actor : null;
  }

  /** The state's armed forces as the article named them ("Sudanese Armed Forces"), if it did. */
  private namedArmyOf(state: string): string | null {
    for (const a of this.ctx.actors.values()) {
      if (a.kind === 'organization' && a.country === state && ARMY_NAME.test(a.name)) return a.id;
    }
    return null;
  }

  /** "<Chinese> Embassy [in Manila]" from the state's words at `i` and "embassy" at `at`. */
  private embassy(i: number, at: number, state: string): number {
    const { words, ctx } = this;
    // As written ("Chinese", "U.S."), or the demonym for "China's embassy".
    const demonym = isPossessive(words[at - 1])
      ? ctx.gaz.states.find((s) => s.id === state)?.demonyms[0]
      : spanText(ctx, words, i, at);
    let end = at + 1;
    let place = '';
    if (words[end]?.key === 'in' && words[end + 1]?.cap) {
      let k = end + 1;
      while (k < words.length && k - end <= 3 && words[k]!.cap && words[k]!.pos !== 'PUNCT') k++;
      place = ` in ${spanText(ctx, words, end + 1, k)}`;
      end = k;
    }
    const name = `${demonym ?? ctx.gaz.byId(state)?.name ?? state} Embassy${place}`;
    const id = slugify(name);
    ctx.registerPatternOrg({ id, name, kind: 'organization', country: state });
    ctx.addKnown(id);
    ctx.mention(id, this.start(i), this.end(end), this.index, 'name');
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
    const nameStart = skipHonorifics(words, k + 1);
    const nameEnd = parseName(words, nameStart, ctx);
    let person: string | null = null;
    let role = 'counterpart';
    let end = k + 1;
    if (nameEnd > 0) {
      person = ctx.person(
        spanText(ctx, words, nameStart, nameEnd),
        knownPersonAt(words, nameStart, nameEnd, ctx),
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

/** The state the article is mostly about: at least two mentions and twice any other state's. */
function dominantState(ctx: ActorContext): string | null {
  const counts = new Map<string, number>();
  for (const m of ctx.mentions) {
    const a = ctx.actors.get(m.actor) ?? (m.attributive ? ctx.gaz.byId(m.actor) : undefined);
    const state = a?.kind === 'state' ? a.id : a?.kind === 'person' ? a.country : null;
    if (state) counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 2 || (second && top[1] < 2 * second[1])) return null;
  return top[0];
}

const NATIONAL_BODY = /\b(?:ministry|department|office)\b/i;
/** Names made only of generic words ("Foreign Ministry", "Ministry of Defence"): no state in them. */
const GENERIC_BODY =
  /^(?:(?:the|of|for|and|on|national|foreign|defen[cs]e|interior|finance|trade|commerce|justice|health|economy|information|home|industry|energy|unification|security|state|education|agriculture|culture|affairs|external|public|ministry|department|office|presidency|presidential)(?:\s+|$))+$/i;

/**
 * A ministry named with no state ("the Foreign Ministry said") belongs to the article's dominant
 * state when there is one (and meets the gazetteer id); otherwise it is not an actor.
 */
function resolveBareBodies(ctx: ActorContext): void {
  const bare = [...ctx.patternOrgs.values()].filter(
    (o) =>
      o.country === null &&
      ctx.actors.has(o.id) &&
      NATIONAL_BODY.test(o.name) &&
      GENERIC_BODY.test(o.name),
  );
  if (bare.length === 0) return;
  const state = dominantState(ctx);
  for (const org of bare) {
    const actor = ctx.actors.get(org.id)!;
    let id: string;
    if (state) {
      const stateName = ctx.gaz.byId(state)?.name ?? state;
      id = ctx.gaz.nationalBody(state, org.name) ?? slugify(`${state} ${org.name}`);
      const known = ctx.gaz.byId(id);
      actor.name = known?.name ?? nationalBodyName(stateName, org.name);
      actor.country = state;
      ctx.addKnown(state);
    } else {
      // A body of no known state would merge every article's "Foreign Ministry" into one node.
      dropActor(ctx, org.id);
      continue;
    }
    if (id === org.id) continue;
    const existing = ctx.actors.get(id);
    ctx.actors.delete(org.id);
    if (!existing) ctx.actors.set(id, { ...actor, id });
    for (const m of ctx.mentions) if (m.actor === org.id) m.actor = id;
    for (const a of ctx.affiliations) if (a.of === org.id) a.of = id;
  }
}

/** Removes an actor with its mentions and the affiliations that point at it. */
function dropActor(ctx: ActorContext, id: string): void {
  ctx.actors.delete(id);
  removeWhere(ctx.mentions, (m) => m.actor === id);
  removeWhere(ctx.affiliations, (a) => a.of === id || a.person === id);
}

function removeWhere<T>(items: T[], drop: (item: T) => boolean): void {
  let kept = 0;
  for (const item of items) if (!drop(item)) items[kept++] = item;
  items.length = kept;
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
  const { ids: known, counts } = unambiguousIds(allWords, gaz);
  sentences.forEach((s, k) => new SentenceScan(ctx, allWords[k]!, s.index, known, counts).run());
  resolveBareBodies(ctx);
  assignCountries(ctx);
  const mentions = [...ctx.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  return { actors: ctx.actors, mentions, affiliations: ctx.affiliations };
}
