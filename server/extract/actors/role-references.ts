// Role holders and surnames within one article: roles of the gazetteer on the date, role phrases
// ("China's president"), "his Chinese counterpart" and surnames (descriptions such as "the
// minister" and pronouns are resolved later, on the parse, by ../coreference).
import type { ActorContext } from './context.ts';
import type { Word } from './words.ts';
import { MONTHS, isCommonSurname, isWordSurname, normKey } from '../names.ts';

/** Offices a person holds for `of` in this article (stated roles and gazetteer roles on the date). */
function officesOf(ctx: ActorContext, person: string, of: string | null): string[] {
  const out: string[] = [];
  for (const r of ctx.roles.get(person) ?? []) {
    if (of === null || r.of === of) out.push(...r.offices);
  }
  return out;
}

/** True when a gazetteer role is held on `date` (ISO, compared to its precision); with no date, ever. */
function heldOn(r: { from: string | null; to: string | null }, date: string | null): boolean {
  if (!date) return true;
  if (r.from && date.slice(0, r.from.length) < r.from) return false;
  if (r.to && date.slice(0, r.to.length) > r.to) return false;
  return true;
}

/** The gazetteer roles of a person on the article's date, recorded so role phrases can find them. */
export function noteKnownRoles(ctx: ActorContext, person: string): void {
  if (ctx.noted.has(person)) return;
  ctx.noted.add(person);
  const known = ctx.gaz.byId(person);
  if (!known) return;
  const date = ctx.published;
  const list = [];
  for (const r of known.roles) {
    if (!r.office || !r.of) continue;
    if (date && r.from && date.slice(0, r.from.length) < r.from) continue;
    if (date && r.to && date.slice(0, r.to.length) > r.to) continue;
    if (!date && r.to) continue;
    list.push({ of: r.of, role: r.title, offices: [r.office] });
  }
  ctx.roles.set(person, [...(ctx.roles.get(person) ?? []), ...list]);
}

/** "China's president", "the Chinese president": the in-article holder first, then the gazetteer. */
export function resolveRoleRef(ctx: ActorContext, state: string, roleWord: string): string | null {
  const offices = ctx.gaz.officesForRoleWord(roleWord);
  if (offices.length === 0) return null;
  const role = normKey(roleWord);
  for (const office of offices) {
    for (const person of ctx.roles.keys()) {
      if (officesOf(ctx, person, state).includes(office)) return person;
    }
  }
  // A stated role with no office mapping still matches by its words ("the Chinese ambassador").
  for (const [person, roles] of ctx.roles) {
    if (roles.some((r) => r.of === state && normKey(r.role).endsWith(role))) return person;
  }
  for (const office of offices) {
    const holder = ctx.gaz.holderOf(state, office, ctx.published);
    if (holder) return holder;
  }
  return null;
}

/** "his Chinese counterpart": whoever holds, in `state`, the office the possessor holds. */
export function resolveCounterpart(
  ctx: ActorContext,
  possessor: string | null,
  state: string,
): { person: string; role: string } | null {
  if (!possessor) return null;
  const roles = ctx.roles.get(possessor) ?? [];
  for (const r of roles) {
    for (const office of r.offices) {
      for (const person of ctx.roles.keys()) {
        if (person !== possessor && officesOf(ctx, person, state).includes(office)) {
          return { person, role: r.role };
        }
      }
      const holder = ctx.gaz.holderOf(state, office, ctx.published);
      if (holder && holder !== possessor) return { person: holder, role: r.role };
    }
  }
  return null;
}

/** Distinct actors of the given kinds mentioned (not attributively) in this and the previous sentence. */
function recentActors(ctx: ActorContext, sentence: number, kinds: string[]): string[] {
  const ids: string[] = [];
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.sentence < sentence - 1) break;
    if (m.attributive) continue;
    const kind = ctx.actors.get(m.actor)?.kind;
    if (kind && kinds.includes(kind) && !ids.includes(m.actor)) ids.push(m.actor);
  }
  return ids;
}

/** The one person "he"/"his" can refer to here, or null when there is none or several. */
export function uniqueRecentPerson(ctx: ActorContext, sentence: number): string | null {
  const ids = recentActors(ctx, sentence, ['person']);
  return ids.length === 1 ? ids[0]! : null;
}

/**
 * "Pederson" for the "Pedersen" named earlier: a surname of five letters or more, one letter
 * apart from one person's surname in this article (and no actor's name itself).
 */
function misspelt(ctx: ActorContext, w: Word): Set<string> | undefined {
  if (w.key.length < 5 || w.pos !== 'PROPN' || ctx.gaz.lookup(w.text).length > 0) return undefined;
  const found = new Set<string>();
  for (const [key, ids] of ctx.surnames) {
    if (key.length >= 5 && key[0] === w.key[0] && oneEdit(key, w.key))
      ids.forEach((id) => found.add(id));
  }
  return found.size > 0 ? found : undefined;
}

