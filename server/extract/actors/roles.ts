// The role lexicon over the words of a title phrase or apposition the parse delimited
// (`titles.ts`): the qualifier of a title ("Chinese", "Russia's", "Hamas"), the role words with
// their complement ("ambassador to the UN", a body the gazetteer, a pattern or the name finder
// knows), and temporal modifiers ("former").
import type { Word } from './words.ts';
import { isPossessive, keysOf } from './words.ts';
import type { ActorContext } from './context.ts';
import type { PhraseEntry, RoleTense } from '../gazetteer.ts';
import { parseOrg } from './orgs.ts';
import { HONORIFICS, spanText } from './person-names.ts';
import { slugify } from '../names.ts';

export interface Modifier {
  id: string;
  end: number;
  entry: PhraseEntry | null;
}

/** Nouns by which an article refers back to an organization it named ("the group's leader"). */
export const GROUP_NOUNS = new Set([
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

/** Picks among the ambiguous entries of a phrase at `i`..`end` ("Communist Party"), or none. */
export type SharedChoice = (entries: PhraseEntry[], i: number, end: number) => PhraseEntry | null;

/** A state or organization that qualifies a title: "Chinese", "Russia's", "Hamas", "UN". */
export function parseModifier(
  words: Word[],
  i: number,
  ctx: ActorContext,
  keys: string[],
  surfs: string[],
  shared?: SharedChoice,
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
    const e =
      m.entries.find((x) => x.kind !== 'person' && !x.ambiguous) ??
      shared?.(m.entries, i, m.end) ??
      null;
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
/** The words UD tags as particles; any other word tagged so is a tagging slip on a content word. */
const PARTICLES = new Set(['to', 'not', "n't", "'s", "'", 's']);

function descriptorWord(w: Word): boolean {
  return DESCRIPTOR_POS.has(w.pos) || (w.pos === 'PART' && !PARTICLES.has(w.key));
}
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

/** True when the word at `j` is a lower-case "-ed" adjective straight after a capitalised name. */
function pastFormAfterName(words: Word[], j: number): boolean {
  const w = words[j]!;
  const before = words[j - 1];
  return (
    w.pos === 'ADJ' &&
    !w.cap &&
    !w.joined &&
    w.key.endsWith('ed') &&
    !!before &&
    before.pos === 'PROPN' &&
    before.cap
  );
}

/**
 * An organization the name finder found at word `c` that no gazetteer entry or pattern reads
 * ("the Andean Fisheries Council"): registered under its own name; its id and end, or null.
 */
function foundOrganization(words: Word[], c: number, ctx: ActorContext): [string, number] | null {
  const n = words[c]?.name;
  if (!n || n.label !== 'organization' || !words[c]!.cap) return null;
  let end = c + 1;
  while (words[end]?.name?.index === n.index) end++;
  if (end - c < 2) return null;
  // "Committee on Mines, Energy and Water": a name whose portfolio list runs on is read later,
  // whole, from the parse.
  const next = words[end];
  const listed = next && (next.key === ',' || next.key === 'and') && words[end + 1]?.cap;
  if (listed && words.slice(c, end).some((w) => ['of', 'on', 'for'].includes(w.key))) return null;
  const name = spanText(ctx, words, c, end);
  const id = slugify(name);
  if (!id) return null;
  if (!ctx.actors.has(id)) {
    ctx.registerPatternOrg({ id, name, kind: 'organization', country: null });
  }
  return [id, end];
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
    if (!descriptorWord(w) && !(w.joined && /^[a-z]/i.test(w.text))) {
      // "Secretary of State", "Chief of the Army Staff": read on while a title continues.
      if (!TITLE_LINKS.has(w.key) || !continuesTitle(words, j, limit, ctx)) break;
    } else if (w.pos === 'VERB' && !ctx.gaz.titles.has(w.key)) break;
    // "Warren Christopher telephoned Foreign Minister X": a past form right after a name is that
    // name's verb, even where the tagger read it as an adjective.
    else if (limit === j && pastFormAfterName(words, j)) break;
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
        } else {
          const found = foundOrganization(words, c, ctx);
          if (found) [compId, cEnd] = found;
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
