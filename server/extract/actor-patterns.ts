// Phrase patterns of the actor stage over words: person names, title phrases ("Chinese Foreign
// Minister Wang Yi"), appositions ("Wang Yi, China's foreign minister") and named organizations.
import type { Word } from './actor-words.ts';
import { isPossessive, keysOf } from './actor-words.ts';
import type { ActorContext } from './actor-context.ts';
import { bodyKey, type PhraseEntry, type RoleTense } from './gazetteer.ts';
import { MONTHS, NAME_PARTICLES, WEEKDAYS, isAcronym } from './names.ts';

const NON_NAME_POS = new Set([
  'PUNCT',
  'NUM',
  'DET',
  'ADP',
  'PRON',
  'CCONJ',
  'SCONJ',
  'AUX',
  'PART',
  'SYM',
]);
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'mr',
  'mrs',
  'ms',
  'dr',
  'i',
  'he',
  'she',
  'it',
  'we',
  'they',
]);

/** A state's generic forces or government: "the Syrian government", "Turkish troops" are the state. */
export const GOV_NOUNS = new Set([
  'government',
  'governments',
  'army',
  'forces',
  'military',
  'troops',
  'navy',
  'warplanes',
  'jets',
  'officials',
  'authorities',
  'regime',
  'administration',
  'soldiers',
  'militaries',
  'cabinet',
  'leadership',
  'coastguard',
  'border guards',
]);

const ORG_HEADS = new Set([
  'ministry',
  'party',
  'university',
  'agency',
  'corp',
  'corporation',
  'inc',
  'group',
  'company',
  'council',
  'parliament',
  'assembly',
  'congress',
  'forces',
  'force',
  'army',
  'navy',
  'guard',
  'guards',
  'front',
  'movement',
  'brigade',
  'brigades',
  'committee',
  'commission',
  'bank',
  'institute',
  'organization',
  'organisation',
  'court',
  'office',
  'department',
  'senate',
  'federation',
  'alliance',
  'league',
  'authority',
  'service',
  'police',
  'coalition',
  'command',
  'corps',
  'foundation',
  'union',
  'tribunal',
  'militia',
  'ltd',
  'plc',
  'co',
  'holdings',
  'airlines',
  'times',
  'post',
  'news',
  'television',
  'broadcasting',
  'center',
  'centre',
  'academy',
  'school',
  'college',
]);
/** Heads that open a name: "Ministry of Foreign Affairs", "University of Tokyo". */
const ORG_LEADS = new Set([
  'ministry',
  'secretariat',
  'university',
  'department',
  'office',
  'bank',
  'council',
  'court',
  'institute',
  'federation',
  'league',
  'organization',
  'organisation',
  'union',
  'party',
  'academy',
  'school',
  'college',
  'committee',
  'commission',
]);
/** Heads of bodies that belong to one state: named with the state's id in front. */
const NATIONAL_HEADS = new Set(['ministry', 'department', 'office']);
const ORG_CONNECTORS = new Set(['of', 'for', 'and', 'on', '&', 'the', 'de']);
/** Lower-case words that can name a ministry after a demonym: "Chinese foreign ministry". */
const MINISTRY_WORDS = new Set([
  'foreign',
  'defence',
  'defense',
  'interior',
  'finance',
  'trade',
  'commerce',
  'justice',
  'health',
  'economy',
  'information',
  'home',
  'industry',
  'energy',
  'unification',
  'security',
  'state',
  'education',
  'agriculture',
  'culture',
]);

export function isNameWord(w: Word | undefined, ctx: ActorContext, next?: Word): boolean {
  if (!w || !w.cap || NON_NAME_POS.has(w.pos)) return false;
  if (NOT_NAMES.has(w.key) || WEEKDAYS.has(w.key)) return false;
  // "Jun" and "May" are names too; a month is a date only before a day number.
  if (MONTHS.has(w.key) && (!next || /^\d/.test(next.text))) return false;
  if (ctx.gaz.titles.has(w.key)) return false;
  if (!/^[A-Za-z\u00c0-\u024f]/.test(w.text)) return false;
  if (isAcronym(w.text) && w.text.length > 1) return false;
  return true;
}

