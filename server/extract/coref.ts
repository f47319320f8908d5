// Coreference within one article: surnames, role phrases ("China's president"), "his Chinese
// counterpart", "the minister", and pronouns with a single possible antecedent.
import type { ActorContext } from './actor-context.ts';
import type { Word } from './actor-words.ts';
import { MONTHS, isWordSurname, normKey } from './names.ts';

/** Offices a person holds for `of` in this article (stated roles and gazetteer roles on the date). */
function officesOf(ctx: ActorContext, person: string, of: string | null): string[] {
  const out: string[] = [];
  for (const r of ctx.roles.get(person) ?? []) {
    if (of === null || r.of === of) out.push(...r.offices);
  }
  return out;
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

/** "the minister", "the president": the most recent person in the article with that role. */
export function resolveDefiniteRole(ctx: ActorContext, roleWord: string): string | null {
  const offices = new Set(ctx.gaz.officesForRoleWord(roleWord));
  const role = normKey(roleWord);
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const person = ctx.mentions[i]!.actor;
    const roles = ctx.roles.get(person);
    if (!roles) continue;
    if (
      roles.some((r) => normKey(r.role).endsWith(role) || r.offices.some((o) => offices.has(o)))
    ) {
      return person;
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

const PERSON_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him']);

/** A pronoun at `i` resolved to its single possible antecedent, or null. */
export function pronounAt(
  ctx: ActorContext,
  words: Word[],
  i: number,
  sentence: number,
): string | null {
  const w = words[i]!;
  if (PERSON_PRONOUNS.has(w.key)) return uniqueRecentPerson(ctx, sentence);
  if (w.key === 'it' || w.key === 'its') {
    if (w.key === 'it') {
      const next = words[i + 1];
      if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) return null;
    }
    const ids = recentActors(ctx, sentence, ['state', 'organization']);
    return ids.length === 1 ? ids[0]! : null;
  }
  return null;
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
  const ids = ctx.surnames.get(w.key);
  if (ids) return ids.size === 1 ? [...ids][0]! : null;
  const lead = ctx.leadingNames.get(w.key);
  return lead && lead.size === 1 ? [...lead][0]! : null;
}