/** True when two words differ by exactly one substitution, insertion or deletion. */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A surname of a person already in the article ("Xi", "Biden"), or null. */
export function surnameAt(ctx: ActorContext, words: Word[], i: number): string | null {
  const w = words[i]!;
  if (!w.cap) return null;
  const next = words[i + 1];
  // "Kim Yo-jong" is someone else, not Kim Jong-un's surname.
  if (next && next.cap && !next.joined && /^[A-Z][a-z]/.test(next.text) && next.pos === 'PROPN') {
    return null;
  }
  // "May 5", "Young people": a surname that is an ordinary word counts only mid-sentence.
  if (MONTHS.has(w.key) && next && /^\d/.test(next.text)) return null;
  if (isWordSurname(w.key) && (i === 0 || /^["'\u201c\u2018(]$/.test(words[i - 1]!.text))) {
    return null;
  }
  const ids = ctx.surnames.get(w.key) ?? misspelt(ctx, w);
  if (ids) return ids.size === 1 ? [...ids][0]! : null;
  const lead = ctx.leadingNames.get(w.key);
  return lead && lead.size === 1 ? [...lead][0]! : null;
}

const LEAD_WORDS = new Set(
  'when but after and as if then while meanwhile also later both with by for from to said says told'.split(
    ' ',
  ),
);

/** True when the article names someone else with this surname ("Rohan Modi, a trader"). */
function otherBearer(ctx: ActorContext, surname: string, person: string): boolean {
  return ctx.textAnswer(`bearer\n${surname}\n${person}`, () => scanForBearer(ctx, surname, person));
}

function scanForBearer(ctx: ActorContext, surname: string, person: string): boolean {
  const own = new Set(normKey(ctx.gaz.byId(person)?.name ?? '').split(/[\s-]+/));
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `(?<![\\p{L}'\u2019-])(\\p{Lu}[\\p{L}'\u2019-]{0,30})\\s{1,3}${escaped}(?![\\p{L}])`,
    'gu',
  );
  for (const m of ctx.text.matchAll(re)) {
    if (/['\u2019]s$/.test(m[1]!)) continue;
    const key = normKey(m[1]!);
    if (own.has(key) || LEAD_WORDS.has(key) || ctx.gaz.titles.has(key)) continue;
    if (ctx.gaz.lookup(m[1]!).length > 0 || ctx.gaz.officesForRoleWord(key).length > 0) continue;
    return true;
  }
  return false;
}

/**
 * "Modi and Kishida agreed", "Lula met Xi": a bare surname no earlier name introduced, read as the
 * one gazetteer person with that surname who held an office on the article's date. Common and
 * ordinary-word surnames, and surnames several known people share ("Kim", "Sharif"), never resolve
 * this way, nor does a word the gazetteer also knows as a place or body.
 */
export function officeHolderSurnameAt(ctx: ActorContext, words: Word[], i: number): string | null {
  const w = words[i]!;
  if (!w.cap || w.joined || !/^[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+$/.test(w.text)) return null;
  // "No", "So", "Will": a word the tagger reads as anything but a name is no one's surname.
  if (w.pos !== 'PROPN') return null;
  if (isCommonSurname(w.key) || MONTHS.has(w.key)) return null;
  if (ctx.surnames.has(w.key) || ctx.leadingNames.has(w.key)) return null;
  const next = words[i + 1];
  // "Xi Jinping" or "Sharif Ahmed" is a full name, read elsewhere; "Modi-Kishida" is one word.
  if (next && next.cap && !next.joined && /^[A-Z][a-z]/.test(next.text) && next.pos === 'PROPN') {
    return null;
  }
  if (next?.joined && next.start === w.end) return null;
  const prev = words[i - 1];
  if (prev?.joined && prev.end === w.start) return null;
  // "Rohan Modi": the end of a name the actor stage did not take is someone else.
  if (prev && prev.cap && prev.pos === 'PROPN') return null;
  const other = ctx.gaz.lookup(w.text).some((e) => e.kind !== 'person');
  if (other) return null;
  // A surname several known people share ("Sharif", "Khan") needs the full name first.
  const people = ctx.gaz.peopleWithSurname(w.key);
  if (people.length !== 1) return null;
  if (otherBearer(ctx, w.text, people[0]!)) return null;
  const date = ctx.published;
  const holders = people.filter((p) =>
    (ctx.gaz.byId(p)?.roles ?? []).some((r) => !!r.office && heldOn(r, date)),
  );
  return holders.length === 1 ? holders[0]! : null;
}