/** A person's name of 2-4 words starting at `j` (hyphen parts and particles inside); end index. */
export function parseName(
  words: Word[],
  j: number,
  ctx: ActorContext,
  allowSingle = false,
): number {
  if (!isNameWord(words[j], ctx, words[j + 1]) || words[j]!.joined) return -1;
  // A name never starts with a state or organization the gazetteer knows.
  const { keys, surfs } = keysOf(words);
  const g = ctx.gaz.matchAt(keys, surfs, j);
  if (g && g.entries.some((e) => e.kind !== 'person')) return -1;
  let count = 1;
  let k = j + 1;
  while (k < words.length) {
    const w = words[k]!;
    if (w.joined && /^[A-Za-z\u00c0-\u024f]/.test(w.text) && w.start === words[k - 1]!.end + 1) {
      k++;
      continue;
    }
    if (count >= 4) break;
    if (NAME_PARTICLES.has(w.key) && !w.cap && k + 1 < words.length) {
      const nxt = words[k + 1]!;
      if (nxt.cap || nxt.joined) {
        k++;
        continue;
      }
      break;
    }
    if (isNameWord(w, ctx, words[k + 1]) && !w.joined) {
      count++;
      k++;
      continue;
    }
    break;
  }
  if (count < 2 && !allowSingle) return -1;
  return k;
}

export function spanText(ctx: ActorContext, words: Word[], from: number, to: number): string {
  return ctx.text.slice(words[from]!.start, words[to - 1]!.end);
}

/** The gazetteer person a name span denotes, if any (also with hyphen/space variants). */
export function knownPersonAt(
  words: Word[],
  from: number,
  to: number,
  ctx: ActorContext,
): string | null {
  const keys = words.slice(from, to).map((w) => w.key);
  const m = ctx.gaz.matchAt(
    keys,
    words.slice(from, to).map((w) => w.surf),
    0,
  );
  if (m && m.end === keys.length) {
    const p = m.entries.find((e) => e.kind === 'person');
    if (p) return p.id;
  }
  return null;
}

export interface Modifier {
  id: string;
  end: number;
  entry: PhraseEntry | null;
}

/** Nouns by which an article refers back to an organization it named ("the group's leader"). */
const GROUP_NOUNS = new Set([
  'group',
  'movement',
  'militia',
  'organisation',
  'organization',
  'party',
  'alliance',
  'bloc',
  'faction',
  'agency',
]);

/** The organization of the latest mention, if any. */
export function recentOrganization(ctx: ActorContext): string | null {
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const a = ctx.actors.get(ctx.mentions[k]!.actor);
    if (a?.kind === 'organization') return a.id;
  }
  return null;
}

/** A state or organization that qualifies a title: "Chinese", "Russia's", "Hamas", "UN". */
export function parseModifier(
  words: Word[],
  i: number,
  ctx: ActorContext,
  keys: string[],
  surfs: string[],
): Modifier | null {
  const w = words[i];
  if (!w) return null;
  // "the group's political bureau member": the organization the article last named.
  if (
    GROUP_NOUNS.has(w.key) &&
    !w.cap &&
    words[i - 1]?.key === 'the' &&
    isPossessive(words[i + 1])
  ) {
    const org = recentOrganization(ctx);
    return org ? { id: org, end: i + 2, entry: null } : null;
  }
  const acr = ctx.acronyms.get(w.surf);
  if (acr) {
    const end = isPossessive(words[i + 1]) ? i + 2 : i + 1;
    return { id: acr, end, entry: null };
  }
  if (!w.cap) return null;
  const m = ctx.gaz.matchAt(keys, surfs, i);
  if (m) {
    const e = m.entries.find((x) => x.kind !== 'person' && !x.ambiguous) ?? null;
    if (e) {
      const end = isPossessive(words[m.end]) ? m.end + 1 : m.end;
      return { id: e.id, end, entry: e };
    }
  }
  const org = parseOrg(words, i, ctx, null);
  if (org) {
    if (!ctx.gaz.byId(org.actor.id)) ctx.registerPatternOrg(org.actor);
    const end = isPossessive(words[org.end]) ? org.end + 1 : org.end;
    return { id: org.actor.id, end, entry: null };
  }
  return null;
}

/** Longest title ending exactly at `end` (exclusive) and starting at or after `from`; its start. */
function titleEndingAt(words: Word[], from: number, end: number, ctx: ActorContext): number {
  if (!ctx.gaz.titleLastWords.has(words[end - 1]!.key)) return -1;
  for (let len = Math.min(ctx.gaz.maxTitleWords, end - from); len >= 1; len--) {
    const key = words
      .slice(end - len, end)
      .map((w) => w.key)
      .join(' ');
    if (ctx.gaz.titles.has(key)) return end - len;
  }
  return -1;
}

export interface RolePhrase {
  /** Where the role words start and end (the complement "to the UN" included). */
  roleStart: number;
  roleEnd: number;
  /** The organization or state named in the complement ("of NATO", "to the UN"). */
  complement: { id: string; prep: string } | null;
}

const DESCRIPTOR_POS = new Set(['NOUN', 'ADJ', 'PROPN', 'VERB']);
const TITLE_LINKS = new Set(['of', 'the', 'for', 'on', 'and']);

/** True when the words before `at` and the link word at `at` start a multi-word title. */
function continuesTitle(words: Word[], from: number, at: number, ctx: ActorContext): boolean {
  let key = words[at]!.key;
  for (let s = at - 1; s >= from && at - s <= 4; s--) {
    key = `${words[s]!.key} ${key}`;
    if (ctx.gaz.titlePrefixes.has(key)) return true;
  }
  return false;
}

/** Words that stand before a name without being a role ("Sheikh", "Dr."). */
export const HONORIFICS = new Set([
  'sheikh',
  'sheikha',
  'dr',
  'dr.',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'prof',
  'prof.',
  'sir',
  'dame',
  'lord',
  'lady',
  'h.e.',
]);

/** Index after any honorifics at `j` ("Sheikh Tamim", "Dr. Omar Touray"). */
export function skipHonorifics(words: Word[], j: number): number {
  let k = j;
  while (k < words.length && HONORIFICS.has(words[k]!.key) && words[k]!.cap) {
    k++;
    if (words[k]?.key === '.') k++;
  }
  return k;
}

export interface Temporal {
  end: number;
  tense: RoleTense;
}

/** A title modifier at `j` from roles.json: "former", "acting", "ex-", "then-", "newly elected". */
export function temporalAt(words: Word[], j: number, ctx: ActorContext): Temporal | null {
  const w = words[j];
  if (!w) return null;
  const mods = ctx.gaz.modifiers;
  const next = words[j + 1];
  if (next?.joined) {
    const hy = mods.get(`${w.key}-`);
    if (hy) return { end: j + 1, tense: hy };
  }
  if (next) {
    const two = mods.get(`${w.key} ${next.key}`);
    if (two) return { end: j + 2, tense: two };
  }
  const one = mods.get(w.key);
  if (!one) return null;
  // "New Zealand", "New Delhi": the start of a name, not a modifier.
  const { keys, surfs } = keysOf(words);
  if (w.cap && ctx.gaz.matchAt(keys, surfs, j)) return null;
  return { end: j + 1, tense: one };
}

/** The role as worded, without honorifics before the name or an "-elect"/"designate" suffix. */
export function roleWords(
  ctx: ActorContext,
  words: Word[],
  from: number,
  to: number,
): { text: string; tense: RoleTense | null } {
  let end = to;
  let tense: RoleTense | null = null;
  while (end - 1 > from && HONORIFICS.has(words[end - 1]!.key)) end--;
  const last = words[end - 1]!;
  if (end - 1 > from && (last.key === 'elect' || last.key === 'designate')) {
    tense = ctx.gaz.modifiers.get(last.key === 'elect' ? '-elect' : 'designate') ?? 'future';
    end--;
  }
  return { text: spanText(ctx, words, from, end), tense };
}
const COMPLEMENT_PREPS = new Set(['to', 'of', 'for', 'at', 'in']);
/** Words of a ministerial portfolio ("Minister of State for Regional Integration"). */
const PORTFOLIO_WORDS = new Set(
  (
    'foreign affairs trade regional integration international cooperation co-operation ' +
    'development defence defense home interior finance economy economic planning justice ' +
    'health energy climate change environment security industry investment commerce education ' +
    'agriculture culture tourism transport labour labor employment women youth social public ' +
    'information communications digital europe european africa african asia pacific americas ' +
    'middle east eastern gulf community commonwealth relations diaspora overseas national ' +
    'external legal constitutional parliamentary veterans science technology innovation water ' +
    'natural resources mines mining petroleum oil gas fisheries lands housing immigration ' +
    'migration borders treasury budget affairs'
  ).split(' '),
);
const PORTFOLIO_LINKS = new Set(['for', 'of', 'and', '&']);

/** End of a portfolio after a title ending at `e` ("for Foreign Affairs and Trade"), or `e`. */
function portfolioEnd(words: Word[], e: number): number {
  let end = e;
  let k = e;
  while (k < words.length && PORTFOLIO_LINKS.has(words[k]!.key)) {
    let m = k + 1;
    if (words[m]?.key === 'the') m++;
    let n = m;
    while (n < words.length && words[n]!.cap && PORTFOLIO_WORDS.has(words[n]!.key)) n++;
    if (n === m) break;
    end = n;
    k = n;
  }
  return end;
}

/**
 * Role words from `j`: up to 6 descriptor words whose last ones form a title, then an optional
 * complement. `next` says what must follow (a name, or anything).
 */
export function parseRole(
  words: Word[],
  j: number,
  ctx: ActorContext,
  keys: string[],
  surfs: string[],
  accept: (at: number) => boolean,
): RolePhrase | null {
  let limit = j;
  while (limit < words.length && limit - j < 8) {
    const w = words[limit]!;
    if (!DESCRIPTOR_POS.has(w.pos) && !(w.joined && /^[a-z]/i.test(w.text))) {
      // "Secretary of State", "Chief of the Army Staff": read on while a title continues.
      if (!TITLE_LINKS.has(w.key) || !continuesTitle(words, j, limit, ctx)) break;
    } else if (w.pos === 'VERB' && !ctx.gaz.titles.has(w.key)) break;
    limit++;
  }
  for (let e = limit; e > j; e--) {
    const ts = titleEndingAt(words, j, e, ctx);
    if (ts < 0) continue;
    const pe = portfolioEnd(words, e);
    if (pe > e && accept(pe)) return { roleStart: j, roleEnd: pe, complement: null };
    // Complement: "ambassador to the UN", "head of the IAEA".
    const prep = words[e];
    if (prep && COMPLEMENT_PREPS.has(prep.key)) {
      let c = e + 1;
      if (words[c]?.key === 'the') c++;
      let compId: string | null = null;
      let cEnd = c;
      const acr = words[c] ? ctx.acronyms.get(words[c]!.surf) : undefined;
      const longer = acr ? parseOrg(words, c, ctx, null) : null;
      if (acr && !(longer && longer.end > c + 1)) {
        compId = acr;
        cEnd = c + 1;
      } else {
        const m = words[c]?.cap ? ctx.gaz.matchAt(keys, surfs, c) : null;
        const ent = m?.entries.find((x) => x.kind !== 'person' && x.via !== 'demonym');
        // "the ECOWAS Commission" is a body of its own, longer than "ECOWAS".
        const org = words[c]?.cap ? parseOrg(words, c, ctx, null) : null;
        if (org && (!m || !ent || org.end > m.end)) {
          if (!ctx.gaz.byId(org.actor.id)) ctx.registerPatternOrg(org.actor);
          compId = org.actor.id;
          cEnd = org.end;
        } else if (m && ent) {
          compId = ent.id;
          cEnd = m.end;
        }
      }
      if (compId && accept(cEnd)) {
        return { roleStart: j, roleEnd: cEnd, complement: { id: compId, prep: prep.key } };
      }
    }
    if (accept(e)) return { roleStart: j, roleEnd: e, complement: null };
  }
  return null;
}

export interface OrgMatch {
  end: number;
  actor: { id: string; name: string; kind: 'organization'; country: string | null };
  /** The name without its corporate suffix, when the text gave one ("Chevron" of "Chevron Corp"). */
  short?: string;
}

/** Legal-form suffixes: the canonical name is the company as news names it ("Chevron"). */
const CORPORATE_SUFFIX =
  /,?\s+(?:Corp\.?|Corporation|Inc\.?|Incorporated|Ltd\.?|Limited|Plc|PLC|plc|Co\.?|LLC|S\.?A\.?|AG|N\.?V\.?|GmbH)$/;

function titleCase(s: string): string {
  return s.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

/**
 * A named organization by pattern from `i`: a capitalised run ending in a head word ("Renmin
 * University", "Syrian Democratic Forces") or opening with one ("Ministry of Foreign Affairs").
 * `country` is a state that qualifies it from outside ("Pyongyang's ...").
 */
export function parseOrg(
  words: Word[],
  i: number,
  ctx: ActorContext,
  country: string | null,
): OrgMatch | null {
  const first = words[i];
  if (!first || !first.cap || first.key === 'the' || first.pos === 'PUNCT') return null;
  // "Chief of Army Staff", "President of the Commission" are titles, not bodies.
  if (ctx.gaz.titles.has(first.key) && !ORG_LEADS.has(first.key) && words[i + 1]?.key === 'of') {
    return null;
  }
  const { keys, surfs } = keysOf(words);
  let k = i;
  let lastCap = -1;
  while (k < words.length && k - i < 9) {
    const w = words[k]!;
    if (w.cap && /^[A-Za-z\u00c0-\u024f0-9]/.test(w.text)) {
      lastCap = k;
      k++;
    } else if (ORG_CONNECTORS.has(w.key) && k > i) {
      // "NATO and the European Union" is two bodies, not one name.
      if (w.key === 'the' && words[k - 1]!.key !== 'of' && words[k - 1]!.key !== 'for') break;
      if ((w.key === 'and' || w.key === '&') && ctx.gaz.matchAt(keys, surfs, i)?.end === k) break;
      k++;
    } else if (w.key === "'" && k > i && words[k - 1]!.key.endsWith('s')) {
      k++;
    } else break;
  }
  if (lastCap < i) return null;
  let end = -1;
  for (let e = lastCap; e > i; e--) {
    if (ORG_HEADS.has(words[e]!.key) && words[e]!.cap) {
      end = e + 1;
      break;
    }
  }
  if (end < 0 && ORG_LEADS.has(first.key) && words[i + 1]?.key === 'of' && lastCap > i + 1) {
    end = lastCap + 1;
  }
  // "US Department of the Treasury": a head that opens its own "of" phrase reads on.
  if (end > 0 && end <= lastCap && words[end]?.key === 'of' && ORG_LEADS.has(words[end - 1]!.key)) {
    let k2 = end + 1;
    if (words[k2]?.key === 'the') k2++;
    let last = -1;
    while (k2 <= lastCap) {
      const w = words[k2]!;
      if (w.cap && !WEEKDAYS.has(w.key) && !MONTHS.has(w.key)) last = k2;
      else if (w.key !== 'and' || !words[k2 + 1]?.cap) break;
      k2++;
    }
    if (last > end) end = last + 1;
  }
  if (end < 0) return null;
  let name = ctx.text.slice(first.start, words[end - 1]!.end);
  const headKey = words[end - 1]!.key;
  let orgCountry = country;
  const dem = ctx.gaz.matchAt(keys, surfs, i);
  const demEntry = dem?.entries.find((e) => e.kind === 'state');
  if (dem && demEntry) {
    // "Turkish Forces" alone is the state's generic forces, not a named body.
    if (dem.end === end - 1 && GOV_NOUNS.has(headKey)) return null;
    if (dem.end >= end) return null;
    orgCountry ??= demEntry.id;
  }
  const lead = /^Ministry of (?:the )?(\w+)(?: Affairs)?$/i.exec(name);
  if (lead) name = `${titleCase(lead[1]!.toLowerCase())} Ministry`;
  let id: string;
  let national = false;
  for (let k3 = i; k3 < end && !national; k3++) national = NATIONAL_HEADS.has(words[k3]!.key);
  if (national && demEntry && dem && dem.end < end) {
    name = ctx.text.slice(words[dem.end]!.start, words[end - 1]!.end);
    const l2 = /^Ministry of (?:the )?(\w+)(?: Affairs)?$/i.exec(name);
    if (l2) name = `${titleCase(l2[1]!.toLowerCase())} Ministry`;
  }
  const corporate = CORPORATE_SUFFIX.exec(name);
  const short = corporate && corporate.index > 0 ? name.slice(0, corporate.index) : undefined;
  if (short) name = short;
  const knownId =
    ctx.gaz.lookup(name).find((e) => e.kind === 'organization')?.id ??
    (orgCountry ? ctx.gaz.nationalBody(orgCountry, name) : null);
  const known = knownId ? { id: knownId } : null;
  if (known) {
    const k2 = ctx.gaz.byId(known.id)!;
    const found: OrgMatch = {
      end,
      actor: { id: known.id, name: k2.name, kind: 'organization', country: k2.country },
    };
    if (short) found.short = short;
    return found;
  }
  if (national && orgCountry) {
    const st = ctx.gaz.byId(orgCountry);
    id = slugifyOrg(`${orgCountry} ${name}`);
    name = nationalBodyName(st?.name ?? orgCountry, name);
  } else id = slugifyOrg(name);
  const found: OrgMatch = { end, actor: { id, name, kind: 'organization', country: orgCountry } };
  if (short) found.short = short;
  return found;
}

/** "Chinese foreign ministry", "Russia's defence ministry": a lower-case ministry after a state. */
export function parseLowerMinistry(words: Word[], j: number): number {
  let k = j;
  while (k < words.length && k - j < 2 && MINISTRY_WORDS.has(words[k]!.key)) k++;
  if (k > j && (words[k]?.key === 'ministry' || words[k]?.key === 'office')) return k + 1;
  if (words[j]?.key === 'ministry' && !words[j]!.cap) return j + 1;
  return -1;
}

/** A state's body named in full: the foreign ministry as "Ministry of Foreign Affairs of Argentina". */
export function nationalBodyName(stateName: string, body: string): string {
  if (bodyKey(body) === 'foreign ministry') return `Ministry of Foreign Affairs of ${stateName}`;
  return `${stateName} ${body}`;
}

function slugifyOrg(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}
